"""Problems found in a dataset, each pinned to a place in the file and worded from the catalogs.

A problem carries a message key and its parameters, not a sentence, so the same fault reads in
the window's language, in ``validate --lang``'s, and in English by default (``str(problem)``).
A parameter may itself be a :class:`Message` (a record kind, an EDTF reason), worded in the
same language. :func:`report_lines` keeps a flood of identical problems readable.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["MAX_PROBLEMS", "DatasetError", "cut", "Message", "Problem", "ProblemList", "bug_problem", "format_problem",
           "report_lines", "visible", "word"]

REPORT_LANGUAGE = "en"  # what str() of a problem or an EDTF error uses
SHOWN_PER_KIND = 5  # problems of one kind shown in full before the rest are summarised
MAX_REPORT_LINES = 300
MAX_PROBLEMS = 1000  # kept per load; the rest are counted (7 MB of "- {}" is 7 million problems)


# What must not reach a terminal or a list as itself: C0 and C1 controls (ESC starts a terminal's
# commands, BEL rings), DEL, bidirectional overrides and isolates (they reorder what follows),
# zero-width characters (they hide), line and paragraph separators, and lone surrogates (no
# encoder takes them: print() would raise).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def visible(text: str) -> str:
    """``text`` with every character that could act on a terminal or hide written as an escape."""
    if text.isascii() and text.isprintable():
        return text
    return _INVISIBLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def word(key: str, params: tuple[tuple[str, object], ...], lang: str) -> str:
    """The catalog's wording of ``key`` in ``lang``, nested messages worded in the same language, the
    values a message quotes from a file made :func:`visible`."""
    from ..i18n import catalog  # the catalogs are plain data; imported late to keep this module light

    values = {name: value.text(lang) if isinstance(value, Message) else visible(value) if type(value) is str else value
              for name, value in params}
    return catalog(lang).STRINGS[key].format(**values)


@dataclass(frozen=True, slots=True)
class Message:
    """A catalog key with its parameters: wording that is chosen when it is shown."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, /, **params: object) -> Message:
        return cls(key, tuple(params.items()))

    def text(self, lang: str = REPORT_LANGUAGE) -> str:
        return word(self.key, self.params, lang)

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True, slots=True)
class Problem:
    """One fault in a dataset file. ``line`` and ``column`` count from 1, as editors do.

    ``key`` names the catalog string (``problem.…``); ``params`` are its values as (name, value)
    pairs, so a problem stays hashable and comparable.
    """

    file: str
    line: int
    column: int
    key: str
    params: tuple[tuple[str, object], ...] = ()

    @property
    def message(self) -> str:
        """The message in English."""
        return self.message_in(REPORT_LANGUAGE)

    def message_in(self, lang: str) -> str:
        return word(self.key, self.params, lang)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.key, self.message)

    def __str__(self) -> str:
        return format_problem(self)


def format_problem(problem: Problem, lang: str = REPORT_LANGUAGE) -> str:
    """``FILE:LINE:COL: message`` with the message in ``lang``."""
    return f"{visible(problem.file)}:{problem.line}:{problem.column}: {problem.message_in(lang)}"


QUOTED_MAX = 200  # characters of a value a message quotes


def cut(value: object) -> object:
    """A value as a message quotes it: a megabyte of text is named by its start."""
    return value[:QUOTED_MAX] + "…" if type(value) is str and len(value) > QUOTED_MAX else value


def bug_problem(file: str, error: BaseException) -> Problem:
    """A fault of ours met while loading ``file``: listed as a problem (and logged by the caller)."""
    return Problem(file, 1, 1, "problem.load.bug", (("error", f"{type(error).__name__}: {error}"[:300]),))


class ProblemList:
    """The problems of one load: the first :data:`MAX_PROBLEMS` by position are kept, the rest counted.

    Which ones are kept does not depend on the order they were found in (the two loading paths
    find them in different orders), only on where they stand: a bounded heap of the first ones.
    """

    def __init__(self, cap: int = MAX_PROBLEMS):
        self.cap = cap
        self.dropped = 0
        self._heap: list[tuple] = []  # (-line, -column, key, -order, problem): the heap's top is the last kept
        self._order = 0

    def append(self, problem: Problem) -> None:
        self._order += 1
        entry = (-problem.line, -problem.column, _Reversed(problem.key), -self._order, problem)
        if len(self._heap) < self.cap:
            heapq.heappush(self._heap, entry)
        else:
            self.dropped += 1
            if entry > self._heap[0]:  # stands before the last one kept
                heapq.heapreplace(self._heap, entry)

    def beyond(self, line: int, column: int, n: int = 1) -> bool:
        """Counts ``n`` problems at ``line``:``column`` without making them, when none would be kept:
        the list is full and they stand after the last one kept (a flood comes in file order)."""
        if len(self._heap) < self.cap or (line, column) <= (-self._heap[0][0], -self._heap[0][1]):
            return False
        self._order += n
        self.dropped += n
        return True

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)
        self.dropped += getattr(problems, "dropped", 0)

    def __iadd__(self, problems: Iterable[Problem]) -> ProblemList:
        self.extend(problems)
        return self

    def __iter__(self):
        return (entry[-1] for entry in self._heap)

    def __len__(self) -> int:
        return len(self._heap) + self.dropped

    def __bool__(self) -> bool:
        return bool(self._heap)

    def __getitem__(self, index: int) -> Problem:
        return sorted(self, key=Problem.sort_key)[index]


@dataclass(frozen=True, slots=True)
class _Reversed:
    """A key that orders backwards, for the heap of :class:`ProblemList`."""

    key: str

    def __lt__(self, other: _Reversed) -> bool:
        return self.key > other.key


class DatasetError(Exception):
    """A dataset could not be loaded; ``problems`` holds every fault found, in file order.

    Of more than :data:`MAX_PROBLEMS`, the first are kept and a last one says how many more there
    were (``total`` counts them all).
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        dropped = getattr(problems, "dropped", 0)
        self.total = len(self.problems) + dropped
        if dropped:
            last = self.problems[-1]
            self.problems.append(Problem(last.file, last.line, last.column, "problem.report.rest", (("n", dropped),)))
        super().__init__(self.total)

    def __str__(self) -> str:  # worded only when shown: a broken archive may hold 100,000 problems
        return "\n".join(str(p) for p in self.problems)


def report_lines(problems: Sequence[Problem], lang: str = REPORT_LANGUAGE,
                 shown_per_kind: int = SHOWN_PER_KIND, max_lines: int = MAX_REPORT_LINES) -> list[str]:
    """Problems as lines to show, ``FILE:LINE:COL`` first on each.

    Of the problems of one kind (one message key), the first ``shown_per_kind`` are shown in
    full and the rest in one line that gives their count and lines; past ``max_lines`` one last
    line counts what is left.
    """
    groups: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        groups.setdefault((problem.file, problem.key), []).append(problem)
    entries: list[tuple[Problem, str, int]] = []  # the line's first problem, its text, how many it stands for
    for members in groups.values():
        entries += [(p, format_problem(p, lang), 1) for p in members[:shown_per_kind]]
        rest = members[shown_per_kind:]
        if not rest:
            continue
        lines = Message.of("problem.report.lines", first=rest[0].line, last=rest[-1].line) \
            if rest[-1].line != rest[0].line else Message.of("problem.report.line", line=rest[0].line)
        more = Message.of("problem.report.more", message=rest[0].message_in(lang), n=len(rest), lines=lines)
        entries.append((rest[0], f"{visible(rest[0].file)}:{rest[0].line}:{rest[0].column}: {more.text(lang)}", len(rest)))
    entries.sort(key=lambda entry: entry[0].sort_key())
    lines = [text for _, text, _ in entries]
    if len(lines) <= max_lines:
        return lines
    hidden = entries[max_lines - 1:]
    first = hidden[0][0]
    tail = Message.of("problem.report.rest", n=sum(count for _, _, count in hidden)).text(lang)
    return lines[:max_lines - 1] + [f"{visible(first.file)}:{first.line}:{first.column}: {tail}"]

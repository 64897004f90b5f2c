"""Problems found in a dataset, each pinned to a place in the file and worded from the catalogs.

A problem carries a message key and its parameters, not a sentence, so the same fault reads in
the window's language, in ``validate --lang``'s, and in English by default (``str(problem)``).
A parameter may itself be a :class:`Message` (a record kind, an EDTF reason), worded in the
same language. :func:`report_lines` keeps a flood of identical problems readable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["DatasetError", "Message", "Problem", "format_problem", "report_lines", "word"]

REPORT_LANGUAGE = "en"  # what str() of a problem or an EDTF error uses
SHOWN_PER_KIND = 5  # problems of one kind shown in full before the rest are summarised
MAX_REPORT_LINES = 300


def word(key: str, params: tuple[tuple[str, object], ...], lang: str) -> str:
    """The catalog's wording of ``key`` in ``lang``, nested messages worded in the same language."""
    from ..i18n import catalog  # the catalogs are plain data; imported late to keep this module light

    values = {name: value.text(lang) if isinstance(value, Message) else value for name, value in params}
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
    return f"{problem.file}:{problem.line}:{problem.column}: {problem.message_in(lang)}"


class DatasetError(Exception):
    """A dataset could not be loaded; ``problems`` holds every fault found, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(len(self.problems))

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
        entries.append((rest[0], f"{rest[0].file}:{rest[0].line}:{rest[0].column}: {more.text(lang)}", len(rest)))
    entries.sort(key=lambda entry: entry[0].sort_key())
    lines = [text for _, text, _ in entries]
    if len(lines) <= max_lines:
        return lines
    hidden = entries[max_lines - 1:]
    first = hidden[0][0]
    tail = Message.of("problem.report.rest", n=sum(count for _, _, count in hidden)).text(lang)
    return lines[:max_lines - 1] + [f"{first.file}:{first.line}:{first.column}: {tail}"]

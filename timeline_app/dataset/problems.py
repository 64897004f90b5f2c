"""Problems found in a dataset, each pinned to a place in the file: data, worded only when shown.

A problem carries a message key and its parameters, not a sentence, so the same fault reads in
the window's language, in ``validate --lang``'s, and in English by default. A parameter may
itself be a :class:`Message` (a record kind, an EDTF reason). The wording lives a layer up, in
:mod:`timeline_app.i18n.problems`, with the catalogs it reads.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["MAX_PROBLEMS", "DatasetError", "Message", "Problem", "ProblemList", "bug_problem", "cut"]

MAX_PROBLEMS = 1000  # kept per load; the rest are counted (7 MB of "- {}" is 7 million problems)


@dataclass(frozen=True, slots=True)
class Message:
    """A catalog key with its parameters: wording that is chosen when it is shown."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, /, **params: object) -> Message:
        return cls(key, tuple(params.items()))


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

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.key, repr(self.params))

    def __str__(self) -> str:  # unworded, for a traceback; people read i18n.problems.format_problem
        return f"{self.file}:{self.line}:{self.column}: {self.key} {dict(self.params)}"


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

    def __str__(self) -> str:  # for a traceback; people read them worded (i18n.problems.report_lines)
        return "\n".join(str(p) for p in self.problems)

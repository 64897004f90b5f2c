"""Problems found in a dataset, each pinned to a place in the file: data, worded only when shown.

A problem carries a message key and its parameters, not a sentence, so the same fault reads in
the window's language, in ``validate --lang``'s, and in English by default. A parameter may
itself be a :class:`Message` (a record kind, an EDTF reason). The wording lives a layer up, in
:mod:`timeline_app.i18n.problems`, with the catalogs it reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["DatasetError", "Message", "Problem"]


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


class DatasetError(Exception):
    """A dataset could not be loaded; ``problems`` holds every fault found, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(len(self.problems))

    def __str__(self) -> str:  # for a traceback; people read them worded (i18n.problems.report_lines)
        return "\n".join(str(p) for p in self.problems)

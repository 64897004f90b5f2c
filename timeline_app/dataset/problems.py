"""Problems found in a dataset, each pinned to a place in the file."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DatasetError", "Problem"]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One fault in a dataset file. ``line`` and ``column`` count from 1, as editors do."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class DatasetError(Exception):
    """A dataset could not be loaded; ``problems`` holds every fault found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

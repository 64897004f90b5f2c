"""Two branches side by side: per year and category, which milestones each has. Qt-free.

A milestone counts in the year its date begins; one whose date the sources do not state (some
day in a period) is counted apart, under no year, rather than in a year it may not belong to.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dataset.edtf import Kind
from ..dataset.records import BranchKind, Dataset

__all__ = ["Comparison", "compare_branches"]


@dataclass(frozen=True, slots=True)
class Comparison:
    """``rows``: (year or None for "date not stated", category id, ids per branch), in time order."""

    branches: tuple[str, ...]
    rows: tuple[tuple[int | None, str, tuple[tuple[str, ...], ...]], ...]


def compare_branches(ds: Dataset, branches: tuple[str, ...] | None = None) -> Comparison:
    """The milestones of ``branches`` (default: the dataset's first two branches with lanes of
    their own) by year and category, the categories in the dataset's order."""
    if branches is None:
        branches = tuple(b.id for b in ds.branches if b.kind is BranchKind.BRANCH)[:2]
    cells: dict[tuple[int | None, str], list[list[str]]] = {}
    for m in ds.chronological:
        if m.branch not in branches:
            continue
        year = None if m.date.kind is Kind.ONE_OF or m.date.earliest is None else m.date.earliest.year
        cell = cells.setdefault((year, m.category), [[] for _ in branches])
        cell[branches.index(m.branch)].append(m.id)
    order = {c.id: k for k, c in enumerate(ds.categories)}
    keys = sorted(cells, key=lambda key: (key[0] is None, key[0] or 0, order[key[1]]))
    return Comparison(branches, tuple((year, category, tuple(map(tuple, cells[(year, category)])))
                                     for year, category in keys))

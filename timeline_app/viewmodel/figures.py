"""Which indicator figures a kiosk shows as "then → now": those a source gives at two or more
dates, first and last, per branch. Cumulative counts over a period ("197 in ten years") have no
"then" and are left to the archivist's indicator panel."""

from __future__ import annotations

from ..dataset.edtf import Kind
from ..dataset.records import BranchKind, Dataset, Indicator, IndicatorPoint

__all__ = ["PER_BRANCH", "kiosk_figures", "then_and_now"]

PER_BRANCH = 3  # at most this many a branch


def then_and_now(ind: Indicator) -> tuple[IndicatorPoint, IndicatorPoint] | None:
    """The first and last figures of a dated series, or None if there are not two."""
    dated = sorted((p for p in ind.points if p.date.kind is not Kind.INTERVAL), key=lambda p: p.date.sort_key)
    return (dated[0], dated[-1]) if len(dated) >= 2 else None


def kiosk_figures(ds: Dataset, branches: tuple[str, ...] | None = None,
                  measures: tuple[str, ...] | None = None) -> list[tuple[str, list[Indicator]]]:
    """(branch id, its indicators) for each shown branch with a lane that has any.

    The named ``measures`` in their order; without names, the measures every such branch has a
    then and a now of (so the branches compare side by side), else each branch's first ones.
    """
    lanes = [b.id for b in ds.branches if b.kind is BranchKind.BRANCH and (branches is None or b.id in branches)]
    own = {b: {i.measure: i for i in ds.indicators if i.branch == b and then_and_now(i)} for b in lanes}
    if measures is None:
        shared = [m for m in own[lanes[0]] if all(m in own[b] for b in lanes)] if lanes else []
        measures = tuple(shared[:PER_BRANCH]) or None
    result = []
    for branch in lanes:
        chosen = list(own[branch].values())[:PER_BRANCH] if measures is None else \
            [own[branch][m] for m in measures if m in own[branch]]
        if chosen:
            result.append((branch, chosen))
    return result

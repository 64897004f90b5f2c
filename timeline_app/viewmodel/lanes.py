"""Which lanes the timeline has, and each lane's milestones as arrays ready for fast layout.

One lane per branch of kind ``branch``, in dataset order; the parent hospital and the alliance
share a middle band placed between the first half of the lanes and the rest. The lanes of the
whole dataset are built once; a filter only masks them (:meth:`Lane.masked`), so a keystroke
never rebuilds what did not change.

A lane holds its dated milestones (anchored at their dates, sorted by time) and, apart, the
undated ones (a day somewhere in a period): those have no position in time at all, only an
order in the lane's "date not stated" strip.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import cached_property

import numpy as np

from ..dataset.records import Dataset
from .index import DrawStyle, MilestoneIndex

__all__ = ["MIDDLE", "Lane", "LaneItems", "StripItems", "build_lanes"]

MIDDLE = "__middle__"  # the lane id of the shared middle band


@dataclass(frozen=True)
class _Items:
    """Parallel arrays of some of a lane's milestones; ``rows`` index the :class:`MilestoneIndex`.

    ``rank`` orders label priority (lower first): heavier categories, then finer dates, then a
    spread over time. ``category`` holds category codes (indices into ``dataset.categories``).
    """

    rows: np.ndarray
    ids: np.ndarray  # of str
    lo: np.ndarray  # [lo, hi) span in days
    hi: np.ndarray
    rank: np.ndarray
    category: np.ndarray

    def __len__(self) -> int:
        return len(self.rows)

    @cached_property
    def position(self) -> dict[str, int]:
        """Index of each milestone id in the arrays (made when first asked, once per filter)."""
        return {milestone_id: i for i, milestone_id in enumerate(self.ids.tolist())}

    def masked(self, keep: np.ndarray):
        """The items whose index rows ``keep`` (a mask over the whole index) lets through."""
        take = keep[self.rows]
        if take.all():
            return self
        return type(self)(**{f.name: getattr(self, f.name)[take] for f in fields(self)})


@dataclass(frozen=True)
class LaneItems(_Items):
    """Dated milestones sorted by ``x``: the day a marker stands on (a span's start, a month's or
    year's middle)."""

    x: np.ndarray = None
    style: np.ndarray = None  # DrawStyle

    @cached_property
    def reach_left(self) -> float:
        """How many days the longest span reaches before the day its marker is sorted by."""
        return float((self.x - self.lo).max()) if len(self) else 0.0

    @cached_property
    def reach_right(self) -> float:
        """How many days the longest span reaches past the day its marker is sorted by."""
        return float((self.hi - self.x).max()) if len(self) else 0.0


@dataclass(frozen=True)
class StripItems(_Items):
    """Undated milestones in strip order: by period, then by priority. Their ``lo``/``hi`` is the
    period the day falls in; nothing here says where in it."""

    @cached_property
    def groups(self) -> list[tuple[float, float, int, int]]:
        """(lo, hi, start, stop) of each period's run of items."""
        if not len(self):
            return []
        breaks = np.flatnonzero((np.diff(self.lo) != 0) | (np.diff(self.hi) != 0)) + 1
        starts = [0, *breaks.tolist()]
        stops = [*breaks.tolist(), len(self)]
        return [(float(self.lo[a]), float(self.hi[a]), a, b) for a, b in zip(starts, stops)]


@dataclass(frozen=True)
class Lane:
    id: str  # a branch id, or MIDDLE
    branches: tuple[str, ...]  # the branches whose milestones it holds
    dated: LaneItems
    undated: StripItems
    founding: str | None = None  # the milestone whose anniversaries the lane marks

    def masked(self, keep: np.ndarray) -> Lane:
        dated, undated = self.dated.masked(keep), self.undated.masked(keep)
        if dated is self.dated and undated is self.undated:
            return self
        return replace(self, dated=dated, undated=undated)

    def __len__(self) -> int:
        return len(self.dated) + len(self.undated)


def lane_order(ds: Dataset) -> list[tuple[str, tuple[str, ...]]]:
    """(lane id, branch ids) top to bottom: own lanes, with the shared ones in the middle."""
    own = [b for b in ds.branches if b.has_lane]
    shared = tuple(b.id for b in ds.branches if not b.has_lane)
    order: list[tuple[str, tuple[str, ...]]] = [(b.id, (b.id,)) for b in own]
    if shared:
        order.insert((len(own) + 1) // 2, (MIDDLE, shared))
    return order


def build_lanes(index: MilestoneIndex) -> list[Lane]:
    """The lanes of every milestone in ``index``; filters mask them."""
    ds = index.dataset
    order = lane_order(ds)
    lane_of_branch = np.empty(len(ds.branches), dtype=np.int32)
    branch_code = {b.id: k for k, b in enumerate(ds.branches)}
    for k, (_, branches) in enumerate(order):
        lane_of_branch[[branch_code[b] for b in branches]] = k
    lane = lane_of_branch[index.branch] if len(index) else np.zeros(0, dtype=np.int32)
    undated, x = index.style == DrawStyle.UNDATED, index.x
    rank = _ranks(index, x)
    founding = _founding_milestones(index, lane)
    result = []
    for k, (lane_id, branches) in enumerate(order):
        dated_rows = np.flatnonzero((lane == k) & ~undated)
        dated_rows = dated_rows[np.argsort(x[dated_rows], kind="stable")]
        strip_rows = np.flatnonzero((lane == k) & undated)
        strip_rows = strip_rows[np.lexsort((rank[strip_rows], index.hi[strip_rows], index.lo[strip_rows]))]
        dated = LaneItems(**_columns(index, dated_rows, rank), x=x[dated_rows], style=index.style[dated_rows])
        strip = StripItems(**_columns(index, strip_rows, rank))
        result.append(Lane(lane_id, branches, dated, strip, founding.get(k)))
    return result


def _columns(index: MilestoneIndex, rows: np.ndarray, rank: np.ndarray) -> dict[str, np.ndarray]:
    return dict(rows=rows, ids=index.ids[rows], lo=index.lo[rows], hi=index.hi[rows], rank=rank[rows],
                category=index.category[rows])


def _ranks(index: MilestoneIndex, x: np.ndarray) -> np.ndarray:
    """Label priority of every milestone (0 first): weight, then precision, then a spread.

    The spread breaks ties so that equal-priority labels cover the whole period at every zoom:
    the k-th milestone in time gets k with its bits reversed (a van der Corput sequence), so the
    first few keys halve the period, the next quarter it, and so on.
    """
    n = len(index)
    by_time = np.argsort(x, kind="stable")
    spread = np.empty(n, dtype=np.uint64)
    spread[by_time] = _bit_reverse(np.arange(n, dtype=np.uint64))
    priority = np.lexsort((np.arange(n), spread, index.precision, -index.weight))
    rank = np.empty(n, dtype=np.int64)
    rank[priority] = np.arange(n)
    return rank


def _bit_reverse(values: np.ndarray) -> np.ndarray:
    """Reverses the 32 low bits of each value."""
    v = values.astype(np.uint64)
    result = np.zeros_like(v)
    for _ in range(32):
        result = (result << np.uint64(1)) | (v & np.uint64(1))
        v >>= np.uint64(1)
    return result


def _founding_milestones(index: MilestoneIndex, lane: np.ndarray) -> dict[int, str]:
    """Per branch lane, its earliest exactly dated milestone of the heaviest category present.

    Index rows are chronological, so the first row found is the earliest.
    """
    ds = index.dataset
    result = {}
    exact = (index.style == DrawStyle.POINT) & ~np.isnan(index.earliest)
    for code, branch in enumerate(ds.branches):
        rows = np.flatnonzero(exact & (index.branch == code))
        if branch.has_lane and rows.size:
            heaviest = rows[index.weight[rows] == index.weight[rows].max()]
            result[int(lane[heaviest[0]])] = str(index.ids[heaviest[0]])
    return result

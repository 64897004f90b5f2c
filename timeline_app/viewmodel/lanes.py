"""Which lanes the timeline has, and each lane's milestones as arrays ready for fast layout.

One lane per branch of kind ``branch``, in dataset order; the parent hospital and the alliance
share a middle band placed between the first half of the lanes and the rest. Arrays are built
once per dataset and filter, so that drawing a frame only slices them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..dataset.records import Dataset, Milestone
from ..dataset.edtf import Kind, Precision
from .timescale import span_of

__all__ = ["MIDDLE", "DrawStyle", "Lane", "LaneItems", "build_lanes", "draw_style"]

MIDDLE = "__middle__"  # the lane id of the shared middle band


class DrawStyle:
    """How exactly a milestone's date is known, as the timeline draws it."""

    POINT = 0  # a known day
    BAR = 1  # a month, season or year: a short bar over it
    SPAN = 2  # an interval that lasts a period
    UNDATED = 3  # one unknown day within a period: hollow, in the lane's "date not stated" strip


def draw_style(m: Milestone) -> int:
    if m.date.kind is Kind.ONE_OF:
        return DrawStyle.UNDATED
    if m.date.kind is Kind.INTERVAL:
        return DrawStyle.SPAN
    return DrawStyle.POINT if m.date.precision is Precision.DAY else DrawStyle.BAR


@dataclass(frozen=True)
class LaneItems:
    """Parallel arrays of one lane's milestones, sorted by ``x`` (the anchor, in days).

    ``rank`` orders label priority (0 first): heavier categories, then finer dates, then earlier.
    For undated milestones ``x`` is a layout position spread evenly within their period, not a date.
    """

    ids: tuple[str, ...]
    x: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    rank: np.ndarray
    style: np.ndarray
    category: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def periods(self) -> list[tuple[float, float]]:
        """The distinct [lo, hi) spans of these items (the undated strip draws each once)."""
        return sorted(set(zip(self.lo.tolist(), self.hi.tolist())))

    @cached_property
    def position(self) -> dict[str, int]:
        """Index of each milestone id in the arrays."""
        return {milestone_id: i for i, milestone_id in enumerate(self.ids)}

    def visible_slice(self, x0: float, x1: float) -> slice:
        return slice(int(np.searchsorted(self.x, x0, "left")), int(np.searchsorted(self.x, x1, "right")))


@dataclass(frozen=True)
class Lane:
    id: str  # a branch id, or MIDDLE
    branches: tuple[str, ...]  # the branches whose milestones it holds
    dated: LaneItems
    undated: LaneItems
    founding: str | None = None  # the milestone whose anniversaries the lane marks


def build_lanes(ds: Dataset, milestones: tuple[Milestone, ...] | list[Milestone]) -> list[Lane]:
    """The lanes, top to bottom, holding ``milestones`` (the ones the filter lets through)."""
    own = [b for b in ds.branches if b.has_lane]
    shared = tuple(b.id for b in ds.branches if not b.has_lane)
    order: list[tuple[str, tuple[str, ...]]] = [(b.id, (b.id,)) for b in own]
    if shared:
        order.insert((len(own) + 1) // 2, (MIDDLE, shared))
    weight = {c.id: c.weight for c in ds.categories}
    by_lane: dict[str, list[Milestone]] = defaultdict(list)
    lane_of = {branch: lane_id for lane_id, branches in order for branch in branches}
    for m in milestones:
        by_lane[lane_of[m.branch]].append(m)
    founding = _founding_milestones(ds, weight)
    return [
        Lane(lane_id, branches, *_items(by_lane[lane_id], weight), founding=founding.get(lane_id))
        for lane_id, branches in order
    ]


def _founding_milestones(ds: Dataset, weight: dict[str, int]) -> dict[str, str]:
    """Per branch lane, its earliest exactly dated milestone of the heaviest category present."""
    result = {}
    for branch in ds.branches:
        exact = [m for m in ds.chronological if m.branch == branch.id and m.date.is_exact_day]
        if branch.has_lane and exact:
            top = max(weight[m.category] for m in exact)
            result[branch.id] = next(m.id for m in exact if weight[m.category] == top)
    return result


def _items(milestones: list[Milestone], weight: dict[str, int]) -> tuple[LaneItems, LaneItems]:
    dated = [m for m in milestones if draw_style(m) != DrawStyle.UNDATED]
    undated = [m for m in milestones if draw_style(m) == DrawStyle.UNDATED]
    return _arrays(dated, weight, _anchor), _arrays(undated, weight, None)


def _anchor(m: Milestone, lo: float, hi: float) -> float:
    # A day sits on its day; a month or year at its middle; a span at its start.
    if draw_style(m) == DrawStyle.SPAN:
        return lo
    return (lo + hi) / 2


def _arrays(milestones: list[Milestone], weight: dict[str, int], anchor) -> LaneItems:
    spans = [span_of(m.date) for m in milestones]
    if anchor is not None:
        xs = [anchor(m, lo, hi) for m, (lo, hi) in zip(milestones, spans)]
    else:
        xs = _spread(milestones, spans, weight)
    spread = _spread_keys(xs)
    priority = sorted(
        range(len(milestones)),
        key=lambda i: (-weight[milestones[i].category], milestones[i].date.precision.rank, spread[i], milestones[i].id),
    )
    rank = np.empty(len(milestones), dtype=np.int64)
    rank[priority] = np.arange(len(milestones))
    order = np.argsort(np.asarray(xs, dtype=float), kind="stable")
    pick = order.tolist()
    return LaneItems(
        ids=tuple(milestones[i].id for i in pick),
        x=np.asarray(xs, dtype=float)[order] if milestones else np.empty(0),
        lo=np.asarray([s[0] for s in spans], dtype=float)[order] if milestones else np.empty(0),
        hi=np.asarray([s[1] for s in spans], dtype=float)[order] if milestones else np.empty(0),
        rank=rank[order] if milestones else np.empty(0, dtype=np.int64),
        style=np.asarray([draw_style(milestones[i]) for i in pick], dtype=np.int8),
        category=tuple(milestones[i].category for i in pick),
    )


def _spread_keys(xs: list[float]) -> list[int]:
    """Tie-breakers that spread equal-priority labels over the whole period at every zoom.

    The k-th item in time order gets k with its bits reversed (a van der Corput sequence):
    the first few keys halve the period, the next quarter it, and so on, so whatever range
    is in view, its best-ranked items are spread across it rather than bunched at its start.
    """
    order = sorted(range(len(xs)), key=xs.__getitem__)
    keys = [0] * len(xs)
    for k, i in enumerate(order):
        keys[i] = int(f"{k:032b}"[::-1], 2)
    return keys


def _spread(milestones: list[Milestone], spans: list[tuple[float, float]], weight: dict[str, int]) -> list[float]:
    """Evenly spaced layout positions for undated milestones, each group within its own period."""
    groups: dict[tuple[float, float], list[int]] = defaultdict(list)
    for i, span in enumerate(spans):
        groups[span].append(i)
    xs = [0.0] * len(milestones)
    for (lo, hi), members in groups.items():
        members.sort(key=lambda i: (-weight[milestones[i].category], milestones[i].id))
        for k, i in enumerate(members):
            xs[i] = lo + (hi - lo) * (k + 0.5) / len(members)
    return xs

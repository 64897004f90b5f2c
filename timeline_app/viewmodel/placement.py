"""Where one lane's labels go in one frame: as many as fit, by priority, never touching.

Pure and vectorised, so it is tested without Qt and costs about the same for 100 or 100,000
milestones: only the top-priority candidates in view are tried for a label; the rest are binned
on screen into "+N" badges: every milestone in view is labelled or counted in a badge.

Dated milestones stand at their dates (:func:`place_lane`). Undated ones have no date to stand
at, so the "date not stated" strip lays them out one after another inside the visible part of
their period (:func:`place_strip`): where they stand says nothing about when.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .index import DrawStyle
from .lanes import LaneItems, StripItems

__all__ = [
    "BADGE_HEIGHT", "LABEL_GAP", "LABEL_PAD", "STRIP_SLOT", "Cluster", "LabelBox", "LaneFrame", "StripBox",
    "StripFrame", "badge_text", "badge_width", "place_lane", "place_strip", "visible_items",
]

LABEL_PAD = 5.0  # px from a label's leader (its marker's x) to its text
LABEL_GAP = 8.0  # px kept clear between two labels (~half an em)
LEADER_CLEAR = 2.0  # px kept clear on each side of a leader, on top of half the label gap
MAX_CANDIDATES = 160  # labels tried per lane and frame; more never fit on a screen
GIVE_UP_AFTER = 16  # consecutive candidates that found no room: the rows are full
MARKER_CLEAR = 12.0  # px from a labelled marker's centre that a badge keeps clear (its selection ring too)
MARKER_SPACING = 14.0  # px between two labelled markers' centres: closer, they would overlap
STRIP_SLOT = 24.0  # px a strip item's hollow marker (and its selection ring) takes before its label
BADGE_HEIGHT = 16.0


@dataclass(frozen=True, slots=True)
class LabelBox:
    """A label standing above its marker like a flag: its leader runs from the marker up to the
    label's row at ``anchor`` and the text starts (or, ``flipped`` near the right edge, ends) there."""

    index: int  # into the lane's items
    row: int
    left: float
    right: float
    anchor: float  # the marker's x in px
    flipped: bool


@dataclass(frozen=True, slots=True)
class Cluster:
    """A badge standing for ``count`` items not shown one by one."""

    center: float  # px
    count: int
    lo: float  # extent of its members' days (dated), or their period (strip)
    hi: float
    first: int  # index of its highest-priority member
    left: float = 0.0  # px: the screen interval its members were gathered from
    right: float = 0.0


@dataclass
class LaneFrame:
    labels: list[LabelBox] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    visible: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # indices in view
    anchors: np.ndarray = field(default_factory=lambda: np.zeros(0))  # their markers' px


@dataclass(frozen=True, slots=True)
class StripBox:
    index: int  # into the strip's items
    marker: float  # px of the hollow marker's centre
    left: float  # px: the label's extent
    right: float


@dataclass
class StripFrame:
    boxes: list[StripBox] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)  # "+N" at the end of a period's run
    bands: list[tuple[float, float]] = field(default_factory=list)  # visible px of each period


class _Rows:
    """Occupied horizontal intervals per label row, kept sorted for bisection.

    Each interval carries its own clearance: a label keeps half the label gap, a leader passing
    through a row keeps ``LEADER_CLEAR``, so two labels stay ``LABEL_GAP`` apart and no label
    text ever runs over a leader.
    """

    def __init__(self, rows: int):
        self.lefts: list[list[float]] = [[] for _ in range(rows)]
        self.rights: list[list[float]] = [[] for _ in range(rows)]

    def free(self, row: int, left: float, right: float) -> bool:
        lefts, rights = self.lefts[row], self.rights[row]
        i = bisect.bisect_left(lefts, left)
        if i > 0 and rights[i - 1] > left:
            return False
        return not (i < len(lefts) and lefts[i] < right)

    def take(self, row: int, left: float, right: float) -> None:
        i = bisect.bisect_left(self.lefts[row], left)
        self.lefts[row].insert(i, left)
        self.rights[row].insert(i, right)

    def place(self, left: float, right: float, anchor: float) -> int | None:
        """The highest row where the label fits and its leader passes every row below it freely.

        The highest, so that the rows under a label stay free for the markers it stands over:
        their labels go below it, a staircase, where the lowest row would have shut them out.
        """
        half = LABEL_GAP / 2
        leader = (anchor - LEADER_CLEAR, anchor + LEADER_CLEAR)
        chosen = None
        for row in range(len(self.lefts)):
            if self.free(row, left - half, right + half):
                chosen = row
            if not self.free(row, *leader):
                break  # a label of this row stands over the marker: no leader can pass it
        if chosen is not None:
            self.take(chosen, left - half, right + half)
            for below in range(chosen):
                self.take(below, *leader)
        return chosen


def visible_items(items: LaneItems, x0: float, x1: float) -> tuple[np.ndarray, np.ndarray]:
    """The items any of whose span is in [x0, x1], and the day each one's marker stands on there.

    A month, season or year is in view wherever any of it is (zoomed in on a day of it, it spans
    the view), its marker at the middle of what is seen of it; a period's marker stands at its
    start, or at the view's edge once the start has scrolled out.
    """
    x = items.x
    start = int(np.searchsorted(x, x0 - items.reach_right, "left"))
    stop = int(np.searchsorted(x, x1 + items.reach_left, "right"))
    lo, hi = items.lo[start:stop], items.hi[start:stop]
    inside = (hi > x0) & (lo <= x1)
    indices = np.flatnonzero(inside) + start
    lo, hi = np.maximum(items.lo[indices], x0), np.minimum(items.hi[indices], x1)
    style = items.style[indices]
    anchors = np.where(style == DrawStyle.SPAN, lo, np.where(style == DrawStyle.BAR, (lo + hi) / 2, x[indices]))
    order = np.argsort(anchors, kind="stable")
    return indices[order], anchors[order]


def place_lane(
    items: LaneItems,
    x0: float,
    x1: float,
    left_px: float,
    width_px: float,
    rows: int,
    label_width: Callable[[np.ndarray], np.ndarray],
    pinned: int | None = None,
    bin_px: float = 28.0,
) -> LaneFrame:
    """Lays out the lane's items visible in [x0, x1] (days) onto ``width_px`` pixels.

    ``label_width(indices)`` gives the (elided) label widths of those items in px; ``pinned`` is an
    item that gets its label first whatever its priority (the selection). Every visible item is
    labelled or counted in a badge.
    """
    frame = LaneFrame()
    if len(items) == 0 or x1 <= x0 or width_px <= 0:
        return frame
    visible, days = visible_items(items, x0, x1)
    n = visible.size
    if n == 0:
        return frame
    scale = width_px / (x1 - x0)
    right_edge = left_px + width_px
    px = left_px + (days - x0) * scale
    frame.visible, frame.anchors = visible, px
    ranks = items.rank[visible]
    if n > MAX_CANDIDATES:
        candidates = np.argpartition(ranks, MAX_CANDIDATES)[:MAX_CANDIDATES]
        candidates = candidates[np.argsort(ranks[candidates], kind="stable")]
    else:
        candidates = np.argsort(ranks, kind="stable")
    order = candidates.tolist() if rows else []
    if rows and pinned is not None:
        at = np.flatnonzero(visible == pinned)
        if at.size:
            order = [int(at[0])] + [i for i in order if i != at[0]]
    placed = np.zeros(n, dtype=bool)
    occupied = _Rows(rows)
    misses = 0
    local_order = np.asarray(order, dtype=np.int64)
    anchors = px[local_order].tolist()
    widths = np.asarray(label_width(visible[local_order]), dtype=float).tolist() if order else []
    labelled: list[float] = []  # anchors of the labelled markers, sorted
    for local, anchor, width in zip(order, anchors, widths):
        if misses >= GIVE_UP_AFTER:
            break
        misses += 1
        near = bisect.bisect_left(labelled, anchor)
        if any(abs(labelled[k] - anchor) < MARKER_SPACING for k in (near - 1, near) if 0 <= k < len(labelled)):
            continue  # its marker would overlap a labelled one: a badge counts it
        # Right of its leader, else left of it (where the right is taken or out of the plot).
        sides = [(anchor, anchor + LABEL_PAD + width, False), (anchor - LABEL_PAD - width, anchor, True)]
        for left, right, flipped in sides:
            row = occupied.place(left, right, anchor) if left >= left_px and right <= right_edge else None
            if row is not None:
                break
        else:
            continue
        misses = 0
        bisect.insort(labelled, anchor)
        placed[local] = True
        frame.labels.append(LabelBox(int(visible[local]), row, left, right, anchor, flipped))
    _cluster_rest(frame, items, px, placed, visible, left_px, width_px, bin_px, labelled)
    return frame


def badge_text(count: int) -> str:
    """What a badge says: how many milestones it stands for that are not shown."""
    return f"+{count}"


def badge_width(count: int) -> float:
    """Width in px of the badge that shows ``count``: wider for more digits."""
    return 12.0 + 7.0 * len(badge_text(count))


def _clear_of(taken: list[float], center: float, half: float, lo: float, hi: float) -> float | None:
    """``center`` moved the least so that a badge ``half`` px wide clears every labelled marker
    (``taken``, sorted) and stays within [lo, hi]; None where no place is clear."""
    reach = half + MARKER_CLEAR
    i = bisect.bisect_left(taken, center)
    spots = [center]
    for j in (i - 1, i):
        if 0 <= j < len(taken):
            spots += [taken[j] - reach, taken[j] + reach]
    clear = reach - 1e-6
    for spot in sorted(spots, key=lambda s: abs(s - center)):
        if lo <= spot <= hi:
            k = bisect.bisect_left(taken, spot)
            if (k == 0 or spot - taken[k - 1] >= clear) and (k == len(taken) or taken[k] - spot >= clear):
                return spot
    return None


def _cluster_rest(frame: LaneFrame, items: LaneItems, px: np.ndarray, placed: np.ndarray, visible: np.ndarray,
                  left_px: float, width_px: float, bin_px: float, taken: list[float]) -> None:
    """Bins the unlabelled items on screen into "+N" badges on the marker line.

    Bins tile the lane exactly and are never narrower than the widest badge; a badge stands in
    its bin, moved aside from any labelled marker (its ring included) so that none is covered.
    A bin with no clear place joins the next one (the last, the one before it).
    """
    rest = np.flatnonzero(~placed)
    if rest.size == 0:
        return
    while True:
        n_bins = max(int(width_px // bin_px), 1)
        bin_width = width_px / n_bins
        bins = np.clip(((px[rest] - left_px) * (1.0 / bin_width)).astype(np.int64), 0, n_bins - 1)
        counts = np.bincount(bins)
        widest = badge_width(int(counts.max()))
        if widest + 2 <= bin_width or n_bins == 1:
            break
        bin_px = widest + 2
    # Items are sorted by px, so the bins come in runs: one run per non-empty bin.
    firsts = np.flatnonzero(np.diff(bins, prepend=-1))
    lasts = np.append(firsts[1:], bins.size) - 1
    members = visible[rest]
    ranks = items.rank[members]
    # The member with the lowest rank leads its bin: minimise rank and position together.
    keyed = ranks * bins.size + np.arange(bins.size)
    leads = np.minimum.reduceat(keyed, firsts) % bins.size
    runs = zip(bins[firsts].tolist(), firsts.tolist(), lasts.tolist(), members[leads].tolist(), ranks[leads].tolist(),
               np.minimum.reduceat(items.lo[members], firsts).tolist(),
               np.maximum.reduceat(items.hi[members], firsts).tolist())
    right_edge = left_px + width_px
    previous_right = left_px - 2
    pending = None  # (first, leader, its rank, left, lo, hi) of bins with no clear place
    for b, first, last, leader, rank, lo_day, hi_day in runs:
        left, right = left_px + b * bin_width, left_px + (b + 1) * bin_width
        if pending is not None:
            p_first, p_leader, p_rank, left, p_lo, p_hi = pending
            first, lo_day, hi_day = p_first, min(lo_day, p_lo), max(hi_day, p_hi)
            if p_rank < rank:
                leader, rank = p_leader, p_rank
        half = badge_width(last - first + 1) / 2
        lo = max(left - half, previous_right + 2 + half, left_px + half)
        center = _clear_of(taken, (left + right) / 2, half, lo, right_edge - half)
        if center is None:  # every place here covers a labelled marker: its members go with the next badge's
            pending = (first, leader, rank, left, lo_day, hi_day)
            continue
        pending = None
        previous_right = center + half
        frame.clusters.append(Cluster(center, last - first + 1, lo_day, hi_day, leader, left, right))
    if pending is not None:  # the last bins found no place: they join the badge before them, or stand where they are
        first, leader, rank, left, lo_day, hi_day = pending
        count = int(bins.size) - first
        if frame.clusters:
            previous = frame.clusters.pop()
            if int(items.rank[previous.first]) < rank:
                leader = previous.first
            count += previous.count
            left, lo_day, hi_day = previous.left, min(previous.lo, lo_day), max(previous.hi, hi_day)
            center = previous.center
        else:
            center = left
        half = badge_width(count) / 2
        frame.clusters.append(Cluster(min(max(center, left + half, left_px + half), right_edge - half), count, lo_day,
                                      hi_day, leader, left, right_edge))


def place_strip(items: StripItems, x0: float, x1: float, left_px: float, width_px: float,
                label_width: Callable[[np.ndarray], np.ndarray] | None, pinned: int | None = None,
                within: tuple[float, float] = (-math.inf, math.inf)) -> StripFrame:
    """Lays the undated items out one after another within the visible part of their period.

    Each period's run starts at the left end of its visible band and takes its items in
    priority order while they fit; the rest are one "+N" badge after them. ``pinned`` (the
    selection), were it behind the badge, takes the last place shown (or the first, if only
    there it fits): stepping through a strip keeps the order of what is already shown.
    Runs of overlapping periods follow one another rather than overlap. Without ``label_width``
    (a strip with no room for titles) each run is its badge alone: no marker goes unlabelled.
    ``within`` (days) are the years the filter keeps: no run is laid out in the years it shades.
    """
    frame = StripFrame()
    if len(items) == 0 or x1 <= x0 or width_px <= 0:
        return frame
    scale = width_px / (x1 - x0)
    right_edge = left_px + width_px
    cursor = left_px
    for lo, hi, start, stop in items.groups:
        kept_lo, kept_hi = max(lo, within[0]), min(hi, within[1])
        left, right = left_px + max((kept_lo - x0) * scale, 0.0), left_px + min((kept_hi - x0) * scale, width_px)
        if right - left < STRIP_SLOT:
            continue  # the period is out of view, or too narrow to hold anything
        frame.bands.append((left, right))
        order = list(range(start, stop))
        x = max(left, cursor) + 4
        boxes = _strip_run(order, label_width, x, right)
        if pinned is not None and start <= pinned < stop and pinned not in {b.index for b in boxes}:
            order.remove(pinned)  # it would be behind the badge: in the last place shown, or first
            for place in dict.fromkeys((max(len(boxes) - 1, 0), 0)):
                order.insert(place, pinned)
                boxes = _strip_run(order, label_width, x, right)
                if pinned in {b.index for b in boxes}:
                    break
                order.remove(pinned)
            else:
                order.insert(0, pinned)
        frame.boxes += boxes
        shown = len(boxes)
        x = boxes[-1].right + LABEL_GAP if boxes else x
        hidden = len(order) - shown
        if hidden:
            badge = badge_width(hidden)
            x = max(min(x, right_edge - badge), x - LABEL_GAP / 2)  # inside the plot, clear of the run
            frame.clusters.append(Cluster(x + badge / 2, hidden, lo, hi, order[shown], x, x + badge))
            x += badge + LABEL_GAP
        cursor = x
    return frame


def _strip_run(order: list[int], label_width: Callable[[np.ndarray], np.ndarray] | None, x: float,
               right: float) -> list[StripBox]:
    """The boxes of ``order`` that fit from ``x`` to ``right``, room kept for a badge of the rest;
    none without ``label_width``."""
    if label_width is None:
        return []
    widths = np.asarray(label_width(np.asarray(order, dtype=np.int64)), dtype=float).tolist()
    boxes: list[StripBox] = []
    for index, width in zip(order, widths):
        shown = len(boxes)
        room = right - (badge_width(len(order) - shown - 1) + LABEL_GAP if shown < len(order) - 1 else 0)
        end = x + STRIP_SLOT + width
        if end > room:
            break
        boxes.append(StripBox(index, x + STRIP_SLOT / 2 - 2, x + STRIP_SLOT, end))
        x = end + LABEL_GAP
    return boxes

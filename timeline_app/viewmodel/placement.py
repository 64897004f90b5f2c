"""Where one lane's labels go in one frame: as many as fit, by priority, never touching.

Pure and vectorised, so it is tested without Qt and costs about the same for 100 or 100,000
milestones: only the top-priority candidates in view are tried for a label; the rest are binned
on screen into badges with a count (a bin holding one milestone shows it as a marker).

Dated milestones stand at their dates (:func:`place_lane`). Undated ones have no date to stand
at, so the "date not stated" strip lays them out one after another inside the visible part of
their period (:func:`place_strip`): where they stand says nothing about when.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .lanes import LaneItems, StripItems

__all__ = [
    "LABEL_GAP", "Cluster", "LabelBox", "LaneFrame", "StripFrame", "badge_text", "badge_width", "place_lane",
    "place_strip",
]

MARKER_GAP = 9.0  # px from a marker's centre to its label
LABEL_GAP = 8.0  # px kept clear between two labels, and between a label and another marker (~half an em)
MAX_CANDIDATES = 160  # labels tried per lane and frame; more never fit on a screen
GIVE_UP_AFTER = 16  # consecutive candidates that found no room: the rows are full
MARKER_OVERLAP = 12.0  # px: closer than this, one marker hides another
STRIP_MARKER = 14.0  # px a strip item's hollow marker takes before its label


@dataclass(frozen=True, slots=True)
class LabelBox:
    index: int  # into the lane's items
    row: int
    left: float
    right: float
    anchor: float  # the marker's x in px
    flipped: bool  # the label stands left of its marker (near the right edge)


@dataclass(frozen=True, slots=True)
class Cluster:
    """A badge standing for ``count`` items not shown one by one."""

    center: float  # px
    count: int
    lo: float  # extent of its members' anchors, in days (dated), or their period (strip)
    hi: float
    first: int  # index of its highest-priority member
    left: float = 0.0  # px: the screen interval its members were gathered from
    right: float = 0.0


@dataclass
class LaneFrame:
    labels: list[LabelBox] = field(default_factory=list)
    singles: list[int] = field(default_factory=list)  # indices drawn as a marker without a label
    clusters: list[Cluster] = field(default_factory=list)
    visible: slice = field(default_factory=lambda: slice(0, 0))


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
    """Occupied horizontal intervals per label row, kept sorted for bisection."""

    def __init__(self, rows: int):
        self.lefts: list[list[float]] = [[] for _ in range(rows)]
        self.rights: list[list[float]] = [[] for _ in range(rows)]

    def free_row(self, left: float, right: float) -> int | None:
        for row, (lefts, rights) in enumerate(zip(self.lefts, self.rights)):
            i = bisect.bisect_left(lefts, left)
            if i > 0 and rights[i - 1] + LABEL_GAP > left:
                continue
            if i < len(lefts) and lefts[i] < right + LABEL_GAP:
                continue
            return row
        return None

    def take(self, row: int, left: float, right: float) -> None:
        i = bisect.bisect_left(self.lefts[row], left)
        self.lefts[row].insert(i, left)
        self.rights[row].insert(i, right)


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
    item that gets its label first whatever its priority (the selection).
    """
    frame = LaneFrame()
    if len(items) == 0 or x1 <= x0 or width_px <= 0:
        return frame
    visible = items.visible_slice(x0, x1)
    frame.visible = visible
    start, stop = visible.start, visible.stop
    if stop <= start:
        return frame
    scale = width_px / (x1 - x0)
    right_edge = left_px + width_px
    px = left_px + (items.x[start:stop] - x0) * scale
    ranks = items.rank[start:stop]
    n = stop - start
    if n > MAX_CANDIDATES:
        candidates = np.argpartition(ranks, MAX_CANDIDATES)[:MAX_CANDIDATES]
        candidates = candidates[np.argsort(ranks[candidates], kind="stable")]
    else:
        candidates = np.argsort(ranks, kind="stable")
    order = candidates.tolist()
    if pinned is not None and start <= pinned < stop:
        local = pinned - start
        order = [local] + [i for i in order if i != local]
    placed = np.zeros(n, dtype=bool)
    occupied = _Rows(rows)
    misses = 0
    local_order = np.asarray(order, dtype=np.int64)
    anchors = px[local_order].tolist()
    widths = np.asarray(label_width(local_order + start), dtype=float).tolist()
    for local, anchor, width in zip(order, anchors, widths):
        if misses >= GIVE_UP_AFTER:
            break
        misses += 1
        left, right, flipped = anchor - MARKER_GAP, anchor + MARKER_GAP + width, False
        if right > right_edge:
            left, right, flipped = anchor - MARKER_GAP - width, anchor + MARKER_GAP, True
        if left < left_px:
            continue
        row = occupied.free_row(left, right)
        if row is None:
            continue
        occupied.take(row, left, right)
        misses = 0
        placed[local] = True
        frame.labels.append(LabelBox(start + local, row, left, right, anchor, flipped))
    taken = np.sort(np.fromiter((b.anchor for b in frame.labels), float, len(frame.labels)))
    _cluster_rest(frame, items, px, placed, start, left_px, width_px, bin_px, taken)
    return frame


def _hidden(taken: np.ndarray, x: float) -> bool:
    """Whether a marker at ``x`` would lie under one of the labelled markers at ``taken``."""
    if taken.size == 0:
        return False
    i = int(np.searchsorted(taken, x))
    return any(abs(taken[j] - x) < MARKER_OVERLAP for j in (i - 1, i) if 0 <= j < taken.size)


def badge_text(count: int) -> str:
    """What a badge says: how many milestones it stands for that are not shown."""
    return f"+{count}"


def badge_width(count: int) -> float:
    """Width in px of the badge that shows ``count``: wider for more digits."""
    return 12.0 + 7.0 * len(badge_text(count))


def _cluster_rest(frame: LaneFrame, items: LaneItems, px: np.ndarray, placed: np.ndarray, start: int,
                  left_px: float, width_px: float, bin_px: float, taken: np.ndarray) -> None:
    """Bins the unlabelled items on screen: a lone item stays a marker, the rest form badges.

    A lone item whose marker would hide under a labelled one (``taken``: their px, sorted) is
    shown as a badge of one instead, so no milestone is ever drawn where it cannot be seen.

    Bins tile the lane exactly and are never narrower than the widest badge, so badges never
    overlap: where counts reach more digits, the bins widen and the pass is repeated.
    """
    rest = np.flatnonzero(~placed)
    if rest.size == 0:
        return
    while True:
        n_bins = max(int(width_px // bin_px), 1)
        bin_width = width_px / n_bins
        # Visible items lie right of left_px, so truncation is the floor.
        bins = np.minimum(((px[rest] - left_px) * (1.0 / bin_width)).astype(np.int64), n_bins - 1)
        counts = np.bincount(bins)
        widest = badge_width(int(counts.max()))
        if widest + 2 <= bin_width or n_bins == 1:
            break
        bin_px = widest + 2
    # Items are sorted by x, so the bins come in runs: one run per non-empty bin.
    firsts = np.flatnonzero(np.diff(bins, prepend=-1))
    lasts = np.append(firsts[1:], bins.size) - 1
    members = start + rest
    anchors = items.x[members]
    # The member with the lowest rank leads its bin: minimise rank and position together.
    keyed = items.rank[members] * bins.size + np.arange(bins.size)
    leaders = members[np.minimum.reduceat(keyed, firsts) % bins.size]
    for b, first, last, leader in zip(bins[firsts].tolist(), firsts.tolist(), lasts.tolist(), leaders.tolist()):
        left = left_px + b * bin_width
        if first == last and not _hidden(taken, float(px[rest[first]])):
            frame.singles.append(leader)
        else:
            frame.clusters.append(Cluster(left + bin_width / 2, last - first + 1, float(anchors[first]),
                                          float(anchors[last]), leader, left, left + bin_width))


def place_strip(items: StripItems, x0: float, x1: float, width_px: float,
                label_width: Callable[[np.ndarray], np.ndarray], pinned: int | None = None) -> StripFrame:
    """Lays the undated items out one after another within the visible part of their period.

    Each period's run starts at the left end of its visible band and takes its items in
    priority order while they fit; the rest are one "+N" badge after them. ``pinned`` (the
    selection), were it behind the badge, takes the last place shown (or the first, if only
    there it fits): stepping through a strip keeps the order of what is already shown.
    Runs of overlapping periods follow one another rather than overlap.
    """
    frame = StripFrame()
    if len(items) == 0 or x1 <= x0 or width_px <= 0:
        return frame
    scale = width_px / (x1 - x0)
    cursor = 0.0
    for lo, hi, start, stop in items.groups:
        left, right = max((lo - x0) * scale, 0.0), min((hi - x0) * scale, width_px)
        if right - left < STRIP_MARKER:
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
            x = max(min(x, right - badge), left)  # inside the band, even when nothing else fits
            frame.clusters.append(Cluster(x + badge / 2, hidden, lo, hi, order[shown], x, x + badge))
            x += badge + LABEL_GAP
        cursor = x
    return frame


def _strip_run(order: list[int], label_width: Callable[[np.ndarray], np.ndarray], x: float,
               right: float) -> list[StripBox]:
    """The boxes of ``order`` that fit from ``x`` to ``right``, room kept for a badge of the rest."""
    widths = np.asarray(label_width(np.asarray(order, dtype=np.int64)), dtype=float).tolist()
    boxes: list[StripBox] = []
    for index, width in zip(order, widths):
        shown = len(boxes)
        room = right - (badge_width(len(order) - shown - 1) + LABEL_GAP if shown < len(order) - 1 else 0)
        end = x + STRIP_MARKER + width
        if end > room:
            break
        boxes.append(StripBox(index, x + STRIP_MARKER / 2 - 1, x + STRIP_MARKER, end))
        x = end + LABEL_GAP
    return boxes

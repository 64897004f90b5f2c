"""Where one lane's labels go in one frame: as many as fit, by priority, never overlapping.

Pure and vectorised, so it is tested without Qt and costs about the same for 100 or 100,000
milestones: only the top-priority candidates in view are tried for a label; the rest are binned
on screen into cluster badges with a count (a bin holding one milestone shows it as a marker).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .lanes import LaneItems

__all__ = ["Cluster", "LabelBox", "badge_text", "badge_width", "LaneFrame", "LaneGeometry", "lane_geometry", "place_lane"]

MARKER_GAP = 9.0  # px from a marker's centre to its label
MAX_CANDIDATES = 160  # labels tried per lane and frame; more never fit on a screen
GIVE_UP_AFTER = 16  # consecutive candidates that found no room: the rows are full
MIN_MARKER_SPACING = 18.0  # px between inline markers below which they are binned
MARKER_OVERLAP = 12.0  # px: closer than this, one marker hides another


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
    center: float  # px
    count: int
    lo: float  # extent of its members' anchors, in days: where zooming in parts them
    hi: float
    first: int  # index of its highest-priority member


@dataclass
class LaneFrame:
    labels: list[LabelBox] = field(default_factory=list)
    singles: list[int] = field(default_factory=list)  # indices drawn as a marker without a label
    moved: dict[int, float] = field(default_factory=dict)  # singles drawn at a bin's centre (px), not at x
    clusters: list[Cluster] = field(default_factory=list)
    visible: slice = field(default_factory=lambda: slice(0, 0))


@dataclass(frozen=True, slots=True)
class LaneGeometry:
    """Vertical layout of one lane, in px from the top of the plot area."""

    top: float
    height: float
    rows: int  # label rows above the marker line
    row_height: float
    marker_y: float
    badge_y: float
    undated_y: float  # the "date not stated" strip: hollow markers and their labels


ROW_HEIGHT = 22.0
TOP_PAD = 16.0  # room above the label rows for the lane's anniversary marks
UNDATED_STRIP = 34.0
MAX_ROWS = 4  # more rows of labels read as a wall of text


def lane_geometry(height: float, weights: list[float], strips: list[bool], top: float = 0.0,
                  row_height: float = ROW_HEIGHT, marks: list[bool] | None = None) -> list[LaneGeometry]:
    """Splits ``height`` px below ``top`` among lanes: each gets room for one label row, and what
    is left is shared in proportion to ``weights``. A lane with ``strips[k]`` has an undated strip;
    one with ``marks[k]`` keeps room at its top for anniversary marks.

    Each lane gets as many label rows as fit in its share (1 to MAX_ROWS). When even one row each does
    not fit, the lanes shrink alike rather than the last one being cut off.
    """
    marks = marks or [True] * len(weights)
    fixed = [(TOP_PAD if mark else 4) + 8 + 20 + (UNDATED_STRIP if strip else 6) for strip, mark in zip(strips, marks)]
    needed = sum(f + row_height for f in fixed)
    spare = height - top - needed
    shrink = min(1.0, (height - top) / needed) if needed else 1.0
    total = sum(weights) or 1.0
    result = []
    for weight, base, strip, mark in zip(weights, fixed, strips, marks):
        each = (base + row_height) * shrink + max(spare, 0.0) * weight / total
        rows = int(min(max((each - base) // row_height, 1), MAX_ROWS))
        pad = (TOP_PAD if mark else 4) * shrink
        marker_y = top + pad + rows * row_height * shrink + 8 * shrink
        undated_y = top + each - 16 * shrink if strip else top + each + 100  # off-lane when there is none
        result.append(LaneGeometry(top, each, rows, row_height * shrink, marker_y, marker_y + 20 * shrink, undated_y))
        top += each
    return result


class _Rows:
    """Occupied horizontal intervals per label row, kept sorted for bisection."""

    def __init__(self, rows: int):
        self.lefts: list[list[float]] = [[] for _ in range(rows)]
        self.rights: list[list[float]] = [[] for _ in range(rows)]

    def free_row(self, left: float, right: float) -> int | None:
        for row, (lefts, rights) in enumerate(zip(self.lefts, self.rights)):
            i = bisect.bisect_left(lefts, left)
            if i > 0 and rights[i - 1] > left:
                continue
            if i < len(lefts) and lefts[i] < right:
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
    inline: bool = False,
) -> LaneFrame:
    """Lays out the lane's items visible in [x0, x1] (days) onto ``width_px`` pixels.

    ``label_width(indices)`` gives the (elided) label widths of those items in px; ``pinned`` is an item
    that gets its label first whatever its priority (the selection). ``inline`` labels share
    their row with the markers, so a label may not cover another item's marker; and where
    inline markers crowd, every one is binned (badges and markers alike at bin centres, which
    is honest only because inline positions are layout, not dates: the undated strip).
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
    crowded = inline and n > 1 and float(np.min(np.diff(px))) < MIN_MARKER_SPACING
    if crowded:
        order = []
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
        if inline and np.searchsorted(px, right, "right") - np.searchsorted(px, left, "left") > 1:
            continue
        row = occupied.free_row(left, right)
        if row is None:
            continue
        occupied.take(row, left, right)
        misses = 0
        placed[local] = True
        frame.labels.append(LabelBox(start + local, row, left, right, anchor, flipped))
    # A crowded strip is all badges: coarser bins read as well and draw half as many.
    taken = np.sort(np.fromiter((b.anchor for b in frame.labels), float, len(frame.labels)))
    _cluster_rest(frame, items, px, placed, start, left_px, width_px, bin_px * (1.6 if crowded else 1.0),
                  snap=crowded, taken=taken)
    return frame


def _hidden(taken: np.ndarray | None, x: float) -> bool:
    """Whether a marker at ``x`` would lie under one of the labelled markers at ``taken``."""
    if taken is None or taken.size == 0:
        return False
    i = int(np.searchsorted(taken, x))
    return any(abs(taken[j] - x) < MARKER_OVERLAP for j in (i - 1, i) if 0 <= j < taken.size)


def badge_text(count: int) -> str:
    """What a cluster badge says: how many milestones it stands for that are not shown."""
    return f"+{count}"


def badge_width(count: int) -> float:
    """Width in px of the badge that shows ``count``: wider for more digits."""
    return 12.0 + 7.0 * len(badge_text(count))


def _cluster_rest(frame: LaneFrame, items: LaneItems, px: np.ndarray, placed: np.ndarray, start: int,
                  left_px: float, width_px: float, bin_px: float, snap: bool = False,
                  taken: np.ndarray | None = None) -> None:
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
        center = left_px + (b + 0.5) * bin_width
        if first == last and not _hidden(taken, float(px[rest[first]])):
            frame.singles.append(leader)
            if snap:
                frame.moved[leader] = center
        else:
            frame.clusters.append(Cluster(center, last - first + 1, float(anchors[first]), float(anchors[last]), leader))

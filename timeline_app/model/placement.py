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

__all__ = ["Cluster", "LabelBox", "badge_width", "LaneFrame", "LaneGeometry", "lane_geometry", "place_lane"]

MARKER_GAP = 9.0  # px from a marker's centre to its label
MAX_CANDIDATES = 300  # labels tried per lane and frame; more never fit on a screen
GIVE_UP_AFTER = 40  # consecutive candidates that found no room: the rows are full


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
_FIXED = 8 + 14 + 20 + 30  # top pad, marker line, badge row, undated strip


def lane_geometry(height: float, weights: list[float], top: float = 0.0,
                  row_height: float = ROW_HEIGHT) -> list[LaneGeometry]:
    """Splits ``height`` px below ``top`` among lanes in proportion to ``weights``.

    Each lane gets as many label rows as fit in its share (1 to 6).
    """
    total = sum(weights)
    if total <= 0:
        return []
    result, available = [], height - top
    for weight in weights:
        each = available * weight / total
        rows = int(min(max((each - _FIXED) // row_height, 1), 6))
        marker_y = top + 8 + rows * row_height + 8
        result.append(LaneGeometry(top, each, rows, row_height, marker_y, marker_y + 20, top + each - 16))
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
    their row with the markers, so a label may not cover another item's marker.
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
        if inline and np.searchsorted(px, right, "right") - np.searchsorted(px, left, "left") > 1:
            continue
        row = occupied.free_row(left, right)
        if row is None:
            continue
        occupied.take(row, left, right)
        misses = 0
        placed[local] = True
        frame.labels.append(LabelBox(start + local, row, left, right, anchor, flipped))
    _cluster_rest(frame, items, px, placed, start, left_px, width_px, bin_px)
    return frame


def badge_width(count: int) -> float:
    """Width in px of the badge that shows ``count``: wider for more digits."""
    return 14.0 + 7.0 * len(str(count))


def _cluster_rest(frame: LaneFrame, items: LaneItems, px: np.ndarray, placed: np.ndarray, start: int,
                  left_px: float, width_px: float, bin_px: float) -> None:
    """Bins the unlabelled items on screen: a lone item stays a marker, the rest form badges.

    Bins tile the lane exactly and are never narrower than the widest badge, so badges never
    overlap: where counts reach more digits, the bins widen and the pass is repeated.
    """
    rest = np.flatnonzero(~placed)
    if rest.size == 0:
        return
    while True:
        n_bins = max(int(width_px // bin_px), 1)
        bin_width = width_px / n_bins
        bins = np.clip(((px[rest] - left_px) // bin_width).astype(np.int64), 0, n_bins - 1)
        counts = np.bincount(bins)
        widest = badge_width(int(counts.max()))
        if widest + 2 <= bin_width or n_bins == 1:
            break
        bin_px = widest + 2
    # Within each bin, the member with the lowest rank leads; bins keep screen order.
    order = np.lexsort((items.rank[start + rest], bins))
    sorted_bins = bins[order]
    firsts = np.flatnonzero(np.r_[True, sorted_bins[1:] != sorted_bins[:-1]])
    anchors = items.x[start + rest][order]
    lo_by_bin = np.minimum.reduceat(anchors, firsts)
    hi_by_bin = np.maximum.reduceat(anchors, firsts)
    for k, first in enumerate(firsts.tolist()):
        b = int(sorted_bins[first])
        leader = start + int(rest[order[first]])
        if counts[b] == 1:
            frame.singles.append(leader)
        else:
            center = left_px + (b + 0.5) * bin_width
            frame.clusters.append(Cluster(center, int(counts[b]), float(lo_by_bin[k]), float(hi_by_bin[k]), leader))

"""The vertical layout of the lanes: label rows, the marker line and the "date not stated" strip.

Lanes that do not all fit give up, in turn, what reads least: the extra label rows, then the
anniversary marks and the strip's caption, then their label row, then the labels of their
strip (markers and badges stay, and the detail pane names the selection). Only below that do
they shrink, alike, with no text left to squeeze: a label row too low for its text would only
draw titles over one another.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_ROWS", "ROW_HEIGHT", "LaneGeometry", "lane_geometry", "lanes_height"]

ROW_HEIGHT = 22.0
TOP_PAD = 16.0  # room above the label rows for the lane's anniversary marks
UNDATED_STRIP = 34.0  # the strip's row with room for its caption beside it
COMPACT_STRIP = 24.0  # the strip's row alone
MARKER_STRIP = 16.0  # the strip's markers without their labels
BELOW_MARKERS = 14.0  # between the marker line (with its bars and badges) and what follows
COMPACT_BELOW = 10.0
MAX_ROWS = 4  # more rows of labels read as a wall of text


@dataclass(frozen=True, slots=True)
class LaneGeometry:
    """Vertical layout of one lane, in px from the top of the plot area."""

    top: float
    height: float
    rows: int  # label rows above the marker line (0: the lanes have no room for labels)
    row_height: float
    marker_y: float  # markers, date bars and "+N" badges of the dated milestones
    undated_y: float  # the "date not stated" strip: hollow markers and their labels
    annotated: bool = True  # room for the anniversary marks and the strip's caption
    strip_labels: bool = True  # room for the titles of the strip's milestones

    def label_y(self, row: int) -> float:
        """Top of a label row: row 0 sits just above the marker line, later rows higher."""
        return self.marker_y - 8 - (row + 1) * self.row_height


# What lanes keep, from roomy to bare: (annotated, label rows at least, strip labels).
_LEVELS = ((True, 1, True), (False, 1, True), (False, 0, True), (False, 0, False))


def _strip_height(annotated: bool, strip_labels: bool) -> float:
    return UNDATED_STRIP if annotated else COMPACT_STRIP if strip_labels else MARKER_STRIP


def _fixed(strip: bool, mark: bool, annotated: bool, strip_labels: bool = True) -> float:
    """A lane's height apart from its label rows."""
    if annotated:
        return (TOP_PAD if mark else 4) + 8 + BELOW_MARKERS + (_strip_height(True, True) if strip else 6)
    return 4 + 8 + COMPACT_BELOW + (_strip_height(False, strip_labels) if strip else 4)


def lanes_height(strips: list[bool], marks: list[bool] | None = None, row_height: float = ROW_HEIGHT) -> float:
    """The height at which every lane has one label row, its marks and its strip's caption."""
    marks = marks or [True] * len(strips)
    return sum(_fixed(strip, mark, True) + row_height for strip, mark in zip(strips, marks))


def lane_geometry(height: float, weights: list[float], strips: list[bool], top: float = 0.0,
                  row_height: float = ROW_HEIGHT, marks: list[bool] | None = None) -> list[LaneGeometry]:
    """Splits ``height`` px below ``top`` among lanes: each gets room for one label row, and what
    is left is shared in proportion to ``weights``. A lane with ``strips[k]`` has an undated strip;
    one with ``marks[k]`` keeps room at its top for anniversary marks.

    Each lane gets as many label rows as fit in its share (1 to MAX_ROWS). Lanes that do not fit so
    are made compact (see the module's docstring), and shrink alike only when even that is too
    much, rather than the last one being cut off.
    """
    marks = marks or [True] * len(weights)
    available = height - top
    for annotated, rows, strip_labels in _LEVELS:
        fixed = [_fixed(strip, mark, annotated, strip_labels) for strip, mark in zip(strips, marks)]
        needed = sum(f + rows * row_height for f in fixed)
        if needed <= available:
            break
    shrink = min(1.0, available / needed) if needed > 0 else 1.0
    spare = max(available - needed, 0.0)  # shared out; only lanes with every annotation take more rows
    total = sum(weights) or 1.0
    result = []
    for weight, base, strip, mark in zip(weights, fixed, strips, marks):
        each = (base + rows * row_height) * shrink + spare * weight / total
        lane_rows = int(min(max((each - base) // row_height, 1), MAX_ROWS)) if annotated else rows
        pad = (TOP_PAD if mark and annotated else 4) * shrink
        marker_y = top + pad + lane_rows * row_height * shrink + 8 * shrink
        strip_half = _strip_height(annotated, strip_labels) / 2
        undated_y = top + each - strip_half * shrink if strip else top + each + 100  # off-lane when there is none
        result.append(LaneGeometry(top, each, lane_rows, row_height * shrink, marker_y, undated_y, annotated,
                                   strip_labels))
        top += each
    return result

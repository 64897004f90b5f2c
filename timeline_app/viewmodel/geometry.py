"""The vertical layout of the lanes: label rows, the marker line and the "date not stated" strip."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_ROWS", "ROW_HEIGHT", "LaneGeometry", "lane_geometry"]

ROW_HEIGHT = 22.0
TOP_PAD = 16.0  # room above the label rows for the lane's anniversary marks
UNDATED_STRIP = 34.0
BELOW_MARKERS = 14.0  # between the marker line (with its bars and badges) and what follows
MAX_ROWS = 4  # more rows of labels read as a wall of text


@dataclass(frozen=True, slots=True)
class LaneGeometry:
    """Vertical layout of one lane, in px from the top of the plot area."""

    top: float
    height: float
    rows: int  # label rows above the marker line
    row_height: float
    marker_y: float  # markers, date bars and "+N" badges of the dated milestones
    undated_y: float  # the "date not stated" strip: hollow markers and their labels

    def label_y(self, row: int) -> float:
        """Top of a label row: row 0 sits just above the marker line, later rows higher."""
        return self.marker_y - 8 - (row + 1) * self.row_height


def lane_geometry(height: float, weights: list[float], strips: list[bool], top: float = 0.0,
                  row_height: float = ROW_HEIGHT, marks: list[bool] | None = None) -> list[LaneGeometry]:
    """Splits ``height`` px below ``top`` among lanes: each gets room for one label row, and what
    is left is shared in proportion to ``weights``. A lane with ``strips[k]`` has an undated strip;
    one with ``marks[k]`` keeps room at its top for anniversary marks.

    Each lane gets as many label rows as fit in its share (1 to MAX_ROWS). When even one row each does
    not fit, the lanes shrink alike rather than the last one being cut off.
    """
    marks = marks or [True] * len(weights)
    fixed = [(TOP_PAD if mark else 4) + 8 + BELOW_MARKERS + (UNDATED_STRIP if strip else 6)
             for strip, mark in zip(strips, marks)]
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
        undated_y = top + each - 17 * shrink if strip else top + each + 100  # off-lane when there is none
        result.append(LaneGeometry(top, each, rows, row_height * shrink, marker_y, undated_y))
        top += each
    return result

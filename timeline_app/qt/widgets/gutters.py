"""Pixel metrics shared by every view drawn on the common time axis, so their x scales line up.

A time-aligned view maps ``state.x_range`` onto the horizontal strip that starts ``LEFT_GUTTER``
px from its own left edge and ends ``RIGHT_GUTTER`` px before its right edge; the gutters hold
lane headers, row labels and a scroll bar. Views stacked in one column then share one scale.
"""

from __future__ import annotations

__all__ = ["LEFT_GUTTER", "RIGHT_GUTTER"]

LEFT_GUTTER = 180
RIGHT_GUTTER = 16

"""Pixel metrics shared by every view drawn on the common time axis, so their x scales line up.

A time-aligned view maps ``state.x_range`` onto the horizontal strip that starts ``LEFT_GUTTER``
px from its own left edge and ends ``RIGHT_GUTTER`` px before its right edge; the gutters hold
lane headers, row labels and a scroll bar. They are the timeline frame's own (its header width
and right margin), so the views stacked under it share its scale.
"""

from __future__ import annotations

from ...viewmodel.frame import HEADER_WIDTH, RIGHT_MARGIN

__all__ = ["LEFT_GUTTER", "RIGHT_GUTTER"]

LEFT_GUTTER = int(HEADER_WIDTH)
RIGHT_GUTTER = int(RIGHT_MARGIN)

"""Sizes of the kiosk, for a screen seen at arm's length and touched with a finger.

Sizes are logical pixels; the kiosk draws everything ``scale`` times larger than a desktop
window does (Qt's ``QT_SCALE_FACTOR``, set before the application starts), by default so that
the screen is laid out as at least 1280×720 (:mod:`~timeline_app.viewmodel.screen_fit`): the
1920×1080 screen at 1.5, 3840×2160 at 3 (twice as sharp), 1280×800 at 1. On the reference screen (24″,
1920×1080: 0.277 mm a pixel) the capitals of body text are about 5.5 mm high, of the smallest
text over 4 mm, and no button is under 20 mm: legible from a step back, and easy to hit (the
guideline is 9 mm).
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

__all__ = ["BODY", "BUTTON_HEIGHT", "CAPTION", "FIGURE", "HEADING", "MIN_TARGET_MM", "MIN_TEXT_MM", "SMALL_BODY", "TITLE",
           "font", "physical_mm", "px_for_cap_mm"]

REFERENCE_PITCH_MM = 0.2767  # a 24″ 16:9 screen of 1920×1080 pixels
MIN_TARGET_MM = 9.0
MIN_TEXT_MM = 4.0  # capitals of the smallest text, the timeline's painted text included
_CAP_RATIO = 0.72  # capital height over pixel size of the bundled face (Noto Sans CJK: 0.733)

TITLE = 28  # the card's title, the window's heading
HEADING = 22  # a branch's name above its figures, panel headings
BODY = 19  # the card's summary and details
SMALL_BODY = 15  # the summary when a long one would not fit otherwise
CAPTION = 14  # sources and captions: the smallest text the kiosk shows
FIGURE = 30  # "25万+ → 43万+"
BUTTON_HEIGHT = 56
TIMELINE_TEXT = 14  # the timeline's own labels (its layout is sized for about this)


def physical_mm(logical_px: float, scale: float) -> float:
    """How long ``logical_px`` is on the reference screen when the kiosk draws at ``scale``."""
    return logical_px * scale * REFERENCE_PITCH_MM


def px_for_cap_mm(mm: float, scale: float) -> float:
    """The pixel size whose capitals are ``mm`` high on the reference screen at ``scale``."""
    return mm / (REFERENCE_PITCH_MM * scale) / _CAP_RATIO


def font(widget: QWidget, px: float, bold: bool = False) -> QFont:
    """The widget's font (the bundled CJK font behind the platform's) ``px`` logical pixels high.

    Set in points (what the timeline scales its own fonts from), converted at the screen's dpi.
    """
    f = QFont(widget.font())
    f.setPointSizeF(px * 72 / widget.logicalDpiY())
    f.setBold(bold)
    return f

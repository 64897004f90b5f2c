"""Small colour swatches for branches and categories: a category's swatch is its timeline marker.

Drawn at the widget's device pixel ratio so they stay crisp on high-DPI screens. A toggle icon
is filled when on and hollow when off, so a chip's state does not rest on colour alone.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPen, QPixmap

from ..painting import painting
from .markers import marker_pixmap

__all__ = ["BRANCH_MARK", "swatch_icon", "swatch_pixmap"]

BRANCH_MARK = "lane"  # a branch's swatch: a short rounded bar, like its lane


def swatch_pixmap(mark: str, color: str | QColor, size: int, dpr: float = 1.0, filled: bool = True) -> QPixmap:
    """A ``size``×``size`` (logical px) picture of ``mark`` (a category marker or BRANCH_MARK)."""
    if mark != BRANCH_MARK:
        return marker_pixmap(mark, QColor(color), size * 0.75, dpr, hollow=not filled, margin=size * 0.125)
    pixmap = QPixmap(int(math.ceil(size * dpr)), int(math.ceil(size * dpr)))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = QColor(color)
    pen_width = max(1.5, size / 8)
    bar = QRectF(pen_width, size / 4 + pen_width / 2, size - 2 * pen_width, size / 2 - pen_width)
    with painting(pixmap) as painter:
        painter.setPen(QPen(colour.darker(130), pen_width))
        painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(bar, bar.height() / 2, bar.height() / 2)
    return pixmap


def swatch_icon(mark: str, color: str, size: int, dpr: float = 1.0) -> QIcon:
    """An icon for a checkable chip: the filled mark when checked, its outline when not.

    The same pictures serve the selected and active modes, so a highlight never tints them away.
    """
    icon = QIcon()
    for state, filled in ((QIcon.State.On, True), (QIcon.State.Off, False)):
        pixmap = swatch_pixmap(mark, color, size, dpr, filled)
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Active, QIcon.Mode.Selected):
            icon.addPixmap(pixmap, mode, state)
    return icon

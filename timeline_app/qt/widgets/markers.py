"""The category markers: one drawing of each shape, used by the timeline, its legend, the chips,
the list and the detail pane, so a shape means the same everywhere it appears.

Shapes are pyqtgraph's symbols (``o s d t star p h + x``), which the dataset's ``marker`` names.
"""

from __future__ import annotations

import functools
import math

from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QTransform

from ..painting import painting

__all__ = ["draw_marker", "marker_path", "marker_pixmap"]


@functools.cache
def marker_path(symbol: str, size: float) -> QPainterPath:
    """The marker's outline, centred on (0, 0), ``size`` px across."""
    return QTransform.fromScale(size, size).map(Symbols[symbol])


def draw_marker(painter: QPainter, symbol: str, center: QPointF, size: float, color: QColor,
                hollow: bool = False, fill: QColor | None = None) -> None:
    """Draws a marker: filled with its colour, or ``hollow`` (an outline around ``fill``, or
    around nothing) for milestones whose date is not stated.

    A hollow marker's outline is all there is of it, so it keeps the colour itself (which the
    theme made contrast with the strip); a darker edge sets off only a filled one."""
    painter.setPen(QPen(color if hollow else color.darker(140), 1.5 if hollow else 1))
    if hollow:
        painter.setBrush(QBrush(fill) if fill is not None else Qt.BrushStyle.NoBrush)
    else:
        painter.setBrush(QBrush(color))
    painter.drawPath(marker_path(symbol, size).translated(center))


def marker_pixmap(symbol: str, color: QColor, size: float, dpr: float, hollow: bool = False,
                  fill: QColor | None = None, margin: float = 2.0) -> QPixmap:
    """A marker drawn into a transparent square pixmap ``size + 2 * margin`` logical px wide."""
    side = size + 2 * margin
    pixmap = QPixmap(int(math.ceil(side * dpr)), int(math.ceil(side * dpr)))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    with painting(pixmap) as painter:
        draw_marker(painter, symbol, QPointF(side / 2, side / 2), size, color, hollow, fill)
    return pixmap

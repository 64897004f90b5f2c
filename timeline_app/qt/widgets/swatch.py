"""Small colour swatches for branches and categories: the same marker shapes as the timeline.

Drawn at the widget's device pixel ratio so they stay crisp on high-DPI screens. A toggle icon
is filled when on and hollow when off, so a chip's state does not rest on colour alone.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

__all__ = ["BRANCH_MARK", "swatch_icon", "swatch_pixmap"]

BRANCH_MARK = "lane"  # a branch's swatch: a short rounded bar, like its lane


def swatch_pixmap(mark: str, color: str, size: int, dpr: float = 1.0, filled: bool = True) -> QPixmap:
    """A ``size``×``size`` (logical px) picture of ``mark`` (a category marker or BRANCH_MARK)."""
    pixmap = QPixmap(round(size * dpr), round(size * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(color)
    pen_width = max(1.5, size / 8)
    painter.setPen(QPen(colour.darker(130), pen_width))
    painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
    inset = pen_width
    painter.drawPath(_mark_path(mark, QRectF(inset, inset, size - 2 * inset, size - 2 * inset)))
    painter.end()
    return pixmap


def swatch_icon(mark: str, color: str, size: int, dpr: float = 1.0) -> QIcon:
    """An icon for a checkable chip: the filled mark when checked, its outline when not."""
    icon = QIcon()
    icon.addPixmap(swatch_pixmap(mark, color, size, dpr, True), QIcon.Mode.Normal, QIcon.State.On)
    icon.addPixmap(swatch_pixmap(mark, color, size, dpr, False), QIcon.Mode.Normal, QIcon.State.Off)
    return icon


def _mark_path(mark: str, r: QRectF) -> QPainterPath:
    path = QPainterPath()
    c = r.center()
    radius = r.width() / 2
    if mark == BRANCH_MARK:
        bar = QRectF(r.left(), c.y() - r.height() / 4, r.width(), r.height() / 2)
        path.addRoundedRect(bar, bar.height() / 2, bar.height() / 2)
    elif mark == "o":
        path.addEllipse(r)
    elif mark == "s":
        path.addRect(r.adjusted(1, 1, -1, -1))
    elif mark in ("+", "x"):
        angle = 45 if mark == "x" else 0
        for a in (angle, angle + 90):
            dx, dy = radius * math.cos(math.radians(a)), radius * math.sin(math.radians(a))
            path.moveTo(c.x() - dx, c.y() - dy)
            path.lineTo(c.x() + dx, c.y() + dy)
    else:
        path.addPolygon(_polygon(mark, c, radius))
        path.closeSubpath()
    return path


# marker: (corners, rotation in degrees); a star's every other corner is drawn inward
_POLYGONS = {"d": (4, 0), "t": (3, 0), "p": (5, 0), "h": (6, 30), "star": (10, 0)}
_STAR_INNER = 0.45


def _polygon(mark: str, c: QPointF, radius: float) -> QPolygonF:
    corners, rotation = _POLYGONS[mark]
    points = []
    for i in range(corners):
        r = radius * (_STAR_INNER if mark == "star" and i % 2 else 1.0)
        a = math.radians(rotation - 90 + i * 360 / corners)
        points.append(QPointF(c.x() + r * math.cos(a), c.y() + r * math.sin(a)))
    return QPolygonF(points)

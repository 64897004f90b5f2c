"""Markers, badges and labels rendered once into pixmaps, so that a frame only blits them."""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap

from ....viewmodel.placement import badge_text, badge_width
from ...painting import painting
from ..markers import marker_pixmap
from .frame import BADGE_HEIGHT, MARKER_RADIUS

__all__ = ["Sprites"]


class Sprites:
    """The frame's pictures, rendered at the painter's device pixel ratio.

    Labels are many (one per milestone and language), so they are kept in a bounded LRU cache;
    ``rendered`` counts the labels rendered so far, from which a frame's budget is counted.
    """

    MAX_LABELS = 4000

    def __init__(self):
        self._cache: dict[tuple, QPixmap] = {}
        self._labels: OrderedDict[tuple, QPixmap] = OrderedDict()
        self.rendered = 0

    def clear(self) -> None:
        self._cache.clear()
        self._labels.clear()

    @staticmethod
    def _render(width: float, height: float, dpr: float, draw) -> QPixmap:
        pixmap = QPixmap(int(math.ceil(width * dpr)), int(math.ceil(height * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        with painting(pixmap) as p:
            draw(p)
        return pixmap

    def marker(self, symbol: str, color: QColor | str, hollow: bool, fill: QColor | None, dpr: float) -> QPixmap:
        """A category marker, MARKER_RADIUS * 2 + 4 px square; hollow ones show ``fill`` (or nothing) inside."""
        color = QColor(color)
        key = ("m", symbol, color.rgba(), hollow, fill.rgba() if fill is not None else None, dpr)
        pixmap = self._cache.get(key)
        if pixmap is None:
            pixmap = self._cache[key] = marker_pixmap(symbol, color, MARKER_RADIUS * 2, dpr, hollow, fill)
        return pixmap

    def badge(self, count: int, border: QColor, fill: QColor, text: QColor, font: QFont, dpr: float) -> QPixmap:
        key = ("b", count, dpr)
        pixmap = self._cache.get(key)
        if pixmap is None:
            width = badge_width(count)

            def draw(p: QPainter) -> None:
                p.setPen(QPen(border, 1))
                p.setBrush(QBrush(fill))
                p.drawRoundedRect(QRectF(0.5, 0.5, width - 1, BADGE_HEIGHT - 1), 8, 8)
                p.setFont(font)
                p.setPen(text)
                p.drawText(QRectF(0, 0, width, BADGE_HEIGHT), Qt.AlignmentFlag.AlignCenter, badge_text(count))

            pixmap = self._cache[key] = self._render(width, BADGE_HEIGHT, dpr, draw)
        return pixmap

    def label(self, text: str, width: float, height: float, color: QColor, font: QFont, dpr: float,
              may_render: bool = True) -> QPixmap | None:
        """The label rendered once (it usually stays on screen for many frames of a zoom).

        None when it is not rendered yet and ``may_render`` is false: the frame's budget is spent.
        """
        key = (text, dpr)
        pixmap = self._labels.get(key)
        if pixmap is not None:
            self._labels.move_to_end(key)
            return pixmap
        if not may_render:
            return None

        def draw(p: QPainter) -> None:
            p.setFont(font)
            p.setPen(color)
            p.drawText(QRectF(0, 0, width + 2, height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

        pixmap = self._labels[key] = self._render(width + 2, height, dpr, draw)
        self.rendered += 1
        if len(self._labels) > self.MAX_LABELS:
            self._labels.popitem(last=False)
        return pixmap

"""The time axis under the lanes: ticks from :func:`model.timescale.ticks` and a caption.

pyqtgraph's AxisItem recomputes its layout from scratch on every range change; the timeline
changes range every frame, and its ticks are already computed, so this axis only draws them,
with each label laid out once (QStaticText).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPen, QStaticText
from PySide6.QtWidgets import QWidget

import pyqtgraph as pg

from ....viewmodel.timescale import Tick

__all__ = ["TimeAxis"]

HEIGHT = 44.0


class TimeAxis(pg.GraphicsWidget):
    """Draws ticks (major ones longer, their labels bold) and a caption of the visible span."""

    def __init__(self, view: QWidget):
        super().__init__()
        self.view = view
        self.setMinimumHeight(HEIGHT)
        self.setMaximumHeight(HEIGHT)
        self.ticks: list[Tick] = []
        self.caption = ""
        self._x0, self._x1 = 0.0, 1.0
        self._texts: dict[tuple[str, bool], QStaticText] = {}

    def set_ticks(self, ticks: list[Tick], caption: str, x0: float, x1: float) -> None:
        self.ticks, self.caption, self._x0, self._x1 = ticks, caption, x0, x1
        self.update()

    def clear_cache(self) -> None:
        """Forgets laid-out labels (after a font change)."""
        self._texts.clear()
        self.update()

    def _static(self, text: str, bold: bool) -> QStaticText:
        static = self._texts.get((text, bold))
        if static is None:
            if len(self._texts) > 512:
                self._texts.clear()
            static = self._texts[(text, bold)] = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self._font(bold))
        return static

    def _font(self, bold: bool) -> QFont:
        font = QFont(self.view.font())
        font.setBold(bold)
        return font

    def paint(self, painter: QPainter, *_) -> None:
        width = self.size().width()
        if self._x1 <= self._x0 or width <= 0:
            return
        color = self.view.theme.text
        painter.setPen(QPen(color, 1))
        painter.drawLine(QPointF(0, 0.5), QPointF(width, 0.5))
        scale = width / (self._x1 - self._x0)
        for bold in (True, False):
            painter.setFont(self._font(bold))
            for tick in self.ticks:
                if tick.major != bold:
                    continue
                x = (tick.x - self._x0) * scale
                if not 0 <= x <= width:
                    continue
                painter.drawLine(QPointF(x, 0), QPointF(x, 7 if tick.major else 4))
                static = self._static(tick.label, bold)
                left = min(max(x - static.size().width() / 2, 0), width - static.size().width())
                painter.drawStaticText(QPointF(left, 8), static)
        painter.setFont(self._font(False))
        painter.drawText(QRectF(0, 24, width, 18), Qt.AlignmentFlag.AlignCenter, self.caption)

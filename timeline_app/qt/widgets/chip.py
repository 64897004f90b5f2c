"""A filter chip: checked means shown, and it says so with a check mark, not by looking pressed.

Fusion draws a checked tool button sunken, so a row of "on" chips looked pressed and a chip
turned off looked like an ordinary button: the reverse of what it meant. A chip here is drawn
by itself: on, a check mark, its swatch filled and its name in text colour; off, no mark, the
swatch hollow and the name muted and struck through. ``only_requested`` asks for this chip alone
(double-click, or "Show only this" in its context menu); ``all_requested`` for every chip again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QFontMetricsF, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractButton, QMenu, QWidget

from ...i18n import tr
from ..colors import Theme
from ..focus_style import RING
from .swatch import swatch_pixmap

__all__ = ["SWATCH", "Chip"]

SWATCH = 14  # px: the marker's square
_PAD, _GAP, _CHECK = 8.0, 5.0, 11.0
_RING_ROOM = RING + 1  # px round the chip for its focus ring


class Chip(QAbstractButton):
    only_requested = Signal()
    all_requested = Signal()

    draws_own_focus = True  # a ring just outside its pill shape

    def __init__(self, mark: str, color: Callable[[Theme], QColor], parent: QWidget | None = None):
        """``mark``: a category marker or BRANCH_MARK; ``color``: its colour in a theme."""
        super().__init__(parent)
        self._mark, self._color = mark, color
        self._pixmaps: dict[tuple, QPixmap] = {}
        self.language = "zh"
        self.dataset = None  # whose colours the theme adapts
        self.setCheckable(True)
        self.setChecked(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        icon = SWATCH
        width = _PAD + _CHECK + _GAP + icon + _GAP + metrics.horizontalAdvance(self.text()) + _PAD
        return QSize(int(width + 1 + 2 * _RING_ROOM), int(max(metrics.height(), icon) + 10 + 2 * _RING_ROOM))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _) -> None:
        theme = Theme.of(self, self.dataset)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self.hasFocus():  # a ring outside the chip, on the window's colour: the border alone
                ring = QRectF(self.rect()).adjusted(RING / 2, RING / 2, -RING / 2, -RING / 2)  # changed too little
                painter.setPen(QPen(theme.focus, RING))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(ring, ring.height() / 2, ring.height() / 2)
            inset = _RING_ROOM + 0.5
            rect = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
            painter.setPen(QPen(theme.muted if self.isChecked() else theme.rule, 1))
            painter.setBrush(theme.base if self.isChecked() else theme.window)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            x, mid = _RING_ROOM + _PAD, rect.center().y()
            if self.isChecked():
                painter.setPen(QPen(theme.text, 1.8))
                painter.drawPolyline([QPointF(x + 1, mid), QPointF(x + 4, mid + 3), QPointF(x + _CHECK - 1, mid - 4)])
            x += _CHECK + _GAP
            painter.drawPixmap(QPointF(x, mid - SWATCH / 2), self._swatch(theme, painter.device().devicePixelRatioF()))
            x += SWATCH + _GAP
            font = QFont(self.font())
            font.setStrikeOut(not self.isChecked())
            painter.setFont(font)
            painter.setPen(theme.text if self.isChecked() else theme.muted)
            painter.drawText(QRectF(x, 0, rect.right() - x, self.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.text())
        finally:
            painter.end()

    def _swatch(self, theme: Theme, dpr: float) -> QPixmap:
        """The chip's marker, the timeline's own in this theme: filled when on, hollow when off."""
        color = self._color(theme)
        key = (color.rgba(), self.isChecked(), dpr)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) > 8:
                self._pixmaps.clear()
            pixmap = self._pixmaps[key] = swatch_pixmap(self._mark, color, SWATCH, dpr, self.isChecked())
        return pixmap

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.only_requested.emit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:
        """Shift+F10 opens the chip's menu, as the Menu key does (Qt maps only the Menu key)."""
        if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            centre = self.rect().center()
            self.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, centre, self.mapToGlobal(centre)))
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(tr("filter.only_this", self.language), self.only_requested.emit)
        menu.addAction(tr("filter.show_all", self.language), self.all_requested.emit)
        menu.popup(event.globalPos())

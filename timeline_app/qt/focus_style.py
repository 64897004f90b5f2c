"""Focus a keyboard user can see, in every theme: a solid 2 px ring in the theme's focus colour
(3:1 or more against the base). Fusion marks focus with a faint tint of the highlight (about
1.8:1) or a 1 px line; here :class:`FocusStyle` draws the ring where Fusion frames the focused
item of a list, and :class:`FocusRing` rings whichever control has the focus, once the keyboard
moved it (as Fusion, nothing after a click)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QProxyStyle, QStyle, QStyleFactory, QWidget

from .theme import Theme

__all__ = ["FocusRing", "FocusStyle", "RING", "draw_focus_ring", "install_focus_ring"]

RING = 2.0  # px


class FocusStyle(QProxyStyle):
    def __init__(self):
        super().__init__(QStyleFactory.create("Fusion"))

    def pixelMetric(self, metric, option=None, widget=None) -> int:
        if metric in (QStyle.PixelMetric.PM_FocusFrameHMargin, QStyle.PixelMetric.PM_FocusFrameVMargin):
            return int(RING) + 1  # the ring stands just outside the control
        return super().pixelMetric(metric, option, widget)

    def styleHint(self, hint, option=None, widget=None, returnData=None) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1  # the ring over the control's own edge, not hidden under it
        return super().styleHint(hint, option, widget, returnData)

    def drawPrimitive(self, element, option, painter: QPainter, widget=None) -> None:
        if element != QStyle.PrimitiveElement.PE_FrameFocusRect or widget is None:
            super().drawPrimitive(element, option, painter, widget)
            return
        if not option.state & QStyle.StateFlag.State_KeyboardFocusChange:
            return  # as Fusion: no ring after a click, only once the keyboard is in use
        painter.save()
        try:
            _ring(painter, QRectF(option.rect), widget)
        finally:
            painter.restore()


def _ring(painter: QPainter, rect: QRectF, widget: QWidget) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(Theme.of(widget).focus, RING))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(RING / 2, RING / 2, -RING / 2, -RING / 2))


def draw_focus_ring(widget: QWidget) -> None:
    """The same ring round the whole of ``widget``, from its paintEvent."""
    painter = QPainter(widget)
    try:
        _ring(painter, QRectF(widget.rect()), widget)
    finally:
        painter.end()


class _Ring(QFocusFrame):
    def paintEvent(self, _) -> None:
        draw_focus_ring(self)


class FocusRing(QObject):
    """The ring round the control with the keyboard focus; Qt keeps it on the control as it moves.
    Controls that draw their own ring say so with a true ``draws_own_focus``. The ring lives in
    its control's window and goes with it: a new one is made for the next window."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.ring: _Ring | None = None
        app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _, new: QWidget | None) -> None:
        if self.ring is None or not shiboken6.isValid(self.ring):
            self.ring = _Ring()
        keyboard = new is not None and new.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        if keyboard and not new.isWindow() and not getattr(new, "draws_own_focus", False):
            self.ring.setWidget(new)
            self.ring.show()
        else:
            self.ring.setWidget(None)
            self.ring.hide()


def install_focus_ring(app: QApplication) -> None:
    """One ring for the application (a child of it)."""
    if app.findChild(FocusRing) is None:
        FocusRing(app)

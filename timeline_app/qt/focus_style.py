"""Focus a keyboard user can see, in every theme: a solid 2 px ring in the theme's focus colour
(3:1 or more against the base). Fusion marks focus with a faint tint of the highlight (about
1.8:1) or a 1 px line; here :class:`FocusStyle` draws the ring where Fusion frames the focused
item of a list, and :class:`FocusRing` rings whichever control has the focus, once the keyboard
moved it (as Fusion, nothing after a click)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea, QApplication, QProxyStyle, QStyle, QStyleFactory, QToolBar, QWidget,
)

from .colors import Theme

__all__ = ["FocusRing", "FocusStyle", "RING", "draw_focus_ring", "install_focus_ring"]

RING = 2.0  # px


class FocusStyle(QProxyStyle):
    def __init__(self):
        super().__init__(QStyleFactory.create("Fusion"))

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


def _host(widget: QWidget) -> QWidget | None:
    """Where a control's ring is drawn: its window, or the toolbar or scrolled page it is in (a
    control that fills its parent would leave the ring no room in the parent)."""
    host, inner = widget.parentWidget(), widget
    while host is not None:
        if host.isWindow() or isinstance(host, QToolBar):
            return host
        if isinstance(host, QAbstractScrollArea) and inner is host.viewport():
            return inner
        host, inner = host.parentWidget(), host
    return None


class _Ring(QWidget):
    """Drawn on its control's parent just outside the control, and following it (a QFocusFrame
    would ask the style for its margins on every layout: a Python call each time)."""

    _FOLLOW = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)

    def __init__(self):
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.watched: list[QWidget] = []

    def follow(self, widget: QWidget | None) -> None:
        for watched in self.watched:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
        self.target, self.watched = widget, []
        host = _host(widget) if widget is not None else None
        if host is None:
            self.hide()
            return
        if self.parentWidget() is not host:
            self.setParent(host)
        walk = widget
        while walk is not host:  # the control, and the parents that move it within the host
            walk.installEventFilter(self)
            self.watched.append(walk)
            walk = walk.parentWidget()
        self._place()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in self._FOLLOW and self.target is not None:
            self._place()
        return False

    def _place(self) -> None:
        margin = int(RING) + 1
        top_left = self.target.mapTo(self.parentWidget(), self.target.rect().topLeft())
        self.setGeometry(QRect(top_left, self.target.size()).adjusted(-margin, -margin, margin, margin))
        self.setVisible(self.target.isVisible())
        self.raise_()

    def paintEvent(self, _) -> None:
        draw_focus_ring(self)


class FocusRing(QObject):
    """The ring round the control with the keyboard focus, kept on the control as it moves.
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
        self.ring.follow(new if keyboard and not getattr(new, "draws_own_focus", False) else None)


def install_focus_ring(app: QApplication) -> None:
    """One ring for the application (a child of it)."""
    if app.findChild(FocusRing) is None:
        FocusRing(app)

"""What a visitor cannot do, and what counts as a visitor doing something, for the whole
application while the kiosk runs (an application-wide event filter).

- no context menus (Qt's on every widget, QLineEdit and QLabel included), no right or middle
  clicks (pyqtgraph opens its ViewBox menu and export dialog from those), no tooltips, no
  "What's This?";
- every touch, click, wheel turn and key is reported as input (the idle timer starts again,
  the attract tour stops);
- the pointer is hidden unless a real mouse moves (a finger never shows it), and hidden again
  a few seconds after the mouse stops.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCursor, QInputDevice
from PySide6.QtWidgets import QApplication

from ....viewmodel.clock import Clock

__all__ = ["CURSOR_HIDES_AFTER", "Lockdown"]

CURSOR_HIDES_AFTER = 3.0  # s without mouse movement
_T = QEvent.Type
_SWALLOWED = {_T.ContextMenu, _T.ToolTip, _T.WhatsThis, _T.QueryWhatsThis, _T.WhatsThisClicked}
_BUTTONS = {_T.MouseButtonPress, _T.MouseButtonRelease, _T.MouseButtonDblClick}
_INPUT = {_T.TouchBegin, _T.TouchUpdate, _T.MouseButtonPress, _T.Wheel, _T.KeyPress, _T.TabletPress}
_TOUCHES = {_T.TouchBegin, _T.MouseButtonPress, _T.TabletPress}  # a finger (or the mouse) coming down


class Lockdown(QObject):
    def __init__(self, on_input: Callable[[], None], clock: Clock, parent: QObject,
                 on_touch: Callable[[], None] | None = None):
        """``on_input`` hears of every input; ``on_touch`` of each finger or click coming down."""
        super().__init__(parent)
        self._on_input = on_input
        self._on_touch = on_touch
        self.clock = clock
        self._last_mouse: float | None = None
        self.cursor_hidden = False
        self._hide_cursor()
        QApplication.instance().installEventFilter(self)

    def release(self) -> None:
        """Ends the lock-down (leaving kiosk mode): the application is as it was."""
        QApplication.instance().removeEventFilter(self)
        if self.cursor_hidden:
            QApplication.restoreOverrideCursor()
            self.cursor_hidden = False

    def tick(self) -> None:
        """Hides the pointer once the mouse has rested (called on the kiosk's tick)."""
        if self._last_mouse is not None and self.clock.now() - self._last_mouse >= CURSOR_HIDES_AFTER:
            self._last_mouse = None
            self._hide_cursor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _SWALLOWED:
            return True
        if kind in _BUTTONS and event.button() != Qt.MouseButton.LeftButton:
            return True
        if kind == _T.MouseMove and event.device().type() == QInputDevice.DeviceType.Mouse:
            self._mouse_moved()
        elif kind in _INPUT:
            self._on_input()
            if kind in _TOUCHES and self._on_touch is not None:
                self._on_touch()
        return False

    def _mouse_moved(self) -> None:
        self._on_input()
        self._last_mouse = self.clock.now()
        if self.cursor_hidden:
            QApplication.restoreOverrideCursor()
            self.cursor_hidden = False

    def _hide_cursor(self) -> None:
        if not self.cursor_hidden:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self.cursor_hidden = True

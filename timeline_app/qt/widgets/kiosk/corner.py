"""The hidden corner: held for a few seconds, it asks for the PIN that leaves kiosk mode.

Nothing shows there. The press is timed on the kiosk's clock and checked on its tick, so tests
hold it for minutes without waiting.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QWidget

from ....viewmodel.clock import Clock

__all__ = ["CORNER", "HOLD_SECONDS", "HiddenCorner"]

HOLD_SECONDS = 3.0
CORNER = 72  # px square at the window's top-left
_PRESS = (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress)
_LIFT = (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.MouseButtonRelease)


class HiddenCorner(QWidget):
    long_pressed = Signal()

    def __init__(self, clock: Clock, parent: QWidget):
        super().__init__(parent)
        self.clock = clock
        self.setFixedSize(CORNER, CORNER)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self._since: float | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() in _PRESS:
            self._since = self.clock.now()
        elif event.type() in _LIFT:
            self._since = None
        elif event.type() != QEvent.Type.TouchUpdate:
            return super().event(event)
        event.accept()
        return True

    def check(self) -> None:
        """Emits ``long_pressed`` once the press has lasted HOLD_SECONDS (the kiosk's tick)."""
        if self._since is not None and self.clock.now() - self._since >= HOLD_SECONDS:
            self._since = None
            self.long_pressed.emit()

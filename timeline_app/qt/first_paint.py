"""Doing something once a widget has first been painted: after the first frame, not before it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["after_first_paint"]


class _FirstPaint(QObject):
    def __init__(self, target: QWidget, callback: Callable[[], None]):
        super().__init__(target)
        self._target, self._callback = target, callback
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._target.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # once the paint is done and the frame is out
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Calls ``callback`` once, on the event loop turn after ``widget``'s first paint."""
    _FirstPaint(widget, callback)

"""Helpers for touch tests: a touch screen for QTest, and fingers on a widget on a clock the test
moves (the widgets time their gestures on it, so no test waits for real).

The offscreen platform's screen is 800×800 pixels and Qt drops touch points outside every
screen: keep fingers within it (mouse events are not affected).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QInputDevice
from PySide6.QtTest import QTest


@cache
def touch_screen():
    """One touch-screen device for the whole session (Qt keeps devices once registered)."""
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


def _point(p) -> QPoint:
    return p.toPoint() if isinstance(p, QPointF) else p


def press(widget, points: dict[int, QPoint]) -> None:
    sequence = QTest.touchEvent(widget, touch_screen())
    for key, p in points.items():
        sequence.press(key, _point(p), widget)
    sequence.commit()


def move(widget, points: dict[int, QPoint]) -> None:
    sequence = QTest.touchEvent(widget, touch_screen())
    for key, p in points.items():
        sequence.move(key, _point(p), widget)
    sequence.commit()


def release(widget, points: dict[int, QPoint]) -> None:
    sequence = QTest.touchEvent(widget, touch_screen())
    for key, p in points.items():
        sequence.release(key, _point(p), widget)
    sequence.commit()


def tap(widget, point, clock, held: float = 0.08) -> None:
    """A finger down and up at ``point`` (widget coordinates), ``held`` seconds on ``clock``."""
    press(widget, {0: point})
    clock.advance(held)
    release(widget, {0: point})

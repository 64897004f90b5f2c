"""Smooth transitions of the visible range, for jumps (to a milestone, fit all, a badge's members).

One per window, handed to its Navigator as the :class:`~timeline_app.viewmodel.navigator.Transition`
its jumps glide with; the Navigator stops it when anything else sets the range.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation

__all__ = ["RangeAnimator"]

Range = tuple[float, float]


class RangeAnimator(QObject):
    """Moves a range to a target over ``duration`` ms (0: at once), easing out."""

    def __init__(self, duration: int = 280, parent: QObject | None = None):
        super().__init__(parent)
        self.duration = duration
        self._start = self._end = (0.0, 1.0)
        self._step: Callable[[Range], None] | None = None
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._on_step)

    def run(self, start: Range, end: Range, step: Callable[[Range], None]) -> None:
        self._animation.stop()
        if self.duration <= 0:
            step(end)
            return
        self._start, self._end, self._step = start, end, step
        self._animation.setDuration(self.duration)
        self._animation.start()

    @property
    def running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def stop(self) -> None:
        self._animation.stop()

    def _on_step(self, t: float) -> None:
        if self._step is None:
            return
        (a0, a1), (b0, b1) = self._start, self._end
        self._step((a0 + (b0 - a0) * t, a1 + (b1 - a1) * t))

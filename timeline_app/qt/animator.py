"""Smooth transitions of the visible range, for jumps (to a milestone, fit all, a badge's members).

One per window: it becomes its Navigator's ``go``. A range set by anything else while it runs
(a drag, a wheel notch, a pinch) takes over at once: the transition stops rather than fight it.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation

from ..viewmodel.navigator import Navigator
from .bindings import follow

__all__ = ["RangeAnimator"]


class RangeAnimator(QObject):
    """Moves the ViewState's range to a target over ``duration`` ms (0: at once)."""

    def __init__(self, navigator: Navigator, duration: int = 280, parent: QObject | None = None):
        super().__init__(parent)
        self.navigator = navigator
        self.duration = duration
        self._start = self._end = (0.0, 1.0)
        self._stepping = False
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._on_step)
        navigator.go = self.animate_to
        follow(self, navigator.state.events.x_range, self._on_range_changed)

    def animate_to(self, target: tuple[float, float]) -> None:
        self._animation.stop()
        target = self.navigator.session.clamp_range(*target)
        if self.duration <= 0:
            self.navigator.set_range(target)
            return
        self._start, self._end = self.navigator.state.x_range, target
        self._animation.setDuration(self.duration)
        self._animation.start()

    @property
    def running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def stop(self) -> None:
        self._animation.stop()

    def _on_step(self, t: float) -> None:
        (a0, a1), (b0, b1) = self._start, self._end
        self._stepping = True
        try:
            self.navigator.set_range((a0 + (b0 - a0) * t, a1 + (b1 - a1) * t))
        finally:
            self._stepping = False

    def _on_range_changed(self, _) -> None:
        if not self._stepping and self.running:
            self._animation.stop()

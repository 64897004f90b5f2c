"""Smooth transitions of the visible range, for jumps (to a milestone, fit all, a cluster)."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation

from ....viewmodel.navigator import Navigator

__all__ = ["RangeAnimator"]


class RangeAnimator(QObject):
    """Moves the ViewState's range to a target over ``duration`` ms (0: at once)."""

    def __init__(self, navigator: Navigator, duration: int = 280, parent: QObject | None = None):
        super().__init__(parent)
        self.navigator = navigator
        self.duration = duration
        self._start = self._end = (0.0, 1.0)
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._on_step)

    def animate_to(self, target: tuple[float, float]) -> None:
        self._animation.stop()
        target = self.navigator.session.clamp_range(*target)
        if self.duration <= 0:
            self.navigator.set_range(target)
            return
        self._start, self._end = self.navigator.state.x_range, target
        self._animation.setDuration(self.duration)
        self._animation.start()

    def stop(self) -> None:
        self._animation.stop()

    def _on_step(self, t: float) -> None:
        (a0, a1), (b0, b1) = self._start, self._end
        self.navigator.set_range((a0 + (b0 - a0) * t, a1 + (b1 - a1) * t))

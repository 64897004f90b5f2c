"""Inertia for a swipe: after the finger lifts, the timeline glides on, slowing down, until it is
nearly still or meets the edge of the data.

The velocity at release is measured over the last moments of the drag (a finger that stopped
before lifting does not glide). The glide then decays exponentially, as a flick does on a
phone: speed ``v0·e^(−t/τ)``, distance ``v0·τ·(1 − e^(−t/τ))``, so it goes as far in total as
``v0·τ`` whatever the frame rate. Speeds are in days per second; thresholds are fractions of
the visible width, so a glide feels the same at every zoom.
"""

from __future__ import annotations

import math
from collections import deque

from .clock import Clock
from .navigator import Navigator

__all__ = ["Glide"]

TAU = 0.4  # s: the glide's speed falls to 1/e in this time
SAMPLE_WINDOW = 0.1  # s: the drag's last movement that makes the release velocity
STOP_SPEED = 0.03  # visible widths per second: slower than this, the glide ends
MAX_SPEED = 6.0  # visible widths per second: a wild flick is capped here


class Glide:
    """Tracks a drag's pans (``track``), then glides on from the release (``release``, ``step``)."""

    def __init__(self, navigator: Navigator, clock: Clock):
        self.navigator = navigator
        self.clock = clock
        self._samples: deque[tuple[float, float]] = deque()  # (time, total days panned)
        self._panned = 0.0
        self._v0 = 0.0
        self._t0 = 0.0
        self._done = 0.0  # days glided so far
        self._range: tuple[float, float] | None = None  # what the glide last showed

    @property
    def running(self) -> bool:
        return self._range is not None

    @property
    def speed(self) -> float:
        """Days per second now (0 when not gliding)."""
        if not self.running:
            return 0.0
        return self._v0 * math.exp(-(self.clock.now() - self._t0) / TAU)

    def start_drag(self) -> None:
        self.stop()
        self._samples.clear()
        self._panned = 0.0
        self._samples.append((self.clock.now(), 0.0))

    def track(self, days: float) -> None:
        """The drag panned the view by ``days`` (as given to ``Navigator.pan``)."""
        self._panned += days
        now = self.clock.now()
        self._samples.append((now, self._panned))
        while len(self._samples) > 2 and now - self._samples[1][0] > SAMPLE_WINDOW:
            self._samples.popleft()

    def release(self) -> bool:
        """The finger lifted: glides on if it was moving; returns whether it does."""
        now = self.clock.now()
        recent = [(t, d) for t, d in self._samples if now - t <= SAMPLE_WINDOW]
        self._samples.clear()
        if len(recent) < 2 or recent[-1][0] <= recent[0][0]:
            return False
        (t0, d0), (t1, d1) = recent[0], recent[-1]
        width = self._width()
        velocity = max(min((d1 - d0) / (t1 - t0), MAX_SPEED * width), -MAX_SPEED * width)
        if abs(velocity) < STOP_SPEED * width:
            return False
        self._v0, self._t0, self._done = velocity, now, 0.0
        self._range = self.navigator.state.x_range
        return True

    def step(self) -> bool:
        """Moves the view to where the glide is now; returns whether it goes on.

        It ends when slow enough, at the data's edge (the view moved less than asked), or when
        something else moved the view meanwhile (a jump, a wheel notch: they take over).
        """
        if not self.running:
            return False
        state = self.navigator.state
        if state.x_range != self._range:
            self.stop()
            return False
        t = self.clock.now() - self._t0
        travelled = self._v0 * TAU * (1 - math.exp(-t / TAU))
        days, self._done = travelled - self._done, travelled
        before = state.x_range[0]
        self.navigator.pan(days)
        self._range = state.x_range
        moved = state.x_range[0] - before
        if abs(days) > 1e-9 and abs(moved) < abs(days) * 0.5:
            self.stop()  # the edge of the data
        elif abs(self.speed) < STOP_SPEED * self._width():
            self.stop()
        return self.running

    def stop(self) -> None:
        self._range = None

    def _width(self) -> float:
        x0, x1 = self.navigator.state.x_range
        return x1 - x0

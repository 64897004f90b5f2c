"""Time for what moves and waits on its own (glides, the attract tour, idle timers), from a clock
object that tests and the soak benchmark replace, so nothing there needs real waiting."""

from __future__ import annotations

import time
from typing import Protocol

__all__ = ["Clock", "ManualClock", "MonotonicClock"]


class Clock(Protocol):
    def now(self) -> float:
        """Seconds from an arbitrary start; never goes back."""
        ...


class MonotonicClock:
    """The real clock: ``time.monotonic`` (unaffected by the system clock being set)."""

    def now(self) -> float:
        return time.monotonic()


class ManualClock:
    """A clock that moves only when told to (tests, the soak benchmark)."""

    def __init__(self, start: float = 0.0):
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go back")
        self._now += seconds

"""The exit PIN's lockout: after :data:`FREE_TRIES` wrong PINs in a row, the pad refuses every PIN
(the right one too) for a while, twice as long after each further wrong one, so that a visitor
trying PINs one after another gets nowhere in opening hours. A right PIN between lockouts
starts the count again. Time comes from the kiosk's clock (tests move it)."""

from __future__ import annotations

from .clock import Clock

__all__ = ["FIRST_LOCKOUT", "FREE_TRIES", "LONGEST_LOCKOUT", "PinGuard"]

FREE_TRIES = 5
FIRST_LOCKOUT = 30.0  # s after the fifth wrong PIN
LONGEST_LOCKOUT = 3600.0  # s: the delay stops growing here


class PinGuard:
    def __init__(self, clock: Clock):
        self.clock = clock
        self.wrong = 0  # wrong PINs since the last right one
        self._until = 0.0

    def locked_for(self) -> float:
        """Seconds until a PIN is listened to again (0: now)."""
        return max(self._until - self.clock.now(), 0.0)

    def failed(self) -> None:
        """A wrong PIN; from the fifth on, each locks the pad, each time twice as long."""
        self.wrong += 1
        if self.wrong >= FREE_TRIES:
            delay = min(FIRST_LOCKOUT * 2 ** (self.wrong - FREE_TRIES), LONGEST_LOCKOUT)
            self._until = self.clock.now() + delay

    def succeeded(self) -> None:
        self.wrong = 0
        self._until = 0.0

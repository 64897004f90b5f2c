"""What fingers on the timeline mean, without Qt: the Qt view passes where the fingers are (plot
pixels), and this turns it into Navigator calls.

- a tap (one finger, held up to ``tap_hold``, not wandering further than ``tap_drift_px``)
  asks the view what is under it (``on_tap``); the kiosk holds taps to :data:`KIOSK_TAP_HOLD`,
  so that a slow or unsteady visitor's press still selects;
- one finger moved past the slop pans, content under the finger, and glides on when released;
  a finger that comes up within the tap's drift was a tap after all: the view goes back;
- two fingers pinch: the width scales with their distance, about their centre, which also pans;
  zooming in stops where the next step would leave no milestone in view;
- a two-finger tap (both still, short) shows the whole range;
- a press held longer does nothing: no menu, no selection.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .clock import Clock
from .index import DrawStyle
from .kinetic import Glide
from .navigator import Navigator
from .session import Session

__all__ = ["KIOSK_TAP_HOLD", "LONG_PRESS", "TAP_DRIFT_MM", "TAP_SLOP", "TouchGestures", "drift_px", "shows_a_milestone"]

Point = tuple[float, float]

TAP_SLOP = 12.0  # px a finger moves before the content follows it (touch screens jitter)
TAP_DRIFT_MM = 8.0  # a finger that wanders this far and comes up is still a tap
LONG_PRESS = 0.5  # s: held longer, a touch is no longer a tap (the archivist's window)
KIOSK_TAP_HOLD = 2.0  # s: the kiosk's, for visitors of every age and steadiness
_REFERENCE_PX_PER_MM = 1 / (0.2767 * 1.5)  # a 24″ 1920×1080 screen drawn at 1.5


def drift_px(px_per_mm: float | None) -> float:
    """:data:`TAP_DRIFT_MM` in logical pixels of a screen with ``px_per_mm`` of them (its
    physical size over its logical one; None when the screen does not say: the reference's)."""
    return TAP_DRIFT_MM * (px_per_mm or _REFERENCE_PX_PER_MM)


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


class TouchGestures:
    """One touch sequence at a time (first finger down to last finger up).

    ``plot_width`` gives the plot's width in px now; ``on_tap(x, y)`` is called for a tap (a
    window may wrap it); ``tap_drift_px`` is :func:`drift_px` of the screen and ``tap_hold`` the
    longest tap (a window sets them).
    """

    def __init__(self, navigator: Navigator, clock: Clock, plot_width: Callable[[], float],
                 on_tap: Callable[[float, float], None]):
        self.navigator = navigator
        self.clock = clock
        self.glide = Glide(navigator, clock)
        self._plot_width = plot_width
        self.on_tap = on_tap
        self.tap_drift_px = drift_px(None)
        self.tap_hold = LONG_PRESS
        self._range_at_press = navigator.state.x_range
        self._drift = 0.0  # the furthest any finger went from where it came down
        self._start: dict[int, Point] = {}
        self._last: dict[int, Point] = {}
        self._started_at = 0.0
        self._fingers = 0  # most fingers down at once in this sequence
        self._moved = False  # past the slop: no longer a tap
        self._panning = False

    # -- the touch sequence ----------------------------------------------------------------

    def press(self, points: dict[int, Point]) -> None:
        """The first finger(s) touched (``points``: id -> position)."""
        self.glide.stop()
        self._start, self._last = dict(points), dict(points)
        self._started_at = self.clock.now()
        self._range_at_press = self.navigator.state.x_range
        self._fingers, self._moved, self._panning, self._drift = len(points), False, False, 0.0

    def move(self, points: dict[int, Point | None]) -> None:
        """The fingers now down; a None position is a finger that did not move."""
        points = {k: (p if p is not None else self._last.get(k)) for k, p in points.items()}
        points = {k: p for k, p in points.items() if p is not None}
        for key, p in points.items():
            self._start.setdefault(key, p)
            self._drift = max(self._drift, _distance(p, self._start[key]))
            if self._drift > TAP_SLOP:
                self._moved = True
        self._fingers = max(self._fingers, len(points))
        common = [k for k in points if k in self._last]
        if len(points) >= 2 and len(common) >= 2:
            self._panning = False
            a, b = sorted(common)[:2]
            self._pinch(self._last[a], self._last[b], points[a], points[b])
        elif len(points) == 1 and common and self._moved:
            if not self._panning:
                self._panning = True
                self.glide.start_drag()
            key = common[0]
            self._pan(points[key][0] - self._last[key][0])
        self._last = points

    def release(self) -> bool:
        """The last finger lifted; returns whether a glide goes on (call ``step`` each frame)."""
        quick = self.clock.now() - self._started_at <= self.tap_hold
        gliding = False
        if quick and self._drift <= self.tap_drift_px and self._fingers == 1 and self._last:
            if self._panning:  # it moved the view a little on its way: the view goes back
                self.glide.stop()
                self.navigator.set_range(self._range_at_press)
            x, y = next(iter(self._start.values()))  # where it came down: what the visitor aimed at
            self.on_tap(x, y)
        elif self._panning:
            gliding = self.glide.release()
        elif quick and not self._moved and self._fingers == 2:
            self.navigator.fit_all()
        self._start, self._last, self._panning = {}, {}, False
        return gliding

    def cancel(self) -> None:
        """The system took the touch away (a system gesture): nothing happens."""
        self._start, self._last, self._panning = {}, {}, False

    def step(self) -> bool:
        """One frame of the glide; returns whether it goes on."""
        return self.glide.step()

    def stop(self) -> None:
        self.glide.stop()

    # -- movements -------------------------------------------------------------------------

    def _days_per_px(self) -> float:
        x0, x1 = self.navigator.state.x_range
        return (x1 - x0) / max(self._plot_width(), 1.0)

    def _pan(self, dx: float) -> None:
        """Content follows the finger: moving right shows earlier times."""
        days = -dx * self._days_per_px()
        self.navigator.pan(days)
        self.glide.track(days)

    def _pinch(self, a0: Point, b0: Point, a1: Point, b1: Point) -> None:
        """The time under the fingers' old centre moves to their new centre, and the width scales
        by how much closer or further apart they are."""
        d0, d1 = _distance(a0, b0), _distance(a1, b1)
        if d0 < 1 or d1 < 1:
            return
        x0, x1 = self.navigator.state.x_range
        width_px = max(self._plot_width(), 1.0)
        c0, c1 = (a0[0] + b0[0]) / 2, (a1[0] + b1[0]) / 2
        anchor = x0 + c0 * (x1 - x0) / width_px
        lo, hi = self.navigator.session.full_range()
        width = min(max((x1 - x0) * d0 / d1, 1.0), hi - lo)
        start = anchor - c1 * width / width_px
        if width < x1 - x0 and not shows_a_milestone(self.navigator.session, start, start + width):
            return  # zoomed in on nothing: it stops here
        self.navigator.set_range((start, start + width))


def shows_a_milestone(session: Session, x0: float, x1: float) -> bool:
    """Whether a range from day ``x0`` to ``x1`` shows any marker or bar the filter lets through
    (an undated milestone is in its strip whatever the range: it does not count)."""
    index = session.index
    dated = index.style != DrawStyle.UNDATED
    return bool(((index.lo <= x1) & (index.hi >= x0) & dated & session.match_mask).any())

"""What wheel, drag, pinch, keys, clicks and tours do to the view, in one place and without Qt.

One Navigator per window, handed to every view: the timeline, the list, the detail pane, the
filter bar, the window's actions and a kiosk tour all select, move, filter and switch language
through it, so a selection anywhere is brought into view and becomes the keyboard's lane.
Results are written to the ViewState; jumps go through ``go``, which glides when the window
hands the Navigator a :class:`Transition` (the Qt layer's animator).

The keyboard moves through rows, top to bottom: each lane's dated milestones, then its "date
not stated" strip. ←/→ walk a row: dated ones in date order, undated ones in strip order (they
have no date to be ordered by, so they are never mixed into the dated sequence).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .index import DrawStyle
from .lanes import Lane
from .session import Session
from .state import Filter

__all__ = ["KEY_ZOOM", "Navigator", "Row", "Transition"]

Range = tuple[float, float]
KEY_ZOOM = 0.6  # visible width after one zoom-in step (keys, buttons)


@dataclass(frozen=True, slots=True)
class Row:
    """One keyboard row: a lane's dated milestones, or its strip of undated ones."""

    lane: Lane
    undated: bool

    @property
    def items(self):
        return self.lane.undated if self.undated else self.lane.dated

    def holds(self, milestone_id: str | None) -> bool:
        return milestone_id in self.items.position


class Transition(Protocol):
    """Moves the view from one range to another over time, calling ``step`` with each range."""

    def run(self, start: Range, end: Range, step: Callable[[Range], None]) -> None: ...
    def stop(self) -> None: ...


class Navigator:
    """``transition`` glides the jumps (:meth:`go`); without one they are made at once."""

    def __init__(self, session: Session, transition: Transition | None = None):
        self.session = session
        self._transition = transition
        self._gliding = False  # True while the transition sets a range: it does not stop itself

    @property
    def state(self):
        return self.session.state

    def set_range(self, r: Range) -> None:
        """Shows ``r`` at once, kept within the data's bounds and at least a day wide.

        A range set by anything but the transition (a drag, a wheel notch, a pinch) takes over
        at once: a glide under way stops rather than fight it.
        """
        if self._transition is not None and not self._gliding:
            self._transition.stop()
        self.state.x_range = self.session.clamp_range(*r)

    def go(self, r: Range) -> None:
        """Jumps to ``r`` (a milestone, fit all, a badge's members, a tour stop): gliding when the
        window gave a transition."""
        target = self.session.clamp_range(*r)
        if self._transition is None:
            self.set_range(target)
        else:
            self._transition.run(self.state.x_range, target, self._glide_step)

    def _glide_step(self, r: Range) -> None:
        self._gliding = True
        try:
            self.set_range(r)
        finally:
            self._gliding = False

    # -- filter and language ---------------------------------------------------------------

    def set_filter(self, f: Filter) -> None:
        """Narrows the milestones to ``f`` (the filter bar, Clear, a kiosk's reset)."""
        self.state.filter = f

    def clear_filter(self) -> None:
        self.set_filter(Filter())

    def set_language(self, lang: str) -> None:
        self.state.language = lang

    # -- zoom and pan ----------------------------------------------------------------------

    def zoom(self, factor: float, anchor: float | None = None) -> None:
        """Scales the visible width by ``factor`` (< 1 zooms in) keeping ``anchor`` in place."""
        self.set_range(self._zoomed(factor, anchor))

    def zoom_step(self, steps: int) -> None:
        """Zooms in (``steps`` > 0) or out by key steps, animated, about the selection when it
        is in view (else the middle), so the selected milestone stays where the eye is."""
        x = self.x_of(self.state.selection) if self.state.selection else None
        x0, x1 = self.state.x_range
        anchor = x if x is not None and x0 <= x <= x1 else None
        self.go(self._zoomed(KEY_ZOOM ** steps, anchor))

    def _zoomed(self, factor: float, anchor: float | None) -> Range:
        x0, x1 = self.state.x_range
        if anchor is None:
            anchor = (x0 + x1) / 2
        lo, hi = self.session.full_range()
        width = min(max((x1 - x0) * factor, 1.0), hi - lo)
        start = anchor - (anchor - x0) / (x1 - x0) * width
        return start, start + width

    def pan(self, days: float) -> None:
        x0, x1 = self.state.x_range
        self.set_range((x0 + days, x1 + days))

    def fit_all(self) -> None:
        self.go(self.session.full_range())

    def show_span(self, lo: float, hi: float) -> None:
        """Zooms to [lo, hi] with a little room on both sides (a badge's members, a date)."""
        pad = max((hi - lo) * 0.15, 3.0)
        self.go((lo - pad, hi + pad))

    # -- selection -------------------------------------------------------------------------

    def select(self, milestone_id: str | None, reveal: bool = True) -> None:
        """Selects a milestone, moves the keyboard lane to its lane, and brings it into view."""
        self.state.selection = milestone_id
        if milestone_id is None:
            return
        lane = self.session.lane_of(milestone_id)
        if lane is not None:
            self.state.lane = lane
        if reveal:
            self.reveal(milestone_id)

    def reveal(self, milestone_id: str) -> None:
        """Pans (keeping the zoom) so the milestone is in view, if it is not comfortably already.

        An undated milestone is in view when part of its period is (the strip shows it there).
        """
        index = self.session.index
        row = index.row_of.get(milestone_id)
        if row is None or not self.session.match_mask[row]:
            return
        x0, x1 = self.state.x_range
        width = x1 - x0
        x = self.x_of(milestone_id)
        if x is None:  # undated: its period
            lo, hi = float(index.lo[row]), float(index.hi[row])
            if hi > x0 + width * 0.1 and lo < x1 - width * 0.1:
                return
            x = lo + width * 0.4 if lo >= x1 - width * 0.1 else hi - width * 0.4
        elif x0 + width * 0.08 <= x <= x1 - width * 0.08:
            return
        self.go((x - width / 2, x + width / 2))

    def previous_match(self) -> None:
        self._neighbour_match(-1)

    def next_match(self) -> None:
        self._neighbour_match(+1)

    def _neighbour_match(self, step: int) -> None:
        """Selects the match just before or after the selection in date order (the last or first
        when nothing is selected); works also when the selection itself is filtered out."""
        rows = self.session.match_rows
        if not rows.size:
            return
        current = self.session.index.row_of.get(self.state.selection or "")
        if current is None:
            k = 0 if step > 0 else rows.size - 1
        elif step > 0:
            k = int(np.searchsorted(rows, current, "right"))
        else:
            k = int(np.searchsorted(rows, current, "left")) - 1
        if 0 <= k < rows.size:
            self.select(str(self.session.index.ids[rows[k]]))

    def neighbours(self) -> tuple[bool, bool]:
        """Whether there is a match before and after the selection (for Previous/Next buttons)."""
        rows = self.session.match_rows
        current = self.session.index.row_of.get(self.state.selection or "")
        if not rows.size:
            return False, False
        if current is None:
            return True, True
        return (int(np.searchsorted(rows, current, "left")) > 0,
                int(np.searchsorted(rows, current, "right")) < rows.size)

    # -- keyboard rows ---------------------------------------------------------------------

    def rows(self) -> list[Row]:
        """The keyboard rows that hold something, top to bottom."""
        result = []
        for lane in self.session.lanes:
            result += [Row(lane, False)] if len(lane.dated) else []
            result += [Row(lane, True)] if len(lane.undated) else []
        return result

    def current_row(self) -> Row | None:
        """The row of the selection when it is in the keyboard lane, else that lane's first row."""
        rows = self.rows()
        in_lane = [r for r in rows if r.lane.id == self.state.lane]
        selection = self.state.selection
        for row in in_lane:
            if row.holds(selection):
                return row
        return in_lane[0] if in_lane else (rows[0] if rows else None)

    def step(self, direction: int) -> None:
        """Selects the previous (-1) or next (+1) milestone of the keyboard row."""
        row = self.current_row()
        if row is None:
            return
        items = row.items
        current = items.position.get(self.state.selection)
        if current is not None:
            k = current + direction
        elif row.undated:
            k = 0 if direction > 0 else len(items) - 1
        else:  # start from the middle of the view
            k = int(np.searchsorted(items.x, sum(self.state.x_range) / 2)) - (1 if direction < 0 else 0)
        self.select(str(items.ids[min(max(k, 0), len(items) - 1)]))

    def switch_row(self, direction: int) -> None:
        """Moves to the row above (-1) or below (+1): into a strip its first milestone, into a dated
        row the one nearest in time to the selection (or to the middle of the view)."""
        rows = self.rows()
        current = self.current_row()
        if current is None:
            return
        k = min(max(rows.index(current) + direction, 0), len(rows) - 1)
        target = rows[k]
        self.state.lane = target.lane.id
        if target == current and current.holds(self.state.selection):
            return
        if target.undated:
            self.select(str(target.items.ids[0]))
            return
        x = self.x_of(self.state.selection) if self.state.selection else None
        x = sum(self.state.x_range) / 2 if x is None else x
        dated = target.lane.dated
        self.select(str(dated.ids[int(np.argmin(np.abs(dated.x - x)))]))

    # -- lookups ---------------------------------------------------------------------------

    def x_of(self, milestone_id: str) -> float | None:
        """Where a dated milestone stands on the timeline (days), if it passes the filter.

        None for an undated one: it has no place in time.
        """
        index = self.session.index
        row = index.row_of.get(milestone_id)
        if row is None or not self.session.match_mask[row] or index.style[row] == DrawStyle.UNDATED:
            return None
        return float(index.x[row])

"""What wheel, drag, pinch, keys and tours do to the view, in one place and without Qt.

Every gesture becomes a call here; the result is written to the ViewState, through ``go``
(which the Qt layer replaces with an animated transition for jumps).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .session import Session

__all__ = ["Navigator"]

Range = tuple[float, float]


class Navigator:
    def __init__(self, session: Session, go: Callable[[Range], None] | None = None):
        self.session = session
        self.go = go or self.set_range

    @property
    def state(self):
        return self.session.state

    def set_range(self, r: Range) -> None:
        """Shows ``r`` at once, kept within the data's bounds and at least a day wide."""
        self.state.x_range = self.session.clamp_range(*r)

    # -- zoom and pan ----------------------------------------------------------------------

    def zoom(self, factor: float, anchor: float | None = None) -> None:
        """Scales the visible width by ``factor`` (< 1 zooms in) keeping ``anchor`` in place."""
        x0, x1 = self.state.x_range
        if anchor is None:
            anchor = (x0 + x1) / 2
        lo, hi = self.session.full_range()
        width = min(max((x1 - x0) * factor, 1.0), hi - lo)
        share = (anchor - x0) / (x1 - x0)
        start = anchor - share * width
        self.set_range((start, start + width))

    def pan(self, days: float) -> None:
        x0, x1 = self.state.x_range
        self.set_range((x0 + days, x1 + days))

    def fit_all(self) -> None:
        self.go(self.session.full_range())

    def show_span(self, lo: float, hi: float) -> None:
        """Zooms to [lo, hi] with a little room on both sides (a cluster badge's members)."""
        pad = max((hi - lo) * 0.15, 3.0)
        self.go((lo - pad, hi + pad))

    # -- selection -------------------------------------------------------------------------

    def select(self, milestone_id: str | None, reveal: bool = True) -> None:
        """Selects a milestone, moves the keyboard lane to its lane, and brings it into view."""
        self.state.selection = milestone_id
        if milestone_id is None:
            return
        lane = self._lane_of(milestone_id)
        if lane is not None:
            self.state.lane = lane
        if reveal:
            self.reveal(milestone_id)

    def reveal(self, milestone_id: str) -> None:
        """Pans (keeping the zoom) so the milestone is in view, if it is not comfortably already."""
        x = self.x_of(milestone_id)
        if x is None:
            return
        x0, x1 = self.state.x_range
        width = x1 - x0
        if x0 + width * 0.08 <= x <= x1 - width * 0.08:
            return
        self.go((x - width / 2, x + width / 2))

    def step(self, direction: int) -> None:
        """Selects the previous (-1) or next (+1) milestone in the keyboard lane, by position."""
        lane = self._current_lane()
        if lane is None:
            return
        ids, xs = self._lane_sequence(lane)
        if not ids:
            return
        current = self.state.selection
        if current in ids:
            k = ids.index(current) + direction
        else:  # start from the middle of the view
            mid = sum(self.state.x_range) / 2
            k = int(np.searchsorted(xs, mid)) - (1 if direction < 0 else 0)
        self.select(ids[min(max(k, 0), len(ids) - 1)])

    def switch_lane(self, direction: int) -> None:
        """Moves to the lane above (-1) or below (+1) and selects its milestone nearest in time."""
        lanes = [lane for lane in self.session.lanes if len(lane.dated) + len(lane.undated)]
        if not lanes:
            return
        ids = [lane.id for lane in lanes]
        current = self._current_lane()
        k = ids.index(current.id) + direction if current in lanes else 0
        lane = lanes[min(max(k, 0), len(lanes) - 1)]
        self.state.lane = lane.id
        if current is not None and lane.id == current.id:
            return
        x = self.x_of(self.state.selection) if self.state.selection else None
        if x is None:
            x = sum(self.state.x_range) / 2
        lane_ids, xs = self._lane_sequence(lane)
        nearest = int(np.argmin(np.abs(np.asarray(xs) - x)))
        self.select(lane_ids[nearest])

    # -- lookups ---------------------------------------------------------------------------

    def _current_lane(self):
        lanes = self.session.lanes
        for lane in lanes:
            if lane.id == self.state.lane:
                return lane
        return next((lane for lane in lanes if len(lane.dated) + len(lane.undated)), None)

    @staticmethod
    def _lane_sequence(lane) -> tuple[list[str], list[float]]:
        """A lane's milestones in the order ←/→ walk them: dated and undated by position."""
        pairs = sorted(
            [(float(x), i) for x, i in zip(lane.dated.x, lane.dated.ids)]
            + [(float(x), i) for x, i in zip(lane.undated.x, lane.undated.ids)]
        )
        return [i for _, i in pairs], [x for x, _ in pairs]

    def _lane_of(self, milestone_id: str) -> str | None:
        for lane in self.session.lanes:
            if milestone_id in lane.dated.position or milestone_id in lane.undated.position:
                return lane.id
        return None

    def x_of(self, milestone_id: str) -> float | None:
        """Where the milestone stands on the timeline (days), if it passes the filter."""
        for lane in self.session.lanes:
            for items in (lane.dated, lane.undated):
                index = items.position.get(milestone_id)
                if index is not None:
                    return float(items.x[index])
        return None

"""The attract tour: the kiosk showing its milestones on its own, one after another.

Each stop is selected and glided to through the Navigator (as a visitor's tap would be), then
shown long enough to read: a few seconds to take the card in, plus its text at the language's
reading pace (``READING_RATE`` in each catalog), within the configured bounds. The order is a
dataset's curated tour, or the date order with the branches taking turns.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..dataset.records import Milestone
from ..i18n import catalog
from .clock import Clock
from .navigator import Navigator
from .session import Session

__all__ = ["AttractTour", "alternate_branches", "dwell_seconds", "tour_stops"]

DATED_SPAN = 3 * 365.0  # days shown around a dated stop: its neighbours in time give it context


def alternate_branches(milestones: Iterable[Milestone]) -> list[str]:
    """Ids in date order, except that the branches take turns: each next stop is the earliest one
    of another branch than the last, while another branch has any left."""
    queues: dict[str, list[Milestone]] = {}
    for m in milestones:  # already in date order
        queues.setdefault(m.branch, []).append(m)
    heads = {branch: 0 for branch in queues}
    order: list[str] = []
    last = None
    total = sum(len(q) for q in queues.values())
    while len(order) < total:
        waiting = [b for b in queues if heads[b] < len(queues[b])]
        others = [b for b in waiting if b != last] or waiting
        # the earliest head among the other branches: a queue's position in the date order
        branch = min(others, key=lambda b: (queues[b][heads[b]].date.sort_key, queues[b][heads[b]].id))
        order.append(queues[branch][heads[branch]].id)
        heads[branch] += 1
        last = branch
    return order


def tour_stops(session: Session, tour_id: str | None = None) -> list[str]:
    """The stops: the named tour's milestones that the filter shows, in its order; without a
    name, every match in date order with the branches alternating."""
    if tour_id is None:
        return alternate_branches(session.matches)
    shown = session.match_mask
    row_of = session.index.row_of
    return [m for m in session.dataset.tour_by_id[tour_id].milestones if shown[row_of[m]]]


def dwell_seconds(m: Milestone, lang: str, shortest: float, longest: float) -> float:
    """How long a card stays: ``shortest`` to take it in, plus its title and summary at the
    language's reading pace, at most ``longest``."""
    characters = len(m.title.get(lang)) + len(m.summary.get(lang))
    return min(shortest + characters / catalog(lang).READING_RATE, longest)


class AttractTour:
    """Walks the stops round and round while running; ``tick`` moves on when a card's time is up."""

    def __init__(self, navigator: Navigator, clock: Clock, tour_id: str | None = None,
                 dwell: tuple[float, float] = (8.0, 40.0)):
        self.navigator = navigator
        self.clock = clock
        self.tour_id = tour_id
        self.dwell = dwell
        self.stops: list[str] = []
        self._k = -1
        self._next_at = 0.0
        self.running = False

    @property
    def current(self) -> str | None:
        """The milestone being shown."""
        return self.stops[self._k] if self.running and self.stops else None

    @property
    def due_in(self) -> float:
        """Seconds until the next stop."""
        return max(self._next_at - self.clock.now(), 0.0) if self.running else 0.0

    def start(self, after: str | None = None) -> None:
        """Begins with the stop after ``after`` (the visitor's last milestone) if it is one, else
        with the first."""
        self.stops = tour_stops(self.navigator.session, self.tour_id)
        if not self.stops:
            return
        self.running = True
        self._show(self.stops.index(after) + 1 if after in self.stops else 0)

    def stop(self) -> None:
        self.running = False

    def tick(self) -> bool:
        """Shows the next stop if the current one's time is up; returns whether it moved on."""
        if not self.running or self.clock.now() < self._next_at:
            return False
        self.advance()
        return True

    def advance(self) -> None:
        """Shows the next stop now."""
        self._show(self._k + 1)

    def _show(self, k: int) -> None:
        session, navigator = self.navigator.session, self.navigator
        self._k = k % len(self.stops)
        milestone_id = self.stops[self._k]
        navigator.select(milestone_id, reveal=False)
        x = navigator.x_of(milestone_id)
        if x is None:  # undated: the period it is somewhere in
            row = session.index.row_of[milestone_id]
            navigator.show_span(float(session.index.lo[row]), float(session.index.hi[row]))
        else:
            navigator.go((x - DATED_SPAN / 2, x + DATED_SPAN / 2))
        m = session.dataset.milestone_by_id[milestone_id]
        self._next_at = self.clock.now() + dwell_seconds(m, session.state.language, *self.dwell)

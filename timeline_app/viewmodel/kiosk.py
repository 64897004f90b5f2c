"""The exhibit's behaviour over time, without Qt: idle timing, the attract tour, the reset home.

The Qt window reports every input (``input``) and calls ``tick`` a few times a second; the
clock is injected, so tests and the soak benchmark run hours of idle time without waiting.

After ``attract_after`` seconds without input the tour starts, from the milestone the last
visitor left; after ``reset_after`` seconds the kiosk returns home (whole range, the kiosk's
own filter, no selection, its default language) and, if the tour was due, starts it again from
the beginning. Each happens once per idle spell. Any input stops the tour at once, leaving
the milestone being shown selected: the visitor takes over there (``handed_over``: a first tap
that finds nothing keeps it, rather than clearing the card being read).

A new dataset or configuration (staff fixed a file during opening hours) is held until the
next reset, so nobody sees the exhibit change under their finger; while nobody is there (the
kiosk has been reset and not touched since) or it has nothing to show, it is taken at once.
"""

from __future__ import annotations

from psygnal import Signal

from ..config import KioskConfig, fitted
from ..dataset.last_good import holds_nothing
from ..dataset.records import Dataset
from .clock import Clock
from .navigator import Navigator
from .state import Filter
from .tour import AttractTour

__all__ = ["Kiosk"]


class Kiosk:
    touring = Signal(bool)  # the attract tour started (True) or stopped (False)
    was_reset = Signal()  # the kiosk went home after being idle
    renewed = Signal()  # a new dataset or configuration was taken (at a reset, or into an empty hall)

    def __init__(self, navigator: Navigator, clock: Clock, config: KioskConfig):
        self.navigator = navigator
        self.clock = clock
        self.wanted = config  # as written; ``config`` is it fitted to the dataset shown
        self.pending: tuple[Dataset | None, KioskConfig | None] = (None, None)
        self._fit()
        self._last_input = clock.now()
        self._attracted = self._reset = False
        self.handed_over: str | None = None  # the tour's card when a touch stopped it, until a tap

    @property
    def empty(self) -> bool:
        """Whether there is nothing to show: no dataset has loaded, and no last good copy was kept."""
        return holds_nothing(self.navigator.session.dataset)

    def offer(self, dataset: Dataset | None = None, config: KioskConfig | None = None) -> None:
        """A new dataset or configuration, taken at the next reset (at once when nobody is there)."""
        held_dataset, held_config = self.pending
        self.pending = (dataset or held_dataset, config or held_config)
        if self.empty or self._reset:
            self.reset()

    def _renew(self) -> None:
        """Takes what was offered; the tour and the home filter follow it."""
        dataset, config = self.pending
        if dataset is None and config is None:
            return
        self.pending = (None, None)
        if config is not None:
            self.wanted = config
        if dataset is not None:
            self.navigator.session.set_dataset(dataset)
        self._fit()
        self.renewed.emit()

    def _fit(self) -> None:
        self.config = config = fitted(self.wanted, self.navigator.session.dataset)
        self.tour = AttractTour(self.navigator, self.clock, config.tour, config.dwell)
        shown = config.branches
        self.home_filter = Filter(hidden_branches=frozenset(
            b.id for b in self.navigator.session.dataset.branches if shown is not None and b.id not in shown))

    @property
    def idle(self) -> float:
        """Seconds since the last input."""
        return self.clock.now() - self._last_input

    def input(self) -> None:
        """A visitor touched, clicked, scrolled or typed."""
        self._last_input = self.clock.now()
        self._attracted = self._reset = False
        self._stop_tour()

    def tick(self) -> None:
        idle, config = self.idle, self.config
        if idle >= config.reset_after and not self._reset:
            self._reset = True
            self.reset()
        if idle >= config.attract_after and not self._attracted:
            self._attracted = True
            self.start_tour(self.navigator.state.selection)
        self.tour.tick()

    def home(self) -> None:
        """The whole range, nothing selected (the home button, a two-finger tap does the range)."""
        self.navigator.select(None)
        self.navigator.fit_all()

    def reset(self) -> None:
        """Home as a new visitor finds it: what was offered meanwhile, no search or filter but the
        kiosk's, its language."""
        due = self.tour.running or self.idle >= self.config.attract_after
        self._stop_tour()
        self.handed_over = None
        self._renew()
        self.navigator.set_filter(self.home_filter)
        self.navigator.set_language(self.config.language)
        self.navigator.state.lane = None
        self.home()
        self.was_reset.emit()
        if due:
            self.start_tour()

    def start_tour(self, after: str | None = None) -> None:
        """Starts the attract tour now (idle time does it; a screenshot of the tour too)."""
        self.handed_over = None
        self.tour.start(after)
        if self.tour.running:
            self.touring.emit(True)

    def tap_found_nothing(self) -> bool:
        """A tap hit nothing: whether the card stays (the first tap after the tour handed over)."""
        kept, self.handed_over = self.handed_over, None
        if kept is not None and kept in self.navigator.session.dataset.milestone_by_id:
            self.navigator.select(kept, reveal=False)
            return True
        return False

    def _stop_tour(self) -> None:
        if self.tour.running:
            self.handed_over = self.tour.current
            self.tour.stop()
            self.touring.emit(False)

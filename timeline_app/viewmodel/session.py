"""A dataset being viewed, with its view state and the milestones the filter lets through.

The Qt layer, a kiosk tour, a test or an export all work through one Session. Loading a bad
file keeps the last good dataset and returns the problems instead.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from psygnal import Signal

from ..dataset.records import Dataset, Milestone
from .filtering import build_index, filter_milestones
from .lanes import Lane, build_lanes
from ..dataset.loader import load_dataset
from ..dataset.problems import DatasetError, Problem
from .timescale import MARGIN_DAYS, day_of
from .state import Filter, ViewState

__all__ = ["Session"]


class Session:
    dataset_changed = Signal(object)  # the new Dataset
    matches_changed = Signal(object)  # the tuple of milestones that pass the filter

    def __init__(self, dataset: Dataset, state: ViewState | None = None):
        self.state = state or ViewState()
        self.dataset = dataset
        self._index = build_index(dataset.milestones)
        self.matches: tuple[Milestone, ...] = tuple(filter_milestones(dataset, self.state.filter, self._index))
        self._lanes: list[Lane] | None = None
        self._full_range: tuple[float, float] | None = None
        self.state.events.filter.connect(self._on_filter_changed)
        if self.state.x_range == ViewState().x_range:
            self.state.x_range = self.full_range()

    @classmethod
    def open(cls, path: str | Path, state: ViewState | None = None) -> Session:
        return cls(load_dataset(path, cache=True), state)

    def reload(self, path: str | Path | None = None) -> list[Problem]:
        """Loads ``path`` (default: the current file). On problems the current dataset stays."""
        target = Path(path) if path else self.dataset.path
        try:
            dataset = load_dataset(target, cache=True)
        except DatasetError as err:
            return err.problems
        self.set_dataset(dataset)
        return []

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._index = build_index(dataset.milestones)
        self._lanes = None
        self._full_range = None
        if self.state.selection not in dataset.milestone_by_id:
            self.state.selection = None
        self.matches = tuple(filter_milestones(dataset, self.state.filter, self._index))
        self.state.x_range = self.clamp_range(*self.state.x_range)
        self.dataset_changed.emit(dataset)  # listeners see the new matches and lanes already
        self.matches_changed.emit(self.matches)

    # -- derived ---------------------------------------------------------------------------

    @property
    def lanes(self) -> list[Lane]:
        """The timeline's lanes holding the matching milestones; rebuilt when they change."""
        if self._lanes is None:
            self._lanes = build_lanes(self.dataset, self.matches)
        return self._lanes

    @property
    def selected(self) -> Milestone | None:
        return self.dataset.milestone_by_id.get(self.state.selection) if self.state.selection else None

    def data_bounds(self) -> tuple[float, float]:
        """First and last day the dataset speaks of (milestones, eras, indicator points)."""
        dates = [m.date for m in self.dataset.milestones] + [e.date for e in self.dataset.eras]
        dates += [p.date for i in self.dataset.indicators for p in i.points]
        # Only what is known: "before 2013" ([..2012]) reaches back to its end, not a year further.
        known = [day_of(d) for date in dates for d in (date.earliest, date.latest) if d is not None]
        if not known:  # nothing dated yet: show the current year
            today = day_of(dt.date.today())
            return today - 365, today
        return min(known), max(known) + 1

    def full_range(self) -> tuple[float, float]:
        """The data's bounds with margins: the widest the timeline may show."""
        if self._full_range is None:
            lo, hi = self.data_bounds()
            self._full_range = (lo - MARGIN_DAYS, hi + MARGIN_DAYS)
        return self._full_range

    def clamp_range(self, x0: float, x1: float) -> tuple[float, float]:
        """Keeps a range within the data and its margins, and at least a day wide."""
        lo, hi = self.full_range()
        width = min(max(x1 - x0, 1.0), hi - lo)
        x0 = min(max(x0, lo), hi - width)
        return x0, x0 + width

    def _on_filter_changed(self, _: Filter) -> None:
        self._refilter()

    def _refilter(self) -> None:
        matches = tuple(filter_milestones(self.dataset, self.state.filter, self._index))
        if matches != self.matches or self._lanes is None:
            self.matches = matches
            self._lanes = None
            self.matches_changed.emit(matches)

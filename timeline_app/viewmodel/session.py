"""A dataset being viewed, with its view state and the milestones the filter lets through.

The Qt layer, a kiosk tour, a test or an export all work through one Session. Loading a bad
file keeps the last good dataset and returns the problems instead.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path

import numpy as np
from psygnal import Signal

from ..dataset.loader import load_dataset
from ..dataset.problems import DatasetError, Problem
from ..dataset.records import Dataset, Milestone
from .filtering import Matcher
from .index import MilestoneIndex
from .lanes import Lane, build_lanes
from .state import Filter, ViewState
from .timescale import END_DAY, FIRST_DAY, MARGIN_DAYS, day_of

__all__ = ["Session"]


class _Matches:
    """What one filter lets through: a mask over the index, with the derived views made on demand."""

    def __init__(self, index: MilestoneIndex, lanes: list[Lane], mask: np.ndarray):
        self.index, self._all_lanes, self.mask = index, lanes, mask

    @cached_property
    def rows(self) -> np.ndarray:
        """Index rows (chronological positions) of the matches."""
        return np.flatnonzero(self.mask)

    @cached_property
    def milestones(self) -> tuple[Milestone, ...]:
        every = self.index.milestones
        return tuple(every[i] for i in self.rows.tolist())

    @cached_property
    def lanes(self) -> list[Lane]:
        return [lane.masked(self.mask) for lane in self._all_lanes]


class Session:
    dataset_changed = Signal(object)  # the new Dataset
    matches_changed = Signal()  # the filter lets other milestones through (or the dataset changed)

    def __init__(self, dataset: Dataset, state: ViewState | None = None):
        self.state = state or ViewState()
        self._install(dataset)
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
        self._install(dataset)
        self.index.prepare_texts()  # a window is open: searching it soon is likely
        if self.state.selection not in dataset.milestone_by_id:
            self.state.selection = None
        self.state.x_range = self.clamp_range(*self.state.x_range)
        self.dataset_changed.emit(dataset)  # listeners see the new matches and lanes already
        self.matches_changed.emit()

    def set_notes(self, notes: dict[str, str]) -> None:
        """The user's private notes become searchable; the matches follow at once."""
        self.index.set_notes(notes)
        self._matcher = Matcher(self.index)  # its narrowing memory holds the texts before the notes
        self._on_filter_changed(self.state.filter)

    def _install(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.index = MilestoneIndex(dataset)
        self._matcher = Matcher(self.index)
        self._all_lanes = build_lanes(self.index)
        self._lane_of_branch = {branch: lane.id for lane in self._all_lanes for branch in lane.branches}
        self._full_range: tuple[float, float] | None = None
        self._matches = _Matches(self.index, self._all_lanes, self._matcher.mask(self.state.filter))

    # -- derived ---------------------------------------------------------------------------

    @property
    def match_mask(self) -> np.ndarray:
        """True for each index row (chronological) that passes the filter."""
        return self._matches.mask

    @property
    def match_rows(self) -> np.ndarray:
        return self._matches.rows

    @property
    def matches(self) -> tuple[Milestone, ...]:
        """The milestones that pass the filter, in chronological order."""
        return self._matches.milestones

    @property
    def match_count(self) -> int:
        return len(self._matches.rows)

    @property
    def lanes(self) -> list[Lane]:
        """The timeline's lanes holding the matching milestones."""
        return self._matches.lanes

    def lane_of(self, milestone_id: str) -> str | None:
        """The id of the lane a milestone stands in (whether or not the filter shows it)."""
        m = self.dataset.milestone_by_id.get(milestone_id)
        return self._lane_of_branch[m.branch] if m else None

    @property
    def selected(self) -> Milestone | None:
        return self.dataset.milestone_by_id.get(self.state.selection) if self.state.selection else None

    def data_bounds(self) -> tuple[float, float]:
        """First and last day the dataset speaks of (milestones, eras, indicator points)."""
        others = [e.date for e in self.dataset.eras] + [p.date for i in self.dataset.indicators for p in i.points]
        # Only what is known: "before 2013" ([..2012]) reaches back to its end, not a year further.
        known = np.concatenate([self.index.earliest, self.index.latest,
                                [day_of(d) for date in others for d in (date.earliest, date.latest) if d is not None]])
        known = known[~np.isnan(known)]
        if not known.size:  # nothing dated yet: show the current year
            today = day_of(dt.date.today())
            return today - 365, today
        return float(known.min()), float(known.max()) + 1

    def full_range(self) -> tuple[float, float]:
        """The data's bounds with margins: the widest the timeline may show."""
        if self._full_range is None:
            lo, hi = self.data_bounds()
            self._full_range = (max(lo - MARGIN_DAYS, FIRST_DAY), min(hi + MARGIN_DAYS, END_DAY))
        return self._full_range

    def clamp_range(self, x0: float, x1: float) -> tuple[float, float]:
        """Keeps a range within the data and its margins, and at least a day wide."""
        lo, hi = self.full_range()
        width = min(max(x1 - x0, 1.0), hi - lo)
        x0 = min(max(x0, lo), hi - width)
        return x0, x0 + width

    def _on_filter_changed(self, f: Filter) -> None:
        mask = self._matcher.mask(f)
        if not np.array_equal(mask, self._matches.mask):
            self._matches = _Matches(self.index, self._all_lanes, mask)
            self.matches_changed.emit()

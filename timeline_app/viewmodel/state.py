"""The one observable view state that every view follows and that tours, tests and exports drive.

Each field has its own psygnal signal (``state.events.selection.connect(...)``), emitted only
when the value really changes. Views never talk to each other: they write here and listen here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from psygnal import evented

__all__ = ["Filter", "ViewState"]


@dataclass(frozen=True, slots=True)
class Filter:
    """What the user has narrowed the milestones to. The default hides nothing."""

    query: str = ""
    hidden_branches: frozenset[str] = frozenset()
    hidden_categories: frozenset[str] = frozenset()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    include_undated: bool = True  # with a date range: keep undated milestones whose period overlaps it
    person: str | None = None  # only milestones naming this person (by the name's Chinese form)
    place: str | None = None  # only milestones at this place (by its Chinese form)

    @property
    def is_active(self) -> bool:
        """Whether anything is hidden (a query of spaces hides nothing; ``include_undated`` matters
        only with a date range)."""
        return replace(self, query=self.query.strip(), include_undated=True) != Filter()


@evented
@dataclass
class ViewState:
    """Visible time range (in days, see :mod:`.timescale`), selection, filter, language, lane."""

    x_range: tuple[float, float] = (0.0, 1.0)
    selection: str | None = None
    filter: Filter = field(default_factory=Filter)
    language: str = "zh"
    lane: str | None = None  # the branch lane keyboard navigation is in

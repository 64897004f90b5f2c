"""Saved views: a name for what the archivist was looking at (the range, the filter, the
selection), to come back to. Plain data that survives a settings file (JSON), no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .navigator import Navigator
from .state import Filter, ViewState

__all__ = ["SavedView"]


@dataclass(frozen=True, slots=True)
class SavedView:
    name: str
    dataset: str  # the path of the dataset it was saved on: views belong to one
    x_range: tuple[float, float]
    filter: Filter
    selection: str | None

    @classmethod
    def capture(cls, name: str, dataset: str, state: ViewState) -> SavedView:
        return cls(name, dataset, tuple(state.x_range), state.filter, state.selection)

    def show(self, navigator: Navigator) -> None:
        """Shows the view: its filter, its selection (if the dataset still has it), its range."""
        navigator.state.filter = self.filter
        known = self.selection in navigator.session.dataset.milestone_by_id
        navigator.select(self.selection if known else None, reveal=False)
        navigator.go(self.x_range)

    def to_json(self) -> dict:
        f = self.filter
        return {"name": self.name, "dataset": self.dataset, "range": list(self.x_range), "selection": self.selection,
                "query": f.query, "hidden_branches": sorted(f.hidden_branches),
                "hidden_categories": sorted(f.hidden_categories),
                "from": f.date_from.isoformat() if f.date_from else None,
                "to": f.date_to.isoformat() if f.date_to else None, "undated": f.include_undated,
                "person": f.person, "place": f.place}

    @classmethod
    def from_json(cls, data: dict) -> SavedView | None:
        """The view, or None for an entry that is not one (a settings file edited by hand)."""
        try:
            day = lambda text: dt.date.fromisoformat(text) if text else None  # noqa: E731
            f = Filter(str(data["query"]), frozenset(map(str, data["hidden_branches"])),
                       frozenset(map(str, data["hidden_categories"])), day(data["from"]), day(data["to"]),
                       bool(data["undated"]), data.get("person"), data.get("place"))
            lo, hi = (float(x) for x in data["range"])
            selection = data["selection"]
            return cls(str(data["name"]), str(data["dataset"]), (lo, hi), f,
                       str(selection) if selection is not None else None)
        except (KeyError, TypeError, ValueError):
            return None

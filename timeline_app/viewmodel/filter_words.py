"""A filter in words: what it hides, for the window's title or status line and the filter bar.

Here, above the wording (:mod:`timeline_app.i18n`), because it reads the view model's
:class:`~.state.Filter`.
"""

from __future__ import annotations

import datetime as dt

from ..dataset.records import Dataset
from ..i18n import tr
from ..i18n.dates import day_words, year_words
from ..i18n.wording import join_clauses, join_names
from .state import Filter

__all__ = ["describe_filter"]


def describe_filter(f: Filter, dataset: Dataset, lang: str) -> str:
    """What the filter hides, for the window title or status line; empty when it hides nothing."""
    if not f.is_active:
        return ""
    parts = []
    if f.query.strip():
        parts.append(tr("status.query", lang, q=f.query.strip()))
    for key, hidden, records in (
        ("status.hidden_branches", f.hidden_branches, dataset.branches),
        ("status.hidden_categories", f.hidden_categories, dataset.categories),
    ):
        names = [r.name.get(lang) for r in records if r.id in hidden]
        if names:
            parts.append(tr(key, lang, names=join_names(names, lang)))
    if f.date_from or f.date_to:
        lo, hi = _bound(f.date_from, (1, 1), lang), _bound(f.date_to, (12, 31), lang)
        parts.append(tr("status.date_range", lang, lo=lo, hi=hi))
        parts.append(tr("status.undated_in" if f.include_undated else "status.undated_out", lang))
    if not parts:  # e.g. a query of spaces only
        return ""
    return tr("status.filtered", lang, what=join_clauses(parts, lang))


def _bound(day: dt.date | None, year_edge: tuple[int, int], lang: str) -> str:
    """One end of a date-range filter; a whole year (as the filter bar sets it) reads as the year."""
    if day is None:
        return "…"
    if (day.month, day.day) == year_edge:
        return year_words(day.year, lang)
    return day_words(day, lang)

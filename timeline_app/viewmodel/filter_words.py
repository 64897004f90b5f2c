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
    for kind, hidden, records in (("branches", f.hidden_branches, dataset.branches),
                                  ("categories", f.hidden_categories, dataset.categories)):
        names = [r.name.get(lang) for r in records if r.id in hidden]
        shown = [r.name.get(lang) for r in records if r.id not in hidden]
        if names and shown and len(shown) < len(names):  # fewer words: what is left
            parts.append(tr(f"status.only_{kind}", lang, names=_distinct_names(shown, lang)))
        elif names:
            parts.append(tr(f"status.hidden_{kind}", lang, names=_distinct_names(names, lang)))
    for key, chosen in (("status.person", f.person), ("status.place", f.place)):
        if chosen:
            parts.append(tr(key, lang, name=_facet_name(dataset, key, chosen, lang)))
    if f.date_from or f.date_to:
        lo, hi = _bound(f.date_from, (1, 1), lang), _bound(f.date_to, (12, 31), lang)
        parts.append(tr("status.date_range", lang, lo=lo, hi=hi))
        parts.append(tr("status.undated_in" if f.include_undated else "status.undated_out", lang))
    if not parts:  # e.g. a query of spaces only
        return ""
    return tr("status.filtered", lang, what=join_clauses(parts, lang))


def _distinct_names(names: list[str], lang: str) -> str:
    """Names joined as a list, each quoted where one of them holds the list's separator itself
    (人才、教学与科研 among categories joined by 、)."""
    separator = tr("sep.list", lang).strip()
    if any(separator in name for name in names):
        names = [tr("status.name", lang, name=name) for name in names]
    return join_names(names, lang)


def _facet_name(dataset: Dataset, key: str, chosen: str, lang: str) -> str:
    """A person or place chosen by its Chinese form, in ``lang``."""
    texts = (p.name for m in dataset.milestones for p in m.people) if key == "status.person" else \
        (p for m in dataset.milestones for p in m.places)
    return next((t.get(lang) for t in texts if t.zh == chosen), chosen)


def _bound(day: dt.date | None, year_edge: tuple[int, int], lang: str) -> str:
    """One end of a date-range filter; a whole year (as the filter bar sets it) reads as the year."""
    if day is None:
        return "…"
    if (day.month, day.day) == year_edge:
        return year_words(day.year, lang)
    return day_words(day, lang)

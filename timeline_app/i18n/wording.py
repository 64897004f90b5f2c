"""How the interface puts dataset values into words: citations, names, filters.

Pure functions over the dataset and the catalogs (no Qt), shared by the detail pane, the list,
the indicator panel and the window's status line.
"""

from __future__ import annotations

import datetime as dt

from ..dataset.records import Citation, Dataset
from ..viewmodel.state import Filter
from . import tr
from .dates import describe, day_words, year_words

__all__ = ["citation_parts", "describe_filter", "group_citations", "join_clauses", "join_names", "paragraph_words",
           "problem_count"]


def join_names(names: list[str], lang: str) -> str:
    """A list of names as the language writes one: ``东院、西院`` / ``East, West``."""
    return tr("sep.list", lang).join(names)


def join_clauses(clauses: list[str], lang: str) -> str:
    """Clauses of one sentence: ``…；…`` / ``…; …``."""
    return tr("sep.clause", lang).join(clauses)


def group_citations(citations: tuple[Citation, ...]) -> list[tuple[str, list[int]]]:
    """Citations gathered by source, in order of first mention, with their paragraphs ascending."""
    grouped: dict[str, set[int]] = {}
    for c in citations:
        paragraphs = grouped.setdefault(c.source, set())
        if c.paragraph is not None:
            paragraphs.add(c.paragraph)
    return [(source, sorted(paragraphs)) for source, paragraphs in grouped.items()]


def citation_parts(source_id: str, paragraphs: list[int], dataset: Dataset, lang: str) -> tuple[str, str]:
    """A cited article's title, and what else locates the facts: outlet, its date, paragraphs."""
    source = dataset.source_by_id[source_id]
    details = [source.outlet.get(lang), describe(source.date, lang)]
    if paragraphs:
        details.append(paragraph_words(paragraphs, lang))
    return source.title.get(lang), tr("sep.dot", lang).join(details)


def paragraph_words(paragraphs: list[int], lang: str) -> str:
    """``第 9 段`` / ``paragraphs 6, 7``."""
    if len(paragraphs) == 1:
        return tr("detail.paragraph", lang, n=paragraphs[0])
    return tr("detail.paragraphs", lang, n=join_names([str(n) for n in paragraphs], lang))


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


def problem_count(n: int, lang: str) -> str:
    """"1 problem", "3 problems"."""
    return tr("problems.one", lang) if n == 1 else tr("problems.many", lang, n=n)

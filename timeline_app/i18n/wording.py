"""How the interface puts dataset values into words: dates with their precision, citations, filters.

Pure functions over the model and the i18n catalog (no Qt), shared by the detail pane, the list,
the indicator panel and the window's status line.
"""

from __future__ import annotations

import datetime as dt

from . import tr
from ..dataset.records import Citation, Dataset
from ..dataset.edtf import EdtfDate, Kind, parse_edtf
from ..viewmodel.state import Filter

__all__ = ["citation_parts", "date_in_words", "describe_filter", "group_citations", "join_names"]


def date_in_words(date: EdtfDate, lang: str) -> str:
    """The date and how exactly it is known: ``2016年9月 · 只知月份``, ``date not stated; between …``."""
    words = date.describe(lang)
    if date.kind is Kind.ONE_OF:
        return tr("precision.one_of", lang, range=words)
    key = "precision.interval" if date.kind is Kind.INTERVAL else f"precision.{date.precision.value}"
    return f"{words} · {tr(key, lang)}"


def join_names(names: list[str], lang: str) -> str:
    """A list of names as the language writes one: ``东院、西院`` / ``East, West``."""
    return ("、" if lang == "zh" else ", ").join(names)


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
    details = [source.outlet.get(lang), source.date.describe(lang)]
    if len(paragraphs) == 1:
        details.append(tr("detail.paragraph", lang, n=paragraphs[0]))
    elif paragraphs:
        details.append(tr("detail.paragraphs", lang, n=join_names([str(n) for n in paragraphs], lang)))
    return source.title.get(lang), " · ".join(details)


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
    if not parts:  # e.g. a query of spaces only
        return ""
    return tr("status.filtered", lang, what=("；" if lang == "zh" else "; ").join(parts))


def _bound(day: dt.date | None, year_edge: tuple[int, int], lang: str) -> str:
    """One end of a date-range filter; a whole year (as the filter bar sets it) reads as the year."""
    if day is None:
        return "…"
    if (day.month, day.day) == year_edge:
        return parse_edtf(f"{day.year:04d}").describe(lang)
    return parse_edtf(day.isoformat()).describe(lang)

"""Which milestones a filter lets through: search as you type in Chinese and English."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ..dataset.records import Dataset, Milestone
from .state import Filter

__all__ = ["build_index", "filter_milestones", "fold", "search_text"]


def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``Zhū Bīng`` and ``zhu bing`` fold alike.

    NFKD also turns full-width letters and digits (Ｃ, ２) into plain ones, as typed on a Chinese IME.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search_text(m: Milestone) -> str:
    """Everything a query may match in a milestone: titles, summaries, people, places, tags."""
    texts = [m.title, m.summary, *m.places, *m.tags]
    texts += [t for p in m.people for t in (p.name, p.role)]
    return fold("\n".join(s for t in texts for s in (t.zh, t.en)))


def filter_milestones(ds: Dataset, f: Filter, index: dict[str, str] | None = None) -> list[Milestone]:
    """The milestones of ``ds`` that pass ``f``, in chronological order.

    ``index`` maps milestone ids to :func:`search_text`, built once per dataset by the caller.
    Every word of the query must match somewhere (substring, so Chinese needs no segmentation).
    """
    words = fold(f.query).split()
    result = []
    for m in ds.chronological:
        if m.branch in f.hidden_branches or m.category in f.hidden_categories:
            continue
        if f.date_from and m.date.latest and m.date.latest < f.date_from:
            continue
        if f.date_to and m.date.earliest and m.date.earliest > f.date_to:
            continue
        if words:
            haystack = index[m.id] if index is not None else search_text(m)
            if not all(w in haystack for w in words):
                continue
        result.append(m)
    return result


def build_index(milestones: Iterable[Milestone]) -> dict[str, str]:
    return {m.id: search_text(m) for m in milestones}

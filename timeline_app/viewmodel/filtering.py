"""Which milestones a filter lets through, as a mask over the :class:`MilestoneIndex`.

Branches, categories and dates are compared as arrays. The query is matched as substrings of
precomputed folded texts (so Chinese needs no segmentation), every word somewhere; while the
user types on, only the previous matches are searched again.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from .index import DrawStyle, MilestoneIndex, fold
from .state import Filter

__all__ = ["Matcher"]


class Matcher:
    """Answers :meth:`mask` for one index, remembering its last text search to narrow from."""

    def __init__(self, index: MilestoneIndex):
        self.index = index
        self._last_query = ""
        self._last_text_mask = np.ones(len(index), dtype=bool)

    def mask(self, f: Filter) -> np.ndarray:
        """True for each index row (chronological) that passes ``f``."""
        index = self.index
        keep = self._text_mask(fold(f.query).strip())
        if f.hidden_branches:
            keep = keep & ~np.isin(index.branch, index.branch_codes(f.hidden_branches))
        if f.hidden_categories:
            keep = keep & ~np.isin(index.category, index.category_codes(f.hidden_categories))
        if f.date_from or f.date_to:
            keep = keep & self._date_mask(f)
        if f.person or f.place:
            keep = keep & self._facet_mask(f)
        return keep

    def _facet_mask(self, f: Filter) -> np.ndarray:
        """Milestones that name ``f.person`` among their people and ``f.place`` among their places."""
        def passes(m) -> bool:
            return ((not f.person or any(p.name.zh == f.person for p in m.people))
                    and (not f.place or any(p.zh == f.place for p in m.places)))

        return np.fromiter((passes(m) for m in self.index.milestones), dtype=bool, count=len(self.index))

    def _date_mask(self, f: Filter) -> np.ndarray:
        """Milestones whose dates overlap the range; undated ones only if ``f.include_undated``.

        A comparison with an open end (NaN) is false, so an open end never excludes.
        """
        index = self.index
        keep = np.ones(len(index), dtype=bool)
        if f.date_from:
            keep &= ~(index.latest < _day(f.date_from))
        if f.date_to:
            keep &= ~(index.earliest > _day(f.date_to))
        if not f.include_undated:
            keep &= index.style != DrawStyle.UNDATED
        return keep

    def _text_mask(self, query: str) -> np.ndarray:
        if not query:
            return np.ones(len(self.index), dtype=bool)
        if query == self._last_query:
            return self._last_text_mask
        # Typing on (the new query extends the last) can only narrow the matches.
        narrowing = self._last_query and query.startswith(self._last_query)
        rows = np.flatnonzero(self._last_text_mask) if narrowing else np.arange(len(self.index))
        texts, words = self.index.texts, query.split()
        hits = np.fromiter((all(w in texts[i] for w in words) for i in rows.tolist()), dtype=bool, count=len(rows))
        mask = np.zeros(len(self.index), dtype=bool)
        mask[rows[hits]] = True
        self._last_query, self._last_text_mask = query, mask
        return mask


def _day(d: dt.date) -> float:
    return float(d.toordinal())

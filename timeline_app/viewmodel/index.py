"""The dataset's milestones as columns of numbers, built once per dataset.

Filtering, lanes and the list work on these arrays (one row per milestone, in chronological
order) rather than on the records, so that a keystroke or a new sort costs a few vectorised
operations at any archive size instead of a Python loop over every milestone.
"""

from __future__ import annotations

import threading
import unicodedata

import numpy as np

from ..dataset.edtf import Kind, Precision
from ..dataset.records import Dataset, Milestone
from .timescale import OPEN_END_DAYS

__all__ = ["DrawStyle", "MilestoneIndex", "draw_style", "fold", "search_text"]


class DrawStyle:
    """How exactly a milestone's date is known, as the timeline draws it."""

    POINT = 0  # a known day
    BAR = 1  # a month, season or year: a bar over it
    SPAN = 2  # an interval that lasts a period
    UNDATED = 3  # one unknown day within a period: hollow, in the lane's "date not stated" strip


def draw_style(m: Milestone) -> int:
    if m.date.kind is Kind.ONE_OF:
        return DrawStyle.UNDATED
    if m.date.kind is Kind.INTERVAL:
        return DrawStyle.SPAN
    return DrawStyle.POINT if m.date.precision is Precision.DAY else DrawStyle.BAR


def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``Zhū Bīng`` and ``zhu bing`` fold alike.

    NFKD also turns full-width letters and digits (Ｃ, ２) into plain ones, as typed on a Chinese IME.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    # Marks that NFC would put back are accents to drop; text without any (most Chinese) skips the
    # per-character pass, which is most of the cost.
    if not unicodedata.is_normalized("NFC", decomposed):
        decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
    return decomposed.casefold()


def search_text(m: Milestone) -> str:
    """Everything a query may match in a milestone: titles, summaries, people, places, tags."""
    texts = [m.title, m.summary, *m.places, *m.tags]
    texts += [t for p in m.people for t in (p.name, p.role)]
    return fold("\n".join(s for t in texts for s in (t.zh, t.en)))


class MilestoneIndex:
    """Per-milestone columns over ``dataset.chronological`` (row ``i`` is its ``i``-th milestone).

    ``lo``/``hi`` are the [start, end) span in days (an open end reaches ``OPEN_END_DAYS`` past
    the known one); ``earliest``/``latest`` the known bounds as day numbers, NaN where open;
    ``x`` the day a dated marker stands on (meaningless for undated milestones, which have none).
    """

    def __init__(self, ds: Dataset):
        self.dataset = ds
        self.milestones: tuple[Milestone, ...] = ds.chronological
        self.row_of: dict[str, int] = {m.id: i for i, m in enumerate(self.milestones)}
        self.ids = np.array([m.id for m in self.milestones], dtype=object)
        dates = [m.date for m in self.milestones]
        self.earliest = np.array([d.earliest.toordinal() if d.earliest else np.nan for d in dates], dtype=float)
        self.latest = np.array([d.latest.toordinal() if d.latest else np.nan for d in dates], dtype=float)
        end = self.latest + 1
        self.lo = np.where(np.isnan(self.earliest), end - OPEN_END_DAYS, self.earliest)
        self.hi = np.where(np.isnan(end), self.lo + OPEN_END_DAYS, end)
        self.style = np.array([draw_style(m) for m in self.milestones], dtype=np.int8)
        # Where a dated marker stands: a span at its start, a month or year at its middle, a day on it.
        self.x = np.where(self.style == DrawStyle.SPAN, self.lo, (self.lo + self.hi) / 2)
        self.precision = np.array([m.date.precision.rank for m in self.milestones], dtype=np.int8)
        branch_code = {b.id: k for k, b in enumerate(ds.branches)}
        category_code = {c.id: k for k, c in enumerate(ds.categories)}
        self.branch = np.array([branch_code[m.branch] for m in self.milestones], dtype=np.int32)
        self.category = np.array([category_code[m.category] for m in self.milestones], dtype=np.int32)
        weights = np.array([c.weight for c in ds.categories], dtype=np.int32)
        self.weight = weights[self.category] if len(self.category) else np.zeros(0, dtype=np.int32)
        self._texts: list[str] | None = None
        self._folding: threading.Thread | None = None
        self.notes: dict[str, str] = {}  # record id -> the user's note (see set_notes)

    def __len__(self) -> int:
        return len(self.milestones)

    def prepare_texts(self) -> None:
        """Starts folding the search texts in the background: opening a window needs none, and by
        the first keystroke they are ready (``texts`` waits for them if not)."""
        if self._texts is None and self._folding is None:
            self._folding = threading.Thread(target=self._fold_texts, name="fold-search-texts", daemon=True)
            self._folding.start()

    def _fold_texts(self) -> None:
        notes = self.notes
        self._texts = [search_text(m) + (" " + fold(notes[m.id]) if m.id in notes else "") for m in self.milestones]

    def set_notes(self, notes: dict[str, str]) -> None:
        """The user's private notes, searched with the records (by id); the texts are folded again."""
        if self._folding is not None:
            self._folding.join()
        self.notes, self._texts, self._folding = dict(notes), None, None

    @property
    def texts(self) -> list[str]:
        """Folded search texts, one per row."""
        if self._texts is None:
            if self._folding is not None:
                self._folding.join()
            else:
                self._fold_texts()
        return self._texts

    def branch_codes(self, branch_ids) -> list[int]:
        return [k for k, b in enumerate(self.dataset.branches) if b.id in branch_ids]

    def category_codes(self, category_ids) -> list[int]:
        return [k for k, c in enumerate(self.dataset.categories) if c.id in category_ids]

"""The indicators as the panel shows them: one row per measure, a track per branch, and every
figure with what is known of its date and its exactness.

Only the figures the sources give are points; between two of them nothing is known. A count over
a period (``2013/2023``) is a bar over the period; a figure "before 2013" (``[..2012]``) ends at
its bound and is open towards the past. Changes between a track's first and last dated figures
say ``≈`` whenever either figure is qualified (25万+ → 43万+ is not an exact +72%).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..dataset.edtf import Kind
from ..dataset.records import Dataset, Indicator, IndicatorPoint, Qualifier
from ..i18n import tr
from ..i18n.dates import describe
from ..i18n.numbers import format_change, format_value
from .timescale import span_of

__all__ = ["Figure", "MeasureRow", "Track", "measure_rows"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a track: where it stands on the time axis and how it is drawn."""

    point: IndicatorPoint
    lo: float  # [lo, hi) in days
    hi: float
    cumulative: bool  # a count over the period [lo, hi): a bar
    open_start: bool  # "before …": known only to end by hi

    @property
    def x(self) -> float:
        """Where its label stands: a point's middle, a period's middle, an open one's end."""
        return self.hi if self.open_start else (self.lo + self.hi) / 2

    def value_text(self, lang: str) -> str:
        return format_value(self.point.value, self.point.qualifier, lang)

    def when(self, lang: str) -> str:
        """Its date in words, a period saying what the figure is of it: ``cumulative, 2013 – 2023``
        for a count over it, ``each year, 2013 – 2023`` for a figure that holds in every year."""
        when = describe(self.point.date, lang)
        if self.cumulative:
            key = "indicators.each_year" if self.point.each_year else "indicators.cumulative"
            when = tr(key, lang, range=when)
        return when

    def words(self, lang: str) -> str:
        """The figure in words: ``2013年：25万+``, ``cumulative, 2013 – 2023: 197``."""
        return tr("indicators.point", lang, date=self.when(lang), value=self.value_text(lang))


@dataclass(frozen=True, slots=True)
class Track:
    """One branch's figures of a measure, in date order."""

    indicator: Indicator
    figures: tuple[Figure, ...]

    @property
    def branch(self) -> str:
        return self.indicator.branch

    def change(self, lang: str) -> tuple[str, str]:
        """The change between the first and last dated figures: short (``≈ +72%``) and in full."""
        dated = [f for f in self.figures if not f.cumulative and not f.open_start]
        if len(dated) < 2:
            return "", ""
        first, last = dated[0].point, dated[-1].point
        approximate = first.qualifier is not Qualifier.EXACT or last.qualifier is not Qualifier.EXACT
        short = format_change(first.value, last.value, approximate)
        if not short:
            return "", ""
        full = tr("indicators.change", lang, change=short, lo=describe(first.date, lang), hi=describe(last.date, lang))
        return short, full


@dataclass(frozen=True, slots=True)
class MeasureRow:
    """A measure with its branches' tracks side by side, on one scale."""

    measure: str
    tracks: tuple[Track, ...]

    @property
    def unit(self) -> str:
        return self.tracks[0].indicator.unit

    def label(self, lang: str) -> str:
        return self.tracks[0].indicator.label.get(lang)

    @property
    def top(self) -> float:
        """The largest figure of the row: every track is drawn on this one scale."""
        return max(float(f.point.value) for t in self.tracks for f in t.figures)


def _figure(p: IndicatorPoint) -> Figure:
    lo, hi = span_of(p.date)
    open_start = p.date.earliest is None
    return Figure(p, lo, hi, p.date.kind is Kind.INTERVAL, open_start)


def measure_rows(ds: Dataset, hidden_branches: frozenset[str] = frozenset()) -> list[MeasureRow]:
    """One row per measure in the order measures first appear, tracks in the branches' order;
    none for the ``hidden_branches`` (a measure only they have gets no row)."""
    branch_order = {b.id: i for i, b in enumerate(ds.branches)}
    groups: dict[str, list[Indicator]] = defaultdict(list)
    for indicator in ds.indicators:
        if indicator.branch not in hidden_branches:
            groups[indicator.measure].append(indicator)
    rows = []
    for measure, indicators in groups.items():
        tracks = []
        for indicator in sorted(indicators, key=lambda i: branch_order[i.branch]):
            figures = sorted((_figure(p) for p in indicator.points), key=lambda f: (f.lo, f.hi))
            tracks.append(Track(indicator, tuple(figures)))
        rows.append(MeasureRow(measure, tuple(tracks)))
    return rows

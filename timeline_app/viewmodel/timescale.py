"""Time as the timeline's x coordinate, and axis ticks that adapt from decades to days.

x is a day number: ``date.toordinal()`` (days since 0001-01-01), as a float so that zoom and
animation are continuous. A date of month or year precision covers its whole span.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dataset.edtf import EdtfDate
from ..i18n import catalog
from ..i18n.dates import day_words, month_words, range_words, year_words

__all__ = ["END_DAY", "FIRST_DAY", "MARGIN_DAYS", "OPEN_END_DAYS", "Tick", "date_of", "day_of", "range_caption", "span_of", "ticks"]

MARGIN_DAYS = 120.0  # room kept before the first and after the last date
OPEN_END_DAYS = 365.0  # how far an open-ended span is drawn past its known end
# The days a date can name (0001-01-01 to the end of 9999-12-31): no range reaches past them, so
# every x on screen is a date Python can make (a painter asking for year 10000 raised, in paint).
FIRST_DAY, END_DAY = 1.0, float(dt.date.max.toordinal() + 1)


def day_of(d: dt.date) -> float:
    return float(d.toordinal())


def date_of(x: float) -> dt.date:
    return dt.date.fromordinal(min(max(int(x), 1), dt.date.max.toordinal()))


def span_of(d: EdtfDate) -> tuple[float, float]:
    """[start, end) in days: a day is one unit wide, a year 365 or 366."""
    lo = day_of(d.earliest) if d.earliest else None
    hi = day_of(d.latest) + 1 if d.latest else None
    if lo is None:
        lo = hi - OPEN_END_DAYS
    if hi is None:
        hi = lo + OPEN_END_DAYS
    return lo, hi


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str
    major: bool


# (unit, step, typical spacing in days), coarse to fine
_LEVELS = [  # (from centuries: a dataset may reach from 0001 to 9999)
    ("year", 1000, 365250), ("year", 500, 182625), ("year", 100, 36525), ("year", 50, 18262.5),
    ("year", 20, 7305), ("year", 10, 3652.5), ("year", 5, 1826.25), ("year", 2, 730.5), ("year", 1, 365.25),
    ("month", 6, 182.6), ("month", 3, 91.3), ("month", 1, 30.44),
    ("day", 14, 14), ("day", 7, 7), ("day", 2, 2), ("day", 1, 1),
]


def ticks(x0: float, x1: float, width_px: float, lang: str) -> list[Tick]:
    """Ticks for the visible range at the finest level whose labels keep the language's spacing apart.

    Major ticks start a coarser unit (a year among months, a month among days) and say so.
    """
    if x1 <= x0 or width_px <= 0:
        return []
    px_per_day = width_px / (x1 - x0)
    min_spacing_px = catalog(lang).TICK_SPACING_PX
    unit, step = _LEVELS[0][:2]
    for level_unit, level_step, days in _LEVELS:
        if days * px_per_day < min_spacing_px:
            break
        unit, step = level_unit, level_step
    lo, hi = date_of(x0), date_of(x1)
    if unit == "year":
        return [_year_tick(y, lang) for y in range((lo.year // step) * step, hi.year + 1, step) if y >= 1]
    if unit == "month":
        result = []
        for index in range(lo.year * 12 + lo.month - 1, hi.year * 12 + hi.month):
            year, month0 = divmod(index, 12)
            if month0 % step == 0 and year >= 1:
                result.append(_month_tick(year, month0 + 1, lang))
        return [t for t in result if x0 - 31 <= t.x <= x1]
    result = []
    d = lo.replace(day=1)
    while d <= hi:
        if d.day == 1 or ((d.day - 1) % step == 0 and d.day <= 29 - step // 2):
            if d >= lo:
                result.append(_day_tick(d, lang))
        if d == dt.date.max:  # the calendar's last day has no next one
            break
        d += dt.timedelta(days=1)
    return result


def _year_tick(year: int, lang: str) -> Tick:
    return Tick(day_of(dt.date(year, 1, 1)), year_words(year, lang, "tick.year"), True)


def _month_tick(year: int, month: int, lang: str) -> Tick:
    if month == 1:
        return _year_tick(year, lang)
    return Tick(day_of(dt.date(year, month, 1)), month_words(year, month, lang, "tick.month"), False)


def _day_tick(d: dt.date, lang: str) -> Tick:
    if d.day == 1:
        return Tick(day_of(d), day_words(d, lang, "tick.month_start"), True)
    return Tick(day_of(d), day_words(d, lang, "tick.day"), False)


def range_caption(x0: float, x1: float, lang: str) -> str:
    """What the visible range spans, in words: a month, a year, or first and last year."""
    # x1 is the end of the view: a view that ends at midnight shows nothing of the day after.
    lo, hi, mid = date_of(x0), date_of(x1 - 0.5), date_of((x0 + x1) / 2)
    if x1 - x0 <= 62:
        return month_words(mid.year, mid.month, lang, "caption.month")
    return range_words(lo, hi, lang)

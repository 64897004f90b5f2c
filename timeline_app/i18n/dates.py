"""Dates in words, in the reader's language: EDTF dates with their precision, and axis ticks.

The dataset knows what a date is (:mod:`timeline_app.dataset.edtf`); how it reads is here, from
the catalogs, so the detail pane, the list, the axis and the exports all say it the same way.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dataset.edtf import OPEN, EdtfDate, EdtfError, End, Kind, Member, Part, Precision, parse_edtf
from . import LANGUAGES, catalog, tr

__all__ = ["date_in_words", "day_words", "describe", "month_words", "parse_date_words", "range_words", "year_words"]


def _calendar(lang: str, year: int, month: int | None = None, day: int | None = None) -> dict[str, object]:
    """The values a catalog's date formats may use."""
    values: dict[str, object] = {"year": year}
    if month is not None:
        language = catalog(lang)
        values.update(month=month, month_abbr=language.MONTH_ABBR[month - 1], month_name=language.MONTH_NAMES[month - 1])
    if day is not None:
        values["day"] = day
    return values


def year_words(year: int, lang: str, key: str = "date.year") -> str:
    return tr(key, lang, **_calendar(lang, year))


def month_words(year: int, month: int, lang: str, key: str = "date.month") -> str:
    return tr(key, lang, **_calendar(lang, year, month))


def day_words(day: dt.date, lang: str, key: str = "date.day") -> str:
    return tr(key, lang, **_calendar(lang, day.year, day.month, day.day))


def range_words(first: dt.date, last: dt.date, lang: str) -> str:
    """What a visible range spans: a month, a year, or its first and last years."""
    if first.year == last.year:
        return year_words(first.year, lang, "caption.year")
    return tr("caption.years", lang, start=first.year, end=last.year)


def _part(p: Part, lang: str) -> str:
    if p.precision is Precision.DAY:
        text = day_words(p.earliest, lang)
    elif p.precision is Precision.MONTH:
        text = month_words(p.year, p.month, lang)
    elif p.precision is Precision.SEASON:
        text = tr("date.season", lang, year=p.year, season=tr(f"season.{p.season}", lang))
    elif p.precision is Precision.YEAR:
        text = year_words(p.year, lang)
    else:
        text = tr("date.decade", lang, year=p.earliest.year)
    if p.approximate:
        text = tr("date.approximate", lang, date=text)
    if p.uncertain:
        text = tr("date.uncertain", lang, date=text)
    return text


def _end(end: End, lang: str) -> str:
    return _part(end, lang) if isinstance(end, Part) else tr("date.unknown", lang)


def _member(m: Member, lang: str) -> str:
    if not m.is_range:
        return _part(m.start, lang)
    if m.start is None:
        end = m.end
        if end.precision is Precision.YEAR and not (end.uncertain or end.approximate):
            return tr("date.before", lang, year=end.year + 1)  # "[..2012]": before 2013
        return tr("date.or_earlier", lang, date=_part(end, lang))
    if m.end is None:
        return tr("date.or_later", lang, date=_part(m.start, lang))
    return tr("date.between", lang, start=_part(m.start, lang), end=_part(m.end, lang))


def describe(date: EdtfDate, lang: str) -> str:
    """The date in words: ``2015年8月`` / ``Aug 2015``; a one-of set says "between … and …"."""
    if date.kind is Kind.DATE:
        return _part(date.start, lang)
    if date.kind is Kind.INTERVAL:
        if date.start == OPEN:
            return tr("date.until", lang, end=_end(date.end, lang))
        if date.end == OPEN:
            return tr("date.from", lang, start=_end(date.start, lang))
        return tr("date.span", lang, start=_end(date.start, lang), end=_end(date.end, lang))
    phrases = [_member(m, lang) for m in date.members]
    if len(phrases) == 1:
        return phrases[0]
    return tr("sep.or", lang).join(phrases[:-1]) + tr("sep.or_last", lang) + phrases[-1]


def date_in_words(date: EdtfDate, lang: str) -> str:
    """The date and how exactly it is known: ``2016年9月 · 只知月份``, ``date not stated; between …``."""
    words = describe(date, lang)
    if date.kind is Kind.ONE_OF:
        return tr("precision.one_of", lang, range=words)
    key = "precision.interval" if date.kind is Kind.INTERVAL else f"precision.{date.precision.value}"
    return f"{words}{tr('sep.dot', lang)}{tr(key, lang)}"


def parse_date_words(text: str) -> EdtfDate | None:
    """A date typed the way people write one, in any catalog's language: ``2016-09``, ``2016年9月``,
    ``Sep 2016``, ``2016``, ``5 Sep 2016``, ``2016年9月5日``, ``2016/2018`` (any EDTF). None if it
    is none of these."""
    words = " ".join(text.replace(",", " ").split())
    if not words:
        return None
    for candidate in (words, *_as_edtf(words)):
        try:
            return parse_edtf(candidate)
        except EdtfError:
            continue
    return None


def _as_edtf(words: str) -> list[str]:
    """EDTF spellings of ``words`` read as a Chinese date or a day, month and year in words."""
    found = []
    chinese = _CHINESE_DATE.fullmatch(words.replace(" ", ""))
    if chinese:
        year, month, day = chinese.groups()
        found.append(year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if day else ""))
    month_of = {}
    for lang in LANGUAGES:
        language = catalog(lang)
        for number, names in enumerate(zip(language.MONTH_ABBR, language.MONTH_NAMES), start=1):
            month_of.update({name.casefold().rstrip("."): number for name in names})
    parts = words.casefold().split()
    numbers = [p for p in parts if p.isdigit()]
    months = [month_of[p.rstrip(".")] for p in parts if p.rstrip(".") in month_of]
    if len(months) == 1 and numbers and len(parts) == len(numbers) + 1:
        year = next((n for n in numbers if len(n) == 4), None)
        days = [n for n in numbers if n != year]
        if year and len(days) <= 1:
            found.append(f"{year}-{months[0]:02d}" + (f"-{int(days[0]):02d}" if days else ""))
    return found


_CHINESE_DATE = re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")

"""The subset of EDTF (Library of Congress Extended Date/Time Format) that archivists need here.

Supported: level 0 dates and intervals (``2013-06-28``, ``2015-08``, ``2020``, ``2013/2023``);
level 1 qualifiers (``?`` uncertain, ``~`` approximate, ``%`` both), unspecified digits
(``201X``, ``2013-XX``), seasons (``2015-21`` … ``2015-24``), open and unknown interval ends
(``2013/..``, ``/2023``); level 2 "one of" sets (``[2013..2023]``, ``[2013, 2015]``,
``[..2013]``) for an event known only to fall somewhere in a period.

Every date knows its earliest and latest day, its precision and a sort key; how it reads in
each language is :mod:`timeline_app.i18n.dates`. Times of day, negative years and ``{…}`` all-of sets are refused with a
message, never silently misread.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from dataclasses import dataclass

from .problems import Message, cut

__all__ = ["OPEN", "UNKNOWN", "EdtfDate", "EdtfError", "End", "Kind", "Member", "Part", "Precision", "parse_edtf"]


class EdtfError(ValueError):
    """A string that is not a date of the supported EDTF subset; ``reason`` says why, in any language."""

    def __init__(self, key: str, /, **params: object):
        self.reason = Message(key, tuple((name, cut(value)) for name, value in params.items()))
        super().__init__(key)

    def __str__(self) -> str:  # unworded, for a traceback; people read i18n.problems.message_text(reason)
        return f"{self.reason.key} {dict(self.reason.params)}"


class Precision(enum.Enum):
    """How exactly a date is known, finest first."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def rank(self) -> int:
        return _PRECISION_ORDER.index(self)


_PRECISION_ORDER = list(Precision)


class Kind(enum.Enum):
    """A single date, a span that lasts a period, or one date somewhere within a set."""

    DATE = "date"
    INTERVAL = "interval"
    ONE_OF = "one-of"


@dataclass(frozen=True, slots=True)
class Part:
    """One calendar date at some precision, e.g. ``2015-08~``."""

    year: int
    month: int | None
    day: int | None
    season: int | None
    precision: Precision
    uncertain: bool
    approximate: bool
    earliest: dt.date
    latest: dt.date


OPEN = "open"  # ``..``: the period runs on (or back) without limit
UNKNOWN = "unknown"  # empty end: there is an end, but it is not known
End = Part | str  # a Part, OPEN or UNKNOWN


@dataclass(frozen=True, slots=True)
class Member:
    """One element of a "one of" set: a date, or a range of dates ``a..b`` (ends may be open)."""

    start: Part | None
    end: Part | None
    is_range: bool


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """A parsed EDTF string. ``earliest``/``latest`` are ``None`` where the date is open-ended."""

    text: str
    kind: Kind
    precision: Precision
    earliest: dt.date | None
    latest: dt.date | None
    uncertain: bool
    approximate: bool
    start: End | None = None  # INTERVAL only
    end: End | None = None  # INTERVAL only
    members: tuple[Member, ...] = ()  # ONE_OF only

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Orders by earliest day, then by latest (a day sorts before the month that holds it)."""
        lo = (self.earliest or dt.date.min).toordinal()
        hi = (self.latest or dt.date.max).toordinal()
        return (lo, hi, _KIND_ORDER[self.kind])

    def __str__(self) -> str:
        return self.text


_KIND_ORDER = {Kind.DATE: 0, Kind.INTERVAL: 1, Kind.ONE_OF: 2}

_PART_RE = re.compile(  # ASCII digits only: EDTF has no others, and int() would read "٢٠١٦" as 2016
    r"(?P<year>\d{4}|\d{3}X|\d{2}XX)"
    r"(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?"
    r"(?P<qual>[?~%])?",
    re.ASCII,
)


def parse_edtf(text: str) -> EdtfDate:
    """Parses one EDTF string; raises :class:`EdtfError` with a readable reason."""
    if not isinstance(text, str):
        raise EdtfError("problem.edtf.not_text", type=type(text).__name__)
    s = text.strip()
    if not s:
        raise EdtfError("problem.edtf.empty")
    if s != text:
        raise EdtfError("problem.edtf.spaces")
    if "T" in s:
        raise EdtfError("problem.edtf.time", text=s)
    if s.startswith("{"):
        raise EdtfError("problem.edtf.all_of", text=s)
    if s.startswith("["):
        return _parse_set(s)
    if "/" in s:
        return _parse_interval(s)
    part = _parse_part(s)
    return EdtfDate(
        text=s,
        kind=Kind.DATE,
        precision=part.precision,
        earliest=part.earliest,
        latest=part.latest,
        uncertain=part.uncertain,
        approximate=part.approximate,
        start=part,
    )


def _parse_part(s: str) -> Part:
    m = _PART_RE.fullmatch(s)
    if not m:
        raise EdtfError(_explain_bad_part(s), text=s)
    year_s, month_s, day_s, qual = m.group("year", "month", "day", "qual")
    uncertain = qual in ("?", "%")
    approximate = qual in ("~", "%")
    if "X" in year_s:
        if month_s is not None:
            raise EdtfError("problem.edtf.month_needs_year", text=s)
        lo_year = int(year_s.replace("X", "0"))
        hi_year = int(year_s.replace("X", "9"))
        precision = Precision.DECADE if year_s.count("X") == 1 else Precision.CENTURY
        _check_year(max(lo_year, 1), s)
        return Part(
            lo_year, None, None, None, precision, uncertain, approximate,
            dt.date(max(lo_year, 1), 1, 1), dt.date(hi_year, 12, 31),
        )
    year = int(year_s)
    _check_year(year, s)
    if month_s is None or (month_s == "XX" and day_s in (None, "XX")):
        return Part(year, None, None, None, Precision.YEAR, uncertain, approximate,
                    dt.date(year, 1, 1), dt.date(year, 12, 31))
    if month_s == "XX":
        raise EdtfError("problem.edtf.day_needs_month", text=s)
    month = int(month_s)
    if 21 <= month <= 24:
        if day_s is not None:
            raise EdtfError("problem.edtf.season_day", text=s)
        if year == 9999 and month == 24:
            raise EdtfError("problem.edtf.last_winter", text=s)
        lo, hi = _season_bounds(year, month)
        return Part(year, None, None, month, Precision.SEASON, uncertain, approximate, lo, hi)
    if not 1 <= month <= 12:
        raise EdtfError("problem.edtf.no_month", text=s, month=month_s)
    last_day = calendar.monthrange(year, month)[1]
    if day_s is None or day_s == "XX":
        return Part(year, month, None, None, Precision.MONTH, uncertain, approximate,
                    dt.date(year, month, 1), dt.date(year, month, last_day))
    day = int(day_s)
    if not 1 <= day <= last_day:
        raise EdtfError("problem.edtf.no_day", text=s, month=f"{year:04d}-{month:02d}", day=day_s, days=last_day)
    day_date = dt.date(year, month, day)
    return Part(year, month, day, None, Precision.DAY, uncertain, approximate, day_date, day_date)


def _check_year(year: int, s: str) -> None:
    if year < 1:
        raise EdtfError("problem.edtf.year_zero", text=s)


def _season_bounds(year: int, season: int) -> tuple[dt.date, dt.date]:
    first_month = {21: 3, 22: 6, 23: 9, 24: 12}[season]
    lo = dt.date(year, first_month, 1)
    if season == 24:  # winter runs into the next year (northern hemisphere)
        return lo, dt.date(year + 1, 2, calendar.monthrange(year + 1, 2)[1])
    last_month = first_month + 2
    return lo, dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def _explain_bad_part(s: str) -> str:
    """The key of the likeliest reason ``s`` is not a date."""
    if any(c.isdigit() and not c.isascii() for c in s):
        return "problem.edtf.digits"
    if re.fullmatch(r"-\d+.*", s):
        return "problem.edtf.negative_year"
    if re.fullmatch(r"Y-?\d+", s) or re.fullmatch(r"\d{5,}.*", s):
        return "problem.edtf.big_year"
    if re.fullmatch(r"\d{4}-\d{1}(-\d{1,2})?", s) or re.fullmatch(r"\d{4}-\d{2}-\d{1}", s):
        return "problem.edtf.two_digits"
    if re.fullmatch(r"\d{4}[./]\d{1,2}([./]\d{1,2})?", s) or "年" in s:
        return "problem.edtf.format"
    if re.search(r"\d[?~%]-", s) or re.search(r"-[?~%]\d", s):
        return "problem.edtf.qualifier"
    return "problem.edtf.unknown"


def _parse_end(s: str, which: str) -> End:
    if s == "..":
        return OPEN
    if s == "":
        return UNKNOWN
    try:
        return _parse_part(s)
    except EdtfError as err:
        raise EdtfError(f"problem.edtf.{which}", reason=err.reason) from None


def _parse_interval(s: str) -> EdtfDate:
    pieces = s.split("/")
    if len(pieces) != 2:
        raise EdtfError("problem.edtf.slashes", text=s)
    start = _parse_end(pieces[0], "start")
    end = _parse_end(pieces[1], "end")
    if not isinstance(start, Part) and not isinstance(end, Part):
        raise EdtfError("problem.edtf.no_ends", text=s)
    if isinstance(start, Part) and isinstance(end, Part) and start.earliest > end.latest:
        raise EdtfError("problem.edtf.backwards", text=s)
    parts = [p for p in (start, end) if isinstance(p, Part)]
    return EdtfDate(
        text=s,
        kind=Kind.INTERVAL,
        precision=max((p.precision for p in parts), key=lambda p: p.rank),
        earliest=start.earliest if isinstance(start, Part) else None,
        latest=end.latest if isinstance(end, Part) else None,
        uncertain=any(p.uncertain for p in parts),
        approximate=any(p.approximate for p in parts),
        start=start,
        end=end,
    )


def _parse_set(s: str) -> EdtfDate:
    if not s.endswith("]"):
        raise EdtfError("problem.edtf.set_unclosed", text=s)
    body = s[1:-1].strip()
    if not body:
        raise EdtfError("problem.edtf.set_empty", text=s)
    members: list[Member] = []
    items = [item.strip() for item in body.split(",")]
    for index, item in enumerate(items):
        if ".." not in item:
            members.append(Member(_parse_part(item), None, False))
            continue
        lo_s, _, hi_s = item.partition("..")
        if ".." in hi_s:
            raise EdtfError("problem.edtf.set_dots", text=s, item=item)
        lo = _parse_part(lo_s) if lo_s else None
        hi = _parse_part(hi_s) if hi_s else None
        if lo is None and hi is None:
            raise EdtfError("problem.edtf.set_bare", text=s)
        if lo is None and index != 0:
            raise EdtfError("problem.edtf.set_open_start", text=s, item=item)
        if hi is None and index != len(items) - 1:
            raise EdtfError("problem.edtf.set_open_end", text=s, item=item)
        if lo and hi and lo.earliest > hi.latest:
            raise EdtfError("problem.edtf.set_backwards", text=s, item=item)
        members.append(Member(lo, hi, True))
    parts = [p for m in members for p in (m.start, m.end) if p is not None]
    first, last = members[0], members[-1]
    earliest = None if (first.is_range and first.start is None) else min(p.earliest for p in parts)
    latest = None if (last.is_range and last.end is None) else max(p.latest for p in parts)
    return EdtfDate(
        text=s,
        kind=Kind.ONE_OF,
        precision=max((p.precision for p in parts), key=lambda p: p.rank),
        earliest=earliest,
        latest=latest,
        uncertain=any(p.uncertain for p in parts),
        approximate=any(p.approximate for p in parts),
        members=tuple(members),
    )

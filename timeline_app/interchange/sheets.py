"""The dataset as spreadsheets: milestones in TimelineJS's sheet layout plus our own columns, and
the indicators in a sheet of their own. Rows are lists of strings; :func:`to_csv` writes them as
CSV (UTF-8 with a BOM, so Excel on a Chinese Windows desktop reads the Chinese), :mod:`.xlsx` as
a workbook.

TimelineJS's columns are the ones its own reader looks up (``extractEventFromCSVObject`` in
TimelineJS3's ``src/js/core/ConfigFactory.js``), in its Google Sheets template's order; it ignores
the others, so the sheet can be published for TimelineJS as it is.
"""

from __future__ import annotations

import csv
import html
import io

from ..dataset.edtf import OPEN, EdtfDate, Kind, Part
from ..dataset.records import Milestone
from ..i18n import tr
from ..i18n.dates import describe
from .common import readable_citation, source_field
from .selection import Selection
from .timelinejs import date_fields, era_dates

__all__ = ["INDICATOR_COLUMNS", "OUR_COLUMNS", "TIMELINEJS_COLUMNS", "indicator_rows", "milestone_rows",
           "precision_text", "to_csv"]

TIMELINEJS_COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
    "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Alt Text", "Type",
    "Group", "Background",
)
OUR_COLUMNS = (
    "id", "edtf", "earliest", "latest", "precision", "branch", "category", "title_zh", "title_en",
    "summary_zh", "summary_en", "sources", "citation",
)
INDICATOR_COLUMNS = ("measure", "label", "branch", "when", "edtf", "value", "qualifier", "unit", "sources", "citation")


def precision_text(date: EdtfDate) -> str:
    """How exactly each end is known, in EDTF's shape: ``day``, ``day/year`` (a range from a known
    day to a year), ``day/..`` (open end), ``[day..year]`` (one day somewhere in that period)."""
    def one(p) -> str:
        return p.precision.value if isinstance(p, Part) else (".." if p == OPEN else "")

    if date.kind is Kind.DATE:
        return date.precision.value
    if date.kind is Kind.INTERVAL:
        return f"{one(date.start)}/{one(date.end)}"
    members = (f"{one(m.start) if m.start else ''}..{one(m.end) if m.end else ''}" if m.is_range else one(m.start)
               for m in date.members)
    return f"[{', '.join(members)}]"


def _date_cells(fields: dict) -> list[str]:
    """Year … End Time and Display Date, from TimelineJS date fields."""
    start, end = fields["start_date"], fields.get("end_date", {})
    cells = [str(d.get(k, "")) for d in (start,) for k in ("year", "month", "day")] + [""]
    cells += [str(end.get(k, "")) for k in ("year", "month", "day")] + [""]
    return cells + [fields.get("display_date", "")]


def _row(m: Milestone, sel: Selection, lang: str) -> list[str]:
    ds = sel.dataset
    media = m.media[0] if m.media else None
    text = "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in m.summary.get(lang).splitlines() if line.strip())
    return [
        *_date_cells(date_fields(m.date, lang)), html.escape(m.title.get(lang), quote=False), text,
        media.path if media else "", media.credit.get(lang) if media and media.credit else "",
        media.caption.get(lang) if media else "", "", media.caption.get(lang) if media else "", "",
        ds.branch_by_id[m.branch].name.get(lang), "",
        m.id, m.date.text, m.date.earliest.isoformat() if m.date.earliest else "",
        m.date.latest.isoformat() if m.date.latest else "", precision_text(m.date), m.branch, m.category,
        m.title.zh, m.title.en, m.summary.zh, m.summary.en, source_field(m.sources),
        readable_citation(m.sources, ds, lang),
    ]


def milestone_rows(sel: Selection, lang: str) -> list[list[str]]:
    """The header, a title row (the dataset's title; its text says what the export holds and
    the filter), the eras, then one row per milestone in date order."""
    ds = sel.dataset
    blank = [""] * (len(TIMELINEJS_COLUMNS) + len(OUR_COLUMNS))
    title = list(blank)
    about = [tr("export.tljs.count", lang, n=len(sel.milestones), total=len(ds.milestones)), sel.describe(lang)]
    title[9], title[10], title[16] = html.escape(ds.title.get(lang), quote=False), \
        "".join(f"<p>{html.escape(t, quote=False)}</p>" for t in about if t), "title"
    rows = [list(TIMELINEJS_COLUMNS + OUR_COLUMNS), title]
    for era in ds.eras:
        row = list(blank)
        row[:9] = _date_cells(era_dates(era, sel))
        row[9], row[16] = html.escape(era.name.get(lang), quote=False), "era"
        row[len(TIMELINEJS_COLUMNS)], row[len(TIMELINEJS_COLUMNS) + 1] = era.id, era.date.text
        rows.append(row)
    rows += [_row(m, sel, lang) for m in sel.milestones]
    return rows


def indicator_rows(sel: Selection, lang: str) -> list[list[str]]:
    """The header, then one row per figure: measure, branch, when (in words and EDTF), value,
    qualifier, unit and sources."""
    ds = sel.dataset
    rows = [list(INDICATOR_COLUMNS)]
    for indicator, points in sel.indicators:
        for k in points:
            p = indicator.points[k]
            rows.append([
                indicator.measure, indicator.label.get(lang), indicator.branch, describe(p.date, lang), p.date.text,
                format(p.value, "f"), p.qualifier.value, indicator.unit, source_field(indicator.sources),
                readable_citation(indicator.sources, ds, lang),
            ])
    return rows


def to_csv(rows: list[list[str]]) -> bytes:
    """CSV as Excel reads it: UTF-8 with a BOM, CRLF line ends."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")

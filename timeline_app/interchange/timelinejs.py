"""The dataset as TimelineJS3 JSON (Knight Lab's format: https://timeline.knightlab.com/docs/json-format.html).

Each milestone is one event: its dates as integer parts at the precision the sources give (a
month is ``{year, month}``, never a made-up day), a ``display_date`` in words wherever the parts
alone would say more than is known (qualified dates, seasons, decades, open ends, undated
milestones "some day between …"), the branch as its ``group``, texts HTML-escaped (TimelineJS
reads them as HTML), and the milestone id as ``unique_id`` (TimelineJS makes a random one from a
Chinese headline). What the mapping loses is in docs/interchange.md.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..dataset.edtf import EdtfDate, Kind, Part, Precision
from ..dataset.records import Era, Milestone
from ..i18n import tr
from ..i18n.dates import date_in_words, describe
from .common import readable_citation
from .selection import Selection

__all__ = ["SOURCES_CLASS", "date_fields", "era_dates", "to_timelinejs", "to_timelinejs_data"]

SOURCES_CLASS = "timeline-app-sources"  # the paragraph of citations; an import leaves it out of the summary
_PLAIN = (Precision.DAY, Precision.MONTH, Precision.YEAR)


def _parts(p: Part) -> tuple[dict[str, int], dict[str, int]]:
    """The first and last date ``p`` covers, as TimelineJS date parts at ``p``'s precision."""
    if p.precision in _PLAIN:
        d = {"year": p.year} | ({"month": p.month} if p.month else {}) | ({"day": p.day} if p.day else {})
        return d, d
    if p.precision is Precision.SEASON:
        return ({"year": p.earliest.year, "month": p.earliest.month},
                {"year": p.latest.year, "month": p.latest.month})
    return {"year": p.earliest.year}, {"year": p.latest.year}  # a decade or a century


def date_fields(date: EdtfDate, lang: str) -> dict[str, Any]:
    """``start_date``, ``end_date`` (when the date spans more than its start) and ``display_date``
    (when the integer parts do not say how the date is known)."""
    if date.kind is Kind.ONE_OF:
        ends = [p for m in date.members for p in (m.start, m.end) if p is not None]
        first, last = ends[0], ends[-1]
    else:
        ends = [p for p in (date.start, date.end) if isinstance(p, Part)]
        first, last = ends[0], ends[-1]
    start, _ = _parts(first)
    _, end = _parts(last)
    out: dict[str, Any] = {"start_date": start}
    if end != start:
        out["end_date"] = end
    plain = (date.kind is Kind.DATE or (date.kind is Kind.INTERVAL and len(ends) == 2)) and all(
        p.precision in _PLAIN and not (p.uncertain or p.approximate) for p in ends)
    if not plain:
        out["display_date"] = date_in_words(date, lang) if date.kind is Kind.ONE_OF else describe(date, lang)
    return out


def era_dates(era: Era, sel: Selection) -> dict[str, dict[str, int]]:
    """An era's ``start_date`` and ``end_date``: TimelineJS refuses an era without a distinct end,
    so a period open at its end (``2022-09-09/..``) runs to the last year of the data."""
    fields = date_fields(era.date, "en")
    start = fields["start_date"]
    if "end_date" not in fields or not isinstance(era.date.end, Part):
        last = max((m.date.latest.year for m in sel.dataset.milestones if m.date.latest), default=start["year"])
        fields["end_date"] = {"year": last if {"year": last} != start else last + 1}
    return {"start_date": start, "end_date": fields["end_date"]}


def _paragraphs(text: str, cls: str | None = None) -> str:
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<p{attr}>{html.escape(line, quote=False)}</p>" for line in text.splitlines() if line.strip())


def _event(m: Milestone, sel: Selection, lang: str) -> dict[str, Any]:
    ds = sel.dataset
    event: dict[str, Any] = {
        "unique_id": m.id,
        **date_fields(m.date, lang),
        "group": ds.branch_by_id[m.branch].name.get(lang),
        "text": {
            "headline": html.escape(m.title.get(lang), quote=False),
            "text": _paragraphs(m.summary.get(lang)) + _paragraphs(readable_citation(m.sources, ds, lang), SOURCES_CLASS),
        },
    }
    if m.media:  # TimelineJS shows one medium per slide: the first
        media = m.media[0]
        event["media"] = {"url": media.path, "alt": media.caption.get(lang), "caption": html.escape(media.caption.get(lang), quote=False),
                          "credit": html.escape(media.credit.get(lang), quote=False) if media.credit else ""}
    return event


def to_timelinejs_data(sel: Selection, lang: str) -> dict[str, Any]:
    """The title slide, one event per milestone the selection holds (in date order, the dataset's
    branch order within a day: TimelineJS lists groups in order of first appearance), the eras."""
    ds = sel.dataset
    milestones = sel.milestones
    order = {b.id: k for k, b in enumerate(ds.branches)}
    events = sorted(milestones, key=lambda m: (m.date.sort_key, order[m.branch]))
    about = [tr("export.tljs.count", lang, n=len(milestones), total=len(ds.milestones)), sel.describe(lang)]
    eras = [{**era_dates(era, sel), "text": {"headline": html.escape(era.name.get(lang), quote=False)}}
            for era in ds.eras]
    return {
        "title": {"unique_id": "title", "text": {"headline": html.escape(ds.title.get(lang), quote=False),
                                                 "text": _paragraphs("\n".join(about))}},
        "events": [_event(m, sel, lang) for m in events],
        "eras": eras,
        "scale": "human",
    }


def to_timelinejs(sel: Selection, lang: str) -> str:
    return json.dumps(to_timelinejs_data(sel, lang), ensure_ascii=False, indent=1) + "\n"

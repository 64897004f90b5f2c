"""Writes a dataset out as normalized JSON: every record, each date also in words in both languages
(spreadsheets and TimelineJS: the other modules of this package).

The shape is documented by ``schema/export.schema.json`` (tests validate against it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ..dataset.edtf import EdtfDate
from ..dataset.records import Citation, Dataset, Milestone, Text
from ..i18n.dates import describe

__all__ = ["SCHEMA_ID", "iter_json", "to_json", "to_json_data"]

SCHEMA_ID = "https://timeline-app.invalid/schema/export-1.json"


def _text(t: Text | None) -> dict[str, str] | None:
    return None if t is None else {"zh": t.zh, "en": t.en}


def _date(d: EdtfDate) -> dict[str, Any]:
    return {
        "edtf": d.text,
        "kind": d.kind.value,
        "precision": d.precision.value,
        "earliest": d.earliest.isoformat() if d.earliest else None,
        "latest": d.latest.isoformat() if d.latest else None,
        "uncertain": d.uncertain,
        "approximate": d.approximate,
        "label": {lang: describe(d, lang) for lang in ("zh", "en")},
    }


def _value(v: Decimal) -> int | float:
    return int(v) if v == v.to_integral_value() else float(v)


def _citations(cs: tuple[Citation, ...]) -> dict[str, Any]:
    return {
        "sources": list(dict.fromkeys(c.source for c in cs)),
        "citations": [{"source": c.source, "paragraph": c.paragraph} for c in cs],
    }


def _milestone(m: Milestone) -> dict[str, Any]:
    return {
        "id": m.id,
        "branch": m.branch,
        "category": m.category,
        "date": _date(m.date),
        "title": _text(m.title),
        "summary": _text(m.summary),
        **_citations(m.sources),
        "people": [{"name": _text(p.name), "role": _text(p.role)} for p in m.people],
        "places": [_text(p) for p in m.places],
        "tags": [_text(t) for t in m.tags],
        "media": [{"path": x.path, "caption": _text(x.caption), "credit": _text(x.credit)} for x in m.media],
    }


def to_json_data(ds: Dataset, milestones: bool = True) -> dict[str, Any]:
    """The whole dataset as plain JSON-ready data, milestones in chronological order (or none)."""
    return {
        "$schema": SCHEMA_ID,
        "format": 1,
        "title": _text(ds.title),
        "sources": [
            {
                "id": s.id, "title": _text(s.title), "outlet": _text(s.outlet), "date": _date(s.date),
                "author": _text(s.author), "editors": [_text(e) for e in s.editors],
                "photos": _text(s.photos), "url": s.url, "seed": s.seed, "paragraphs": s.paragraphs,
                "language": s.language,
            }
            for s in ds.sources
        ],
        "branches": [
            {"id": b.id, "kind": b.kind.value, "name": _text(b.name), "full_name": _text(b.full_name), "color": b.color}
            for b in ds.branches
        ],
        "categories": [
            {"id": c.id, "name": _text(c.name), "marker": c.marker, "color": c.color, "weight": c.weight}
            for c in ds.categories
        ],
        "eras": [{"id": e.id, "name": _text(e.name), "date": _date(e.date), "color": e.color} for e in ds.eras],
        "milestones": [_milestone(m) for m in ds.chronological] if milestones else [],
        "indicators": [
            {
                "id": i.id, "branch": i.branch, "measure": i.measure, "label": _text(i.label), "unit": i.unit,
                "note": _text(i.note), **_citations(i.sources),
                "points": [
                    {"date": _date(p.date), "value": _value(p.value), "qualifier": p.qualifier.value,
                     **({"span": "each_year"} if p.each_year else {})}  # absent: a total, as before
                    for p in i.points
                ],
            }
            for i in ds.indicators
        ],
        "tours": [{"id": t.id, "title": _text(t.title), "milestones": list(t.milestones)} for t in ds.tours],
    }


def to_json(ds: Dataset) -> str:
    return "".join(iter_json(ds))


def iter_json(ds: Dataset) -> Iterator[str]:
    """:func:`to_json`'s text in pieces, one milestone at a time: an archive of 450,000 milestones
    is written within bounded memory (as one tree of dicts first, it took 4 GB)."""
    head, tail = json.dumps(to_json_data(ds, milestones=False), ensure_ascii=False, indent=2).split(_EMPTY, 1)
    yield head
    if ds.milestones:
        yield '"milestones": [\n'
        for n, m in enumerate(ds.chronological):
            text = json.dumps(_milestone(m), ensure_ascii=False, indent=2).replace("\n", "\n    ")
            yield ("    " if n == 0 else ",\n    ") + text
        yield "\n  ]"
    else:
        yield _EMPTY
    yield tail + "\n"


_EMPTY = '"milestones": []'  # where the streamed milestones go (a quote inside a value is escaped: never this)

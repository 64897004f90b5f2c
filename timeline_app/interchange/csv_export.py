"""Writes a dataset's milestones out as CSV for spreadsheets: one row each, both languages side by side."""

from __future__ import annotations

import csv
import io

from ..dataset.records import Dataset
from ..i18n.dates import describe

__all__ = ["CSV_COLUMNS", "to_csv"]

CSV_COLUMNS = (
    "id", "date", "date_zh", "date_en", "earliest", "latest", "precision", "branch", "branch_zh",
    "branch_en", "category", "category_zh", "category_en", "title_zh", "title_en", "summary_zh",
    "summary_en", "people", "sources",
)


def to_csv(ds: Dataset) -> str:
    """One row per milestone. The caller writes it as UTF-8 with a BOM so Excel reads Chinese."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for m in ds.chronological:
        branch, category = ds.branch_by_id[m.branch], ds.category_by_id[m.category]
        writer.writerow([
            m.id, m.date.text, describe(m.date, "zh"), describe(m.date, "en"),
            m.date.earliest.isoformat() if m.date.earliest else "",
            m.date.latest.isoformat() if m.date.latest else "",
            m.date.precision.value, m.branch, branch.name.zh, branch.name.en,
            m.category, category.name.zh, category.name.en, m.title.zh, m.title.en,
            m.summary.zh, m.summary.en,
            "; ".join(f"{p.name.zh} ({p.role.zh}) / {p.name.en} ({p.role.en})" for p in m.people),
            "; ".join(c.source + (f" ¶{c.paragraph}" if c.paragraph else "") for c in m.sources),
        ])
    return out.getvalue()

"""The spreadsheets as one XLSX workbook (through openpyxl): the milestones sheet first (what
Google Sheets, and so TimelineJS, reads), then the indicators; the filter in the workbook's
properties as well as in the title row."""

from __future__ import annotations

import io

from .selection import Selection
from .sheets import indicator_rows, milestone_rows

__all__ = ["SHEETS", "to_xlsx"]

SHEETS = ("milestones", "indicators")


def to_xlsx(sel: Selection, lang: str) -> bytes:
    from openpyxl import Workbook  # only for this format: it takes a while to import

    book = Workbook()
    book.remove(book.active)
    for name, rows in zip(SHEETS, (milestone_rows(sel, lang), indicator_rows(sel, lang))):
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if cell.value is not None:
                    cell.data_type = "s"  # text, always: a title starting with '=' is no formula
        sheet.freeze_panes = "A2"
    book.properties.title = sel.dataset.title.get(lang)
    book.properties.description = sel.describe(lang) or None
    book.properties.creator = "timeline-app"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

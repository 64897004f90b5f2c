"""File → Export Picture… and File → Print Preview… in the viewer: a page of what the window shows
(its range, filter, language, selection and colours), written or printed as the command line does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...i18n import tr
from ..colors import Theme
from .picture import FORMATS, ExportError, Page, PageSize, write_page
from .printing import PagePreview

__all__ = ["export_picture", "print_preview"]

SLIDE = PageSize(1600, 900)
SLIDE_DPI = 192  # a slide's PNG at twice its size: sharp on a projector and a high-density screen


def _page(window, size: PageSize, searchable: bool) -> Page:
    session = window.session
    path = session.dataset.path
    return Page(session, size, Theme.of(window, session.dataset), dt.date.today(), path.name if path else "",
                searchable)


def export_picture(window) -> Path | None:
    """Asks where, then writes the page there: a PDF on A4, or a slide as PNG or SVG (the file's
    ending, else the chosen filter, says which). Returns the file written."""
    lang = window.language()
    title = tr("action.export_picture", lang).replace("&", "")
    filters = ["PDF (*.pdf)", "PNG (*.png)", "SVG (*.svg)"]
    name, chosen = QFileDialog.getSaveFileName(window, title, "timeline.pdf", ";;".join(filters))
    if not name:
        return None
    path = Path(name)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        fmt = FORMATS[0] if chosen not in filters else chosen.split()[0].lower()
        path = path.with_name(f"{path.name}.{fmt}")
    try:
        write_page(_page(window, PageSize.of_paper("A4") if fmt == "pdf" else SLIDE, fmt == "pdf"), path, fmt,
                   SLIDE_DPI)
    except ExportError as err:
        QMessageBox.warning(window, title, f"{path}: {err}")
        return None
    return path


def print_preview(window) -> PagePreview:
    """Opens the print preview of the page on A4 (landscape; the dialog changes it)."""
    preview = PagePreview(_page(window, PageSize.of_paper("A4"), True), window)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview

"""File → Export Picture… and File → Print Preview… in the viewer: a page of what the window shows
(its range, filter, language, selection and colours), written or printed as the command line does."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from ..colors import Theme
from .dialog import ExportPictureDialog
from .picture import Page, PageSize
from .printing import PagePreview

__all__ = ["export_picture", "print_preview"]

def _page(window, size: PageSize, searchable: bool) -> Page:
    session = window.session
    path = session.dataset.path
    return Page(session, size, Theme.of(window, session.dataset), dt.date.today(), path.name if path else "",
                searchable)


def export_picture(window) -> ExportPictureDialog:
    """Opens the export dialog (format, paper, sheets, what it shows, a preview); it writes the page."""
    dialog = ExportPictureDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def print_preview(window) -> PagePreview:
    """Opens the print preview of the page on A4 (landscape; the dialog changes it)."""
    preview = PagePreview(_page(window, PageSize.of_paper("A4"), True), window)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview

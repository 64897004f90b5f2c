"""Print Preview of an exported page: the page the PDF holds, on a printer, sheet by sheet."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from .picture import Page, page_layout, paint_sheets

__all__ = ["PagePreview"]


class PagePreview(QPrintPreviewDialog):
    """Qt's print preview of ``page`` (its paper and orientation preset), which prints it too."""

    def __init__(self, page: Page, parent: QWidget | None = None):
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # the dialog does not own it
        self.printer.setPageLayout(page_layout(page.size))
        self.printer.setDocName(page.title)
        super().__init__(self.printer, parent)
        self.page = page
        self.paintRequested.connect(self._paint)

    def _paint(self, printer: QPrinter) -> None:
        paint_sheets(self.page, printer)

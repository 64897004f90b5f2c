"""Print Preview of an exported page: the page the PDF holds, on a printer, sheet by sheet, with
or without its indicator rows (a toggle on the preview's toolbar, as the export dialog has)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QToolBar, QWidget

from ...i18n import tr
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
        self.indicators = QAction(tr("indicators.title", page.lang), self)
        self.indicators.setToolTip(tr("picture.indicators_tip", page.lang))
        self.indicators.setCheckable(True)
        self.indicators.setChecked(page.indicators)
        self.indicators.setEnabled(bool(page.session.dataset.indicators))
        self.indicators.toggled.connect(self._on_indicators_toggled)
        toolbar = self.findChild(QToolBar)
        toolbar.addSeparator()
        toolbar.addAction(self.indicators)

    def _paint(self, printer: QPrinter) -> None:
        paint_sheets(self.page, printer)

    def _on_indicators_toggled(self, shown: bool) -> None:
        self.page = self.page.with_indicators(shown)
        self.findChild(QPrintPreviewWidget).updatePreview()

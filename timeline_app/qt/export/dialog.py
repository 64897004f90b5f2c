"""File → Export Picture…: the page's format, paper or slide, orientation, sheets, resolution, what
it shows (what the window shows, or the whole decade) and PDF/A, with a preview of the page as
it will be written; then where to write it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from ...i18n import tr
from ...viewmodel.session import Session
from ..colors import Theme
from .picture import FORMATS, PAPERS, ExportError, Page, PageSize, write_page

__all__ = ["ExportPictureDialog", "SLIDE", "SLIDE_DPI"]

SLIDE = PageSize(1600, 900)
SLIDE_DPI = 192  # a slide's PNG at twice its size: sharp on a projector and a high-density screen
PREVIEW_WIDTH = 560


class ExportPictureDialog(QDialog):
    """Chooses the page and writes it; ``written`` is the file once it is."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self.written: Path | None = None
        lang = self._lang = window.language()
        self.setWindowTitle(tr("action.export_picture", lang).replace("&", ""))
        self.format = QComboBox()
        for fmt in ("pdf", "png", "svg"):
            self.format.addItem(fmt.upper(), fmt)
        self.size = QComboBox()
        self.size.addItem(tr("picture.slide", lang), None)
        for paper in sorted(PAPERS, reverse=True):  # A4 to A0
            self.size.addItem(paper, paper)
        self.size.setCurrentIndex(1)  # A4, the PDF's default
        self.orientation = QComboBox()
        self.orientation.addItem(tr("picture.landscape", lang), True)
        self.orientation.addItem(tr("picture.portrait", lang), False)
        self.columns, self.rows = _spin(1, 10, 1), _spin(1, 10, 1)
        sheets = QWidget()
        row = QHBoxLayout(sheets)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.columns)
        row.addWidget(QLabel("×"))
        row.addWidget(self.rows)
        self.dpi = _spin(72, 600, 150)
        self.seen = QRadioButton(tr("picture.seen", lang))
        self.decade = QRadioButton(tr("picture.decade", lang))
        self.seen.setChecked(True)
        scope = QButtonGroup(self)
        for button in (self.seen, self.decade):
            scope.addButton(button)
        self.archival = QCheckBox(tr("picture.pdfa", lang))
        self.indicators = QCheckBox(tr("picture.indicators", lang))
        self.indicators.setChecked(bool(window.session.dataset.indicators))
        self.indicators.setEnabled(bool(window.session.dataset.indicators))
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 // 16)
        self.preview.setAccessibleName(tr("picture.preview", lang))
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        for key, field in (("picture.format", self.format), ("picture.size", self.size),
                           ("picture.orientation", self.orientation), ("picture.sheets", sheets),
                           ("picture.dpi", self.dpi)):
            form.addRow(tr(key, lang), field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        options = QVBoxLayout()
        options.addLayout(form)
        for widget in (self.seen, self.decade, self.indicators, self.archival, self.note):
            options.addWidget(widget)
        options.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(options)
        body.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        for signal in (self.format.currentIndexChanged, self.size.currentIndexChanged,
                       self.orientation.currentIndexChanged, self.columns.valueChanged, self.rows.valueChanged,
                       self.seen.toggled, self.indicators.toggled):
            signal.connect(self._on_changed)
        self._on_changed()

    # -- the page as chosen --------------------------------------------------------------------

    @property
    def chosen_format(self) -> str:
        return self.format.currentData()

    def page_size(self) -> PageSize:
        paper = self.size.currentData()
        if paper is None:
            return SLIDE
        sheets = (self.columns.value(), self.rows.value()) if self.chosen_format == "pdf" else (1, 1)
        return PageSize.of_paper(paper, self.orientation.currentData(), sheets)

    def page(self) -> Page:
        """The page as chosen: of the window's view, or of the whole decade in the window's language."""
        session = self._window.session
        if self.decade.isChecked():
            session = Session(session.dataset)
            session.state.language = self._lang
        path = session.dataset.path
        return Page(session, self.page_size(), Theme.of(self._window, session.dataset), dt.date.today(),
                    path.name if path else "", searchable=self.chosen_format == "pdf",
                    indicators=self.indicators.isChecked())

    def _on_changed(self, *_) -> None:
        fmt, paper = self.chosen_format, self.size.currentData()
        self.orientation.setEnabled(paper is not None)
        for spin in (self.columns, self.rows):
            spin.setEnabled(fmt == "pdf" and paper is not None)
        self.dpi.setEnabled(fmt == "png")
        self.dpi.setValue(SLIDE_DPI if paper is None else 150)
        self.archival.setEnabled(fmt == "pdf")
        page = self.page()
        self._show_preview(page)
        lang = self._lang
        self.note.setText(tr("picture.note", lang, width=round(page.size.width), height=round(page.size.height))
                          if paper is None else tr("picture.note_paper", lang, paper=paper,
                                                   sheets=self.columns.value() * self.rows.value()))

    def _show_preview(self, page: Page) -> None:
        """The whole page, small: what the file will hold, laid out as it will be."""
        scale = PREVIEW_WIDTH / page.size.width
        image = QImage(PREVIEW_WIDTH, max(round(page.size.height * scale), 1), QImage.Format.Format_RGB32)
        image.fill(page.theme.base)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(scale, scale)
            page.paint(painter)
        finally:
            painter.end()
        self.preview.setPixmap(QPixmap.fromImage(image))

    # -- writing ---------------------------------------------------------------------------------

    def start_folder(self) -> Path:
        """The last export's folder, else the documents folder."""
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return self._window.prefs.export_folder or Path(documents or Path.home())

    def accept(self) -> None:
        fmt = self.chosen_format
        name, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), str(self.start_folder() / f"timeline.{fmt}"),
                                              f"{fmt.upper()} (*.{fmt})")
        if not name:
            return  # the dialog stays open: choose again or cancel
        path = Path(name)
        if path.suffix.lower().lstrip(".") not in FORMATS:
            path = path.with_name(f"{path.name}.{fmt}")
        try:
            write_page(self.page(), path, fmt, self.dpi.value(), archival=self.archival.isChecked())
        except ExportError as err:
            self.note.setText(f"{path}: {err}")
            return
        self._window.prefs.export_folder = path.parent
        self.written = path
        self._window.statusBar().showMessage(tr("picture.written", self._lang, file=str(path)), 10000)
        super().accept()


def _spin(low: int, high: int, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    return spin

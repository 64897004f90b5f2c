"""File → Export: the format, and everything or "what I see" (the window's filter), then where.

The save dialog starts in the folder of the last export (kept in the preferences), else the
user's documents folder; the status bar confirms what was written, naming the filter.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QRadioButton, QStatusBar,
    QVBoxLayout, QWidget,
)

from ...i18n import tr
from ...interchange.common import write_atomically
from ...interchange.formats import FORMATS
from ...interchange.selection import Selection
from ...viewmodel.session import Session
from ..html_page import HTML_FORMAT
from ..preferences import Preferences

__all__ = ["ExportDialog"]


class ExportDialog(QDialog):
    """Chooses a format and what to export; :meth:`accept` asks where and writes the file."""

    def __init__(self, session: Session, prefs: Preferences, lang: str, status: QStatusBar,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._prefs, self._lang, self._status = session, prefs, lang, status
        self._formats = {**FORMATS, HTML_FORMAT.name: HTML_FORMAT}
        self.setWindowTitle(tr("action.export", lang).replace("&", ""))
        self.format = QComboBox(self)
        for name in self._formats:
            self.format.addItem(tr(f"export.format.{name}", lang), name)
        self.format.setAccessibleName(tr("export.format", lang))
        self.format.currentIndexChanged.connect(self._on_format_changed)
        dataset, f = session.dataset, session.state.filter
        self._seen = Selection.seen(dataset, f, session.state.x_range)
        count = tr("export.tljs.count", lang, n=len(self._seen.milestones), total=len(dataset.milestones))
        self.seen = QRadioButton(tr("export.scope.seen", lang, count=count), self)
        self.everything = QRadioButton(tr("export.scope.all", lang, n=len(dataset.milestones)), self)
        self.scope = QButtonGroup(self)
        for button in (self.seen, self.everything):
            self.scope.addButton(button)
        (self.seen if self._seen.filter.is_active else self.everything).setChecked(True)
        self.filter_words = QLabel(self._seen.describe(lang) or tr("export.scope.nothing_hidden", lang), self)
        self.filter_words.setWordWrap(True)
        self.filter_words.setIndent(self.seen.sizeHint().height())  # under the button's text
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("export.format", lang), self.format)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.seen, self.filter_words, self.everything, self.note, buttons):
            layout.addWidget(widget)
        self._on_format_changed()

    @property
    def selection(self) -> Selection:
        """What the export will hold, as chosen."""
        if self.seen.isChecked() and self.seen.isEnabled():
            return self._seen
        return Selection(self._session.dataset)

    def start_folder(self) -> Path:
        """The last export's folder, else the documents folder."""
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return self._prefs.export_folder or Path(documents or Path.home())

    def accept(self) -> None:
        fmt = self._formats[self.format.currentData()]
        stem = self._session.dataset.path.stem if self._session.dataset.path else "timeline"
        suggested = self.start_folder() / f"{stem}{'-indicators' if fmt.name == 'indicators-csv' else ''}.{fmt.suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), str(suggested),
                                              f"{self.format.currentText()} (*.{fmt.suffix})")
        if not path:
            return  # the dialog stays open: choose again or cancel
        selection = self.selection
        try:
            write_atomically(Path(path), fmt.write(selection, self._lang))
        except OSError as err:
            self.note.setText(tr("export.failed", self._lang, file=path, reason=err.strerror or str(err)))
            return
        self._prefs.export_folder = Path(path).parent
        said = selection.confirmation(path, self.format.currentText(), self._lang, figures=fmt.name == "indicators-csv")
        self._status.showMessage(said, 10000)
        super().accept()

    def _on_format_changed(self) -> None:
        fmt = self._formats[self.format.currentData()]
        filterable = fmt.filterable
        self.seen.setEnabled(filterable)
        self.filter_words.setEnabled(filterable)
        self.note.setText("" if filterable else tr("export.scope.whole", self._lang, format=self.format.currentText()))

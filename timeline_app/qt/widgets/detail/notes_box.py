"""The detail pane's private notes: the archivist's own words on the selected record, kept beside
the dataset's path in the user's data folder (:class:`~....viewmodel.notes.Notes`), never in the
dataset; searched with the records."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ....i18n import tr
from ....viewmodel.navigator import Navigator
from ....viewmodel.notes import Notes
from ...model_signals import follow

__all__ = ["NotesBox", "SAVE_AFTER_MS"]

SAVE_AFTER_MS = 400  # typing pauses this long before the note is kept (and searchable)


class NotesBox(QWidget):
    def __init__(self, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session = navigator.session
        self.notes = Notes(session.dataset.path)
        self._shown: str | None = None  # the record whose note the editor holds
        self.heading = QLabel(self)
        bold = QFont(self.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.editor = QPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.editor.textChanged.connect(self._on_typed)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SAVE_AFTER_MS)
        self._typing.timeout.connect(self.keep)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.editor)
        follow(self, session.state.events.selection, self._on_selection_changed)
        follow(self, session.state.events.language, self._on_language_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        session.set_notes(self.notes.all())
        self._retranslate()
        self._show(session.state.selection)

    def keep(self) -> None:
        """Keeps the note being typed now (a change of selection does too)."""
        self._typing.stop()
        if self._shown is not None and self.editor.toPlainText() != self.notes.get(self._shown):
            self.notes.set(self._shown, self.editor.toPlainText())
            self._session.set_notes(self.notes.all())

    def _show(self, record_id: str | None) -> None:
        self._shown = None  # what follows is not typing
        self.editor.setPlainText(self.notes.get(record_id) if record_id else "")
        self._shown = record_id

    def _retranslate(self) -> None:
        lang = self._session.state.language
        self.heading.setText(tr("notes.heading", lang))
        self.editor.setPlaceholderText(tr("notes.placeholder", lang))
        self.editor.setAccessibleName(tr("notes.heading", lang))

    def _on_typed(self) -> None:
        if self._shown is not None:
            self._typing.start()

    def _on_selection_changed(self, record_id: str | None) -> None:
        self.keep()
        self._show(record_id)

    def _on_language_changed(self, _: str) -> None:
        self._retranslate()

    def _on_dataset_changed(self, ds) -> None:
        """Another file: its own notes (the same file reloaded keeps them, searchable again)."""
        self.keep()
        if Notes(ds.path).file != self.notes.file:
            self.notes = Notes(ds.path)
        self._session.set_notes(self.notes.all())
        self._show(self._session.state.selection)

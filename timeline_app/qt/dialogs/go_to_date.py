"""Go to date (Ctrl+G): type a date as it is written — 2016-09, 2016年9月, Sep 2016, 2016 — and the
timeline shows it at a fitting zoom (a day with the week around it, a month, a year)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...dataset.edtf import EdtfDate
from ...i18n import tr
from ...i18n.dates import describe, parse_date_words, range_words
from ..announce import announce

__all__ = ["GoToDateDialog"]


class GoToDateDialog(QDialog):
    """``chosen(date)``: the date typed, parsed, once accepted; OK is enabled only for a date."""

    chosen = Signal(object)

    def __init__(self, lang: str, parent: QWidget | None = None, bounds: tuple[dt.date, dt.date] | None = None):
        """``bounds``: the first and last day of the data; a date wholly outside them is refused."""
        super().__init__(parent)
        self.date: EdtfDate | None = None
        self._lang = lang
        self._bounds = bounds
        self.setWindowTitle(tr("goto.title", lang))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(tr("goto.placeholder", lang))
        self.field.setAccessibleName(tr("goto.title", lang))
        self.field.textChanged.connect(self._on_text_changed)
        self.feedback = QLabel(tr("goto.hint", lang), self)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.field.setAccessibleDescription(self.feedback.text())  # the feedback belongs to the field
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.feedback)
        layout.addWidget(self.buttons)
        self.resize(380, self.sizeHint().height())

    def _on_accepted(self) -> None:
        self.chosen.emit(self.date)

    def _on_text_changed(self, text: str) -> None:
        self.date = parse_date_words(text)
        was_invalid = self.feedback.text() == tr("goto.invalid", self._lang)
        if self.date is None or self.date.earliest is None or self.date.latest is None:
            self.date = None
            self.feedback.setText(tr("goto.invalid" if text.strip() else "goto.hint", self._lang))
        elif self._bounds and (self.date.latest < self._bounds[0] or self.date.earliest > self._bounds[1]):
            words = describe(self.date, self._lang)
            self.date = None  # the timeline cannot show it: say so rather than show the nearest end
            self.feedback.setText(tr("goto.outside", self._lang, date=words,
                                     data=range_words(*self._bounds, self._lang)))
        else:
            self.feedback.setText(tr("goto.reads_as", self._lang, date=describe(self.date, self._lang)))
        self.field.setAccessibleDescription(self.feedback.text())
        if self.feedback.text() == tr("goto.invalid", self._lang) and not was_invalid:
            announce(self.field, self.feedback.text(), assertive=True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.date is not None)

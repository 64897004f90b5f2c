"""Telling the user of an error nobody caught (see :mod:`.crash`): one box, brought up to date
however many errors follow, naming the log that holds the details; nothing is stopped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..i18n import tr
from .crash import LOG_NAME, log_dir

__all__ = ["ErrorBox"]


class ErrorBox:
    def __init__(self, parent: QWidget):
        self._parent = parent
        self.box: QMessageBox | None = None
        self.count = 0

    def report(self, summary: str, details: str, lang: str) -> None:
        self.count += 1
        log = str(log_dir() / LOG_NAME)
        text = (tr("error.text", lang, summary=summary, log=log) if self.count == 1
                else tr("error.repeated", lang, n=self.count, summary=summary, log=log))
        if self.box is None:
            self.box = QMessageBox(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.Ok, self._parent)
            self.box.setTextFormat(Qt.TextFormat.PlainText)
        self.box.setWindowTitle(tr("error.title", lang))
        self.box.setText(text)
        self.box.setDetailedText(details)
        if not self.box.isVisible():
            self.box.open()

"""The attract tour's invitation to touch, in every language at once (the passer-by's language
is not known yet), in the heading's place while the tour runs: it covers nothing the tour shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ....i18n import LANGUAGES, tr
from .card import plain_label
from .style import HEADING

__all__ = ["Invitation"]


class Invitation(QWidget):
    """A touch on it is a touch like any other: it ends the tour."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.lines: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 4, 16, 4)
        layout.setSpacing(0)
        for lang in LANGUAGES:
            line = plain_label(self, HEADING, bold=True, wrap=False)
            line.setAlignment(Qt.AlignmentFlag.AlignCenter)
            line.setText(tr("kiosk.invitation", lang))
            line.setForegroundRole(QPalette.ColorRole.HighlightedText)
            layout.addWidget(line)
            self.lines.append(line)
        self.hide()

    def paintEvent(self, _) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        color.setAlpha(225)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(self.rect(), 12, 12)

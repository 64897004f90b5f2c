"""What the kiosk shows while it has nothing to show: no dataset has loaded and no last good copy
was kept. A calm notice in every language at once (nobody has chosen one), not an empty
timeline and not an error: the hall stays open, and the first good dataset replaces it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ....i18n import LANGUAGES, tr
from .card import plain_label
from .style import BODY, TITLE

__all__ = ["BeingUpdated"]


class BeingUpdated(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kioskUpdating")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.lines: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(12)
        layout.addStretch(1)
        for lang in LANGUAGES:
            for key, px, bold in (("kiosk.updating", TITLE * 2, True), ("kiosk.updating_hint", BODY + 4, False)):
                line = plain_label(self, px, bold=bold)
                line.setAlignment(Qt.AlignmentFlag.AlignCenter)
                line.setText(tr(key, lang))
                layout.addWidget(line)
                self.lines.append(line)
            layout.addSpacing(36)
        layout.addStretch(1)

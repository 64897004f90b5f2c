"""A panel over the kiosk: the window behind is dimmed, and a tap beside the panel dismisses it.

Made once and shown when needed (the kiosk runs for days: nothing is built per use).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

__all__ = ["MARGIN", "Overlay"]

_DIM = QColor(0, 0, 0, 110)
MARGIN = 28  # inside the panel, left and right


class Overlay(QWidget):
    """Covers ``parent``; ``panel`` (a QFrame in the middle) holds what subclasses put in it."""

    dismissed = Signal()

    def __init__(self, parent: QWidget, width: int):
        super().__init__(parent)
        self.hide()
        self.panel = QFrame(self)
        self.panel.setAutoFillBackground(True)
        self.panel.setBackgroundRole(QPalette.ColorRole.Base)
        self.panel.setFixedWidth(width)
        self.body = QVBoxLayout(self.panel)
        self.body.setContentsMargins(MARGIN, 24, MARGIN, 24)
        self.body.setSpacing(14)
        parent.installEventFilter(self)

    def open(self) -> None:
        self._fit()
        self.show()
        self.raise_()

    def dismiss(self) -> None:
        """Closes it as a visitor's tap beside it does."""
        if self.isVisible():
            self.hide()
            self.dismissed.emit()

    def _fit(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.panel.adjustSize()
        panel = self.panel.geometry()
        panel.setHeight(min(panel.height(), int(self.height() * 0.9)))
        panel.moveCenter(self.rect().center())
        self.panel.setGeometry(panel)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._fit()
        return False

    def paintEvent(self, _) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), _DIM)

    def mousePressEvent(self, event) -> None:
        if not self.panel.geometry().contains(event.position().toPoint()):
            self.dismiss()
        event.accept()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
        event.accept()

"""Labels of the detail pane: dataset text shown as written, selectable, and reachable by Tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ...focus_style import RING, draw_focus_ring
from ..swatch import swatch_pixmap

__all__ = ["SELECTABLE", "SwatchValue", "plain_label", "text_label"]

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
_SWATCH = 14


class _FocusLabel(QLabel):
    """A label that shows a focus ring while it has the keyboard (a bare caret is hard to see),
    inside itself: a label in a scroll area has no room round it."""

    draws_own_focus = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        margin = int(RING) + 1
        self.setContentsMargins(margin, margin, margin, margin)  # room for the ring, focused or not

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            draw_focus_ring(self)


def text_label(parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label for dataset text: plain text only, selectable and copyable.

    Reachable by Tab, so a keyboard user can select and copy it and a screen reader reads it.
    """
    label = _FocusLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(SELECTABLE)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


def plain_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class SwatchValue(QWidget):
    """A form value with a colour mark before it: a branch's bar or a category's marker."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.mark = plain_label(self)
        self.text = text_label(self)
        self._shown: tuple | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.mark.setFixedHeight(self.text.fontMetrics().height())  # centred on the first line
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)

    def show_value(self, mark: str, color: QColor, text: str) -> None:
        key = (mark, color.rgba(), self.devicePixelRatioF())
        if key != self._shown:  # a new pixmap on every selection would grow Qt's pixmap cache
            self._shown = key
            self.mark.setPixmap(swatch_pixmap(mark, color, _SWATCH, key[2]))
        self.text.setText(text)

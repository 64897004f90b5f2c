"""The PIN pad that leaves kiosk mode: large keys for a finger, digits also from a keyboard.

What was typed shows as dots; a wrong PIN clears and says so. Comparison takes the same time
whatever was typed (``hmac.compare_digest``). After five wrong PINs the pad is locked for a
while that grows with each further one (:class:`~timeline_app.viewmodel.pin_guard.PinGuard`):
no PIN, the right one included, is taken meanwhile.
"""

from __future__ import annotations

import hmac
import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from ....i18n import DEFAULT_LANGUAGE, tr
from ....viewmodel.clock import Clock
from ....viewmodel.pin_guard import PinGuard
from .card import plain_label
from .overlay import MARGIN, Overlay
from .style import BODY, BUTTON_HEIGHT, CAPTION, FIGURE, HEADING, font

__all__ = ["PinPad"]

_KEY = BUTTON_HEIGHT + 16  # a key's height; twice as wide, less the gap
_GAP = 12
_MAX_DIGITS = 12


class PinPad(Overlay):
    accepted = Signal()  # the right PIN was entered

    def __init__(self, pin: str, clock: Clock, parent: QWidget):
        super().__init__(parent, 3 * (2 * _KEY - _GAP) + 2 * _GAP + 2 * MARGIN)  # three keys, gaps, margins
        self._pin = pin
        self.guard = PinGuard(clock)
        self._entered = ""
        self._lang = DEFAULT_LANGUAGE
        self.prompt = plain_label(self.panel, HEADING, bold=True)
        self.dots = plain_label(self.panel, FIGURE, bold=True, wrap=False)
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setMinimumHeight(FIGURE + 16)
        self.message = plain_label(self.panel, CAPTION)
        grid = QGridLayout()
        grid.setSpacing(_GAP)
        self.keys: dict[str, QPushButton] = {}
        for k, key in enumerate("123456789⌫0✓"):
            button = QPushButton(key, self.panel)
            button.setFont(font(self, HEADING, bold=True))
            button.setMinimumSize(_KEY * 2 - _GAP, _KEY)
            button.setProperty("key", key)
            button.clicked.connect(self._on_key)
            grid.addWidget(button, k // 3, k % 3)
            self.keys[key] = button
        self.cancel = QPushButton(self.panel)
        self.cancel.setFont(font(self, BODY))
        self.cancel.setMinimumHeight(BUTTON_HEIGHT)
        self.cancel.clicked.connect(self.dismiss)
        self.body.addWidget(self.prompt)
        self.body.addWidget(self.dots)
        self.body.addWidget(self.message)
        self.body.addLayout(grid)
        self.body.addWidget(self.cancel)

    def set_pin(self, pin: str) -> None:
        """The PIN from now on (the configuration was edited)."""
        self._pin = pin

    def ask(self, lang: str) -> None:
        """Opens the pad, empty, in ``lang``."""
        self.prompt.setText(tr("kiosk.pin_prompt", lang))
        self.cancel.setText(tr("kiosk.cancel", lang))
        self.keys["⌫"].setAccessibleName(tr("a11y.pin_delete", lang))
        self.keys["✓"].setAccessibleName(tr("a11y.pin_ok", lang))
        self._set_entered("", "")
        self._lang = lang
        self.open()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def press(self, key: str) -> None:
        """A key of the pad: a digit, ⌫ (rub out) or ✓ (done)."""
        if key == "⌫":
            self._set_entered(self._entered[:-1], "")
        elif key == "✓":
            locked = self.guard.locked_for()
            if locked:
                self._set_entered("", tr("kiosk.pin_locked", self._lang, seconds=math.ceil(locked)))
            elif hmac.compare_digest(self._entered.encode(), self._pin.encode()):
                self.guard.succeeded()
                self.hide()
                self.accepted.emit()
            else:
                self.guard.failed()
                locked = self.guard.locked_for()
                self._set_entered("", tr("kiosk.pin_locked", self._lang, seconds=math.ceil(locked)) if locked
                                  else tr("kiosk.pin_wrong", self._lang))
        elif key.isdigit() and len(self._entered) < _MAX_DIGITS:
            self._set_entered(self._entered + key, "")

    def _set_entered(self, entered: str, message: str) -> None:
        self._entered = entered
        self.dots.setText("●" * len(entered) or " ")
        self.message.setText(message)

    def _on_key(self) -> None:
        self.press(self.sender().property("key"))

    def keyPressEvent(self, event) -> None:
        text = event.text()
        if text.isdigit():
            self.press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.press("⌫")
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("✓")
        else:
            super().keyPressEvent(event)
            return
        event.accept()

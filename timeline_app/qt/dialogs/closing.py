"""The layout of a dialog that only shows something: its body, and Close under it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

__all__ = ["lay_out_with_close"]


def lay_out_with_close(dialog: QDialog, body: QWidget, size: tuple[int, int]) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body)
    layout.addWidget(buttons)
    dialog.resize(*size)

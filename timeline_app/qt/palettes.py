"""Light, dark and high-contrast palettes, or whatever the system prefers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from .colors import HIGH_CONTRAST

__all__ = ["apply_theme", "palette_for"]


_COLORS = {
    "light": dict(window="#f5f5f4", text="#1c1c1c", base="#ffffff", alt="#f0f0ee", button="#ececea",
                  highlight="#2f6fb3", highlighted="#ffffff", placeholder="#6b6b6b", link="#1d5fa8"),
    "dark": dict(window="#232427", text="#e8e8e6", base="#1a1b1e", alt="#26272b", button="#303135",
                 highlight="#4f8fd6", highlighted="#0b0b0b", placeholder="#9a9a9a", link="#8ab8f0"),
    "contrast": dict(window="#000000", text="#ffffff", base="#000000", alt="#101010", button="#000000",
                     highlight="#ffd400", highlighted="#000000", placeholder="#e0e0e0", link="#7fd4ff"),
}


def palette_for(theme: str) -> QPalette:
    c = {k: QColor(v) for k, v in _COLORS[theme].items()}
    p = QPalette()
    R = QPalette.ColorRole
    for role, color in (
        (R.Window, c["window"]), (R.WindowText, c["text"]), (R.Base, c["base"]), (R.AlternateBase, c["alt"]),
        (R.Text, c["text"]), (R.Button, c["button"]), (R.ButtonText, c["text"]), (R.Highlight, c["highlight"]),
        (R.HighlightedText, c["highlighted"]), (R.PlaceholderText, c["placeholder"]), (R.ToolTipBase, c["base"]),
        (R.ToolTipText, c["text"]), (R.Link, c["link"]), (R.BrightText, c["highlight"]),
    ):
        p.setColor(role, color)
    disabled = QColor(c["text"])
    disabled.setAlphaF(0.45)
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def apply_theme(app: QApplication, theme: str) -> None:
    """Sets the application palette; ``system`` follows the platform's light or dark preference.

    High contrast also gives every field and button a visible border (Fusion draws them in a
    shade of the window colour, which on black is black).
    """
    if theme == "system":
        dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        theme = "dark" if dark else "light"
    app.setProperty(HIGH_CONTRAST, theme == "contrast")
    app.setPalette(palette_for(theme))
    app.setStyleSheet(_CONTRAST_BORDERS if theme == "contrast" else "")


# Only the fields: a style sheet takes a widget's whole drawing over from Fusion.
_CONTRAST_BORDERS = """
QLineEdit, QComboBox { border: 1px solid #ffffff; padding: 2px; }
QLineEdit:focus, QComboBox:focus { border: 2px solid #ffd400; }
"""

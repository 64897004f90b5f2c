"""Registers the bundled CJK font so Chinese renders on machines without CJK system fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..resources import resource_path

__all__ = ["BUNDLED_FAMILY", "install_fonts"]

BUNDLED_FAMILY = "Timeline Noto Sans SC"  # the family name of resources/fonts/*.otf


def install_fonts(app: QApplication) -> list[str]:
    """Adds every font in ``resources/fonts`` and puts the CJK family behind the default one.

    Returns the families added. Latin text keeps the platform's font; CJK falls back to ours.
    """
    families: list[str] = []
    for path in sorted(resource_path("fonts").glob("*.[ot]tf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"Qt could not load the bundled font {path}")
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    if families:
        font = app.font()
        font.setFamilies([font.family(), *families])
        app.setFont(font)
        QFont.insertSubstitutions(font.family(), families)
    return families

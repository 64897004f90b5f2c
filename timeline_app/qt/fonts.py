"""Registers the bundled CJK font so Chinese renders on machines without CJK system fonts."""

from __future__ import annotations

import threading

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from ..resources import resource_path

__all__ = ["BUNDLED_FAMILY", "FontInstall", "install_fonts", "set_punctuation"]

BUNDLED_FAMILY = "Timeline Noto Sans SC"  # the family name of resources/fonts/*.otf
_PROPORTIONAL = QFont.Tag("palt")  # OpenType: punctuation at its own width, not a CJK cell's
# Each font file is added once per process: adding it again makes Qt drop its font caches, and
# text laid out with the dropped engines (a view's kept ``QStaticText``) crashes when drawn.
_ADDED: dict[str, list[str]] = {}  # font file → its families


def install_fonts(app: QApplication) -> list[str]:
    """Adds every font in ``resources/fonts`` and puts the CJK family behind the default one.

    Returns the families added. Latin text keeps the platform's font; CJK falls back to ours.
    """
    return FontInstall().finish(app)


class FontInstall:
    """The bundled fonts, read into Qt's font database on a worker thread.

    Reading them (and fontconfig's first set-up, which the first font brings) is C++ work that
    PySide does without the GIL, and Qt's font database is thread-safe: the viewer starts this
    as soon as the application exists and imports its window meanwhile (a few ms of each start).
    :meth:`finish` waits for it and must come before the first widget. (Qt announces the new
    fonts with ``fontDatabaseChanged`` from the worker; nothing here listens to it.)
    """

    def __init__(self) -> None:
        self._families: list[str] = []
        self._error: Exception | None = None  # raised again by finish(), on the GUI thread
        # Not a daemon: a start that fails before finish() still lets it end before Qt goes away.
        self._thread = threading.Thread(target=self._register, name="fonts")
        self._thread.start()

    def _register(self) -> None:
        try:
            for path in sorted(resource_path("fonts").glob("*.[ot]tf")):
                for family in _added(path):
                    if family not in self._families:
                        self._families.append(family)
            self._resolve()
        except Exception as error:  # noqa: BLE001 - whatever it is, the start hears of it
            self._error = error

    def _resolve(self) -> None:
        """Asks once for the faces the window's text will need (ours behind the default, regular and
        bold): the font database's matching and fontconfig's are shared between threads, so the
        GUI thread finds them done. (Font engines and glyphs are not: each thread has its own.)"""
        font = QFont()
        font.setFamilies([font.family(), *self._families])
        for bold in (False, True):
            font.setBold(bold)
            QFontMetrics(font).horizontalAdvance("医联体 Alliance 2013")

    def finish(self, app: QApplication) -> list[str]:
        """Waits for the fonts, then makes the CJK family the default one's fallback (on the GUI
        thread). Returns the families added."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        families = list(self._families)
        if families:
            font = app.font()
            font.setFamilies([font.family(), *families])
            app.setFont(font)
            QFont.insertSubstitutions(font.family(), families)
        return families


def _added(path) -> list[str]:
    """The families of the font file ``path``, added to Qt's font database the first time."""
    if str(path) not in _ADDED:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"Qt could not load the bundled font {path}")
        _ADDED[str(path)] = QFontDatabase.applicationFontFamilies(font_id)
    return _ADDED[str(path)]


def set_punctuation(app: QApplication, lang: str) -> None:
    """Quotation marks and dashes as ``lang`` sets them: where the CJK font draws the text
    (it does wherever the platform has no font of its own for it), “ ” and — take a full CJK
    cell, which English text must not have; Chinese keeps them full width."""
    from ..i18n import catalog

    proportional = catalog(lang).PROPORTIONAL_PUNCTUATION
    app.setFont(_with_punctuation(app.font(), proportional))
    for widget in app.allWidgets():  # Qt does not pass a font's features on to widgets already made
        if widget.font().isFeatureSet(_PROPORTIONAL) != proportional:
            widget.setFont(_with_punctuation(widget.font(), proportional))


def _with_punctuation(font: QFont, proportional: bool) -> QFont:
    font = QFont(font)
    if proportional:
        font.setFeature(_PROPORTIONAL, 1)
    else:
        font.unsetFeature(_PROPORTIONAL)
    return font

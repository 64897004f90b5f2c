"""Qt's own strings (file dialogs, message box buttons, "Copy" and "Select All" in text menus) in
the interface's language, from the translations PySide6 ships (``qtbase_zh_CN.qm``).

Those translations lag Qt's sources: Qt 6 gave some labels an accelerator ("&Look in:", "Files of
&type:") that the shipped file knows only without it. :class:`_Accelerated` finds those under
their old text and puts the accelerator back, as Chinese writes it: ``查找范围(&L)：``.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from ..i18n import catalog
from .fonts import set_punctuation

_COLONS = "：:"

__all__ = ["QtTranslations"]


class QtTranslations(QObject):
    """Keeps one installed translator for Qt's strings, switched with :meth:`set_language`."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self._app = app
        self._translator: QTranslator | None = None
        self._locale = ""

    def set_language(self, lang: str) -> bool:
        """Installs Qt's translation for ``lang`` (English needs none), and sets the punctuation's
        width as the language has it. False if no translation was found."""
        name = catalog(lang).QT_LOCALE
        set_punctuation(self._app, lang)
        if name == self._locale:
            return True
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        self._locale = name
        QLocale.setDefault(QLocale(name))  # dates and numbers in Qt's own widgets, too
        if name.startswith("en"):
            return True
        translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not translator.load(QLocale(name), "qtbase", "_", folder):
            return False
        self._translator = _Accelerated(translator, self)
        self._app.installTranslator(self._translator)
        return True

    @classmethod
    def of(cls, app: QApplication) -> QtTranslations:
        """The application's one instance (made on first use)."""
        found = app.findChild(cls)
        return found if found is not None else cls(app)


class _Accelerated(QTranslator):
    """Qt's translation, and for a source text with an accelerator it lacks, the translation of
    the text without it, the accelerator added in brackets before a closing colon."""

    def __init__(self, shipped: QTranslator, parent: QObject):
        super().__init__(parent)
        self._shipped = shipped

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        """The translation, or None (a null string, which Qt reads as "none": an empty one would be
        shown as the translation)."""
        found = self._shipped.translate(context, source, disambiguation, n)
        at = source.find("&")
        if found or at < 0 or at + 1 >= len(source) or not source[at + 1].isalnum():
            return found or None
        plain = self._shipped.translate(context, source[:at] + source[at + 1:], disambiguation, n)
        if not plain:
            return None
        body = plain.rstrip(_COLONS)
        return f"{body}(&{source[at + 1].upper()}){plain[len(body):]}"

    def isEmpty(self) -> bool:
        return self._shipped.isEmpty()

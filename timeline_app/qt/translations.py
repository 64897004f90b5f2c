"""Qt's own strings (file dialogs, message box buttons, "Copy" and "Select All" in text menus) in
the interface's language, from the translations PySide6 ships (``qtbase_zh_CN.qm``)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from ..i18n import catalog

__all__ = ["QtTranslations"]


class QtTranslations(QObject):
    """Keeps one installed translator for Qt's strings, switched with :meth:`set_language`."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self._app = app
        self._translator: QTranslator | None = None
        self._locale = ""

    def set_language(self, lang: str) -> bool:
        """Installs Qt's translation for ``lang`` (English needs none). False if none was found."""
        name = catalog(lang).QT_LOCALE
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
        self._app.installTranslator(translator)
        self._translator = translator
        return True

    @classmethod
    def of(cls, app: QApplication) -> QtTranslations:
        """The application's one instance (made on first use)."""
        found = app.findChild(cls)
        return found if found is not None else cls(app)

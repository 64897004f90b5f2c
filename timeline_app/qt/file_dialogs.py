"""File dialogs that speak the interface's language throughout.

Qt's own file dialog asks ``QLocale::system()`` for its dates (on a machine set to the C locale
they read "3 12 2026 17:55", whatever the interface's language); here a proxy model writes them
in the application's locale (set by :class:`~.translations.QtTranslations`).
"""

from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

__all__ = ["ask_open_path", "ask_save_path", "file_dialog"]

_MODIFIED = 3  # QFileSystemModel's column of last-modified times


class _LocalDates(QIdentityProxyModel):
    """Shows the modification times in ``QLocale()`` rather than the system's locale."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        source = self.sourceModel()
        if index.column() == _MODIFIED and role == Qt.ItemDataRole.DisplayRole and isinstance(source, QFileSystemModel):
            modified = source.lastModified(self.mapToSource(index))
            return QLocale().toString(modified, QLocale.FormatType.ShortFormat)
        return super().data(index, role)


def file_dialog(parent: QWidget, title: str, start: str, name_filter: str, save: bool = False) -> QFileDialog:
    """A dialog to choose a file to open (or, with ``save``, to write), not yet shown."""
    dialog = QFileDialog(parent, title, start, name_filter)
    dialog.setProxyModel(_LocalDates(dialog))
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def ask_open_path(parent: QWidget, title: str, start: str, name_filter: str) -> str:
    """The file chosen to open, or "" if the user cancelled."""
    return _ask(file_dialog(parent, title, start, name_filter))


def ask_save_path(parent: QWidget, title: str, start: str, name_filter: str) -> str:
    """The file chosen to write, or "" if the user cancelled."""
    return _ask(file_dialog(parent, title, start, name_filter, save=True))


def _ask(dialog: QFileDialog) -> str:
    try:
        return dialog.selectedFiles()[0] if dialog.exec() == QFileDialog.DialogCode.Accepted else ""
    finally:
        dialog.deleteLater()

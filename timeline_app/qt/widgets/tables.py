"""The part every table here shares: headers from the catalog, in the session's language, and
Ctrl+C copying whole rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QTableView

from ...i18n import tr
from ...viewmodel.session import Session

__all__ = ["CatalogTableModel", "Index", "cells_of", "copy_rows_with"]

Index = QModelIndex | QPersistentModelIndex


class CatalogTableModel(QAbstractTableModel):
    """A table whose column headers are catalog keys (``HEADERS``); subclasses give ``__len__``."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self._session = session

    def __len__(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section], self._session.state.language)
        return None

    def retranslate(self) -> None:
        """Every cell and header may read differently in the new language: the views re-read them."""
        if len(self):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self) - 1, len(self.HEADERS) - 1), [])
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)


def copy_rows_with(view: QTableView, row_text: Callable[[int], str]) -> None:
    """Makes Ctrl+C in ``view`` copy its selected rows whole, one line each from ``row_text(row)``
    (a row of the view's model), in the order shown; Qt's own copies the current cell only."""
    def copy() -> None:
        rows = sorted(index.row() for index in view.selectionModel().selectedRows())
        if rows:
            QGuiApplication.clipboard().setText("\n".join(row_text(row) for row in rows))

    action = QAction(view)
    action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Copy))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(copy)
    view.addAction(action)


def cells_of(view: QTableView, row: int) -> list[str]:
    """The texts a row of ``view`` shows, column by column."""
    model = view.model()
    return [model.index(row, column).data() or "" for column in range(model.columnCount())]

"""The part every table model here shares: headers from the catalog, in the session's language."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...i18n import tr
from ...viewmodel.session import Session

__all__ = ["CatalogTableModel", "Index"]

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

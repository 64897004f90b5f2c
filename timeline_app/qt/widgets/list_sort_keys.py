"""Sorting the milestone list from the keyboard: Ctrl+1 to Ctrl+4 sort by its columns (the same
key again reverses the order), and the list's description says how it is sorted (Qt gives a
screen reader no sort state of a header)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableView

from ...i18n import tr
from ...viewmodel.session import Session
from ..announce import announce
from ..model_signals import follow

__all__ = ["SortKeys"]


class SortKeys(QObject):
    def __init__(self, view: QTableView, session: Session):
        super().__init__(view)
        self.view, self.session = view, session
        self._base = view.accessibleDescription()
        for column in range(view.model().columnCount()):
            action = QAction(view)
            action.setShortcut(QKeySequence(f"Ctrl+{column + 1}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(partial(self.sort, column))
            view.addAction(action)
        view.horizontalHeader().sortIndicatorChanged.connect(self._describe)
        follow(self, session.state.events.language, self._on_language_changed)
        self._describe()

    def sort(self, column: int) -> None:
        """Sorts by ``column``; by the column it is sorted by already, the other way round."""
        header = self.view.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        order = ascending
        if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == ascending:
            order = Qt.SortOrder.DescendingOrder
        self.view.sortByColumn(column, order)
        announce(self.view, self.sorted_words())

    def sorted_words(self) -> str:
        header, lang = self.view.horizontalHeader(), self.session.state.language
        column = self.view.model().headerData(header.sortIndicatorSection(), Qt.Orientation.Horizontal)
        ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        return tr("a11y.sorted", lang, column=column, order=tr("a11y.ascending" if ascending else "a11y.descending", lang))

    def _on_language_changed(self, _) -> None:
        self._base = self.view.accessibleDescription()  # the list's own, just retranslated
        self._describe()

    def _describe(self, *_) -> None:
        lang = self.session.state.language
        clause = tr("sep.clause", lang)
        self.view.setAccessibleDescription(clause.join([self._base, self.sorted_words(), tr("a11y.sort_keys", lang)]))

"""The milestone list: a sortable table of the matches, its selection tied to the view state."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex,
    QSortFilterProxyModel, Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..bindings import follow
from ...i18n import tr
from ...dataset.records import Milestone
from ...viewmodel.session import Session
from ...i18n.dates import date_in_words, describe
from .swatch import BRANCH_MARK, swatch_pixmap
from .tooltips import plain_tooltip

__all__ = ["ID_ROLE", "MilestoneList", "MilestoneTableModel", "SORT_ROLE"]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # what the proxy sorts by: chronological for dates
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the milestone's id

_HEADERS = ("list.date", "list.branch", "list.category", "list.title")
DATE, BRANCH, CATEGORY, TITLE = range(len(_HEADERS))
_SWATCH = 12
_ICON_DPR = 2.0  # the model knows no screen: draw sharp enough for high-DPI, Qt scales down
_Index = QModelIndex | QPersistentModelIndex


class MilestoneTableModel(QAbstractTableModel):
    """``session.matches`` as rows of date, branch, category and title in the current language."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._rows: tuple[Milestone, ...] = session.matches
        self._row_of: dict[str, int] = {m.id: i for i, m in enumerate(self._rows)}
        self._icons: dict[tuple[str, str], QIcon] = {}
        follow(self, session.matches_changed, self._on_matches_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        follow(self, session.state.events.language, self._on_language_changed)

    def row_of(self, milestone_id: str | None) -> int | None:
        """The row showing ``milestone_id``, or None when the filter hides it."""
        return self._row_of.get(milestone_id) if milestone_id else None

    def milestone_at(self, row: int) -> Milestone:
        return self._rows[row]

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(_HEADERS[section], self._session.state.language)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(m, column)
        if role == SORT_ROLE:
            return _date_order(m) if column == DATE else self._text(m, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            lang = self._session.state.language
            return plain_tooltip(date_in_words(m.date, lang) if column == DATE else self._text(m, column))
        if role == Qt.ItemDataRole.DecorationRole and column in (BRANCH, CATEGORY):
            return self._icon(m, column)
        if role == ID_ROLE:
            return m.id
        return None

    # -- cells -----------------------------------------------------------------------------

    def _text(self, m: Milestone, column: int) -> str:
        lang, ds = self._session.state.language, self._session.dataset
        if column == DATE:
            return describe(m.date, lang)
        if column == BRANCH:
            return ds.branch_by_id[m.branch].name.get(lang)
        if column == CATEGORY:
            return ds.category_by_id[m.category].name.get(lang)
        return m.title.get(lang)

    def _icon(self, m: Milestone, column: int) -> QIcon:
        """The branch's bar or the category's marker, drawn once per dataset and kept."""
        ds = self._session.dataset
        record_id = m.branch if column == BRANCH else m.category
        key = (record_id, "b" if column == BRANCH else "c")
        if key not in self._icons:
            if column == BRANCH:
                mark, color = BRANCH_MARK, ds.branch_by_id[record_id].color
            else:
                category = ds.category_by_id[record_id]
                mark, color = category.marker, category.color
            self._icons[key] = QIcon(swatch_pixmap(mark, color, _SWATCH, _ICON_DPR))
        return self._icons[key]

    # -- handlers --------------------------------------------------------------------------

    def _on_matches_changed(self, matches: tuple[Milestone, ...]) -> None:
        self.beginResetModel()
        self._rows = matches
        self._row_of = {m.id: i for i, m in enumerate(matches)}
        self.endResetModel()

    def _on_dataset_changed(self, _: object) -> None:
        """Names and colours may have changed even where the matches stay the same."""
        self._icons.clear()
        self._refresh_cells()

    def _on_language_changed(self, _: str) -> None:
        self._refresh_cells()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)

    def _refresh_cells(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, len(_HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [])  # every role


def _date_order(m: Milestone) -> int:
    """One integer that orders like ``date.sort_key`` (earliest day, latest day, kind)."""
    lo, hi, kind = m.date.sort_key
    return (lo * 10_000_000 + hi) * 10 + kind


class MilestoneList(QWidget):
    """A table of the matches; selecting a row selects the milestone everywhere, and back."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._syncing = False  # True while the view is made to follow the state

        self.model = MilestoneTableModel(session, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        for column in (DATE, BRANCH, CATEGORY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)

        # "No match" stands in the empty table itself, under the headers.
        self._no_match = QLabel()
        self._no_match.setTextFormat(Qt.TextFormat.PlainText)
        self._no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._no_match.setWordWrap(True)
        self._no_match.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        QVBoxLayout(self.view.viewport()).addWidget(self._no_match)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)

        follow(self, session.state.events.selection, self._on_selection_changed)
        follow(self, session.state.events.language, self._on_language_changed)
        self.model.modelReset.connect(self._on_rows_reset)
        self._retranslate()
        self._on_rows_reset()

    def _retranslate(self) -> None:
        """Re-sets the list's own strings; the model re-labels headers and cells itself."""
        lang = self._session.state.language
        self.view.setAccessibleName(tr("list.name", lang))
        self.view.setAccessibleDescription(tr("list.desc", lang))
        self._no_match.setText(tr("filter.no_match", lang))

    def _select_state_row(self) -> None:
        """Selects and scrolls to the selected milestone's row, or clears the selection if hidden."""
        row = self.model.row_of(self._session.state.selection)
        selection = self.view.selectionModel()
        self._syncing = True
        try:
            if row is None:
                selection.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)
        finally:
            self._syncing = False

    # -- handlers --------------------------------------------------------------------------

    def _on_view_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        """The user picked a row: that milestone becomes the selection everywhere."""
        if self._syncing or selected.isEmpty():
            return
        source = self.proxy.mapToSource(selected.indexes()[0])
        self._session.state.selection = self.model.milestone_at(source.row()).id

    def _on_selection_changed(self, _: str | None) -> None:
        self._select_state_row()

    def _on_rows_reset(self) -> None:
        self._no_match.setVisible(self.model.rowCount() == 0)
        self._select_state_row()

    def _on_language_changed(self, _: str) -> None:
        self._retranslate()

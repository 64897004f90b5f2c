"""The milestone list: a sortable table of the matches, its selection tied to the Navigator.

Built to open 100,000 rows at once: rows have one fixed height, columns are sized once from the
data's distinct values, and sorting orders precomputed keys with numpy in the model itself (no
proxy comparing cells through Python). A cell's text is made only when the view asks for it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QFontMetrics, QIcon, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...i18n import catalog, tr
from ...i18n.dates import date_in_words, describe
from ...viewmodel.index import fold
from ...viewmodel.labels import label_text
from ...viewmodel.navigator import Navigator
from ..model_signals import follow
from ..collation import collation_keys
from ..colors import GRAPHIC_CONTRAST, Theme, readable
from .list_sort_keys import SortKeys
from .swatch import BRANCH_MARK, swatch_pixmap
from .tables import CatalogTableModel, Index, cells_of, copy_rows_with
from .tooltips import plain_tooltip

__all__ = ["ID_ROLE", "MilestoneList", "MilestoneTableModel"]

ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the milestone's id

_HEADERS = ("list.date", "list.branch", "list.category", "list.title")
DATE, BRANCH, CATEGORY, TITLE = range(len(_HEADERS))
_SWATCH = 12
_ON_HIGHLIGHT = GRAPHIC_CONTRAST + 0.1  # a swatch on a selected row: 3:1 still after rounding to 8-bit pixels
_ICON_DPR = 2.0  # the model knows no screen: draw sharp enough for high-DPI, Qt scales down


class MilestoneTableModel(CatalogTableModel):
    """The session's matches as rows of date, branch, category and title in the current language.

    ``_order`` holds the index rows (chronological positions) of the matches in the order shown.
    """

    HEADERS = _HEADERS

    def __init__(self, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(navigator.session, parent)
        session = navigator.session
        self._sort = (DATE, Qt.SortOrder.AscendingOrder)
        self._keys: dict[tuple[int, str], np.ndarray] = {}  # sort key of every index row
        self._icons: dict[tuple[int, str], QIcon] = {}
        self._order = session.match_rows
        self._position: dict[int, int] | None = None
        self.theme = Theme(QPalette(), dataset=session.dataset)  # the view gives its own
        follow(self, session.matches_changed, self._on_matches_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        follow(self, session.state.events.language, self._on_language_changed)

    def row_of(self, milestone_id: str | None) -> int | None:
        """The row showing ``milestone_id``, or None when the filter hides it."""
        index_row = self._session.index.row_of.get(milestone_id or "")
        if index_row is None or not self._session.match_mask[index_row]:
            return None
        if self._position is None:
            self._position = {r: k for k, r in enumerate(self._order.tolist())}
        return self._position.get(index_row)

    def milestone_id(self, row: int) -> str:
        return str(self._session.index.ids[self._order[row]])

    # -- QAbstractTableModel ---------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._order)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self._session.index.milestones[self._order[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(m, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            lang = self._session.state.language
            return plain_tooltip(date_in_words(m.date, lang) if column == DATE else self.text(m, column))
        if role == Qt.ItemDataRole.DecorationRole and column in (BRANCH, CATEGORY):
            return self._icon(m, column)
        if role == ID_ROLE:
            return m.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    # -- cells -----------------------------------------------------------------------------

    def text(self, m, column: int) -> str:
        lang, ds = self._session.state.language, self._session.dataset
        if column == DATE:
            return describe(m.date, lang)
        if column == BRANCH:
            return ds.branch_by_id[m.branch].name.get(lang)
        if column == CATEGORY:
            return ds.category_by_id[m.category].name.get(lang)
        return label_text(m.title.get(lang))

    def _icon(self, m, column: int) -> QIcon:
        """The branch's bar or the category's marker, drawn once per dataset and kept.

        A selected row gets the same picture in a shade that stands out from the highlight
        (which Qt would tint it with, and which may be the very colour of a category).
        """
        ds, theme = self._session.dataset, self.theme
        key = (column, m.branch if column == BRANCH else m.category)
        if key not in self._icons:
            if column == BRANCH:
                mark, color = BRANCH_MARK, theme.branch(m.branch)
            else:
                mark, color = ds.category_by_id[m.category].marker, theme.category(m.category)
            icon = QIcon()
            for mode, shade in ((QIcon.Mode.Normal, color), (QIcon.Mode.Active, color),
                                (QIcon.Mode.Selected, readable(color, theme.highlight, _ON_HIGHLIGHT))):
                icon.addPixmap(swatch_pixmap(mark, shade, _SWATCH, _ICON_DPR), mode)
            self._icons[key] = icon
        return self._icons[key]

    # -- sorting ---------------------------------------------------------------------------

    def _sort_key(self, column: int) -> np.ndarray:
        """A number per index row that orders like the column: dates by time (the index is
        chronological), branches and categories in the dataset's order, titles by their folded
        text in the current language, as the language orders it (Chinese by pinyin). Made once per
        column and language, on the first sort."""
        index, lang = self._session.index, self._session.state.language
        cache_key = (column, lang if column == TITLE else "")
        key = self._keys.get(cache_key)
        if key is None:
            n = len(index)
            if column == DATE:
                key = np.arange(n)
            elif column in (BRANCH, CATEGORY):
                codes = index.branch if column == BRANCH else index.category
                key = codes.astype(np.int64) * n + np.arange(n)
            else:
                titles = collation_keys([fold(m.title.get(lang)) for m in index.milestones], catalog(lang).QT_LOCALE)
                key = np.empty(n, dtype=np.int64)
                key[sorted(range(n), key=titles.__getitem__)] = np.arange(n)
            self._keys[cache_key] = key
        return key

    def _apply_sort(self) -> None:
        column, order = self._sort
        rows = self._session.match_rows
        if column != DATE:  # match rows are chronological already
            rows = rows[np.argsort(self._sort_key(column)[rows], kind="stable")]
        self._order = rows[::-1] if order == Qt.SortOrder.DescendingOrder else rows
        self._position = None

    # -- handlers --------------------------------------------------------------------------

    def _on_matches_changed(self) -> None:
        self.beginResetModel()
        self._apply_sort()
        self.endResetModel()

    def set_theme(self, theme: Theme) -> None:
        """The colours of the swatches: the view's theme (they match the timeline's markers)."""
        self.theme = theme
        self._icons.clear()
        if len(self):
            self.dataChanged.emit(self.index(0, BRANCH), self.index(len(self) - 1, CATEGORY),
                                  [Qt.ItemDataRole.DecorationRole])

    def _on_dataset_changed(self, _: object) -> None:
        """Names and colours may have changed even where the matches stay the same."""
        self._icons.clear()
        self._keys.clear()

    def _on_language_changed(self, _: str) -> None:
        if self._sort[0] == TITLE:
            self.sort(*self._sort)
        self.retranslate()


class MilestoneList(QWidget):
    """A table of the matches; selecting a row selects the milestone everywhere, and back.

    One Tab stop: the arrows walk the rows, Tab leaves the table.
    """

    def __init__(self, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(parent)
        self._navigator = navigator
        self._session = session = navigator.session
        self._syncing = False  # True while the view is made to follow the state

        self.model = MilestoneTableModel(navigator, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        for column in (DATE, BRANCH, CATEGORY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        copy_rows_with(self.view, self._row_text)

        # "No match" (or "loading") stands in the empty table itself, under the headers.
        self._loading = None  # the file being read, while one is
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
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self.model.modelReset.connect(self._on_rows_reset)
        self.model.layoutChanged.connect(self._on_rows_reset)
        self.model.set_theme(Theme.of(self, session.dataset))
        self._retranslate()
        self._on_rows_reset()
        self.sort_keys = SortKeys(self.view, session)

    def _retranslate(self) -> None:
        """Re-sets the list's own strings and column widths; the model re-labels headers and cells."""
        lang = self._session.state.language
        self.view.setAccessibleName(tr("list.name", lang))
        self.view.setAccessibleDescription(tr("list.desc", lang))
        self._say_why_empty()
        self._size_columns()

    def set_loading(self, path) -> None:
        """While a file is read into a window with no milestones yet, its empty list says so
        rather than that nothing matches."""
        self._loading = path
        self._say_why_empty()

    def _say_why_empty(self) -> None:
        lang = self._session.state.language
        if self._session.dataset.milestones:
            self._no_match.setText(tr("filter.no_match", lang))
        elif self._loading is not None:
            self._no_match.setText(tr("empty.reading", lang, file=Path(self._loading).name))
        else:
            self._no_match.setText(tr("empty.no_milestones", lang))

    def _size_columns(self) -> None:
        """Row height from the font, and the first columns as wide as their widest distinct value
        (dates, branches and categories repeat: a few hundred texts to measure, not every row)."""
        metrics = QFontMetrics(self.view.font())
        self.view.verticalHeader().setDefaultSectionSize(max(metrics.height() + 8, _SWATCH + 8))
        lang, ds = self._session.state.language, self._session.dataset
        dates = {m.date.text: m.date for m in self._session.index.milestones}
        columns = {
            DATE: [describe(d, lang) for d in dates.values()],
            BRANCH: [b.name.get(lang) for b in ds.branches],
            CATEGORY: [c.name.get(lang) for c in ds.categories],
        }
        header = self.view.horizontalHeader()
        for column, texts in columns.items():
            title = tr(_HEADERS[column], lang)
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            icon = _SWATCH + 8 if column != DATE else 0
            self.view.setColumnWidth(column, max(widest + icon, metrics.horizontalAdvance(title) + 24) + 16)
        header.setMinimumSectionSize(40)

    def _select_state_row(self) -> None:
        """Selects and scrolls to the selected milestone's row, or clears the selection if hidden."""
        row = self.model.row_of(self._session.state.selection)
        selection = self.view.selectionModel()
        self._syncing = True
        try:
            if row is None:
                selection.clearSelection()
                return
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)
        finally:
            self._syncing = False

    def _row_text(self, row: int) -> str:
        """A row as copied: its cells, then its sources' citations, tab-separated."""
        from ...i18n.citations import citations  # only when copying: not on the way to the first frame

        ds, lang = self._session.dataset, self._session.state.language
        cited = citations(ds.milestone_by_id[self.model.milestone_id(row)], ds, lang).replace("\n", " ")
        return "\t".join([*cells_of(self.view, row), cited])

    # -- handlers --------------------------------------------------------------------------

    def _on_view_selection_changed(self, selected, _) -> None:
        """The user picked a row: that milestone becomes the selection everywhere, in view."""
        if self._syncing or selected.isEmpty():
            return
        self._navigator.select(self.model.milestone_id(selected.indexes()[0].row()))

    def _on_selection_changed(self, _: str | None) -> None:
        self._select_state_row()

    def _on_rows_reset(self) -> None:
        self._no_match.setVisible(self.model.rowCount() == 0)
        self._select_state_row()

    def _on_language_changed(self, _: str) -> None:
        self._retranslate()

    def _on_dataset_changed(self, _: object) -> None:
        self._say_why_empty()
        self._size_columns()
        self.model.set_theme(Theme.of(self, self._session.dataset))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "model"):
            self.model.set_theme(Theme.of(self, self._session.dataset))

"""Every indicator figure as a table: measure, branch, date, value, qualifier and source.

For reading exact values and copying them out; sortable by any column (dates by time, values
by size). The figures are few, so a proxy sorting on each cell's sort key is cheap here.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ....dataset.units import UNITS
from ....i18n import tr
from ....i18n.wording import citation_parts, group_citations, join_clauses
from ....viewmodel.indicators import Figure, Track, measure_rows
from ....viewmodel.session import Session
from ...model_signals import follow
from ..tables import CatalogTableModel, Index, cells_of, copy_rows_with

__all__ = ["IndicatorTable", "IndicatorTableModel"]

_HEADERS = ("indicators.col_measure", "indicators.col_branch", "indicators.col_date", "indicators.col_value",
            "indicators.col_qualifier", "indicators.col_source")
_SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class IndicatorTableModel(CatalogTableModel):
    HEADERS = _HEADERS

    def __init__(self, session: Session, parent=None):
        super().__init__(session, parent)
        self._figures: list[tuple[Track, Figure]] = []
        follow(self, session.dataset_changed, self._on_dataset_changed)
        follow(self, session.state.events.language, self._on_language_changed)
        follow(self, session.state.events.filter, self._on_filter_changed)
        self._fill()

    def _fill(self) -> None:
        """The figures of the branches shown."""
        self.beginResetModel()
        self._hidden = self._session.state.filter.hidden_branches
        rows = measure_rows(self._session.dataset, self._hidden)
        self._figures = [(t, f) for row in rows for t in row.tracks for f in t.figures]
        self.endResetModel()

    def measure_at(self, row: int) -> str:
        return self._figures[row][0].indicator.measure

    def __len__(self) -> int:
        return len(self._figures)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        track, figure = self._figures[index.row()]
        column = index.column()
        if role == _SORT_ROLE:
            if column == 2:
                return figure.lo
            if column == 3:
                return float(figure.point.value)
            return self._text(track, figure, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(track, figure, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, track: Track, figure: Figure, column: int) -> str:
        lang, ds = self._session.state.language, self._session.dataset
        indicator = track.indicator
        if column == 0:
            return tr("indicators.label_unit", lang, label=indicator.label.get(lang), unit=UNITS[indicator.unit].get(lang))
        if column == 1:
            return ds.branch_by_id[indicator.branch].name.get(lang)
        if column == 2:
            return figure.when(lang)
        if column == 3:
            return figure.value_text(lang)
        if column == 4:
            return tr(f"qualifier.{figure.point.qualifier.value}", lang)
        return join_clauses([tr("sep.dot", lang).join(citation_parts(s, p, ds, lang))
                             for s, p in group_citations(indicator.sources)], lang)

    def _on_dataset_changed(self, _) -> None:
        self._fill()

    def _on_language_changed(self, _) -> None:
        self.retranslate()

    def _on_filter_changed(self, f) -> None:
        if f.hidden_branches != self._hidden:
            self._fill()


class IndicatorTable(QTableView):
    """The table of figures; one Tab stop, walked with the arrows."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.source_model = IndicatorTableModel(session, self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.source_model)
        proxy.setSortRole(_SORT_ROLE)
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few dozen rows
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a narrow source keeps its end: the paragraphs
        copy_rows_with(self, self._row_text)

    def _row_text(self, row: int) -> str:
        return "\t".join(cells_of(self, row))

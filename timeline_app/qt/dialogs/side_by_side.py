"""View ▸ Branches Side by Side: the two branches' milestones by year and category, with counts
and titles; activating a cell shows its milestones on the timeline and selects the first."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHeaderView, QTableWidget, QTableWidgetItem, QWidget,
)

from ...i18n import tr
from ...i18n.dates import year_words
from ...i18n.wording import join_clauses
from ...viewmodel.navigator import Navigator
from ...viewmodel.side_by_side import compare_branches
from ...viewmodel.timescale import span_of
from .closing import lay_out_with_close
from ..widgets.tooltips import plain_tooltip

__all__ = ["SideBySide"]

_IDS = Qt.ItemDataRole.UserRole


class SideBySide(QDialog):
    def __init__(self, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(parent)
        self._navigator = navigator
        ds, lang = navigator.session.dataset, navigator.state.language
        comparison = compare_branches(ds)
        self.setWindowTitle(tr("action.side_by_side", lang).replace("&", ""))
        self.table = QTableWidget(len(comparison.rows), 2 + len(comparison.branches), self)
        self.table.setHorizontalHeaderLabels([tr("side.year", lang), tr("list.category", lang),
                                              *(ds.branch_by_id[b].name.get(lang) for b in comparison.branches)])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        by_id = ds.milestone_by_id
        for row, (year, category, ids_per_branch) in enumerate(comparison.rows):
            when = year_words(year, lang) if year is not None else tr("timeline.undated", lang)
            self.table.setItem(row, 0, QTableWidgetItem(when))
            self.table.setItem(row, 1, QTableWidgetItem(ds.category_by_id[category].name.get(lang)))
            for k, ids in enumerate(ids_per_branch):
                titles = [by_id[i].title.get(lang) for i in ids]
                item = QTableWidgetItem(tr("side.cell", lang, n=len(ids), titles=join_clauses(titles, lang)) if ids else "")
                item.setData(_IDS, list(ids))
                item.setToolTip(plain_tooltip("\n".join(titles)))
                self.table.setItem(row, 2 + k, item)
        header = self.table.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(2, self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._on_column_resized)  # rows as tall as their titles at that width
        self.table.itemActivated.connect(self._on_activated)
        lay_out_with_close(self, self.table, (900, 600))

    def _on_column_resized(self, *_) -> None:
        self.table.resizeRowsToContents()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._on_column_resized)  # once the columns have their final widths

    def _on_activated(self, item: QTableWidgetItem) -> None:
        """A branch's cell: its milestones in view on the timeline, the first selected."""
        ids = item.data(_IDS) or []
        if not ids:
            return
        by_id = self._navigator.session.dataset.milestone_by_id
        spans = [span_of(by_id[i].date) for i in ids]
        self._navigator.select(ids[0], reveal=False)
        self._navigator.show_span(min(lo for lo, _ in spans), max(hi for _, hi in spans))

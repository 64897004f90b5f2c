"""The indicator panel: the rows on the timeline's time axis, or every figure as a table.

Above them, the source of the row last chosen, and a button that switches between the two.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from ....i18n import tr
from ....i18n.wording import citation_parts, group_citations, join_clauses
from ....viewmodel.session import Session
from ...model_signals import follow
from ..gutters import LEFT_GUTTER, RIGHT_GUTTER
from .painter import GUTTER_PADDING
from .strips import IndicatorStrips
from .table import IndicatorTable

__all__ = ["IndicatorPanel"]


class IndicatorPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._shown: str | None = None  # the measure whose source is shown

        self._title = QLabel(self)
        bold = QFont(self.font())
        bold.setBold(True)
        self._title.setFont(bold)
        self._title.setFixedWidth(LEFT_GUTTER - 40)
        self._title.setContentsMargins(int(GUTTER_PADDING), 0, 0, 0)
        self._toggle = QToolButton(self)
        self._toggle.setCheckable(True)
        self._toggle.setAutoRaise(True)
        self._toggle.toggled.connect(self._on_toggled)
        self._source = QLabel(self)
        self._source.setObjectName("indicator-source")
        self._source.setTextFormat(Qt.TextFormat.PlainText)
        self._source.setWordWrap(True)
        self._source.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._header = header = QHBoxLayout()
        header.setContentsMargins(0, 2, RIGHT_GUTTER, 2)
        header.setSpacing(0)
        header.addWidget(self._title, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self._toggle, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addSpacing(8)
        header.addWidget(self._source, 1)

        self.strips = IndicatorStrips(session)
        self.strips.activated.connect(self.show_source)
        self.table: IndicatorTable | None = None  # made when first asked for
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.strips)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self._stack, 1)
        self.setMinimumHeight(110)
        follow(self, session.state.events.language, self._on_language_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self._retranslate()

    def show_source(self, measure: str | None) -> None:
        """Shows where ``measure``'s figures come from (None: the hint to choose one)."""
        self._shown = measure
        self._show_source_text()

    def height_for_rows(self, count: int) -> int:
        """The panel's height that shows its first ``count`` rows without scrolling."""
        rows = self.strips.layouts[:count]
        content = rows[-1].top + rows[-1].height if rows else 0
        return int(content + self._header.sizeHint().height() + 1)

    def _retranslate(self) -> None:
        lang = self._session.state.language
        self._title.setText(tr("indicators.title", lang))
        self.setAccessibleName(tr("indicators.title", lang))
        self._source.setAccessibleDescription(tr("detail.source", lang))  # its name is its text
        self._toggle.setText(tr("indicators.show_table", lang))  # one name; checked shows the table
        if self.table is not None:
            self.table.setAccessibleName(tr("a11y.indicator_table", lang))
        self._toggle.setToolTip(tr("indicators.table_desc", lang))
        self._toggle.setAccessibleDescription(tr("indicators.table_desc", lang))
        self._show_source_text()

    def _show_source_text(self) -> None:
        lang, ds = self._session.state.language, self._session.dataset
        row = next((r for r in self.strips.rows if r.measure == self._shown), None)
        if row is None:  # the chart's symbols explained beside the chart only
            table = self._stack.currentWidget() is self.table
            self._source.setText(tr("indicators.hint", lang) if table else
                                 f"{tr('indicators.hint', lang)}    {tr('indicators.legend', lang)}")
            return
        texts = []
        for track in row.tracks:
            cited = join_clauses([tr("sep.dot", lang).join(citation_parts(s, p, ds, lang))
                                  for s, p in group_citations(track.indicator.sources)], lang)
            texts.append(tr("indicators.source", lang, label=track.indicator.label.get(lang),
                            branch=ds.branch_by_id[track.branch].name.get(lang), source=cited))
        self._source.setText(join_clauses(texts, lang))

    def _on_toggled(self, table: bool) -> None:
        if table and self.table is None:
            self.table = IndicatorTable(self._session)
            self.table.clicked.connect(self._on_table_clicked)
            self._stack.addWidget(self.table)
        self._stack.setCurrentWidget(self.table if table else self.strips)
        self._shown = None  # no row of the new view is chosen yet: its source is not the old one's
        self._retranslate()

    def _on_table_clicked(self, index) -> None:
        source = self.table.model().mapToSource(index)
        self.show_source(self.table.source_model.measure_at(source.row()))

    def _on_language_changed(self, _: str) -> None:
        self._retranslate()

    def _on_dataset_changed(self, _) -> None:
        self.show_source(None)

"""The kiosk's figures: per branch, what the sources say changed over the decade, as large
"then → now" pairs (门急诊人次 25万+ → 43万+), qualifiers kept, each with its source.

Built once per dataset; a language switch only gives the labels new text.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ....dataset.records import Indicator, Qualifier
from ....i18n import tr
from ....i18n.dates import describe
from ....i18n.numbers import format_change, format_value
from ....i18n.wording import group_citations, paragraph_words
from ....viewmodel.figures import kiosk_figures, then_and_now
from ....viewmodel.session import Session
from ...model_signals import follow
from ..swatch import BRANCH_MARK, swatch_pixmap
from .card import plain_label
from .style import BODY, CAPTION, FIGURE, HEADING

__all__ = ["FigureBoard"]

SOURCE_LINES = 2


class _Figure:
    """One indicator's rows in its branch's grid: its label beside "then → now", and when under
    it, with the change."""

    def __init__(self, parent: QWidget, grid: QGridLayout, row: int, indicator: Indicator):
        self.indicator = indicator
        self.label = plain_label(parent, BODY - 2)
        self.values = plain_label(parent, FIGURE, bold=True, wrap=False)
        self.when = plain_label(parent, CAPTION, wrap=False)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.values.setAlignment(right)
        self.when.setAlignment(right)
        grid.addWidget(self.label, row, 0, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.values, row, 1)
        grid.addWidget(self.when, row + 1, 1)

    def retranslate(self, lang: str) -> None:
        then, now = then_and_now(self.indicator)
        self.label.setText(self.indicator.label.get(lang))
        self.values.setText(f"{format_value(then.value, then.qualifier, lang)} → "
                            f"{format_value(now.value, now.qualifier, lang)}")
        qualified = then.qualifier is not Qualifier.EXACT or now.qualifier is not Qualifier.EXACT
        change = format_change(then.value, now.value, approximate=qualified)
        when = f"{describe(then.date, lang)} → {describe(now.date, lang)}"
        self.when.setText(f"{when}{tr('sep.dot', lang)}{change}" if change else when)


class _Branch(QWidget):
    """A branch: its name, its figures one under another, and where they come from."""

    def __init__(self, session: Session, branch_id: str, indicators: list[Indicator], parent: QWidget):
        super().__init__(parent)
        self.session, self.branch_id = session, branch_id
        self._cited: list[tuple[str, str]] = []  # (title, paragraphs) of each source
        self._lang = session.state.language
        branch = session.dataset.branch_by_id[branch_id]
        mark = QLabel(self)
        mark.setPixmap(swatch_pixmap(BRANCH_MARK, branch.color, HEADING, self.devicePixelRatioF()))
        self.name = plain_label(self, HEADING, bold=True, wrap=False)
        header = QHBoxLayout()
        header.setSpacing(8)
        header.addWidget(mark)
        header.addWidget(self.name, 1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(0)
        grid.setColumnStretch(0, 1)
        self.figures = [_Figure(self, grid, 3 * k, ind) for k, ind in enumerate(indicators)]
        for k in range(len(indicators) - 1):
            grid.setRowMinimumHeight(3 * k + 2, 10)  # room between two figures
        self.source = plain_label(self, CAPTION)
        self.source.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(grid)
        layout.addWidget(self.source)
        layout.addStretch(1)

    def retranslate(self, lang: str) -> None:
        ds = self.session.dataset
        self.name.setText(tr("kiosk.figures", lang, branch=ds.branch_by_id[self.branch_id].name.get(lang)))
        for figure in self.figures:
            figure.retranslate(lang)
        # Each source once, with every paragraph its figures come from.
        paragraphs: dict[str, set[int]] = {}
        for figure in self.figures:
            for source_id, numbers in group_citations(figure.indicator.sources):
                paragraphs.setdefault(source_id, set()).update(numbers)
        self._cited = [(ds.source_by_id[source_id].title.get(lang), paragraph_words(sorted(numbers), lang))
                       for source_id, numbers in paragraphs.items()]
        self._lang = lang
        self._fit_sources()

    def _fit_sources(self) -> None:
        """Each source in at most SOURCE_LINES lines: its article's title, shortened (…) if it must
        be, and the paragraphs the figures are in (never shortened)."""
        metrics = QFontMetrics(self.source.font())
        width = max(self.source.width(), 100)
        bound = QRect(0, 0, width, 100_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        lines = []
        for title, where in self._cited:
            room = width * SOURCE_LINES
            while True:
                short = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(room))
                text = tr("kiosk.figures_source", self._lang, source=short, where=where)
                if metrics.boundingRect(bound, flags, text).height() < metrics.lineSpacing() * (SOURCE_LINES + 0.5) \
                        or room <= width * 0.1:
                    break
                room *= 0.95
            lines.append(text)
        self.source.setText("\n".join(lines))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_sources()


class FigureBoard(QFrame):
    """The branches side by side."""

    def __init__(self, session: Session, branches: tuple[str, ...] | None = None,
                 measures: tuple[str, ...] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("kioskFigures")
        self.branches = [_Branch(session, branch_id, indicators, self)
                         for branch_id, indicators in kiosk_figures(session.dataset, branches, measures)]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 10, 24, 12)
        layout.setSpacing(40)
        for branch in self.branches:
            layout.addWidget(branch, 1)
        follow(self, session.state.events.language, self._on_language_changed)
        self._on_language_changed(session.state.language)

    def _on_language_changed(self, lang: str) -> None:
        for branch in self.branches:
            branch.retranslate(lang)

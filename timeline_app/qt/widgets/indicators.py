"""Indicator sparklines: every measured figure of every branch, on the timeline's own time axis.

Rows of the same measure stand together, one per branch, so the branches compare at a glance.
Only the figures the sources give are drawn as points (a cumulative figure over a period as a
bar over that period); between them a faint dotted line says "not known", never a curve.
Every row's plot strip runs from LEFT_GUTTER after the panel's left edge to RIGHT_GUTTER before
its right edge (where the scroll bar lives), as the timeline's must, so the two scales agree.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QResizeEvent, QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame, QGraphicsView, QHBoxLayout, QLabel, QScrollArea, QScrollBar, QSizePolicy, QVBoxLayout, QWidget,
)

from ..bindings import follow
from ...i18n import tr
from ...i18n.dates import describe
from ...i18n.numbers import format_change, format_value
from ...dataset.records import Dataset, Indicator, IndicatorPoint
from ...dataset.edtf import Kind
from ...viewmodel.session import Session
from ...viewmodel.timescale import span_of
from ...dataset.units import UNITS
from ...i18n.wording import citation_parts, group_citations, join_clauses
from .metrics import LEFT_GUTTER, RIGHT_GUTTER
from .swatch import BRANCH_MARK, swatch_pixmap
from .tooltips import plain_tooltip

__all__ = ["IndicatorPanel", "ROW_HEIGHT"]

ROW_HEIGHT = 44
_GUTTER_PADDING = 8  # text in the gutter keeps this far from its edges
_GROUP_GAP = 6  # extra space between the rows of two measures
_DOT_SIZE = 7
_BAR_WIDTH = 4
_SWATCH = 12
_TINT_ALPHA = 45
_INLINE_GAP = 4  # between the swatch, the branch name and the change
_ACTIVATE_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _is_cumulative(p: IndicatorPoint) -> bool:
    return p.date.kind is Kind.INTERVAL


def _point_words(p: IndicatorPoint, lang: str) -> str:
    when = describe(p.date, lang)
    if _is_cumulative(p):
        when = tr("indicators.cumulative", lang, range=when)
    return tr("indicators.point", lang, date=when, value=format_value(p.value, p.qualifier, lang))


def _change(ind: Indicator, lang: str) -> tuple[str, str]:
    """The change between the first and last dated figures: short (``+72%``) and in full."""
    dated = sorted((p for p in ind.points if not _is_cumulative(p)), key=lambda p: p.date.sort_key)
    if len(dated) < 2:
        return "", ""
    short = format_change(dated[0].value, dated[-1].value)
    if not short:
        return "", ""
    first, last = describe(dated[0].date, lang), describe(dated[-1].date, lang)
    full = tr("indicators.change", lang, change=short, lo=first, hi=last)
    return short, full


class _IndicatorRow(QFrame):
    """One indicator of one branch: its label in the gutter and its points in the strip.

    The pyqtgraph items are built once; only the x range changes afterwards.
    """

    activated = Signal(str)  # the indicator's id, on a click anywhere in the row, Space or Enter
    stepped = Signal(int)  # ↑ (-1) or ↓ (+1): move to the neighbouring row

    def __init__(self, ind: Indicator, color: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.indicator = ind
        self.current = False  # its source is the one shown
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the panel makes one row the Tab stop
        self.setFixedHeight(ROW_HEIGHT)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.mark = QLabel(self)
        self.mark.setPixmap(swatch_pixmap(BRANCH_MARK, color, _SWATCH, self.devicePixelRatioF()))
        self.branch = QLabel(self)
        self.branch.setTextFormat(Qt.TextFormat.PlainText)
        self.change = QLabel(self)
        self.change.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.font())
        bold.setBold(True)
        self.change.setFont(bold)
        second = QHBoxLayout()
        second.setSpacing(_INLINE_GAP)
        second.addWidget(self.mark)
        second.addWidget(self.branch, 1)
        second.addWidget(self.change)
        gutter = QWidget(self)
        gutter.setFixedWidth(LEFT_GUTTER)
        gutter_layout = QVBoxLayout(gutter)
        gutter_layout.setContentsMargins(_GUTTER_PADDING, 2, _GUTTER_PADDING, 2)
        gutter_layout.setSpacing(0)
        gutter_layout.addWidget(self.title)
        gutter_layout.addLayout(second)

        # A bare view and ViewBox: a PlotWidget's axes and menus cost ten times more to build.
        self.view = pg.GraphicsView(self, background=None)
        self.box = pg.ViewBox(enableMenu=False)
        self.view.setCentralItem(self.box)
        self._x_range: tuple[float, float] | None = None  # what the box shows
        self._build_plot(color)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(gutter)
        layout.addWidget(self.view, 1)

    def _build_plot(self, color: str) -> None:
        """Points, period bars, precision whiskers, the dotted unknown between, and value labels."""
        view, box = self.view, self.box
        view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks and wheel go to the row
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Transparent, so the row's background and tint show through (a cached background is opaque).
        view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        view.viewport().setAutoFillBackground(False)
        box.setMouseEnabled(False, False)
        box.disableAutoRange()

        colour = QColor(color)
        faint = QColor(colour)
        faint.setAlpha(120)
        dots, whiskers, bars, labels = [], [], [], []
        for p in self.indicator.points:
            lo, hi = span_of(p.date)
            value = float(p.value)
            if _is_cumulative(p):
                bars += [(lo, value), (hi, value)]
            else:
                dots.append(((lo + hi) / 2, value))
                if hi - lo > 1:
                    whiskers += [(lo, value), (hi, value)]
            labels.append(((lo + hi) / 2, value))
        dots.sort()
        if len(dots) > 1:
            box.addItem(_curve(dots, pg.mkPen(faint, width=1.5, style=Qt.PenStyle.DotLine), "all"))
        if whiskers:
            box.addItem(_curve(whiskers, pg.mkPen(faint, width=1.5), "pairs"))
        if bars:
            box.addItem(_curve(bars, pg.mkPen(colour, width=_BAR_WIDTH), "pairs"))
        if dots:
            x, y = zip(*dots)
            box.addItem(pg.ScatterPlotItem(x=list(x), y=list(y), size=_DOT_SIZE, pen=pg.mkPen(colour.darker(130)),
                                           brush=pg.mkBrush(colour), antialias=True))
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.value_labels = []
        for x, y in labels:
            text = pg.TextItem(color=self.palette().color(QPalette.ColorRole.WindowText), anchor=(0.5, 1.0))
            text.setFont(small)
            text.setPos(x, y)
            box.addItem(text)
            self.value_labels.append(text)
        top = max((float(p.value) for p in self.indicator.points), default=1.0) or 1.0
        label_px = self.fontMetrics().height() + 2
        bottom_px = _DOT_SIZE
        per_px = top / max(ROW_HEIGHT - label_px - bottom_px, 1)
        box.setYRange(-bottom_px * per_px, top + label_px * per_px, padding=0)

    def set_x_range(self, x_range: tuple[float, float]) -> None:
        if x_range != self._x_range:
            self._x_range = x_range
            self.box.setXRange(*x_range, padding=0)

    def retranslate(self, branch_name: str, lang: str) -> None:
        """Re-sets the label, branch, change, value labels and tooltip in ``lang``."""
        ind = self.indicator
        label = ind.label.get(lang)
        width = LEFT_GUTTER - 2 * _GUTTER_PADDING
        self.title.setText(self.title.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, width))
        short, full = _change(ind, lang)
        self.change.setText(short)
        room = width - _SWATCH - 2 * _INLINE_GAP - self.change.fontMetrics().horizontalAdvance(short)
        self.branch.setText(self.branch.fontMetrics().elidedText(branch_name, Qt.TextElideMode.ElideRight, room))
        for text, p in zip(self.value_labels, ind.points):
            text.setText(format_value(p.value, p.qualifier, lang))
        lines = [f"{label} · {branch_name}", *(_point_words(p, lang) for p in ind.points)]
        lines += [full] if full else []
        lines.append(tr("indicators.unit", lang, unit=UNITS[ind.unit].get(lang)))
        lines += [ind.note.get(lang)] if ind.note else []
        lines += [tr("indicators.between", lang)] if sum(not _is_cumulative(p) for p in ind.points) > 1 else []
        self.setToolTip(plain_tooltip("\n".join(lines)))
        self.setAccessibleName(f"{label} · {branch_name}")
        self.setAccessibleDescription("\n".join([*lines[1:], tr("indicators.row_desc", lang)]))

    def set_current(self, current: bool) -> None:
        """Tints the row whose source is shown."""
        self.current = current
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painted here rather than through the palette, which the plot would inherit and paint again.
        if self.current:
            tint = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            tint.setAlpha(_TINT_ALPHA)
            painter = QPainter(self)
            painter.fillRect(self.rect(), tint)
            painter.end()
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Value labels are drawn by pyqtgraph: give them the new theme's text colour."""
        if event.type() == QEvent.Type.PaletteChange:
            for text in self.value_labels:
                text.setColor(self.palette().color(QPalette.ColorRole.WindowText))
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.activated.emit(self.indicator.id)
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ACTIVATE_KEYS:
            self.activated.emit(self.indicator.id)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.stepped.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)


def _curve(points: list[tuple[float, float]], pen, connect: str) -> pg.PlotCurveItem:
    x, y = (np.array(v, dtype=float) for v in zip(*points))
    return pg.PlotCurveItem(x=x, y=y, pen=pen, connect=connect, antialias=True)


class IndicatorPanel(QWidget):
    """The dataset's indicators as sparklines whose time axis follows ``state.x_range``.

    Clicking a row (or Space/Enter on it) shows that indicator's source above the rows.
    """

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._rows: list[_IndicatorRow] = []
        self._current: str | None = None  # the indicator whose source is shown

        self._title = QLabel(self)
        bold = QFont(self.font())
        bold.setBold(True)
        self._title.setFont(bold)
        self._title.setFixedWidth(LEFT_GUTTER)
        self._title.setContentsMargins(_GUTTER_PADDING, 0, _GUTTER_PADDING, 0)
        self._source = QLabel(self)
        self._source.setObjectName("indicator-source")
        self._source.setTextFormat(Qt.TextFormat.PlainText)
        self._source.setWordWrap(True)
        self._source.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._source.setMinimumHeight(2 * self._source.fontMetrics().lineSpacing())  # rows do not jump
        self._source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        header = QHBoxLayout()
        header.setContentsMargins(0, 4, RIGHT_GUTTER, 4)
        header.setSpacing(0)
        header.addWidget(self._title, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self._source, 1)

        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self._rows_box.setSpacing(0)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(self._rows_box)
        content_layout.addStretch(1)
        self._scroll = QScrollArea(self)
        self._scroll.setWidget(content)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its rows take the focus
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The scroll bar lives in the right gutter, outside the rows, so it never narrows the strip.
        self._scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self._scrollbar.setFixedWidth(RIGHT_GUTTER)
        policy = self._scrollbar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self._scrollbar.setSizePolicy(policy)
        inner = self._scroll.verticalScrollBar()
        inner.rangeChanged.connect(self._on_scroll_range_changed)
        inner.valueChanged.connect(self._scrollbar.setValue)
        inner.valueChanged.connect(self._on_scrolled)
        self._scrollbar.valueChanged.connect(inner.setValue)
        self._on_scroll_range_changed(inner.minimum(), inner.maximum())
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self._scroll, 1)
        body.addWidget(self._scrollbar)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self.setMinimumHeight(ROW_HEIGHT * 2)

        state = session.state
        follow(self, state.events.x_range, self._on_x_range_changed)
        follow(self, state.events.language, self._on_language_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self._build(session.dataset)

    def show_source(self, indicator_id: str | None) -> None:
        """Shows where ``indicator_id``'s figures come from (None: the hint to click one)."""
        self._current = indicator_id
        for row in self._rows:
            row.set_current(row.indicator.id == indicator_id)
        self._show_source_text()

    # -- building --------------------------------------------------------------------------

    def _build(self, ds: Dataset) -> None:
        """One row per indicator, grouped by measure, branches in the dataset's order."""
        for row in self._rows:
            self._rows_box.removeWidget(row)
            row.hide()
            row.deleteLater()
        while self._rows_box.count():  # the gaps between groups
            self._rows_box.takeAt(0)
        self._rows = []
        branch_order = {b.id: i for i, b in enumerate(ds.branches)}
        groups: dict[str, list[Indicator]] = defaultdict(list)
        for ind in ds.indicators:
            groups[ind.measure].append(ind)
        for index, members in enumerate(groups.values()):
            if index:
                self._rows_box.addSpacing(_GROUP_GAP)
            for ind in sorted(members, key=lambda i: branch_order[i.branch]):
                row = _IndicatorRow(ind, ds.branch_by_id[ind.branch].color)
                row.activated.connect(self.show_source)
                row.stepped.connect(self._on_row_stepped)
                self._rows_box.addWidget(row)
                row.show()  # now, not on the next event loop turn
                self._rows.append(row)
        self._follow_x_range()
        self._current = None
        if self._rows:
            self._make_tab_stop(self._rows[0])
        self._retranslate()

    def _make_tab_stop(self, row: _IndicatorRow) -> None:
        """One row at a time is reached by Tab (a roving tab stop); ↑/↓ move among the rows."""
        for other in self._rows:
            other.setFocusPolicy(Qt.FocusPolicy.StrongFocus if other is row else Qt.FocusPolicy.ClickFocus)

    def _on_row_stepped(self, step: int) -> None:
        index = self._rows.index(self.sender()) + step
        if 0 <= index < len(self._rows):
            row = self._rows[index]
            self._make_tab_stop(row)
            self._scroll.ensureWidgetVisible(row, 0, 0)
            row.setFocus(Qt.FocusReason.TabFocusReason)

    def _retranslate(self) -> None:
        """Re-sets every string of the panel in the current language."""
        lang, ds = self._session.state.language, self._session.dataset
        self._title.setText(tr("indicators.title", lang))
        self.setAccessibleName(tr("indicators.title", lang))
        self._source.setAccessibleName(tr("detail.source", lang))
        for row in self._rows:
            row.retranslate(ds.branch_by_id[row.indicator.branch].name.get(lang), lang)
        self._show_source_text()

    def _show_source_text(self) -> None:
        lang, ds = self._session.state.language, self._session.dataset
        row = next((r for r in self._rows if r.indicator.id == self._current), None)
        if row is None:
            self._source.setText(tr("indicators.hint", lang))
            return
        ind = row.indicator
        cited = join_clauses([tr("sep.dot", lang).join(citation_parts(source, paragraphs, ds, lang))
                              for source, paragraphs in group_citations(ind.sources)], lang)
        self._source.setText(tr("indicators.source", lang, label=ind.label.get(lang),
                                branch=ds.branch_by_id[ind.branch].name.get(lang), source=cited))

    # -- handlers --------------------------------------------------------------------------

    def _follow_x_range(self) -> None:
        """Moves the strips that can be seen; the others catch up when scrolled into view.

        Only the visible rows cost anything while the timeline zooms or animates.
        """
        x_range = self._session.state.x_range
        for row in self._rows:
            if not row.visibleRegion().isEmpty():
                row.set_x_range(x_range)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._follow_x_range()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._follow_x_range()

    def _on_x_range_changed(self, _: tuple[float, float]) -> None:
        self._follow_x_range()

    def _on_scrolled(self, _: int) -> None:
        self._follow_x_range()

    def _on_scroll_range_changed(self, low: int, high: int) -> None:
        inner = self._scroll.verticalScrollBar()
        self._scrollbar.setRange(low, high)
        self._scrollbar.setPageStep(inner.pageStep())
        self._scrollbar.setSingleStep(inner.singleStep())
        self._scrollbar.setVisible(high > low)

    def _on_language_changed(self, _: str) -> None:
        self._retranslate()

    def _on_dataset_changed(self, ds: Dataset) -> None:
        self._build(ds)

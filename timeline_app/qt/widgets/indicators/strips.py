"""The indicator rows as one painted widget on the timeline's time axis: a single scene, so a
change of the visible range costs one repaint of the rows in view, however many there are.

One Tab stop: ↑/↓ (and Page Up/Down, Home/End) move the current row, Space or Enter shows its
source (the registry's keys of this view); a click does both. A row's tooltip and the
accessible description give every figure.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QToolTip, QWidget

from ....dataset.records import Dataset
from ....i18n import tr
from ....viewmodel.indicators import MeasureRow, measure_rows
from ....viewmodel.session import Session
from ....viewmodel.state import Filter
from ...actions import install_view
from ...model_signals import follow
from ...colors import Theme
from ..gutters import LEFT_GUTTER, RIGHT_GUTTER
from ..tooltips import plain_tooltip
from .painter import IndicatorPainter, RowLayout, row_words

__all__ = ["IndicatorStrips"]

class IndicatorStrips(QWidget):
    """``activated(measure)``: the user chose a row (click, Space, Enter)."""

    activated = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.rows: list[MeasureRow] = []
        self.layouts: list[RowLayout] = []
        self.current: str | None = None
        self.chosen = False  # the current row was chosen (clicked, Space, Enter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)
        # The scroll bar lives in the right gutter, outside the strip, so it never narrows the axis.
        self.scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.scrollbar.setFixedWidth(RIGHT_GUTTER)
        self.scrollbar.valueChanged.connect(self._on_scrolled)
        follow(self, session.state.events.x_range, self._on_x_range_changed)
        follow(self, session.state.events.language, self._on_language_changed)
        follow(self, session.state.events.filter, self._on_filter_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self._painter = IndicatorPainter(self.font(), Theme.of(self, session.dataset))
        self._build(session.dataset)
        install_view("indicators", self)

    # -- rows ------------------------------------------------------------------------------

    def _build(self, ds: Dataset) -> None:
        """The rows of the branches shown, each as tall as its tracks and its name need."""
        state = self._session.state
        self._hidden = state.filter.hidden_branches
        self.rows = measure_rows(ds, self._hidden)
        top, self.layouts = 0.0, []
        for row in self.rows:
            height = self._painter.row_height(row, state.language, LEFT_GUTTER)
            self.layouts.append(RowLayout(row, top, height))
            top += height
        if self.current not in {r.measure for r in self.rows}:
            self.current = self.rows[0].measure if self.rows else None
        self._update_scroll_range()
        self._describe()
        self.update()

    @property
    def content_height(self) -> float:
        return self.layouts[-1].top + self.layouts[-1].height if self.layouts else 0.0

    def layout_at(self, y: float) -> RowLayout | None:
        """The row under ``y`` (widget coordinates)."""
        y += self.scrollbar.value()
        return next((l for l in self.layouts if l.top <= y < l.top + l.height), None)

    def row_rect(self, measure: str) -> QRectF:
        layout = next(l for l in self.layouts if l.row.measure == measure)
        return QRectF(0, layout.top - self.scrollbar.value(), self.width(), layout.height)

    def set_current(self, measure: str, activate: bool = False) -> None:
        self.current = measure
        rect = self.row_rect(measure)
        if rect.top() < 0:
            self.scrollbar.setValue(self.scrollbar.value() + int(rect.top()))
        elif rect.bottom() > self.height():
            self.scrollbar.setValue(self.scrollbar.value() + int(rect.bottom() - self.height()) + 1)
        self._describe()
        self.update()
        if activate:
            self._activate()

    def _activate(self) -> None:
        self.chosen = True
        self.update()
        self.activated.emit(self.current)

    def _branch_name(self, branch_id: str) -> str:
        return self._session.dataset.branch_by_id[branch_id].name.get(self._session.state.language)

    def words(self, measure: str) -> str:
        row = next(r for r in self.rows if r.measure == measure)
        return "\n".join(row_words(row, self._branch_name, self._session.state.language))

    def _describe(self) -> None:
        """Screen readers hear the current row's every figure, and how to use the rows."""
        lang = self._session.state.language
        self.setAccessibleName(tr("indicators.title", lang))
        hint = tr("indicators.row_desc", lang)
        self.setAccessibleDescription(f"{self.words(self.current)}\n{hint}" if self.current else hint)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, _) -> None:
        offset = self.scrollbar.value()
        visible = [RowLayout(l.row, l.top - offset, l.height) for l in self.layouts
                   if l.top + l.height > offset and l.top < offset + self.height()]
        painter = QPainter(self)
        try:
            # The current row stands out while the keyboard is here, or once chosen (its source shown).
            current = self.current if self.hasFocus() or self.chosen else None
            self._painter.paint(painter, visible, self.width(), LEFT_GUTTER, RIGHT_GUTTER,
                                self._session.state.x_range, self._session.state.language, current, self.hasFocus())
        finally:
            painter.end()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and hasattr(self, "_painter"):
            self._restyle()

    def _restyle(self) -> None:
        """New colours or a new font: the rows are laid out again (a name may need more lines)."""
        theme = Theme.of(self, self._session.dataset)
        self._painter = IndicatorPainter(self.font(), theme)
        self._build(self._session.dataset)

    # -- scrolling -------------------------------------------------------------------------

    def _update_scroll_range(self) -> None:
        spare = int(self.content_height - self.height())
        self.scrollbar.setRange(0, max(spare, 0))
        self.scrollbar.setPageStep(max(self.height(), 1))
        self.scrollbar.setSingleStep(int(self.layouts[0].height) if self.layouts else 20)
        self.scrollbar.setVisible(spare > 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scrollbar.setGeometry(self.width() - RIGHT_GUTTER, 0, RIGHT_GUTTER, self.height())
        self._update_scroll_range()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.scrollbar.setValue(self.scrollbar.value() - event.angleDelta().y() // 3)
        event.accept()

    # -- input -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        layout = self.layout_at(event.position().y())
        if event.button() == Qt.MouseButton.LeftButton and layout is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.set_current(layout.row.measure, activate=True)
            event.accept()
            return
        super().mousePressEvent(event)

    # What the view's commands do (viewmodel.commands.IndicatorRowsTarget).

    def move_current(self, step: int) -> None:
        """Makes the row ``step`` rows below (above, if negative) the current one current."""
        measures = [r.measure for r in self.rows]
        if measures:
            k = measures.index(self.current) if self.current in measures else 0
            self.set_current(measures[min(max(k + step, 0), len(measures) - 1)])

    def move_page(self, pages: int) -> None:
        self.move_current(pages * max(int(self.height() // 40), 1))

    def move_to_end(self, last: bool) -> None:
        self.move_current(len(self.rows) if last else -len(self.rows))

    def activate_current(self) -> None:
        if self.current:
            self._activate()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            layout = self.layout_at(event.pos().y())
            if layout is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), plain_tooltip(self.words(layout.row.measure)), self,
                                  self.row_rect(layout.row.measure).toRect())
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- handlers --------------------------------------------------------------------------

    def _on_x_range_changed(self, _) -> None:
        self.update()

    def _on_scrolled(self, _: int) -> None:
        self.update()

    def _on_language_changed(self, _: str) -> None:
        self._build(self._session.dataset)  # the names take as many lines as the language needs

    def _on_filter_changed(self, f: Filter) -> None:
        """A branch hidden or shown again: its tracks go or come back."""
        if f.hidden_branches != self._hidden:
            self._build(self._session.dataset)

    def _on_dataset_changed(self, _: Dataset) -> None:
        self._restyle()

"""The indicator rows of an exported page: under the timeline and on its time axis, one row per
measure of the branches the page shows, drawn by the indicator panel's own painter (a hollow dot
for an uncertain year, ``25万+`` for "more than", a bar for a count over a period), each
measure's name and unit written in full in the lane headers' column, since paper has no tooltip.

The rows take at most a share of the page; those that do not fit are counted in a line, so that
the timeline keeps its room and the reader knows what a taller page would list.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from ...dataset.units import UNITS
from ...i18n import tr
from ...viewmodel.frame import TimelineFrame
from ...viewmodel.indicators import MeasureRow, measure_rows
from ...viewmodel.session import Session
from ..colors import Theme
from ..widgets.indicators.painter import GUTTER_PADDING, ROW_PADDING, TRACK_HEIGHT, IndicatorPainter, RowLayout

__all__ = ["BAND_SHARE", "IndicatorBand", "shown_rows"]

BAND_SHARE = 0.45  # of the room under the legend, at most, for the indicator rows
_BAR_INSET = 6.0  # a branch's colour bar, this far left of the strip (as in the panel)
_LINE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)


def shown_rows(session: Session) -> list[MeasureRow]:
    """The measure rows with the tracks of the branches the filter shows, as the panel has them."""
    return measure_rows(session.dataset, session.state.filter.hidden_branches)


class _PageRowsPainter(IndicatorPainter):
    """The panel's painter, with each row's name and unit in full in the headers' column, and
    only the texts that meet ``view`` (left and right, band px): a poster's sheet holds the
    names and values it shows, not all of them hidden by its clip."""

    def __init__(self, font: QFont, theme: Theme):
        super().__init__(font, theme)
        self.view = (-math.inf, math.inf)

    def labels(self, track, strip, px, lang: str):
        left, right = self.view
        return [label for label in super().labels(track, strip, px, lang) if label.left < right and label.right > left]

    def name(self, row: MeasureRow, lang: str) -> str:
        return tr("indicators.label_unit", lang, label=row.label(lang), unit=UNITS[row.unit].get(lang))

    def name_box(self, top: float, gutter: float, height: float) -> QRectF:
        return QRectF(GUTTER_PADDING, top + ROW_PADDING, gutter - _BAR_INSET - 2 * GUTTER_PADDING,
                      height - 2 * ROW_PADDING)

    def row_height(self, row: MeasureRow, lang: str, gutter: float) -> float:
        """Room for the row's tracks and for its name in full, wrapped in the column."""
        box = self.name_box(0, gutter, 1e6)
        name = self.metrics.boundingRect(QRectF(0, 0, box.width(), 1e6), _WRAP, self.name(row, lang)).height()
        return max(len(row.tracks) * TRACK_HEIGHT, name) + 2 * ROW_PADDING

    def _gutter(self, painter: QPainter, layout: RowLayout, gutter: float, lang: str) -> None:
        theme, row = self.theme, layout.row
        for k, track in enumerate(row.tracks):  # whose track is whose: the branch's colour
            y = layout.top + ROW_PADDING + k * TRACK_HEIGHT
            painter.fillRect(QRectF(gutter - _BAR_INSET, y + 2, 4, TRACK_HEIGHT - 4), theme.branch(track.branch))
        if self.view[0] >= gutter:  # a sheet right of the names
            return
        painter.setFont(self.font)
        painter.setPen(theme.text)
        painter.drawText(self.name_box(layout.top, gutter, layout.height), _WRAP, self.name(row, lang))


class IndicatorBand:
    """The rows laid out from ``top`` (page px) within ``room`` px of height: a heading with the
    symbols' key, the rows that fit, and the count of those left out. ``height`` is what it takes
    (0 when the page shows no indicator: then it draws nothing)."""

    def __init__(self, session: Session, font: QFont, theme: Theme, gutter: float, room: float):
        self.lang = lang = session.state.language
        self.painter = _PageRowsPainter(font, theme)
        self.heading_font = QFont(self.painter.bold)
        self.heading = tr("indicators.title", lang)
        self.key = tr("indicators.legend", lang)
        self.line = QFontMetricsF(self.painter.small).height() + 4
        self.top = 0.0
        self.layouts: list[RowLayout] = []
        self.left_out, self.height = 0, 0.0
        rows = shown_rows(session)
        y = self.line  # under the heading
        for number, row in enumerate(rows):
            height = self.painter.row_height(row, lang, gutter)
            more = self.line if number < len(rows) - 1 else 0.0  # the line that counts the rest
            if y + height + more > room:
                break
            self.layouts.append(RowLayout(row, y, height))
            y += height
        if not self.layouts:  # no indicator, or not even one row fits: no band, the timeline keeps the room
            return
        self.left_out = len(rows) - len(self.layouts)
        self.height = y + (self.line if self.left_out else 0.0)

    @property
    def note(self) -> str:
        return tr("export.more_indicators", self.lang, n=self.left_out) if self.left_out else ""

    def paint(self, painter: QPainter, frame: TimelineFrame, left: float, view: QRectF) -> None:
        """Draws the band at (``left``, ``top``) on ``frame``'s time axis; only the rows that meet
        ``view`` (page px), so that a poster's sheet holds the texts it shows."""
        if not self.layouts:
            return
        theme, small = self.painter.theme, self.painter.small
        painter.save()
        try:
            painter.translate(left, self.top)
            view = view.translated(-left, -self.top)
            self.painter.view = (view.left(), view.right())
            small_metrics = self.painter.small_metrics
            heading = QRectF(0, 0, frame.plot.left, self.line)
            key = QRectF(frame.plot.left, 0, small_metrics.horizontalAdvance(self.key) + 2, self.line)
            for box, text, font, pen in ((heading, self.heading, self.heading_font, theme.text),
                                         (key, self.key, small, theme.muted)):
                if view.intersects(box):
                    painter.setFont(font)
                    painter.setPen(pen)
                    painter.drawText(box, _LINE, text)
            rows = [layout for layout in self.layouts
                    if view.intersects(QRectF(0, layout.top, frame.width, layout.height))]
            self.painter.paint(painter, rows, frame.width, frame.plot.left, frame.width - frame.plot.right,
                               (frame.x0, frame.x1), self.lang)
            names_only = view.right() <= frame.plot.left  # a poster's repeated headers
            last = self.layouts[-1]
            note = QRectF(0, last.top + last.height, small_metrics.horizontalAdvance(self.note) + 2, self.line)
            if self.left_out and not names_only and view.intersects(note):
                painter.setFont(small)
                painter.setPen(theme.muted)
                painter.drawText(note, _LINE, self.note)
        finally:
            painter.restore()

"""Draws measure rows onto any QPainter: the panel's widget, an image, an SVG or a printer.

A row has a gutter (the measure's name and unit, a colour bar per branch) and a strip on the
shared time axis with one track per branch. On a track each figure is a dot (hollow where its
year is uncertain) with a stalk whose height gives its size on the row's one scale, a bar for a
count over a period, or an arrow ending at the bound of a figure known only to be "before" it.
Every figure's value is written beside it; a figure outside the visible range is written at the
strip's edge with an arrow, so the values stay readable at every zoom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from ....i18n import tr
from ....dataset.units import UNITS
from ....i18n.dates import describe
from ....viewmodel.indicators import Figure, MeasureRow, Track
from ....viewmodel.placement import LABEL_GAP
from ...colors import Theme

__all__ = ["GUTTER_PADDING", "ROW_PADDING", "TRACK_HEIGHT", "IndicatorPainter", "RowLayout", "ValueLabel", "axis",
           "row_words"]

TRACK_HEIGHT = 14.0
ROW_PADDING = 2.0  # above and below the tracks of a row
GUTTER_PADDING = 8.0
_BAR = 4.0  # a track's baseline bar for counts over a period
_DOT = 3.5
_BAR_INSET = 6.0  # a branch's colour bar, this far left of the strip
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_TOKENS = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+\\s*|\\s+")  # a Chinese character, or a word and its space


def _name_room(gutter: float) -> float:
    """How wide the gutter's text may be: up to a little before the branches' colour bars."""
    return gutter - _BAR_INSET - GUTTER_PADDING - 4


def _wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """``text`` in lines no wider than ``width``: broken between words, or between any two
    characters of Chinese; a word longer than a line has a line of its own."""
    lines, line = [], ""
    for token in _TOKENS.findall(text):
        if line and metrics.horizontalAdvance((line + token).rstrip()) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    return [*lines, line.rstrip()] if line.strip() else lines


def axis(strip: tuple[float, float], x_range: tuple[float, float]):
    """Days to px on the strip: the timeline's own mapping of the visible range."""
    left, right = strip
    x0, x1 = x_range
    scale = (right - left) / (x1 - x0)
    return lambda x: left + (x - x0) * scale


@dataclass(frozen=True, slots=True)
class RowLayout:
    """Where a row stands: its top in the painter's coordinates and its height."""

    row: MeasureRow
    top: float
    height: float


class IndicatorPainter:
    """Paints rows given the visible time range; holds only fonts and colours."""

    def __init__(self, font: QFont, theme: Theme):
        self.font = QFont(font)
        self.small = _smaller(font)
        self.bold = QFont(self.small)
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.small_metrics = QFontMetricsF(self.small)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.theme = theme

    def gutter_lines(self, row: MeasureRow, lang: str, gutter: float) -> list[str]:
        """The measure's name as the gutter writes it, wrapped to its width, then the unit on a line
        of its own; a one-track measure whose name fits beside its unit keeps one line."""
        name, unit, room = row.label(lang), UNITS[row.unit].get(lang), _name_room(gutter)
        if len(row.tracks) == 1 and self.metrics.horizontalAdvance(name) + self._unit_width(unit) <= room:
            return [name]
        return [*_wrap(name, self.metrics, room), unit]

    def row_height(self, row: MeasureRow, lang: str, gutter: float) -> float:
        """Room for the row's tracks and for its name in full."""
        lines = len(self.gutter_lines(row, lang, gutter))
        return max(len(row.tracks), lines) * TRACK_HEIGHT + 2 * ROW_PADDING

    def _unit_width(self, unit: str) -> float:
        return self.small_metrics.horizontalAdvance(unit) + 6

    def paint(self, painter: QPainter, layouts: list[RowLayout], width: float, gutter: float, right_gutter: float,
              x_range: tuple[float, float], lang: str, current: str | None = None, focused: bool = False) -> None:
        """Draws ``layouts`` into [0, width): the gutter, then the strip up to ``right_gutter`` from the end."""
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            strip = (gutter, width - right_gutter)
            for layout in layouts:
                self._row(painter, layout, width, strip, x_range, lang, layout.row.measure == current, focused)
        finally:
            painter.restore()

    # -- a row ------------------------------------------------------------------------------

    def _row(self, painter: QPainter, layout: RowLayout, width: float, strip: tuple[float, float],
             x_range: tuple[float, float], lang: str, current: bool, focused: bool) -> None:
        t, row, top = self.theme, layout.row, layout.top
        if current:
            painter.fillRect(QRectF(0, top, width, layout.height), t.current_row)
            if focused:
                painter.setPen(QPen(t.focus, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(1, top + 1, width - 2, layout.height - 2))
        painter.setPen(QPen(t.rule, 1))
        painter.drawLine(QPointF(0, top + layout.height - 0.5), QPointF(width, top + layout.height - 0.5))
        self._gutter(painter, layout, strip[0], lang)
        scale = row.top or 1.0
        for k, track in enumerate(row.tracks):
            y = top + ROW_PADDING + k * TRACK_HEIGHT
            self._track(painter, track, y, strip, x_range, scale, lang)

    def _gutter(self, painter: QPainter, layout: RowLayout, gutter: float, lang: str) -> None:
        t, row, top = self.theme, layout.row, layout.top
        bar_x = gutter - _BAR_INSET
        for k, track in enumerate(row.tracks):  # whose track is whose: the branch's colour
            y = top + ROW_PADDING + k * TRACK_HEIGHT
            painter.fillRect(QRectF(bar_x, y + 2, 4, TRACK_HEIGHT - 4), t.branch(track.branch))
        room = _name_room(gutter)
        *names, last = self.gutter_lines(row, lang, gutter)
        line = QRectF(GUTTER_PADDING, top + ROW_PADDING, room, TRACK_HEIGHT)
        painter.setFont(self.font)
        painter.setPen(t.text)
        if not names:  # the name alone, its unit at the right of its line
            painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, last)
            painter.setFont(self.small)
            painter.setPen(t.muted)
            painter.drawText(line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, UNITS[row.unit].get(lang))
            return
        for name in names:
            painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, name)
            line.translate(0, TRACK_HEIGHT)
        painter.setFont(self.small)
        painter.setPen(t.muted)
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, last)

    # -- a track ----------------------------------------------------------------------------

    def _track(self, painter: QPainter, track: Track, top: float, strip: tuple[float, float],
               x_range: tuple[float, float], scale: float, lang: str) -> None:
        t = self.theme
        left, right = strip
        px = axis(strip, x_range)
        color = t.branch(track.branch)
        base = top + TRACK_HEIGHT - 3  # the track's baseline; stalks rise from it
        painter.save()
        try:
            # Within any clip already set: a sheet of a printed poster.
            painter.setClipRect(QRectF(left, top, right - left, TRACK_HEIGHT), Qt.ClipOperation.IntersectClip)
            dated = [f for f in track.figures if not f.cumulative and not f.open_start]
            # Between two figures: not known. (Dots of 1.2 px cost five times as much to stroke.)
            painter.setPen(QPen(t.faint(color), 1.0, Qt.PenStyle.DotLine))
            for a, b in zip(dated, dated[1:]):
                segment = _within(px(a.x), self._y(a, base, scale), px(b.x), self._y(b, base, scale), left, right)
                if segment is not None:
                    painter.drawLine(*segment)
            for figure in track.figures:
                self._figure(painter, figure, px, base, scale, color)
        finally:
            painter.restore()
        self._labels(painter, track, top, strip, px, lang)

    @staticmethod
    def _y(figure: Figure, base: float, scale: float) -> float:
        return base - (TRACK_HEIGHT - 7) * float(figure.point.value) / scale

    def _figure(self, painter: QPainter, figure: Figure, px, base: float, scale: float, color: QColor) -> None:
        t = self.theme
        if figure.cumulative:  # a count over the period: a bar along it
            painter.fillRect(QRectF(px(figure.lo), base - _BAR / 2, px(figure.hi) - px(figure.lo), _BAR), color)
            return
        x, y = px(figure.x), self._y(figure, base, scale)
        if figure.open_start:  # "before …": an arrow that ends at the bound
            painter.setPen(QPen(color, 1.5))
            painter.drawLine(QPointF(x - 18, y), QPointF(x, y))
            painter.drawLine(QPointF(x - 18, y), QPointF(x - 13, y - 3))
            painter.drawLine(QPointF(x - 18, y), QPointF(x - 13, y + 3))
            return
        if px(figure.hi) - px(figure.lo) > 2 * _DOT + 2:  # the year or month the figure is for
            painter.fillRect(QRectF(px(figure.lo), base - 1, px(figure.hi) - px(figure.lo), 2), t.faint(color))
        painter.setPen(QPen(color, 1.5))
        painter.drawLine(QPointF(x, base), QPointF(x, y))  # the stalk: its size on the row's scale
        uncertain = figure.point.date.uncertain or figure.point.date.approximate
        painter.setBrush(t.base if uncertain else color)
        painter.drawEllipse(QPointF(x, y), _DOT, _DOT)

    def _labels(self, painter: QPainter, track: Track, top: float, strip: tuple[float, float], px, lang: str) -> None:
        t = self.theme
        for label in self.labels(track, strip, px, lang):
            rect = QRectF(label.left, top, label.right - label.left, TRACK_HEIGHT - 4)
            painter.setFont(self.small)
            painter.setPen(t.text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label.text)
            if label.change:
                painter.setFont(self.bold)
                painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label.change)

    def labels(self, track: Track, strip: tuple[float, float], px, lang: str) -> list[ValueLabel]:
        """Each figure's value beside it and the change after the last; a figure out of view is
        written at the strip's edge with its date and an arrow. Labels that would come closer than
        a gap to another are left out (the row's tooltip has every figure)."""
        left, right = strip
        change, _ = track.change(lang)
        result: list[ValueLabel] = []
        figures = list(track.figures)
        for index, figure in enumerate(figures):
            text = figure.value_text(lang)
            extra = change if change and index == len(figures) - 1 else ""
            x = px(figure.x)
            if x < left or x > right:
                when = describe(figure.point.date, lang)
                text = f"◀ {when} {text}" if x < left else f"{when} {text} ▶"
            width = self.small_metrics.horizontalAdvance(text) + (self.bold_metrics.horizontalAdvance(extra) + 6 if extra else 0)
            if x < left:
                start = left + 2
            elif x > right:
                start = right - width - 2
            elif x + 6 + width <= right:
                start = x + 6
            else:
                start = x - 6 - width
            start = min(max(start, left + 2), right - width - 2)
            if any(start < other.right + LABEL_GAP and start + width + LABEL_GAP > other.left for other in result):
                continue
            result.append(ValueLabel(figure, text, extra, start, start + width))
        return result


@dataclass(frozen=True, slots=True)
class ValueLabel:
    figure: Figure
    text: str  # the value (with its date and an arrow when the figure is out of view)
    change: str  # after the last figure: the change over the track
    left: float
    right: float


def row_words(row: MeasureRow, branch_name, lang: str) -> list[str]:
    """Every figure of a row in words, for its tooltip and screen readers."""
    lines = [row.label(lang), tr("indicators.unit", lang, unit=UNITS[row.unit].get(lang))]
    for track in row.tracks:
        figures = "; ".join(f.words(lang) for f in track.figures)
        _, change = track.change(lang)
        lines.append(f"{branch_name(track.branch)}: {figures}" + (f" ({change})" if change else ""))
        if track.indicator.note:
            lines.append(track.indicator.note.get(lang))
    return lines


def _within(x0: float, y0: float, x1: float, y1: float, left: float, right: float) -> tuple[QPointF, QPointF] | None:
    """The part between ``left`` and ``right`` of a segment with ``x0 <= x1``. A dotted line is
    stroked along its whole length, clipped or not, and zoomed in to a week the decade's line
    is hundreds of thousands of px long."""
    if x1 < left or x0 > right:
        return None
    if x1 == x0:
        return QPointF(x0, y0), QPointF(x1, y1)
    slope = (y1 - y0) / (x1 - x0)
    a, b = max(x0, left), min(x1, right)
    return QPointF(a, y0 + (a - x0) * slope), QPointF(b, y0 + (b - x0) * slope)


def _smaller(font: QFont) -> QFont:
    """``font`` at 85 %: a widget's font is sized in points, an exported page's in pixels."""
    small = QFont(font)
    if font.pixelSize() > 0:
        small.setPixelSize(max(round(font.pixelSize() * 0.85), 1))
    else:
        small.setPointSizeF(font.pointSizeF() * 0.85)
    return small

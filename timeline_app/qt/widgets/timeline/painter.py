"""The timeline's one painter: draws a :class:`~timeline_app.viewmodel.frame.TimelineFrame` onto any
``QPainter`` — the widget, a ``QImage`` at any device pixel ratio, ``QSvgGenerator``,
``QPdfWriter``, a ``QPrinter``.

Everything is drawn in the frame's logical pixels with pixel-sized fonts, so a page at 300 dpi
is the screen's layout scaled (set the painter's transform), not laid out again; text stays
text (``QStaticText`` is drawn as glyph runs on screen and as text in SVG and PDF), and
markers are paths. The fonts that draw the text also measure it for the frame
(:class:`TimelineFonts`), so the layout and the picture agree.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QStaticText

from ....viewmodel.frame import TimelineFrame
from ....viewmodel.shapes import Bar, Color, Text, TextStyle
from ...fonts import BUNDLED_FAMILY
from ...theme import Theme
from ..markers import draw_marker

__all__ = ["TimelineFonts", "TimelinePainter", "draw_date_style"]

# Each style's size relative to the labels' (the axis and captions a little smaller, badges small).
_SIZES = {TextStyle.LABEL: 1.0, TextStyle.BADGE: 0.82, TextStyle.HEADER: 1.0, TextStyle.SMALL: 0.86,
          TextStyle.TICK: 0.95, TextStyle.MAJOR_TICK: 0.95, TextStyle.CAPTION: 0.95}
_BOLD = {TextStyle.HEADER, TextStyle.MAJOR_TICK}
_DASHES = {"": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine, "dot": Qt.PenStyle.DotLine}


class TimelineFonts:
    """The timeline's fonts, ``label_px`` logical pixels for titles and in proportion for the rest
    (never under ``min_px``), with the bundled CJK face first; and text measured in them.

    Pixel-sized, so a font is as large against the frame on a 1200 dpi PDF as on the screen.
    """

    def __init__(self, base: QFont, label_px: float, min_px: float = 0.0):
        self.label_px, self.min_px = label_px, min_px
        self._fonts: dict[str, QFont] = {}
        self._metrics: dict[str, QFontMetricsF] = {}
        for style, factor in _SIZES.items():
            font = QFont(base)
            font.setFamilies([BUNDLED_FAMILY, *base.families()])
            font.setPixelSize(max(round(label_px * factor), math.ceil(min_px), 1))
            font.setBold(style in _BOLD)
            self._fonts[style], self._metrics[style] = font, QFontMetricsF(font)
        self._widths: dict[tuple[str, str], float] = {}

    def font(self, style: str) -> QFont:
        return self._fonts[style]

    def width(self, text: str, style: str) -> float:
        key = (text, style)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 20_000:
                self._widths.clear()
            width = self._widths[key] = self._metrics[style].horizontalAdvance(text)
        return width

    def elide(self, text: str, style: str, width: float) -> str:
        return self._metrics[style].elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0.0))

    def height(self, style: str) -> float:
        return self._metrics[style].height()

    def cap_height(self, style: str) -> float:
        return self._metrics[style].capHeight()


class TimelinePainter:
    """Draws frames with one set of fonts; text laid out once and kept (``QStaticText``)."""

    MAX_TEXTS = 4000

    def __init__(self, fonts: TimelineFonts):
        self.fonts = fonts
        self._texts: OrderedDict[tuple[str, str], QStaticText] = OrderedDict()

    def paint(self, painter: QPainter, frame: TimelineFrame, theme: Theme) -> None:
        """Draws the whole frame; the selection last, over everything else."""
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            for fill in frame.fills:
                painter.fillRect(_rect(fill.box), self._color(theme, fill.color))
            for line in frame.lines:
                painter.setPen(QPen(self._color(theme, line.color), line.width, _DASHES[line.dash]))
                painter.drawLine(QLineF(line.x1, line.y1, line.x2, line.y2))
            for bar in frame.bars:
                self._bar(painter, theme, bar)
            labels = [label for label in frame.labels if not label.selected]
            painter.setPen(QPen(theme.leader, 1.2))
            painter.drawLines([_line(label.leader) for label in labels if label.leader is not None])
            for label in labels:
                self._text(painter, theme, label.text)
            for marker in frame.markers:
                if not marker.selected:
                    draw_marker(painter, marker.symbol, QPointF(marker.x, marker.y), marker.radius * 2,
                                theme.category(marker.category), marker.hollow)
            painter.setPen(QPen(theme.badge_border, 1))
            painter.setBrush(QBrush(theme.base))
            for badge in frame.badges:
                painter.drawRoundedRect(_rect(badge.box).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
            for text in frame.texts:
                self._text(painter, theme, text)
            self._selection(painter, frame, theme)
        finally:
            painter.restore()

    def paint_legend(self, painter: QPainter, placed, theme: Theme) -> None:
        """The legend's entries (:func:`timeline_app.viewmodel.legend.place_legend`): each marker
        and date style drawn as the frame draws it, beside its words."""
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for item in placed:
                entry, box = item.entry, _rect(item.swatch)
                color = theme.category(entry.category) if entry.category else theme.text
                if entry.kind == "marker":
                    draw_marker(painter, entry.symbol, box.center(), round(box.width() * 0.85), color)
                else:
                    draw_date_style(painter, entry.kind, color, box)
                self._text(painter, theme, item.text)
        finally:
            painter.restore()

    def _selection(self, painter: QPainter, frame: TimelineFrame, theme: Theme) -> None:
        for label in frame.labels:
            if label.selected:
                if label.leader is not None:
                    painter.setPen(QPen(theme.focus, 2))
                    painter.drawLine(_line(label.leader))
                painter.fillRect(_rect(label.text.box).adjusted(-3, -1, 3, 1), theme.highlight)
                self._text(painter, theme, label.text, theme.highlighted_text)
        for marker in frame.markers:
            if marker.selected:
                center = QPointF(marker.x, marker.y)
                painter.setPen(QPen(theme.focus, 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(center, marker.radius + 4, marker.radius + 4)
                draw_marker(painter, marker.symbol, center, marker.radius * 2, theme.category(marker.category),
                            marker.hollow)

    def _bar(self, painter: QPainter, theme: Theme, bar: Bar) -> None:
        color = QColor(theme.category(bar.category))
        color.setAlphaF(0.4 if bar.kind == "bar" else 0.25)
        rect = _rect(bar.box)
        painter.fillRect(rect, color)
        if bar.ends:  # the ends of the month or year
            painter.setPen(QPen(color.darker(150), 1))
            for x in (rect.left(), rect.right()):
                painter.drawLine(QLineF(x, rect.top() - 2, x, rect.bottom() + 2))

    def _text(self, painter: QPainter, theme: Theme, text: Text, color: QColor | None = None) -> None:
        static = self._static(text.text, text.style)
        size = static.size()
        box = text.box
        if text.align == "center":
            x = box.left + (box.width - size.width()) / 2
        elif text.align == "right":
            x = box.right - size.width()
        else:
            x = box.left
        painter.setFont(self.fonts.font(text.style))
        painter.setPen(color if color is not None else self._color(theme, text.color))
        painter.drawStaticText(QPointF(x, box.top + (box.height - size.height()) / 2), static)

    def _static(self, text: str, style: str) -> QStaticText:
        key = (text, style)
        static = self._texts.get(key)
        if static is not None:
            self._texts.move_to_end(key)
            return static
        static = self._texts[key] = QStaticText(text)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        static.prepare(font=self.fonts.font(style))
        if len(self._texts) > self.MAX_TEXTS:
            self._texts.popitem(last=False)
        return static

    @staticmethod
    def _color(theme: Theme, role: Color) -> QColor:
        kind, *key = role
        if kind == "tint":
            return theme.lane_tint(key[0] or None)
        if kind == "branch":
            return theme.branch(key[0])
        if kind == "branch_text":
            return theme.branch_text(key[0])
        if kind == "anniversary":
            return theme.faint(theme.branch(key[0]))
        if kind == "era":
            return theme.era_fill(key[0] or None)
        return getattr(theme, kind)


def draw_date_style(painter: QPainter, kind: str, color: QColor, box: QRectF) -> None:
    """The legend's swatch of a way of drawing a date ("point", "bar", "span", "undated"), drawn
    as the timeline draws it."""
    c = box.center()
    faint = QColor(color)
    painter.setPen(QPen(color.darker(140), 1))
    if kind == "point":
        painter.setBrush(QBrush(color))
        painter.drawEllipse(c, 4, 4)
    elif kind in ("bar", "span"):
        faint.setAlphaF(0.4 if kind == "bar" else 0.25)
        height = 10 if kind == "bar" else 5
        painter.fillRect(QRectF(box.left(), c.y() - height / 2, box.width(), height), faint)
        if kind == "bar":
            for x in (box.left(), box.right()):
                painter.drawLine(QLineF(x, c.y() - height / 2 - 2, x, c.y() + height / 2 + 2))
            painter.setBrush(QBrush(color))
            painter.drawEllipse(c, 3, 3)
    else:
        faint.setAlphaF(0.12)
        painter.fillRect(QRectF(box.left(), c.y() - 6, box.width(), 12), faint)
        painter.setBrush(Qt.BrushStyle.NoBrush)  # hollow, as in the strip
        painter.drawEllipse(c, 4, 4)


def _rect(box) -> QRectF:
    return QRectF(box.left, box.top, box.width, box.height)


def _line(line) -> QLineF:
    return QLineF(line.x1, line.y1, line.x2, line.y2)

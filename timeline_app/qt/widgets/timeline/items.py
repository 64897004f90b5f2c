"""The timeline's two drawing items: the backdrop (lanes, eras, anniversaries) and the milestones.

Each implements ``paint()`` and ``boundingRect()`` only, reading a precomputed :class:`Frame`;
they draw in plot pixels (the ViewBox's y range is kept equal to its height), so text and
markers keep their size at every zoom.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import OrderedDict

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPixmap, QTransform

from ....i18n import tr
from ....viewmodel.lanes import DrawStyle
from ....viewmodel.placement import MARKER_GAP, badge_text
from ....viewmodel.session import Session
from ....viewmodel.timescale import day_of
from .frame import ERA_STRIP, MARKER_RADIUS, Frame, LabelCache, cluster_rect_size, label_y

__all__ = ["NEW_LABELS_PER_FRAME", "BackdropItem", "Colors", "MilestoneItem", "blend", "marker_path"]


class Colors:
    """The few colours the timeline needs, taken from the widget's palette (light, dark, contrast)."""

    def __init__(self, palette: QPalette, high_contrast: bool = False):
        self.text = palette.color(QPalette.ColorRole.WindowText)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.muted = QColor(self.text)
        self.muted.setAlphaF(1.0 if high_contrast else 0.62)
        self.rule = QColor(self.text)
        self.rule.setAlphaF(0.5 if high_contrast else 0.18)
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.tint_alpha = 0.0 if high_contrast else 0.07
        self.high_contrast = high_contrast


def blend(color: QColor, background: QColor, alpha: float) -> QColor:
    """``color`` laid over ``background`` at ``alpha``, as one opaque colour."""
    return QColor.fromRgbF(*(a * alpha + b * (1 - alpha) for a, b in zip(color.getRgbF()[:3], background.getRgbF()[:3])))


@functools.cache
def marker_path(symbol: str, size: float) -> QPainterPath:
    """The category's marker shape, centred on (0, 0), ``size`` px across."""
    return QTransform.fromScale(size, size).map(Symbols[symbol])


class _PixelItem(pg.GraphicsObject):
    """An item that draws in plot pixels over the frame's visible range."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.frame: Frame | None = None
        self.colors: Colors | None = None
        self._rect = QRectF()

    def set_frame(self, frame: Frame, colors: Colors) -> None:
        self.prepareGeometryChange()
        self.frame, self.colors = frame, colors
        self._rect = QRectF(frame.x0, 0, frame.x1 - frame.x0, frame.height)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, *_) -> None:
        if self.frame is None or self.frame.x1 <= self.frame.x0:
            return
        origin = painter.transform().map(QPointF(self.frame.x0, 0))
        painter.save()
        painter.resetTransform()
        painter.translate(origin)
        painter.setClipRect(QRectF(0, 0, self.frame.width, self.frame.height))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.draw(painter, self.frame)
        painter.restore()

    def draw(self, painter: QPainter, frame: Frame) -> None:
        raise NotImplementedError


class BackdropItem(_PixelItem):
    """Lane bands tinted with the branch colour, eras, undated periods and anniversaries."""

    def draw(self, painter: QPainter, frame: Frame) -> None:
        ds, lang, c = self.session.dataset, self.session.state.language, self.colors
        for layout in frame.lanes:
            g, branches = layout.geometry, layout.lane.branches
            # Opaque blends of the branch colour: as light as a translucent tint, far cheaper to fill.
            hue = QColor(ds.branch_by_id[branches[0]].color) if len(branches) == 1 else c.text
            tint = blend(hue, c.base, c.tint_alpha if len(branches) == 1 else c.tint_alpha / 2)
            painter.fillRect(QRectF(0, g.top, frame.width, g.height), tint)
            painter.setPen(QPen(c.rule, 1))
            painter.drawLine(QPointF(0, g.top + g.height), QPointF(frame.width, g.top + g.height))
            painter.drawLine(QPointF(0, g.marker_y), QPointF(frame.width, g.marker_y))
            self._draw_undated_periods(painter, frame, layout, blend(c.text, tint, 0.3 if c.high_contrast else 0.1))
            self._draw_anniversaries(painter, frame, layout, lang)
        self._draw_eras(painter, frame, lang)

    def _draw_undated_periods(self, painter: QPainter, frame: Frame, layout, band: QColor) -> None:
        g = layout.geometry
        painter.setPen(QPen(self.colors.muted, 1))
        for lo, hi in layout.lane.undated.periods:
            left, right = frame.px(lo), frame.px(hi)
            painter.fillRect(QRectF(left, g.undated_y - 9, right - left, 18), band)
            for x in (left, right):  # whisker ends: the period's limits
                painter.drawLine(QPointF(x, g.undated_y - 9), QPointF(x, g.undated_y + 9))

    def _draw_anniversaries(self, painter: QPainter, frame: Frame, layout, lang: str) -> None:
        founding = self.session.dataset.milestone_by_id.get(layout.lane.founding or "")
        if founding is None:
            return
        start, g = founding.date.earliest, layout.geometry
        color = QColor(self.session.dataset.branch_by_id[founding.branch].color)
        faint = QColor(color)
        faint.setAlphaF(0.45)
        pen = QPen(faint, 1, Qt.PenStyle.DashLine)
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        px_per_year = frame.width / (frame.x1 - frame.x0) * 365.25
        for n in range(1, 101):
            try:
                day = start.replace(year=start.year + n)
            except ValueError:  # 29 February
                day = dt.date(start.year + n, 3, 1)
            x = frame.px(day_of(day))
            if x > frame.width:
                break
            if x < 0:
                continue
            painter.setPen(pen)
            painter.drawLine(QPointF(x, g.top + 2), QPointF(x, g.marker_y))
            if n % 5 == 0 or px_per_year > 400:
                text = tr("timeline.anniversary", lang, n=n)
                width = painter.fontMetrics().horizontalAdvance(text)
                left = x + 3 if x + 3 + width <= frame.width else x - 3 - width  # stay inside
                painter.setPen(color)
                painter.drawText(QPointF(left, g.top + 12), text)

    def _draw_eras(self, painter: QPainter, frame: Frame, lang: str) -> None:
        for era in self.session.dataset.eras:
            lo, hi = era.date.earliest, era.date.latest
            left = frame.px(day_of(lo)) if lo else 0
            right = frame.px(day_of(hi) + 1) if hi else frame.width
            color = QColor(era.color or self.colors.text.name())
            painter.fillRect(QRectF(left, 0, right - left, ERA_STRIP), color)
            painter.setPen(QPen(self.colors.rule, 1, Qt.PenStyle.DotLine))
            for x in (left, right):  # the era's limits run down through the lanes
                painter.drawLine(QPointF(x, ERA_STRIP), QPointF(x, frame.height))
            painter.setPen(self.colors.muted)
            start = max(left, 0.0)  # an era begun before the view names itself at the view's edge
            room = max(min(right, frame.width) - start - 8, 0)
            name = painter.fontMetrics().elidedText(era.name.get(lang), Qt.TextElideMode.ElideRight, int(room))
            painter.drawText(QRectF(start + 4, 1, room, 16), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine, name)


NEW_LABELS_PER_FRAME = 12  # labels rendered per frame in motion; the rest follow a frame later


class _Sprites:
    """Markers, badges and labels rendered once into pixmaps; a frame then only blits them.

    Labels are many (one per milestone and language), so they are kept in a bounded LRU cache.
    """

    MAX_LABELS = 4000

    def __init__(self):
        self._cache: dict[tuple, QPixmap] = {}
        self._labels: OrderedDict[tuple, QPixmap] = OrderedDict()
        self.rendered = 0  # labels rendered so far: a frame's budget counts from here

    def clear(self) -> None:
        self._cache.clear()
        self._labels.clear()

    @staticmethod
    def _render(width: float, height: float, dpr: float, draw) -> QPixmap:
        pixmap = QPixmap(int(math.ceil(width * dpr)), int(math.ceil(height * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(p)
        p.end()
        return pixmap

    def marker(self, symbol: str, color: str, hollow: bool, base: QColor, dpr: float) -> QPixmap:
        key = ("m", symbol, color, hollow, dpr)
        pixmap = self._cache.get(key)
        if pixmap is None:
            size = MARKER_RADIUS * 2 + 4

            def draw(p: QPainter) -> None:
                fill = QColor(color)
                p.setPen(QPen(fill.darker(140), 1.5 if hollow else 1))
                p.setBrush(QBrush(base) if hollow else QBrush(fill))
                p.drawPath(marker_path(symbol, MARKER_RADIUS * 2).translated(size / 2, size / 2))

            pixmap = self._cache[key] = self._render(size, size, dpr, draw)
        return pixmap

    def badge(self, count: int, colors: Colors, font: QFont, dpr: float) -> QPixmap:
        key = ("b", count, dpr)
        pixmap = self._cache.get(key)
        if pixmap is None:
            rect = cluster_rect_size(count)

            def draw(p: QPainter) -> None:
                p.setPen(QPen(colors.muted, 1))
                p.setBrush(QBrush(colors.base))
                p.drawRoundedRect(QRectF(0.5, 0.5, rect[0] - 1, rect[1] - 1), 8, 8)
                p.setFont(font)
                p.setPen(colors.text)
                p.drawText(QRectF(0, 0, *rect), Qt.AlignmentFlag.AlignCenter, badge_text(count))

            pixmap = self._cache[key] = self._render(*rect, dpr, draw)
        return pixmap

    def label(self, text: str, width: float, height: float, colors: Colors, font: QFont, dpr: float,
              may_render: bool = True) -> QPixmap | None:
        """The label rendered once (it usually stays on screen for many frames of a zoom).

        None when it is not rendered yet and ``may_render`` is false: the frame's budget is spent.
        """
        key = (text, dpr)
        pixmap = self._labels.get(key)
        if pixmap is not None:
            self._labels.move_to_end(key)
            return pixmap
        if not may_render:
            return None

        def draw(p: QPainter) -> None:
            p.setFont(font)
            p.setPen(colors.text)
            p.drawText(QRectF(0, 0, width + 2, height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

        pixmap = self._labels[key] = self._render(width + 2, height, dpr, draw)
        self.rendered += 1
        if len(self._labels) > self.MAX_LABELS:
            self._labels.popitem(last=False)
        return pixmap


class MilestoneItem(_PixelItem):
    """Markers (shape and colour by category; drawn by how exactly the date is known), labels, badges."""

    def __init__(self, session: Session, labels: LabelCache, label_budget: int | None = NEW_LABELS_PER_FRAME):
        super().__init__(session)
        self.labels = labels
        self.label_budget = label_budget  # None: render every new label at once (screenshots)
        self._budget_end = 0
        self._deferred = False
        self.sprites = _Sprites()
        self._sprite_font = QFont(labels.font)

    def set_frame(self, frame: Frame, colors: Colors) -> None:
        if colors is not self.colors or self.labels.font != self._sprite_font:
            self.sprites.clear()
            self._sprite_font = QFont(self.labels.font)
        super().set_frame(frame, colors)

    def draw(self, painter: QPainter, frame: Frame) -> None:
        dpr = painter.device().devicePixelRatioF()
        budget = self.label_budget if self.label_budget is not None else 1 << 30
        self._budget_end = self.sprites.rendered + budget
        self._deferred = False
        for layout in frame.lanes:
            g = layout.geometry
            self._draw_part(painter, frame, layout.lane.dated, layout.dated, g, g.marker_y, g.badge_y, True, dpr)
            self._draw_part(painter, frame, layout.lane.undated, layout.undated, g, g.undated_y, g.undated_y, False, dpr)
        if self._deferred:  # labels left for the next pass: draw them as soon as the frame is out
            QTimer.singleShot(0, self, self.update)

    def _draw_part(self, painter, frame, items, part, g, marker_y, badge_y, rows: bool, dpr: float) -> None:
        ds, c, selection = self.session.dataset, self.colors, self.session.state.selection
        sprites, font = self.sprites, self.labels.font
        shown = [b.index for b in part.labels] + part.singles
        if rows:  # spans and month/year bars behind everything of their lane
            for index in shown:
                style = int(items.style[index])
                if style in (DrawStyle.BAR, DrawStyle.SPAN):
                    color = QColor(ds.category_by_id[items.category[index]].color)
                    color.setAlphaF(0.35 if style == DrawStyle.BAR else 0.22)
                    left, right = frame.px(float(items.lo[index])), frame.px(float(items.hi[index]))
                    height = 8 if style == DrawStyle.BAR else 5
                    painter.fillRect(QRectF(left, marker_y - height / 2, max(right - left, 2), height), color)
            painter.setPen(QPen(c.rule, 1))  # leaders from labels down to the marker line
            painter.drawLines([
                QLineF(b.anchor, label_y(g, b.row) + g.row_height - 4, b.anchor, marker_y - MARKER_RADIUS)
                for b in part.labels
            ])
        height = g.row_height - 4
        for box in part.labels:
            milestone_id = items.ids[box.index]
            text, width = self.labels.get(self.session, milestone_id)
            y = label_y(g, box.row) if rows else marker_y - 8
            left = box.left if box.flipped else box.anchor + MARKER_GAP
            if milestone_id != selection:
                sprite = sprites.label(text, width, height, c, font, dpr, may_render=sprites.rendered < self._budget_end)
                if sprite is None:
                    self._deferred = True
                    continue
                painter.drawPixmap(QPointF(left, y), sprite)
                continue
            painter.fillRect(QRectF(left - 3, y - 1, width + 7, g.row_height - 2), c.highlight)
            painter.setPen(self.palette_highlighted_text())
            painter.setFont(font)
            painter.drawText(QRectF(left, y, width + 2, height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        half = MARKER_RADIUS + 2
        sprite_of = {cat.id: sprites.marker(cat.marker, cat.color, not rows, c.base, dpr) for cat in ds.categories}
        xs = ((items.x[shown] - frame.x0) * (frame.width / (frame.x1 - frame.x0))).tolist() if shown else []
        moved, categories, top = part.moved, items.category, marker_y - half
        for index, x in zip(shown, xs):
            x = moved.get(index, x)
            if items.ids[index] == selection:
                painter.setPen(QPen(c.highlight, 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(x, marker_y), MARKER_RADIUS + 4, MARKER_RADIUS + 4)
            painter.drawPixmap(QPointF(x - half, top), sprite_of[categories[index]])
        badge, top = sprites.badge, badge_y - 8  # the badge rectangle of frame.cluster_rect, inlined
        for cluster in part.clusters:
            pixmap = badge(cluster.count, c, font, dpr)
            painter.drawPixmap(QPointF(cluster.center - pixmap.width() / (2 * dpr), top), pixmap)

    def palette_highlighted_text(self) -> QColor:
        return QColor("#ffffff") if self.colors.highlight.lightnessF() < 0.6 else QColor("#000000")

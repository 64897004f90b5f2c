"""The timeline's two drawing items: the backdrop (lanes, eras, anniversaries) and the milestones.

Each implements ``paint()`` and ``boundingRect()`` only, reading a precomputed :class:`Frame`;
they draw in plot pixels (the ViewBox's y range is kept equal to its height), so text and
markers keep their size at every zoom.
"""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from ....i18n import tr
from ....viewmodel.index import DrawStyle
from ....viewmodel.placement import MARKER_GAP
from ....viewmodel.session import Session
from ....viewmodel.timescale import day_of
from .frame import BADGE_HEIGHT, ERA_STRIP, MARKER_RADIUS, Frame, LabelCache
from ...colors import Theme
from .sprites import Sprites

__all__ = ["NEW_LABELS_PER_FRAME", "BackdropItem", "MilestoneItem"]


class _PixelItem(pg.GraphicsObject):
    """An item that draws in plot pixels over the frame's visible range."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.frame: Frame | None = None
        self.theme: Theme | None = None
        self._rect = QRectF()

    def set_frame(self, frame: Frame, theme: Theme) -> None:
        self.prepareGeometryChange()
        self.frame, self.theme = frame, theme
        self._rect = QRectF(frame.x0, 0, frame.x1 - frame.x0, frame.height)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, *_) -> None:
        if self.frame is None or self.frame.x1 <= self.frame.x0:
            return
        origin = painter.transform().map(QPointF(self.frame.x0, 0))
        painter.save()
        try:
            painter.resetTransform()
            painter.translate(origin)
            painter.setClipRect(QRectF(0, 0, self.frame.width, self.frame.height))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.draw(painter, self.frame)
        finally:  # an error while drawing must not leave the painter unbalanced
            painter.restore()

    def draw(self, painter: QPainter, frame: Frame) -> None:
        raise NotImplementedError


class BackdropItem(_PixelItem):
    """Lane bands tinted with the branch colour, eras, undated periods and anniversaries."""

    def draw(self, painter: QPainter, frame: Frame) -> None:
        lang, t = self.session.state.language, self.theme
        for layout in frame.lanes:
            g, branches = layout.geometry, layout.lane.branches
            # Opaque blends of the branch colour: as light as a translucent tint, far cheaper to fill.
            tint = t.lane_tint(branches[0] if len(branches) == 1 else None)
            painter.fillRect(QRectF(0, g.top, frame.width, g.height), tint)
            painter.setPen(QPen(t.rule, 1))
            painter.drawLine(QPointF(0, g.top + g.height), QPointF(frame.width, g.top + g.height))
            painter.drawLine(QPointF(0, g.marker_y), QPointF(frame.width, g.marker_y))
            self._draw_undated_periods(painter, frame, layout, t.band)
            self._draw_anniversaries(painter, frame, layout, lang)
        self._draw_outside_years(painter, frame)
        self._draw_eras(painter, frame, lang)

    def _draw_outside_years(self, painter: QPainter, frame: Frame) -> None:
        """Shades what lies outside the years the filter chose."""
        f = self.session.state.filter
        if f.date_from:
            right = min(frame.px(f.date_from.toordinal()), frame.width)
            if right > 0:
                painter.fillRect(QRectF(0, 0, right, frame.height), self.theme.outside)
        if f.date_to:
            left = max(frame.px(f.date_to.toordinal() + 1), 0.0)
            if left < frame.width:
                painter.fillRect(QRectF(left, 0, frame.width - left, frame.height), self.theme.outside)

    def _draw_undated_periods(self, painter: QPainter, frame: Frame, layout, band: QColor) -> None:
        g = layout.geometry
        painter.setPen(QPen(self.theme.muted, 1))
        for lo, hi, _, _ in layout.lane.undated.groups:
            left, right = frame.px(lo), frame.px(hi)
            painter.fillRect(QRectF(left, g.undated_y - 9, right - left, 18), band)
            for x in (left, right):  # whisker ends: the period's limits
                painter.drawLine(QPointF(x, g.undated_y - 9), QPointF(x, g.undated_y + 9))

    def _draw_anniversaries(self, painter: QPainter, frame: Frame, layout, lang: str) -> None:
        founding = self.session.dataset.milestone_by_id.get(layout.lane.founding or "")
        if founding is None or not layout.geometry.annotated:  # a compact lane has no room for them
            return
        start, g = founding.date.earliest, layout.geometry
        color = self.theme.branch_text(founding.branch)
        pen = QPen(self.theme.faint(self.theme.branch(founding.branch)), 1, Qt.PenStyle.DashLine)
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
            painter.fillRect(QRectF(left, 0, right - left, ERA_STRIP), self.theme.era_fill(era.color))
            painter.setPen(QPen(self.theme.rule, 1, Qt.PenStyle.DotLine))
            for x in (left, right):  # the era's limits run down through the lanes
                painter.drawLine(QPointF(x, ERA_STRIP), QPointF(x, frame.height))
            painter.setPen(self.theme.muted)
            start = max(left, 0.0)  # an era begun before the view names itself at the view's edge
            room = max(min(right, frame.width) - start - 8, 0)
            name = painter.fontMetrics().elidedText(era.name.get(lang), Qt.TextElideMode.ElideRight, int(room))
            painter.drawText(QRectF(start + 4, 1, room, 16), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine, name)


NEW_LABELS_PER_FRAME = 12  # labels rendered per frame in motion; the rest follow a frame later


class MilestoneItem(_PixelItem):
    """Markers (shape and colour by category; drawn by how exactly the date is known), labels, badges."""

    def __init__(self, session: Session, labels: LabelCache, label_budget: int | None = NEW_LABELS_PER_FRAME):
        super().__init__(session)
        self.labels = labels
        self.label_budget = label_budget  # None: render every new label at once (screenshots)
        self._budget_end = 0
        self._deferred = False
        self.sprites = Sprites()
        self._sprite_font = QFont(labels.font)

    def set_frame(self, frame: Frame, theme: Theme) -> None:
        if theme is not self.theme or self.labels.font != self._sprite_font:
            self.sprites.clear()
            self._sprite_font = QFont(self.labels.font)
        super().set_frame(frame, theme)

    def draw(self, painter: QPainter, frame: Frame) -> None:
        dpr = painter.device().devicePixelRatioF()
        budget = self.label_budget if self.label_budget is not None else 1 << 30
        self._budget_end = self.sprites.rendered + budget
        self._deferred = False
        for layout in frame.lanes:
            self._draw_dated(painter, frame, layout, dpr)
            self._draw_strip(painter, layout, dpr)
        if self._deferred:  # labels left for the next pass: draw them as soon as the frame is out
            QTimer.singleShot(0, self, self.update)

    def _draw_dated(self, painter: QPainter, frame: Frame, layout, dpr: float) -> None:
        categories, t, selection = self.session.dataset.categories, self.theme, self.session.state.selection
        g, items, part = layout.geometry, layout.lane.dated, layout.dated
        shown = [b.index for b in part.labels] + part.singles
        xs = ((items.x[shown] - frame.x0) * (frame.width / (frame.x1 - frame.x0))).tolist() if shown else []
        # Spans and month/year bars behind everything of their lane: a month or year is drawn as
        # the whole span it covers, so at close zoom it never reads as its middle day.
        for index in shown:
            style = int(items.style[index])
            if style in (DrawStyle.BAR, DrawStyle.SPAN):
                color = QColor(t.category(categories[int(items.category[index])].id))
                color.setAlphaF(0.4 if style == DrawStyle.BAR else 0.25)
                left, right = frame.px(float(items.lo[index])), frame.px(float(items.hi[index]))
                height = 10 if style == DrawStyle.BAR else 5
                rect = QRectF(left, g.marker_y - height / 2, max(right - left, 2), height)
                painter.fillRect(rect, color)
                if style == DrawStyle.BAR and right - left > MARKER_RADIUS * 2:
                    painter.setPen(QPen(color.darker(150), 1))
                    for x in (left, right):  # the ends of the month or year
                        painter.drawLine(QPointF(x, rect.top() - 2), QPointF(x, rect.bottom() + 2))
        painter.setPen(QPen(t.rule, 1))  # leaders from labels down to the marker line
        painter.drawLines([QLineF(b.anchor, g.label_y(b.row) + g.row_height - 4, b.anchor, g.marker_y - MARKER_RADIUS)
                           for b in part.labels])
        for box in part.labels:
            self._draw_label(painter, str(items.ids[box.index]), box.left if box.flipped else box.anchor + MARKER_GAP,
                             g.label_y(box.row), g.row_height, selection, dpr)
        self._draw_markers(painter, g.marker_y, shown, xs, items, False, selection, dpr)
        self._draw_badges(painter, part.clusters, g.marker_y, dpr)

    def _draw_strip(self, painter: QPainter, layout, dpr: float) -> None:
        g, items, strip = layout.geometry, layout.lane.undated, layout.strip
        selection = self.session.state.selection
        for box in strip.boxes if g.strip_labels else ():
            self._draw_label(painter, str(items.ids[box.index]), box.left, g.undated_y - g.row_height / 2 + 2,
                             g.row_height, selection, dpr)
        indices = [b.index for b in strip.boxes]
        self._draw_markers(painter, g.undated_y, indices, [b.marker for b in strip.boxes], items, True, selection, dpr)
        self._draw_badges(painter, strip.clusters, g.undated_y, dpr)

    def _draw_label(self, painter: QPainter, milestone_id: str, left: float, top: float, row_height: float,
                    selection: str | None, dpr: float) -> None:
        t, sprites, font = self.theme, self.sprites, self.labels.font
        text, width = self.labels.get(self.session, milestone_id)
        height = row_height - 4
        if milestone_id != selection:
            sprite = sprites.label(text, width, height, t.text, font, dpr, may_render=sprites.rendered < self._budget_end)
            if sprite is None:
                self._deferred = True
                return
            painter.drawPixmap(QPointF(left, top), sprite)
            return
        painter.fillRect(QRectF(left - 3, top - 1, width + 7, row_height - 2), t.highlight)
        painter.setPen(t.highlighted_text)
        painter.setFont(font)
        painter.drawText(QRectF(left, top, width + 2, height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _draw_markers(self, painter: QPainter, y: float, indices: list[int], xs: list[float], items, hollow: bool,
                      selection: str | None, dpr: float) -> None:
        t, half = self.theme, MARKER_RADIUS + 2
        # Hollow markers (a date not stated) show the strip through them: no fill at all.
        sprite_of = [self.sprites.marker(cat.marker, t.category(cat.id), hollow, None, dpr)
                     for cat in self.session.dataset.categories]
        codes, ids = items.category, items.ids
        for index, x in zip(indices, xs):
            if ids[index] == selection:
                painter.setPen(QPen(t.focus, 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(x, y), MARKER_RADIUS + 4, MARKER_RADIUS + 4)
            painter.drawPixmap(QPointF(x - half, y - half), sprite_of[codes[index]])

    def _draw_badges(self, painter: QPainter, clusters, y: float, dpr: float) -> None:
        t, font = self.theme, self.labels.font
        for cluster in clusters:
            pixmap = self.sprites.badge(cluster.count, t.badge_border, t.base, t.text, font, dpr)
            painter.drawPixmap(QPointF(cluster.center - pixmap.width() / (2 * dpr), y - BADGE_HEIGHT / 2), pixmap)

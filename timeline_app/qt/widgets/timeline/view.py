"""The dual-branch timeline widget: lanes, labels, time axis, and the gestures that drive it.

Gestures (wheel, drag, click, touch) are turned into calls on the window's :class:`Navigator`;
its keys are the window's actions (:mod:`timeline_app.qt.actions`). The widget then follows the
ViewState like every other view, so keys, touch, a tour or a test share one path. What fingers
mean (tap, swipe with inertia, pinch, two-finger tap) is decided without Qt, in
:mod:`timeline_app.viewmodel.gestures`; this widget only passes their positions on.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QEventPoint, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy

from ....i18n import tr
from ....viewmodel.clock import Clock, MonotonicClock
from ....viewmodel.gestures import TouchGestures
from ....viewmodel.lanes import MIDDLE
from ....viewmodel.navigator import Navigator
from ....viewmodel.timescale import range_caption, ticks
from ...bindings import follow
from ...painting import painting
from ...fonts import BUNDLED_FAMILY
from ..metrics import LEFT_GUTTER, RIGHT_GUTTER
from .axis import TimeAxis
from .frame import Frame, LabelCache, compute_frame, lanes_room, max_label_px
from ...theme import Theme
from .accessibility import TimelineAccessibility, install_factory
from .items import NEW_LABELS_PER_FRAME, BackdropItem, MilestoneItem

__all__ = ["TimelineView"]

WHEEL_STEP = 0.8  # visible width per wheel notch (zoom in)
FINGER = 14.0  # px: a tap this near a marker, label or badge takes it (a fingertip is not a pointer)
GLIDE_FRAME_MS = 16
_TOUCH = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
# Where a tap looks for something to take, nearest first: the point, then two rings around it.
_FINGER_OFFSETS = [(0.0, 0.0)] + [(r * math.cos(a * math.pi / 4), r * math.sin(a * math.pi / 4))
                                  for r in (FINGER / 2, FINGER) for a in range(8)]


class _TimelineViewBox(pg.ViewBox):
    """A ViewBox whose gestures go to the view, instead of changing its own range."""

    def __init__(self, view: TimelineView):
        super().__init__(enableMouse=False, invertY=True, enableMenu=False, defaultPadding=0.0)
        self.view = view

    def wheelEvent(self, ev, axis=None):
        delta = ev.delta()
        if delta:
            self.view.zoom_at(WHEEL_STEP ** (delta / 120), ev.pos().x())
        ev.accept()

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        self.view.pan_pixels(ev.pos().x() - ev.lastPos().x())

    def mouseClickEvent(self, ev):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        if ev.double():
            self.view.zoom_at(0.5, ev.pos().x(), animate=True)
        else:
            self.view.click_at(ev.pos())


class _LaneHeaders(pg.GraphicsWidget):
    """Branch names beside their lanes, and the caption of each "date not stated" strip."""

    def __init__(self, view: TimelineView):
        super().__init__()
        self.view = view
        self.setMinimumWidth(LEFT_GUTTER)
        self.setMaximumWidth(LEFT_GUTTER)
        self._key: tuple | None = None
        self._pixmap = QPixmap()

    def paint(self, painter: QPainter, *_):
        """Blits the headers, drawn again only when lanes, language, focus or palette change
        (zooming and panning, the common case, change none of them)."""
        frame, session = self.view.frame, self.view.session
        if frame is None:
            return
        dpr = painter.device().devicePixelRatioF()
        key = (
            tuple((l.lane.id, l.geometry, len(l.lane.undated) > 0) for l in frame.lanes),
            session.state.language, session.state.lane, self.view.focus_shown(),
            id(self.view.theme), self.view.font().key(), dpr, frame.height,
        )
        if key != self._key:
            self._key, self._pixmap = key, self._render(frame, dpr)
        painter.drawPixmap(QPointF(0, 0), self._pixmap)

    def _render(self, frame, dpr: float) -> QPixmap:
        pixmap = QPixmap(int(LEFT_GUTTER * dpr), int(math.ceil(frame.height * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        with painting(pixmap) as painter:
            self._draw(painter, frame)
        return pixmap

    def _draw(self, painter: QPainter, frame) -> None:
        session, lang, theme = self.view.session, self.view.session.state.language, self.view.theme
        bold = QFont(self.view.font())
        bold.setBold(True)
        small = QFont(self.view.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        for layout in frame.lanes:
            g, lane = layout.geometry, layout.lane
            if lane.id == MIDDLE:
                name, color = tr("timeline.alliance_band", lang), theme.text
            else:
                name, color = session.dataset.branch_by_id[lane.id].name.get(lang), theme.branch(lane.id)
            painter.fillRect(QRectF(0, g.top + 6, 5, g.height - 12), color)
            if lane.id == session.state.lane and self.view.focus_shown():  # where the keys act
                painter.fillRect(QRectF(6, g.top + 4, LEFT_GUTTER - 8, g.height - 8), theme.current_row)
                painter.fillRect(QRectF(6, g.top + 6, 3, g.height - 12), theme.focus)
            painter.setFont(bold)
            painter.setPen(theme.text)
            if g.annotated:  # the name above the strip's caption
                room = QRectF(14, g.top + 6, LEFT_GUTTER - 20, g.marker_y - g.top)
            else:  # a compact lane: the name alone, centred on it
                room = QRectF(14, g.top + 2, LEFT_GUTTER - 20, g.height - 4)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
            if painter.fontMetrics().boundingRect(room.toRect(), flags, name).height() > room.height():
                # wrapped, it would be cut off (large type, a low lane): one line, elided
                flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                name = painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, int(room.width()))
            painter.drawText(room, flags, name)
            if len(lane.undated) and g.annotated:
                painter.setFont(small)
                painter.setPen(theme.muted)
                painter.drawText(QRectF(14, g.undated_y - 9, LEFT_GUTTER - 20, 18),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, tr("timeline.undated", lang))


class TimelineView(pg.GraphicsLayoutWidget):
    """The zoomable timeline of ``navigator.session``.

    ``members_requested(ids, global_pos)`` asks the window to offer a badge's members to choose
    from, where zooming cannot part them (same day, or the undated strip).
    """

    members_requested = Signal(list, QPointF)

    def __init__(self, navigator: Navigator, parent=None, progressive: bool = True, clock: Clock | None = None):
        """``clock`` times touch gestures and glides (tests pass one they move themselves)."""
        install_factory()
        super().__init__(parent)
        self.navigator = navigator
        self.session = session = navigator.session
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 200)
        self.ci.layout.setContentsMargins(0, 0, RIGHT_GUTTER, 0)  # ends where the sparklines end
        self.ci.layout.setSpacing(0)
        self.shows_focus = True
        self.labels = LabelCache(self._label_font())
        self.frame: Frame | None = None
        self._closed = False

        self.headers = _LaneHeaders(self)
        self.viewbox = _TimelineViewBox(self)
        self.axis = TimeAxis(self)
        self.addItem(self.headers, row=0, col=0)
        self.addItem(self.viewbox, row=0, col=1)
        self.addItem(self.axis, row=1, col=1)
        self.backdrop = BackdropItem(session)
        # In motion, only a few new labels are rendered per frame (the rest a frame later);
        # a still picture (a screenshot) renders them all at once.
        self.milestones = MilestoneItem(session, self.labels, NEW_LABELS_PER_FRAME if progressive else None)
        self.viewbox.addItem(self.backdrop, ignoreBounds=True)
        self.viewbox.addItem(self.milestones, ignoreBounds=True)
        self.viewbox.sigResized.connect(self._on_resized)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.touch = TouchGestures(navigator, clock or MonotonicClock(), self.viewbox.width, self.tap_at)
        self.glide_timer = QTimer(self)
        self.glide_timer.setInterval(GLIDE_FRAME_MS)
        self.glide_timer.timeout.connect(self.advance_glide)

        events = session.state.events
        self._unfollow = [
            follow(self, events.x_range, self._on_range_changed),
            follow(self, events.selection, self._on_selection_changed),
            follow(self, events.language, self._on_language_changed),
            follow(self, events.lane, self._on_lane_changed),
            follow(self, events.filter, self._on_filter_changed),
            follow(self, session.matches_changed, self._on_matches_changed),
            follow(self, session.dataset_changed, self._on_dataset_changed),
        ]
        self._apply_palette()
        self._retranslate()
        self._on_range_changed(session.state.x_range)
        self.accessibility = TimelineAccessibility(self)

    # -- gestures -> navigator -------------------------------------------------------------

    def _px_to_x(self, px: float) -> float:
        x0, x1 = self.session.state.x_range
        return x0 + px * (x1 - x0) / max(self.viewbox.width(), 1.0)

    def zoom_at(self, factor: float, px: float, animate: bool = False) -> None:
        """Zooms by ``factor`` keeping the time under ``px`` (plot pixels) where it is."""
        anchor = self._px_to_x(px)
        if animate:
            x0, x1 = self.session.state.x_range
            self.navigator.go((anchor - (anchor - x0) * factor, anchor + (x1 - anchor) * factor))
        else:
            self.navigator.zoom(factor, anchor)

    def pan_pixels(self, dx: float) -> None:
        """Drags the timeline by ``dx`` pixels (content follows the pointer)."""
        self.navigator.pan(self._px_to_x(0) - self._px_to_x(dx))

    def click_at(self, pos: QPointF) -> None:
        """Selects the milestone under ``pos``, opens a badge, or clears the selection.

        A badge zooms in on its members; where zooming cannot part them (they share a day, or
        they are undated) the window is asked to offer them as a list to choose from.
        """
        if self.frame is None:
            return
        hit = self.frame.hit(pos)
        if hit.milestone is not None:
            self.navigator.select(hit.milestone, reveal=False)
        elif hit.cluster is None:
            self.navigator.select(None)
        elif hit.in_strip or hit.cluster.hi - hit.cluster.lo <= 2:
            global_pos = self.mapToGlobal(self.mapFromScene(self.viewbox.mapToScene(pos)))
            self.members_requested.emit(self.frame.cluster_members(hit), QPointF(global_pos))
        else:
            self.navigator.show_span(hit.cluster.lo, hit.cluster.hi)

    # -- touch -> gestures -> navigator -----------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() in _TOUCH:
            self._on_touch(event)
            return True  # handled: no mouse events are made up from it
        return super().viewportEvent(event)

    def _on_touch(self, event) -> None:
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            self.touch.cancel()
            return
        down = {p.id(): None if p.state() == QEventPoint.State.Stationary else self._plot_point(p)
                for p in event.points() if p.state() != QEventPoint.State.Released}
        if kind == QEvent.Type.TouchBegin:
            self.stop_glide()
            self.touch.press({k: v for k, v in down.items() if v is not None})
        elif kind == QEvent.Type.TouchUpdate:
            self.touch.move(down)
        elif self.touch.release():
            self.glide_timer.start()
        event.accept()

    def _plot_point(self, point: QEventPoint) -> tuple[float, float]:
        p = self.viewbox.mapFromScene(self.mapToScene(point.position().toPoint()))
        return p.x(), p.y()

    def tap_at(self, x: float, y: float) -> None:
        """A tap: the nearest milestone or badge within a fingertip is taken, else the point's."""
        if self.frame is None:
            return
        for dx, dy in _FINGER_OFFSETS:
            pos = QPointF(x + dx, y + dy)
            hit = self.frame.hit(pos)
            if hit.milestone is not None or hit.cluster is not None:
                self.click_at(pos)
                return
        self.click_at(QPointF(x, y))

    def advance_glide(self) -> None:
        """One frame of a swipe's glide (the glide timer's slot)."""
        if not self.touch.step():
            self.glide_timer.stop()

    def stop_glide(self) -> None:
        self.touch.stop()
        self.glide_timer.stop()

    # -- state -> drawing ------------------------------------------------------------------

    def _on_range_changed(self, r) -> None:
        x0, x1 = r
        self.viewbox.setXRange(x0, x1, padding=0)
        lang, width = self.session.state.language, max(self.viewbox.width(), 1.0)
        marks = ticks(x0, x1, width, lang)
        self.axis.set_ticks(marks, range_caption(x0, x1, lang), x0, x1)
        self.refresh()

    def _on_resized(self) -> None:
        self.viewbox.setYRange(0, self.viewbox.height(), padding=0)
        self._on_range_changed(self.session.state.x_range)

    def _on_selection_changed(self, _) -> None:
        self.refresh()

    def _on_lane_changed(self, _) -> None:
        self.headers.update()

    def _on_filter_changed(self, _) -> None:
        self.backdrop.update()  # the years outside the filter's range are shaded

    def _on_language_changed(self, _) -> None:
        self._retranslate()
        self._on_range_changed(self.session.state.x_range)

    def _retranslate(self) -> None:
        lang = self.session.state.language
        self.setAccessibleName(tr("timeline.name", lang))
        self.setAccessibleDescription(tr("timeline.desc", lang))

    def _on_matches_changed(self) -> None:
        self.labels.forget_lanes()  # new lanes: the old width arrays would only pile up
        self.refresh()

    def _on_dataset_changed(self, _) -> None:
        self.labels.clear()
        self._apply_palette()  # the new dataset's colours

    def paintEvent(self, event) -> None:
        """The timeline draws its focus: a frame round the plot while the keys act on it."""
        super().paintEvent(event)
        if self.focus_shown() and not self._closed:
            painter = QPainter(self.viewport())
            try:
                painter.setPen(QPen(self.theme.focus, 2))
                painter.drawRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))
            finally:
                painter.end()

    def focus_shown(self) -> bool:
        """Whether to draw where the keyboard is: while focused, unless ``shows_focus`` is off
        (a kiosk, where nobody uses a keyboard)."""
        return self.shows_focus and self.hasFocus()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._show_focus()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._show_focus()

    def _show_focus(self) -> None:
        if not self._closed:
            self.viewport().update()
            self.headers.update()

    def height_wanted(self) -> int:
        """The widget's height at which no lane has to be compact (see :mod:`timeline_app.viewmodel.geometry`)."""
        return int(self.height() - self.viewbox.height() + lanes_room(self.session))

    def refresh(self) -> None:
        """Recomputes the frame (layout of every lane) and redraws."""
        width, height = self.viewbox.width(), self.viewbox.height()
        if width <= 1 or height <= 1:
            return
        self.labels.set_max_width(max_label_px(width))
        self.frame = compute_frame(self.session, width, height, self.labels)
        self.backdrop.set_frame(self.frame, self.theme)
        self.milestones.set_frame(self.frame, self.theme)
        self.headers.update()

    def close(self) -> bool:
        """pyqtgraph clears the scene on close: stop following the state before it does."""
        for unfollow in self._unfollow:
            unfollow()
        self.stop_glide()
        self._closed = True  # before the scene goes: focus and paint events may still come
        return super().close()

    # -- look ------------------------------------------------------------------------------

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # Qt sends changes while the base class is built, and after close() cleared the scene.
        live = hasattr(self, "milestones") and not self._closed
        if live and event.type() in (event.Type.PaletteChange, event.Type.FontChange):
            self._apply_palette()

    def _apply_palette(self) -> None:
        self.theme = Theme.of(self, self.session.dataset)
        self.setBackground(self.theme.base)
        self.axis.clear_cache()
        self.labels.clear(self._label_font())
        self.refresh()

    def _label_font(self) -> QFont:
        """Labels use the bundled CJK font first (its Latin is Noto Sans): the same look on every
        machine, and CJK titles shaped without a per-glyph fallback search."""
        font = QFont(self.font())
        font.setFamilies([BUNDLED_FAMILY, *font.families()])
        font.setPointSizeF(font.pointSizeF() * 0.95)
        return font

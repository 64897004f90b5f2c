"""The dual-branch timeline widget: lanes, labels, time axis, and the gestures that drive it.

It draws nothing itself: each change of the view state makes a new frame
(:func:`timeline_app.viewmodel.frame.compute_frame`, Qt-free), which the one timeline painter
draws, here as anywhere else (an image, an SVG, a PDF). Gestures (wheel, drag, click, touch) are
turned into calls on the window's :class:`Navigator`; its keys are the window's actions
(:mod:`timeline_app.qt.actions`). The widget then follows the ViewState like every other view,
so keys, touch, a tour or a test share one path. What fingers mean (tap, swipe with inertia,
pinch, two-finger tap) is decided without Qt, in :mod:`timeline_app.viewmodel.gestures`; hit
tests ask the frame, which answers from the geometry it hands the painter.
"""

from __future__ import annotations

import weakref
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QEventPoint, QFontInfo, QPainter
from PySide6.QtWidgets import QSizePolicy
from shiboken6 import Shiboken

from ....i18n import tr
from ....viewmodel.clock import Clock, MonotonicClock
from ....viewmodel.frame import LabelTexts, Snapshot, TimelineFrame, compute_frame, lanes_room
from ....viewmodel.gestures import TouchGestures
from ....viewmodel.navigator import Navigator
from ...model_signals import follow
from ...colors import Theme
from .painter import TimelineFonts, TimelinePainter
from .accessibility import TimelineAccessibility, install_factory

__all__ = ["TimelineView"]

WHEEL_STEP = 0.8  # visible width per wheel notch (zoom in)
FINGER = 14.0  # px: a tap this near a marker, label or badge takes it (a fingertip is not a pointer)
GLIDE_FRAME_MS = 16
_TOUCH = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)


class _FrameItem(pg.GraphicsObject):
    """The canvas's one item: paints the view's frame with its painter, and hands the mouse to the
    view (wheel zooms, drag pans, click selects, double-click zooms in). It owns no drawing."""

    def __init__(self, view: TimelineView):
        super().__init__()
        self.view = view
        self._rect = QRectF()

    def set_size(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width, height)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, *_) -> None:
        frame = self.view.frame
        if frame is not None:
            self.view.painter.paint(painter, frame, self.view.theme)

    def wheelEvent(self, ev):
        delta = ev.delta()
        if delta:
            self.view.zoom_at(WHEEL_STEP ** (delta / 120), ev.pos().x())
        ev.accept()

    def mouseDragEvent(self, ev):
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


class _ViewportEvents(QObject):
    """Hands the viewport's touch and resize events to the view while it lives.

    A filter of its own, holding the view weakly, rather than Python overrides on the view: Qt
    still resizes and sends events to what is left of a view being destroyed, and a Python
    override called then crashed the process.
    """

    def __init__(self, view: TimelineView):
        super().__init__(view.viewport())
        self._view = weakref.ref(view)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event: QEvent) -> bool:
        view = self._view()
        if view is None or view._closed or not Shiboken.isValid(view):
            return False
        return view.on_viewport_event(event)


class TimelineView(pg.GraphicsView):
    """The zoomable timeline of ``navigator.session``.

    ``members_requested(ids, global_pos)`` asks the window to offer a badge's members to choose
    from, where zooming cannot part them (same day, or the undated strip). ``min_text_px`` keeps
    every text at least that many logical pixels high (the kiosk's, read from a step back).
    """

    members_requested = Signal(list, QPointF)

    def __init__(self, navigator: Navigator, parent=None, clock: Clock | None = None, min_text_px: float = 0.0):
        """``clock`` times touch gestures and glides (tests pass one they move themselves)."""
        install_factory()  # before the widget exists: its accessible interface is made as it is
        super().__init__(parent, background=None)
        self.navigator = navigator
        self.session = session = navigator.session
        self._reading = ""  # the file being read, while one is (see set_reading)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 200)
        self.shows_focus = True
        self.min_text_px = min_text_px
        self.frame: TimelineFrame | None = None
        self._closed = False
        self.fonts = self._make_fonts()
        self.painter = TimelinePainter(self.fonts)
        self.titles = LabelTexts(self.fonts)
        self.item = _FrameItem(self)
        self.addItem(self.item)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self._viewport_events = _ViewportEvents(self)
        self.touch = TouchGestures(navigator, clock or MonotonicClock(), self.plot_width, self.tap_at)
        self.glide_timer = QTimer(self)
        self.glide_timer.setInterval(GLIDE_FRAME_MS)
        self.glide_timer.timeout.connect(self.advance_glide)

        events = session.state.events
        self._unfollow = [
            follow(self, events.x_range, self._on_state_changed),
            follow(self, events.selection, self._on_state_changed),
            follow(self, events.language, self._on_language_changed),
            follow(self, events.lane, self._on_state_changed),
            follow(self, events.filter, self._on_state_changed),
            follow(self, session.matches_changed, self._on_matches_changed),
            follow(self, session.dataset_changed, self._on_dataset_changed),
        ]
        self._apply_palette()
        self._retranslate()
        self.accessibility = TimelineAccessibility(self)

    # -- geometry ------------------------------------------------------------------------------

    def plot_width(self) -> float:
        """Width in px of the part of the widget where time is drawn."""
        return self.frame.plot.width if self.frame is not None else max(self.width() - 196.0, 1.0)

    def map_to_widget(self, x: float, y: float) -> QPointF:
        """Where a point of the frame is in the widget (the frame is laid out in its pixels)."""
        return QPointF(self.mapFromScene(QPointF(x, y)))

    def _frame_point(self, widget_pos) -> tuple[float, float]:
        p = self.mapToScene(widget_pos.toPoint() if isinstance(widget_pos, QPointF) else widget_pos)
        return p.x(), p.y()

    # -- gestures -> navigator -------------------------------------------------------------

    def _px_to_x(self, px: float) -> float:
        x0, x1 = self.session.state.x_range
        return x0 + px * (x1 - x0) / max(self.plot_width(), 1.0)

    def zoom_at(self, factor: float, px: float, animate: bool = False) -> None:
        """Zooms by ``factor`` keeping the time under ``px`` (frame pixels) where it is."""
        anchor = self._px_to_x(px - self._plot_left())
        if animate:
            x0, x1 = self.session.state.x_range
            self.navigator.go((anchor - (anchor - x0) * factor, anchor + (x1 - anchor) * factor))
        else:
            self.navigator.zoom(factor, anchor)

    def _plot_left(self) -> float:
        return self.frame.plot.left if self.frame is not None else 0.0

    def pan_pixels(self, dx: float) -> None:
        """Drags the timeline by ``dx`` pixels (content follows the pointer)."""
        self.navigator.pan(self._px_to_x(0) - self._px_to_x(dx))

    def click_at(self, pos: QPointF, reach: float = 0.0) -> None:
        """Selects the milestone at ``pos`` (frame pixels), opens a badge, or clears the selection.

        A badge zooms in on its members; where zooming cannot part them (they share a day, or
        they are undated) the window is asked to offer them as a list to choose from.
        """
        if self.frame is None:
            return
        hit = self.frame.hit(pos.x(), pos.y(), reach)
        if hit.milestone is not None:
            self.navigator.select(hit.milestone, reveal=False)
        elif hit.badge is None:
            self.navigator.select(None)
        elif hit.badge.in_strip or hit.badge.hi - hit.badge.lo <= 2:
            global_pos = self.mapToGlobal(self.map_to_widget(pos.x(), pos.y()).toPoint())
            self.members_requested.emit(self.frame.badge_members(hit.badge), QPointF(global_pos))
        else:
            self.navigator.show_span(hit.badge.lo, hit.badge.hi)

    # -- touch -> gestures -> navigator -----------------------------------------------------

    def on_viewport_event(self, event: QEvent) -> bool:
        """Touch goes to the gestures (True: handled, no mouse events are made up from it); a new
        size makes a new frame."""
        if event.type() in _TOUCH:
            self._on_touch(event)
            return True
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and self.isVisible():
            self.refresh()  # (a window being destroyed hides first: its views are not drawn again)
        return False

    def _on_touch(self, event) -> None:
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            self.touch.cancel()
            return
        down = {p.id(): None if p.state() == QEventPoint.State.Stationary else self._touch_point(p)
                for p in event.points() if p.state() != QEventPoint.State.Released}
        if kind == QEvent.Type.TouchBegin:
            self.stop_glide()
            self.touch.press({k: v for k, v in down.items() if v is not None})
        elif kind == QEvent.Type.TouchUpdate:
            self.touch.move(down)
        elif self.touch.release():
            self.glide_timer.start()
        event.accept()

    def _touch_point(self, point: QEventPoint) -> tuple[float, float]:
        """Where a finger is, in plot x and frame y (from its screen position, which every touch
        event carries, wherever it was made)."""
        x, y = self._frame_point(self.viewport().mapFromGlobal(point.globalPosition()))
        return x - self._plot_left(), y

    def tap_at(self, x: float, y: float) -> None:
        """A tap at plot x, frame y: what is there, else the nearest within a fingertip."""
        self.click_at(QPointF(x + self._plot_left(), y), FINGER)

    def advance_glide(self) -> None:
        """One frame of a swipe's glide (the glide timer's slot)."""
        if not self.touch.step():
            self.glide_timer.stop()

    def stop_glide(self) -> None:
        self.touch.stop()
        self.glide_timer.stop()

    # -- state -> drawing ------------------------------------------------------------------

    def _on_state_changed(self, _=None) -> None:
        self.refresh()

    def _on_language_changed(self, _) -> None:
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        lang = self.session.state.language
        self.setAccessibleName(tr("timeline.name", lang))
        self.setAccessibleDescription(tr("timeline.desc", lang))

    def _on_matches_changed(self) -> None:
        self.titles.forget_lanes()  # new lanes: the old width arrays would only pile up
        self.refresh()

    def _on_dataset_changed(self, _) -> None:
        self.titles.reset()
        self._apply_palette()  # the new dataset's colours

    def focus_shown(self) -> bool:
        """Whether to draw where the keyboard is: while focused, unless ``shows_focus`` is off
        (a kiosk, where nobody uses a keyboard)."""
        return self.shows_focus and self.hasFocus()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.refresh()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.refresh()

    def height_wanted(self) -> int:
        """The widget's height at which no lane has to be compact (see :mod:`timeline_app.viewmodel.geometry`)."""
        return int(lanes_room(self.session, self.fonts.height("label") + 6))

    def snapshot(self) -> Snapshot:
        """What the widget shows now, at its size."""
        return Snapshot.of(self.session.state, float(self.width()), float(self.height()), self.focus_shown(),
                           self._reading)

    def set_reading(self, path) -> None:
        """The file being read (``None`` once it is read): an empty timeline names it meanwhile."""
        self._reading = Path(path).name if path is not None else ""
        self.refresh()

    def refresh(self) -> None:
        """Recomputes the frame (everything placed) and redraws."""
        if self._closed or not Shiboken.isValid(self) or self.width() <= 1 or self.height() <= 1:
            return
        self.frame = compute_frame(self.session, self.snapshot(), self.fonts, self.titles)
        self.item.set_size(self.width(), self.height())
        self.item.update()

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
        live = hasattr(self, "item") and not self._closed
        if live and event.type() in (event.Type.PaletteChange, event.Type.FontChange):
            self._apply_palette()

    def _apply_palette(self) -> None:
        self.theme = Theme.of(self, self.session.dataset)
        self.setBackground(self.theme.base)
        fonts = self._make_fonts()
        if fonts.label_px != self.fonts.label_px:
            self.fonts = fonts
            self.painter = TimelinePainter(fonts)
            self.titles.reset(measure=fonts)
        self.refresh()

    def _make_fonts(self) -> TimelineFonts:
        """Titles a little smaller than the widget's font, in pixels of the frame; the bundled CJK
        face first (its Latin is Noto Sans): the same look on every machine and on paper."""
        return TimelineFonts(self.font(), QFontInfo(self.font()).pixelSize() * 0.95, self.min_text_px)

"""Touch on the real timeline widget (QTest touch events from a touch screen), timed on a clock
the test moves: tap, swipe with inertia, pinch about the fingers' centre, two-finger tap, badges."""

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from timeline_app.dataset import bundled_dataset_path
from timeline_app.qt.fonts import install_fonts
from timeline_app.qt.widgets.timeline import TimelineView
from timeline_app.viewmodel import Navigator, Session
from timeline_app.viewmodel.clock import ManualClock
from touch import move, press, release, tap


@pytest.fixture
def view(qtbot):
    install_fonts(QApplication.instance())
    clock = ManualClock()
    v = TimelineView(Navigator(Session.open(bundled_dataset_path())), clock=clock)
    v.clock = clock
    qtbot.addWidget(v)
    v.resize(780, 600)  # inside the offscreen screen: touch points beyond it are dropped
    with qtbot.waitExposed(v):
        v.show()
    v.refresh()
    return v


def at(view, px: float, py: float) -> QPoint:
    """Frame pixels to the viewport's coordinates (where touch events land)."""
    return view.map_to_widget(px, py).toPoint()


def first_label(view):
    layout = view.frame.lanes[0]
    box = layout.dated.labels[0]
    g = layout.geometry
    return str(layout.lane.dated.ids[box.index]), (box.left + box.right) / 2, g.label_y(box.row) + g.row_height / 2


def test_a_tap_selects_what_is_under_the_finger(view):
    milestone, px, py = first_label(view)
    tap(view.viewport(), at(view, px, py), view.clock)
    assert view.session.state.selection == milestone
    assert view.session.state.lane == view.session.lane_of(milestone)


def test_a_tap_a_little_beside_a_marker_still_takes_it(view):
    view.navigator.zoom(0.3)
    layout = view.frame.lanes[0]
    box = layout.dated.labels[0]
    tap(view.viewport(), at(view, box.anchor + 11, layout.geometry.marker_y + 8), view.clock)
    assert view.session.state.selection == str(layout.lane.dated.ids[box.index])


def test_a_tap_on_nothing_clears_the_selection(view):
    view.navigator.select("wushan-branch-plaque")
    g = view.frame.lanes[0].geometry
    tap(view.viewport(), at(view, 5, g.top + 2), view.clock)
    assert view.session.state.selection is None


def test_a_long_press_selects_nothing_and_moves_nothing(view, qtbot):
    milestone, px, py = first_label(view)
    before = view.session.state.x_range
    press(view.viewport(), {0: at(view, px, py)})
    view.clock.advance(1.5)
    release(view.viewport(), {0: at(view, px, py)})
    assert view.session.state.selection is None and view.session.state.x_range == before
    assert QApplication.activePopupWidget() is None


def test_a_swipe_pans_with_the_finger_keeps_gliding_then_stops(view):
    view.navigator.zoom(0.25)
    state, clock, viewport = view.session.state, view.clock, view.viewport()
    x0, x1 = state.x_range
    days_per_px = (x1 - x0) / view.plot_width()
    press(viewport, {0: at(view, 500, 100)})
    for k in range(1, 9):
        clock.advance(0.012)
        move(viewport, {0: at(view, 500 - 40 * k, 100)})
    released_at = state.x_range[0]
    assert released_at == pytest.approx(x0 + 320 * days_per_px, abs=days_per_px)
    release(viewport, {0: at(view, 180, 100)})
    assert view.glide_timer.isActive()  # the Qt driver runs the glide
    steps = []
    for _ in range(400):
        before = state.x_range[0]
        clock.advance(1 / 60)
        view.advance_glide()  # what the timer does on each frame
        steps.append(state.x_range[0] - before)
        if not view.glide_timer.isActive():
            break
    assert not view.glide_timer.isActive()  # it stopped
    assert state.x_range[0] > released_at + 100 * days_per_px  # and went well past the release
    moving = [s for s in steps if s > 0]
    assert moving[0] > moving[len(moving) // 2] > moving[-1]  # slowing down
    # the drawing followed: the axis shows the final range
    assert view.frame.x0 == pytest.approx(state.x_range[0])


def test_a_new_touch_stops_a_glide(view):
    view.navigator.zoom(0.25)
    clock, viewport = view.clock, view.viewport()
    press(viewport, {0: at(view, 500, 100)})
    for k in range(1, 6):
        clock.advance(0.01)
        move(viewport, {0: at(view, 500 - 50 * k, 100)})
    release(viewport, {0: at(view, 250, 100)})
    assert view.glide_timer.isActive()
    press(viewport, {0: at(view, 250, 100)})
    assert not view.glide_timer.isActive()
    release(viewport, {0: at(view, 250, 100)})


def test_pinch_zooms_about_the_fingers_centre(view):
    state, clock, viewport = view.session.state, view.clock, view.viewport()
    x0, x1 = state.x_range
    centre = 400.0
    under_centre = x0 + (centre - view.frame.plot.left) * (x1 - x0) / view.plot_width()
    press(viewport, {0: at(view, centre - 60, 120), 1: at(view, centre + 60, 120)})
    for k in range(1, 7):
        clock.advance(0.02)
        move(viewport, {0: at(view, centre - 60 - 30 * k, 120), 1: at(view, centre + 60 + 30 * k, 120)})
    release(viewport, {0: at(view, centre - 240, 120), 1: at(view, centre + 240, 120)})
    y0, y1 = state.x_range
    assert y1 - y0 == pytest.approx((x1 - x0) * 120 / 480, rel=0.02)  # fingers 4× apart: 4× closer in
    assert y0 + (centre - view.frame.plot.left) * (y1 - y0) / view.plot_width() == pytest.approx(under_centre, abs=(y1 - y0) / 200)
    assert state.selection is None


def test_a_two_finger_tap_shows_the_whole_decade(view):
    view.navigator.zoom(0.1)
    clock, viewport = view.clock, view.viewport()
    press(viewport, {0: at(view, 200, 120), 1: at(view, 450, 120)})
    clock.advance(0.1)
    release(viewport, {0: at(view, 200, 120), 1: at(view, 450, 120)})
    assert view.session.state.x_range == pytest.approx(view.session.full_range())


def test_a_tap_on_a_badge_of_undated_milestones_asks_for_its_members(view, qtbot):
    layout = next(l for l in view.frame.lanes if l.strip.clusters)
    cluster = layout.strip.clusters[0]
    with qtbot.waitSignal(view.members_requested) as signal:
        tap(view.viewport(), at(view, cluster.center, layout.geometry.undated_y), view.clock)
    ids, _ = signal.args
    assert len(ids) == cluster.count
    undated = set(layout.lane.undated.ids.tolist())
    assert set(ids) <= undated


def test_mouse_still_works_beside_touch(view):
    """Touch support leaves the mouse as it was: a click selects, a drag pans."""
    milestone, px, py = first_label(view)
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        point = QPointF(at(view, px, py))
        held = Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
        QApplication.sendEvent(view.viewport(), QMouseEvent(kind, point, QPointF(view.viewport().mapToGlobal(point)),
                                                            Qt.MouseButton.LeftButton, held, Qt.KeyboardModifier.NoModifier))
    assert view.session.state.selection == milestone

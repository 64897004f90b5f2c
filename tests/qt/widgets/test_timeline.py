"""The timeline widget driven as a user would: wheel, drag, clicks, keys; and label layout."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from timeline_app.dataset import bundled_dataset_path
from timeline_app.qt.actions import ActionSet
from timeline_app.qt.animator import RangeAnimator
from timeline_app.qt.fonts import install_fonts
from timeline_app.qt.widgets.timeline import TimelineView
from timeline_app.viewmodel import Navigator, Session
from timeline_app.viewmodel.lanes import MIDDLE
from frame_checks import assert_picture_reads_right, axis_caption, axis_ticks
from timeline_app.viewmodel.timescale import date_of, day_of

DATA = Path(__file__).parents[2] / "data"


class Target:
    """The little of a window the timeline's own keys act on."""

    def __init__(self, navigator):
        self.navigator = navigator
        self.details_shown = 0

    def show_detail(self):
        self.details_shown += 1

    def language(self):
        return self.navigator.state.language

    def theme(self):
        return "system"

    def watching(self):
        return False


def timeline(qtbot, animation_ms: int = 0) -> TimelineView:
    """A timeline with its window's parts: a Navigator, an animator, and the registry's keys."""
    install_fonts(QApplication.instance())
    navigator = Navigator(Session.open(bundled_dataset_path()))
    v = TimelineView(navigator)
    qtbot.addWidget(v)
    v.animator = RangeAnimator(navigator, animation_ms, v)
    v.target = Target(navigator)
    v.action_set = ActionSet(v.target, v)
    v.action_set.install_timeline(v)
    return v


def show(qtbot, v: TimelineView) -> None:
    """On screen and active: the timeline's keys are shortcuts, which need an active window."""
    with qtbot.waitActive(v):
        v.show()
        v.activateWindow()


@pytest.fixture
def view(qtbot):
    v = timeline(qtbot)
    v.resize(1400, 640)
    show(qtbot, v)
    v.refresh()
    return v


def viewport_point(view, px: float, py: float) -> QPoint:
    """A point of the frame (px, py in frame pixels) in viewport coordinates."""
    return view.map_to_widget(px, py).toPoint()


def wheel(view, px: float, notches: int) -> None:
    pos = QPointF(viewport_point(view, px, 50))
    event = QWheelEvent(pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def mouse(view, kind, point: QPoint, buttons=Qt.MouseButton.LeftButton) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else buttons
    event = QMouseEvent(kind, QPointF(point), QPointF(view.viewport().mapToGlobal(point)), button, held,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def click(view, point: QPoint) -> None:
    mouse(view, QEvent.Type.MouseButtonPress, point)
    mouse(view, QEvent.Type.MouseButtonRelease, point)


def test_wheel_zooms_about_the_cursor(view):
    state = view.session.state
    x0, x1 = state.x_range
    px = view.frame.plot.left + view.plot_width() * 0.25
    under_cursor = x0 + (x1 - x0) * 0.25
    wheel(view, px, 2)
    y0, y1 = state.x_range
    assert y1 - y0 == pytest.approx((x1 - x0) * 0.8 ** 2, rel=1e-6)
    assert y0 + (y1 - y0) * 0.25 == pytest.approx(under_cursor, abs=0.5)
    wheel(view, px, -2)
    assert state.x_range[1] - state.x_range[0] == pytest.approx(x1 - x0, rel=1e-6)


def test_zoom_is_bounded(view):
    state, session = view.session.state, view.session
    for _ in range(80):
        wheel(view, 300, 5)
    assert state.x_range[1] - state.x_range[0] == pytest.approx(1.0)  # never below a day
    for _ in range(80):
        wheel(view, 300, -5)
    assert state.x_range == pytest.approx(session.full_range())  # never past the data with margins


def test_drag_pans_with_the_pointer(view, qtbot):
    state = view.session.state
    view.navigator.zoom(0.25)
    x0, x1 = state.x_range
    days_per_px = (x1 - x0) / view.plot_width()
    start = viewport_point(view, 700, 300)
    mouse(view, QEvent.Type.MouseButtonPress, start)
    for dx in (10, 60, 120, 200):
        mouse(view, QEvent.Type.MouseMove, start + QPoint(dx, 0))
    mouse(view, QEvent.Type.MouseButtonRelease, start + QPoint(200, 0))
    assert state.x_range[0] == pytest.approx(x0 - 200 * days_per_px, rel=1e-4)
    assert state.x_range[1] - state.x_range[0] == pytest.approx(x1 - x0)


def test_double_click_zooms_in(view):
    state = view.session.state
    width = state.x_range[1] - state.x_range[0]
    point = viewport_point(view, 500, 5)
    event = QMouseEvent(QEvent.Type.MouseButtonDblClick, QPointF(point), QPointF(view.viewport().mapToGlobal(point)),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    mouse(view, QEvent.Type.MouseButtonPress, point)
    mouse(view, QEvent.Type.MouseButtonRelease, point)
    QApplication.sendEvent(view.viewport(), event)
    mouse(view, QEvent.Type.MouseButtonRelease, point)
    assert state.x_range[1] - state.x_range[0] == pytest.approx(width / 2)


def test_clicking_a_marker_selects_it_and_empty_space_clears(view):
    frame = view.frame
    layout = next(layout for layout in frame.lanes if layout.dated.labels)
    box = layout.dated.labels[0]
    milestone_id = layout.lane.dated.ids[box.index]
    click(view, viewport_point(view, box.anchor, layout.geometry.marker_y))
    assert view.session.state.selection == milestone_id
    # clicking its label selects it too; empty space clears
    view.session.state.selection = None
    click(view, viewport_point(view, (box.left + box.right) / 2 + 4, layout.geometry.label_y(box.row) + 8))
    assert view.session.state.selection == milestone_id
    click(view, viewport_point(view, 3, layout.geometry.top + 3))
    assert view.session.state.selection is None


def test_clicking_a_badge_zooms_in_on_its_members(view):
    state = view.session.state
    view.resize(480, 260)  # a small view of the decade: the busy years gather into badges
    QApplication.processEvents()
    view.navigator.fit_all()
    layout, cluster = next((layout, c) for layout in view.frame.lanes for c in layout.dated.clusters if c.hi - c.lo > 2)
    width = state.x_range[1] - state.x_range[0]
    click(view, viewport_point(view, cluster.center, layout.geometry.marker_y))  # badges sit on the marker line
    assert state.x_range[1] - state.x_range[0] < width
    assert state.x_range[0] <= cluster.lo and cluster.hi <= state.x_range[1]


def test_a_strip_badge_offers_its_undated_members(view, qtbot):
    """Zooming cannot part undated milestones (they have no dates): their badge lists them."""
    view.resize(700, 640)
    QApplication.processEvents()
    layout = next(layout for layout in view.frame.lanes if layout.strip.clusters)
    cluster = layout.strip.clusters[0]
    before = view.session.state.x_range
    with qtbot.waitSignal(view.members_requested, timeout=1000) as signal:
        click(view, viewport_point(view, cluster.center, layout.geometry.undated_y))
    ids = signal.args[0]
    shown = {str(layout.lane.undated.ids[b.index]) for b in layout.strip.boxes}
    assert len(ids) == cluster.count and not shown & set(ids)
    assert all(view.session.dataset.milestone_by_id[i].date.kind.value == "one-of" for i in ids)
    assert view.session.state.x_range == before  # no zoom: it would not help


def test_keys_walk_milestones_and_lanes(view, qtbot):
    state = view.session.state
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    first = state.selection
    assert first is not None
    lane = state.lane
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert state.selection != first and state.lane == lane
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert state.selection == first
    lanes = [l.id for l in view.session.lanes]
    qtbot.keyClick(view, Qt.Key.Key_Down)  # into the lane's "date not stated" strip
    assert state.lane == lane and view.session.selected.date.kind.value == "one-of"
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert state.lane == lanes[lanes.index(lane) + 1]
    assert view.session.selected.branch in next(l for l in view.session.lanes if l.id == state.lane).branches
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert state.lane == lane and view.session.selected.date.kind.value != "one-of"


def test_keys_zoom_fit_and_enter(view, qtbot):
    state = view.session.state
    full = state.x_range
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert state.x_range[1] - state.x_range[0] < full[1] - full[0]
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    view.navigator.zoom(0.1)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert state.x_range == pytest.approx(view.session.full_range())
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.target.details_shown == 1


def test_the_timelines_keys_come_from_the_registry(qtbot):
    """Give "step on" another key in the registry, and the timeline answers that key instead."""
    from dataclasses import replace

    from timeline_app.viewmodel.commands import COMMANDS

    commands = dict(COMMANDS)
    commands["go.step_on"] = replace(COMMANDS["go.step_on"], timeline_keys=("N",))
    v = timeline(qtbot)
    v.action_set = ActionSet(v.target, v, commands)
    for action in list(v.actions()):
        v.removeAction(action)
    v.action_set.install_timeline(v)
    v.resize(1400, 640)
    show(qtbot, v)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_Right)
    assert v.session.state.selection is None  # → is no longer "step on"
    qtbot.keyClick(v, Qt.Key.Key_N)
    assert v.session.state.selection is not None


def test_selection_from_elsewhere_is_revealed_and_animated(qtbot):
    view = timeline(qtbot, animation_ms=120)
    session = view.session
    view.resize(1200, 600)
    view.show()
    view.navigator.set_range((day_of(dt.date(2021, 1, 1)), day_of(dt.date(2021, 3, 1))))
    view.navigator.select("wushan-trusteeship-agreement")
    target = day_of(dt.date(2013, 6, 28))
    qtbot.waitUntil(lambda: session.state.x_range[0] < target < session.state.x_range[1], timeout=2000)
    assert session.state.x_range[1] - session.state.x_range[0] == pytest.approx(59, abs=1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_labels_never_overlap_at_any_zoom(view, lang):
    view.session.state.language = lang
    full = view.session.full_range()
    assert_picture_reads_right(view.frame, view.session)
    assert len(view.frame.labels) >= 10  # the whole decade is readable, not just a few labels
    for fraction in (0.5, 0.2, 0.05, 0.01, 0.002):
        mid = day_of(dt.date(2019, 9, 15))
        half = (full[1] - full[0]) * fraction / 2
        view.navigator.set_range((mid - half, mid + half))
        assert_picture_reads_right(view.frame, view.session)


def test_every_label_is_a_visible_title_or_elided(view):
    for layout in view.frame.lanes:
        for items, boxes in ((layout.lane.dated, layout.dated.labels), (layout.lane.undated, layout.strip.boxes)):
            for box in boxes:
                text, width = view.titles.get(view.session, items.ids[box.index], "zh")
                title = view.session.dataset.milestone_by_id[items.ids[box.index]].title.zh
                assert text == title or (text.endswith("…") and title.startswith(text[:-1]))


def test_axis_adapts_to_zoom_in_each_language(view):
    state = view.session.state
    mid = day_of(dt.date(2016, 9, 15))
    view.navigator.set_range((mid - 15, mid + 15))
    assert axis_caption(view) == "2016年9月"
    assert any(label.endswith("日") for label in axis_ticks(view))
    state.language = "en"
    assert axis_caption(view) == "September 2016"
    assert all(not label.endswith("日") for label in axis_ticks(view))
    view.navigator.fit_all()
    assert axis_caption(view).startswith("2012") and "2013" in axis_ticks(view, major=True)


def test_lanes_follow_the_branches(view):
    lanes = view.session.lanes
    assert [l.id for l in lanes] == ["wushan", MIDDLE, "xiushan"]
    assert set(lanes[1].branches) == {"parent", "alliance"}


def test_filter_hides_milestones_from_the_timeline(view):
    from dataclasses import replace

    state = view.session.state
    before = sum(len(l.dated) + len(l.undated) for l in view.session.lanes)
    state.filter = replace(state.filter, hidden_branches=frozenset({"xiushan"}))
    after = sum(len(l.dated) + len(l.undated) for l in view.session.lanes)
    assert after < before
    assert all(not (len(l.dated) + len(l.undated)) for l in view.session.lanes if l.id == "xiushan")
    assert date_of(state.x_range[0]).year == 2012


def test_width_cache_stays_bounded_as_filters_change(view):
    """A kiosk filters all day: measured widths must not pile up per rebuilt lane."""
    from dataclasses import replace

    state = view.session.state
    for query in ["巫山", "秀山", "中心", "", "首", "院"] * 5:
        state.filter = replace(state.filter, query=query)
    assert len(view.titles._widths) <= 2 * len(view.session.lanes)

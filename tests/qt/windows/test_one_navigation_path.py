"""Every way of selecting goes through the window's one Navigator: the milestone comes into view and
its lane becomes the keyboard's, whether a list click, Previous/Next, Alt+→ or a tour chose it."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from archivist import open_window

from timeline_app.viewmodel.timescale import day_of


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    # A month of 2020: almost every milestone is off screen.
    w.navigator.set_range((day_of(dt.date(2020, 3, 1)), day_of(dt.date(2020, 4, 1))))
    return w


def in_view(window, milestone_id: str) -> bool:
    x0, x1 = window.session.state.x_range
    x = window.navigator.x_of(milestone_id)
    if x is not None:
        return x0 <= x <= x1
    row = window.session.index.row_of[milestone_id]  # undated: its period is in view
    return window.session.index.lo[row] < x1 and window.session.index.hi[row] > x0


def assert_revealed(window, milestone_id: str) -> None:
    state = window.session.state
    assert state.selection == milestone_id
    assert in_view(window, milestone_id)
    assert state.lane == window.session.lane_of(milestone_id)
    # and the timeline drew it: its label or marker is in the frame
    assert milestone_id in {label.milestone for label in window.timeline.frame.labels}  # the selection is labelled


def test_a_list_click_brings_the_milestone_into_view(window, qtbot):
    table = window.milestone_list.view
    target = "xiushan-alliance-agreement"
    row = window.milestone_list.model.row_of(target)
    table.scrollTo(table.model().index(row, 0))
    rect = table.visualRect(table.model().index(row, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert_revealed(window, target)


def test_detail_previous_and_next_bring_the_milestone_into_view(window, qtbot):
    window.navigator.select("wushan-trusteeship-agreement", reveal=False)
    window.navigator.set_range((day_of(dt.date(2020, 3, 1)), day_of(dt.date(2020, 4, 1))))
    qtbot.mouseClick(window.detail._next, Qt.MouseButton.LeftButton)
    after = window.session.matches[[m.id for m in window.session.matches].index("wushan-trusteeship-agreement") + 1]
    assert_revealed(window, after.id)
    qtbot.mouseClick(window.detail._previous, Qt.MouseButton.LeftButton)
    assert_revealed(window, "wushan-trusteeship-agreement")


def test_alt_right_brings_the_next_match_into_view(window, qtbot):
    window.navigator.select("xiushan-alliance-agreement", reveal=False)
    window.navigator.set_range((day_of(dt.date(2020, 3, 1)), day_of(dt.date(2020, 4, 1))))
    window.milestone_list.view.setFocus()
    qtbot.keyClick(window.milestone_list.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    ids = [m.id for m in window.session.matches]
    assert_revealed(window, ids[ids.index("xiushan-alliance-agreement") + 1])


def test_a_tour_that_only_calls_the_navigator_does_the_same(window):
    """A kiosk tour drives the Navigator, never a widget: each stop is shown on the timeline."""
    for milestone in window.session.matches[::7]:
        window.navigator.select(milestone.id)
        assert_revealed(window, milestone.id)
    assert window.milestone_list.model.milestone_id(window.milestone_list.view.currentIndex().row()) == milestone.id

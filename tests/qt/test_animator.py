"""The window's animator, handed to its Navigator: jumps glide to their target, and anything
else that sets the range (a drag, a wheel notch, a pinch) takes over at once."""

import datetime as dt

from timeline_app.dataset import bundled_dataset_path
from timeline_app.qt.animator import RangeAnimator
from timeline_app.viewmodel import Navigator, Session
from timeline_app.viewmodel.timescale import day_of

MONTH = (day_of(dt.date(2020, 3, 1)), day_of(dt.date(2020, 4, 1)))


def gliding(qtbot, ms: int) -> tuple[Navigator, RangeAnimator]:
    animator = RangeAnimator(ms)
    navigator = Navigator(Session.open(bundled_dataset_path()), animator)
    navigator.set_range(MONTH)
    return navigator, animator


def test_a_jump_glides_to_its_target(qtbot):
    navigator, animator = gliding(qtbot, 150)
    navigator.fit_all()
    assert animator.running and navigator.state.x_range == MONTH  # not there at once
    qtbot.waitUntil(lambda: not animator.running, timeout=2000)
    assert navigator.state.x_range == navigator.session.full_range()


def test_a_range_set_during_a_glide_stops_it(qtbot):
    navigator, animator = gliding(qtbot, 2000)
    navigator.fit_all()
    qtbot.waitUntil(lambda: navigator.state.x_range != MONTH, timeout=2000)  # under way
    navigator.pan(-30)
    assert not animator.running
    held = navigator.state.x_range
    qtbot.wait(100)
    assert navigator.state.x_range == held


def test_without_a_duration_a_jump_is_made_at_once(qtbot):
    navigator, animator = gliding(qtbot, 0)
    navigator.fit_all()
    assert not animator.running and navigator.state.x_range == navigator.session.full_range()

"""Touch gestures and inertia without Qt: fingers in plot pixels, a clock the test moves."""

import numpy as np
import pytest

from timeline_app.viewmodel import Navigator
from timeline_app.viewmodel.clock import ManualClock
from timeline_app.viewmodel.gestures import KIOSK_TAP_HOLD, LONG_PRESS, TAP_DRIFT_MM, TouchGestures, drift_px, shows_a_milestone
from timeline_app.viewmodel.index import DrawStyle

WIDTH = 1000.0  # plot px


@pytest.fixture
def fingers(session):
    clock = ManualClock()
    navigator = Navigator(session)
    taps = []
    gestures = TouchGestures(navigator, clock, lambda: WIDTH, lambda x, y: taps.append((x, y)))
    navigator.zoom(0.25)  # room to pan both ways
    return gestures, navigator.state, clock, taps


def swipe(gestures, clock, start: float, dx: float, steps: int = 10, dt: float = 0.01) -> None:
    gestures.press({0: (start, 100)})
    for k in range(1, steps + 1):
        clock.advance(dt)
        gestures.move({0: (start + dx * k / steps, 100)})


def test_a_still_short_touch_is_a_tap(fingers):
    gestures, state, clock, taps = fingers
    before = state.x_range
    gestures.press({0: (300, 120)})
    clock.advance(0.1)
    gestures.move({0: (305, 123)})  # jitter within the slop
    assert gestures.release() is False
    assert taps == [(300, 120)] and state.x_range == before  # where it came down: what was aimed at


def test_a_long_press_does_nothing(fingers):
    gestures, state, clock, taps = fingers
    before = state.x_range
    gestures.press({0: (300, 120)})
    clock.advance(LONG_PRESS + 0.2)
    gestures.release()
    assert taps == [] and state.x_range == before


def test_a_swipe_pans_with_the_finger_then_glides_slower_and_slower_and_stops(fingers):
    gestures, state, clock, taps = fingers
    x0, x1 = state.x_range
    days_per_px = (x1 - x0) / WIDTH
    swipe(gestures, clock, 600, -200)  # to the left: later times come in
    assert state.x_range[0] == pytest.approx(x0 + 200 * days_per_px)
    assert gestures.release() is True and taps == []
    steps, going = [], True
    while going:
        before = state.x_range[0]
        clock.advance(1 / 60)
        going = gestures.step()
        steps.append(state.x_range[0] - before)
        assert len(steps) < 1000
    assert steps and all(s > 0 for s in steps[:-1])  # keeps going the same way
    assert all(b <= a + 1e-9 for a, b in zip(steps, steps[1:]))  # decelerating
    assert state.x_range[0] > x0 + 200 * days_per_px  # went on past the release
    end = state.x_range
    clock.advance(5)
    assert gestures.step() is False and state.x_range == end  # stopped for good


def test_a_finger_that_stopped_before_lifting_does_not_glide(fingers):
    gestures, state, clock, _ = fingers
    swipe(gestures, clock, 600, -200)
    clock.advance(0.3)
    gestures.move({0: (400, 100)})
    assert gestures.release() is False


def test_a_glide_stops_at_the_edge_of_the_data(fingers, session):
    gestures, state, clock, _ = fingers
    swipe(gestures, clock, 100, 800, steps=4)  # a hard flick to the right: towards the start
    assert gestures.release()
    for _ in range(600):
        clock.advance(1 / 60)
        if not gestures.step():
            break
    assert not gestures.glide.running
    assert state.x_range[0] == pytest.approx(session.full_range()[0])


def test_a_jump_elsewhere_ends_the_glide(fingers, session):
    gestures, state, clock, _ = fingers
    swipe(gestures, clock, 600, -200)
    gestures.release()
    gestures.navigator.set_range(session.full_range())
    clock.advance(1 / 60)
    assert gestures.step() is False and state.x_range == pytest.approx(session.full_range())


def test_pinch_zooms_about_the_fingers_centre(fingers):
    gestures, state, clock, _ = fingers
    x0, x1 = state.x_range
    centre_px = 400
    at_centre = x0 + centre_px * (x1 - x0) / WIDTH
    index = gestures.navigator.session.index
    days = np.flatnonzero(index.style == DrawStyle.POINT)
    gestures.navigator.pan(float(index.x[days[len(days) // 2]]) - at_centre)  # a day under the fingers' centre
    x0, x1 = state.x_range
    at_centre = x0 + centre_px * (x1 - x0) / WIDTH
    gestures.press({0: (350, 100), 1: (450, 100)})
    for k in range(1, 6):
        clock.advance(0.02)
        gestures.move({0: (350 - 30 * k, 100), 1: (450 + 30 * k, 100)})
    y0, y1 = state.x_range
    assert y1 - y0 == pytest.approx((x1 - x0) * 100 / 400)
    assert y0 + centre_px * (y1 - y0) / WIDTH == pytest.approx(at_centre)
    gestures.move({0: (200, 100)})  # one finger lifts: no tap, no jump
    assert gestures.release() is False and state.x_range == (y0, y1)


def test_two_fingers_moving_together_pan(fingers):
    gestures, state, clock, _ = fingers
    x0, x1 = state.x_range
    gestures.press({0: (300, 100), 1: (500, 100)})
    clock.advance(0.05)
    gestures.move({0: (400, 100), 1: (600, 100)})
    assert state.x_range[1] - state.x_range[0] == pytest.approx(x1 - x0)
    assert state.x_range[0] == pytest.approx(x0 - 100 * (x1 - x0) / WIDTH)


def test_a_two_finger_tap_shows_everything(fingers, session):
    gestures, state, clock, taps = fingers
    gestures.press({0: (300, 100)})
    gestures.move({0: (300, 100), 1: (500, 110)})
    clock.advance(0.15)
    gestures.move({1: None})  # finger 0 lifted, 1 still
    gestures.release()
    assert taps == [] and state.x_range == pytest.approx(session.full_range())


def test_a_press_held_up_to_two_seconds_still_selects(fingers):
    gestures, state, clock, taps = fingers
    gestures.tap_hold = KIOSK_TAP_HOLD  # as the kiosk sets it
    gestures.press({0: (300, 120)})
    clock.advance(1.9)  # a slow, careful press
    gestures.release()
    assert KIOSK_TAP_HOLD == 2.0 and taps == [(300, 120)]


@pytest.mark.parametrize(("px_per_mm", "drift_mm", "tapped"), [(4.0, 7.5, True), (4.0, 8.5, False),
                                                             (2.0, 7.5, True), (2.0, 9.0, False)])
def test_a_tap_may_drift_eight_millimetres_of_the_screen(fingers, px_per_mm, drift_mm, tapped):
    gestures, state, clock, taps = fingers
    gestures.tap_drift_px = drift_px(px_per_mm)
    before = state.x_range
    gestures.press({0: (300, 120)})
    for k in range(1, 6):  # the finger slides on its way up
        clock.advance(0.05)
        gestures.move({0: (300 + drift_mm * px_per_mm * k / 5, 120)})
    gestures.release()
    assert (taps == [(300, 120)]) is tapped
    if tapped:
        assert state.x_range == before  # the little pan on the way is undone
    assert TAP_DRIFT_MM == 8.0


def test_pinching_in_stops_where_something_is_still_in_view(fingers):
    gestures, state, clock, taps = fingers
    session = gestures.navigator.session
    index = session.index
    dated = np.flatnonzero((index.style != DrawStyle.UNDATED) & session.match_mask)
    order = dated[np.argsort(index.lo[dated])]
    ends = np.maximum.accumulate(index.hi[order])
    k = int(np.argmax(index.lo[order][1:] - ends[:-1]))  # the widest stretch with no marker or bar
    gap = (float(ends[k]), float(index.lo[order][k + 1]))
    assert gap[1] - gap[0] > 30
    gestures.navigator.set_range((gap[0] - 30, gap[1] + 30))  # its two ends in view
    gestures.press({0: (450, 100), 1: (550, 100)})  # over the middle of the gap
    for step in range(1, 400):  # spread the fingers far apart, again and again
        clock.advance(0.01)
        gestures.move({0: (450 - step * 2, 100), 1: (550 + step * 2, 100)})
    x0, x1 = state.x_range
    assert shows_a_milestone(session, x0, x1) and x1 - x0 < gap[1] - gap[0] + 60  # in, but not onto nothing
    gestures.release()

"""Touch for every visitor, on the real kiosk window and a clock the test moves: a slow press
still selects, a finger that slides a little still taps, and a tap on nothing just after the
tour keeps the card being read."""

import pytest
from PySide6.QtCore import QPoint

from kiosk import first_label, idle, open_kiosk, plot_point
from timeline_app.qt.widgets.timeline.view import FINGER
from timeline_app.viewmodel.gestures import TAP_DRIFT_MM
from touch import move, press, release


@pytest.fixture
def kiosk(qtbot):
    window, clock = open_kiosk(qtbot)
    yield window, clock
    window.leave()


def px_per_mm(window) -> float:
    screen = window.screen()
    return screen.geometry().width() / screen.physicalSize().width()


def test_a_press_held_almost_two_seconds_selects(kiosk):
    window, clock = kiosk
    milestone_id, point = first_label(window)
    press(window.timeline.viewport(), {0: point})
    clock.advance(1.8)
    window.tick()
    release(window.timeline.viewport(), {0: point})
    assert window.session.state.selection == milestone_id


@pytest.mark.parametrize(("drift_mm", "taps"), [(6.0, True), (12.0, False)])
def test_a_tap_that_slides_up_to_eight_millimetres_counts(kiosk, drift_mm, taps):
    window, clock = kiosk
    assert window.timeline.touch.tap_drift_px == pytest.approx(TAP_DRIFT_MM * px_per_mm(window))
    milestone_id, point = first_label(window)
    before = window.session.state.x_range
    viewport = window.timeline.viewport()
    press(viewport, {0: point})
    end = point
    for k in range(1, 6):  # the finger slides sideways on its way up
        clock.advance(0.04)
        end = point + QPoint(round(drift_mm * px_per_mm(window) * k / 5), 0)
        move(viewport, {0: end})
    release(viewport, {0: end})
    if taps:
        assert window.session.state.selection == milestone_id and window.session.state.x_range == before
    else:
        assert window.session.state.selection is None  # a swipe (at home, the whole decade stays in view)


def empty_point(window) -> QPoint:
    """A point of the plot where a fingertip finds nothing."""
    frame = window.timeline.frame
    for y in range(int(frame.height) - 30, 20, -7):
        for x in range(int(frame.plot.left) + 10, int(frame.plot.right) - 10, 9):
            hit = frame.hit(x, y, FINGER + 4)
            if hit.milestone is None and hit.badge is None:
                return plot_point(window, x, y)
    raise AssertionError("no empty place")


def test_a_tap_on_nothing_during_the_tour_keeps_its_card(kiosk):
    window, clock = kiosk
    idle(window, clock, 91)
    shown = window.kiosk.tour.current
    assert shown is not None
    point = empty_point(window)
    viewport = window.timeline.viewport()
    press(viewport, {0: point})
    clock.advance(0.1)
    release(viewport, {0: point})
    assert not window.kiosk.tour.running and window.session.state.selection == shown
    assert window.card.title.text() == window.session.dataset.milestone_by_id[shown].title.zh
    press(viewport, {0: point})  # the visitor's own tap on nothing, later, clears it as ever
    clock.advance(0.1)
    release(viewport, {0: point})
    assert window.session.state.selection is None

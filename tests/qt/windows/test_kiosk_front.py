"""No way out through the desktop: hidden or minimised, the kiosk is back full screen within 2 s
(on a clock the test moves); a kiosk that cannot be shown stops pinging systemd's watchdog."""

import pytest
from PySide6.QtWidgets import QApplication

import timeline_app.qt.watchdog as watchdog_module
from kiosk import idle, open_kiosk
from timeline_app.qt.watchdog import HIDDEN_LIMIT, Watchdog
from timeline_app.qt.widgets.kiosk.front import BACK_WITHIN, FrontGuard


@pytest.fixture
def kiosk(qtbot):
    window, clock = open_kiosk(qtbot)
    window.keep_in_front()
    qtbot.waitUntil(window.front.in_front, timeout=3000)
    yield window, clock
    window.leave()


def back_within(window, clock, seconds: float) -> float:
    """Ticks the window until it is in front again; returns how long it took on the clock."""
    taken = 0.0
    while not window.front.in_front() and taken <= seconds:
        idle(window, clock, 0.2)
        QApplication.processEvents()
        taken += 0.2
    return taken


@pytest.mark.parametrize("away", ["hide", "showMinimized", "showNormal"])
def test_hidden_or_minimised_it_is_back_full_screen_within_two_seconds(kiosk, away):
    window, clock = kiosk
    getattr(window, away)()
    QApplication.processEvents()
    assert not window.front.in_front()
    assert back_within(window, clock, BACK_WITHIN) <= BACK_WITHIN
    assert window.isVisible() and window.isFullScreen() and not window.isMinimized()


def test_a_kiosk_that_cannot_be_shown_stops_pinging(kiosk, monkeypatch):
    window, clock = kiosk
    monkeypatch.setenv("WATCHDOG_USEC", "2000000")
    pings = []
    monkeypatch.setattr(watchdog_module, "notify", pings.append)
    watchdog = Watchdog(window, window.front.away_for)
    watchdog.ping()
    assert pings == ["WATCHDOG=1"]
    monkeypatch.setattr(FrontGuard, "bring_back", lambda self: None)  # a desktop that keeps it hidden
    window.hide()
    idle(window, clock, HIDDEN_LIMIT - 1)
    watchdog.ping()
    assert len(pings) == 2  # hidden a little while: still pinging
    idle(window, clock, 2)
    watchdog.ping()
    assert len(pings) == 2  # hidden too long: the pings stop, and systemd restarts the kiosk
    watchdog.timer.stop()


def test_staff_leaving_is_not_undone(qtbot):
    window, clock = open_kiosk(qtbot)
    window.keep_in_front()
    window.leave()
    idle(window, clock, 3)
    assert not window.isVisible()

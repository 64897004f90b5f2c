"""The watchdog's pings come from a timer on the GUI thread: they stop when the event loop does."""

import socket

from timeline_app.qt.watchdog import Watchdog


def test_the_event_loop_pings_the_watchdog(qtbot, tmp_path, monkeypatch):
    path = str(tmp_path / "notify")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    monkeypatch.setenv("WATCHDOG_USEC", "200000")  # WatchdogSec=0.2: a ping every 0.1 s
    watchdog = Watchdog()
    try:
        assert watchdog.timer.isActive() and watchdog.timer.interval() == 100
        qtbot.wait(350)  # the event loop runs: the timer fires
        pings = []
        while True:
            try:
                pings.append(server.recv(64))
            except BlockingIOError:
                break
        assert len(pings) >= 2 and set(pings) == {b"WATCHDOG=1"}
    finally:
        watchdog.timer.stop()
        server.close()


def test_no_watchdog_no_timer(monkeypatch):
    monkeypatch.delenv("WATCHDOG_USEC", raising=False)
    assert not Watchdog().timer.isActive()

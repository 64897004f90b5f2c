"""sd_notify over a real AF_UNIX datagram socket, as systemd listens on NOTIFY_SOCKET."""

import os
import socket

import pytest

from timeline_app.sd_notify import notify, watchdog_interval


@pytest.fixture
def systemd(tmp_path):
    """A socket where 'systemd' hears the notifications, and the environment naming it."""
    path = str(tmp_path / "notify")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.settimeout(2)
    yield server, {"NOTIFY_SOCKET": path}
    server.close()


def test_notifications_reach_the_socket(systemd):
    server, environ = systemd
    assert notify("READY=1", environ) and notify("WATCHDOG=1", environ)
    assert server.recv(64) == b"READY=1" and server.recv(64) == b"WATCHDOG=1"


def test_without_systemd_nothing_happens(tmp_path):
    assert notify("WATCHDOG=1", {}) is False
    assert notify("WATCHDOG=1", {"NOTIFY_SOCKET": str(tmp_path / "gone")}) is False  # never raises


def test_the_abstract_namespace_is_understood():
    name = f"timeline-test-{os.getpid()}"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind("\0" + name)
    server.settimeout(2)
    try:
        assert notify("WATCHDOG=1", {"NOTIFY_SOCKET": "@" + name})
        assert server.recv(64) == b"WATCHDOG=1"
    finally:
        server.close()


def test_pings_come_at_half_the_watchdog_time():
    assert watchdog_interval({"WATCHDOG_USEC": "30000000"}) == 15.0
    assert watchdog_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}) == 15.0
    assert watchdog_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}) is None  # another process's
    assert watchdog_interval({}) is None and watchdog_interval({"WATCHDOG_USEC": "0"}) is None

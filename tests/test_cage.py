"""The kiosk under cage, the Wayland kiosk compositor the README recommends, on its headless
backend: it starts (READY=1 to systemd once its window is up) and keeps pinging the watchdog,
which it does only while its window is in front. Skipped where cage cannot run here."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def _cage_command() -> list[str]:
    """cage, run as a user it accepts: cage refuses to run as root, so as root (CI) it runs in a
    user namespace where this user is 'nobody' (files are still reached as their owner)."""
    if shutil.which("cage") is None:
        pytest.skip("cage is not installed (apt-get install cage xwayland; .ci/run does)")
    if shutil.which("Xwayland") is None:
        pytest.skip("cage needs Xwayland (apt-get install xwayland)")
    if os.getuid() != 0:
        return ["cage", "--"]
    probe = subprocess.run(["unshare", "--user", "--map-user=65534", "--map-group=65534", "true"],
                           capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"running as root and no user namespace for cage: {probe.stderr.decode().strip()}")
    return ["unshare", "--user", "--map-user=65534", "--map-group=65534", "cage", "--"]


def test_the_kiosk_starts_and_stays_in_front_under_cage(tmp_path):
    command = _cage_command()
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    notify_path = str(tmp_path / "notify")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(notify_path)
    server.settimeout(1.0)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman",
           "WLR_LIBINPUT_NO_DEVICES": "1", "QT_QPA_PLATFORM": "wayland", "NOTIFY_SOCKET": notify_path,
           "WATCHDOG_USEC": "1000000", "PYTHONPATH": str(ROOT), "TIMELINE_APP_LOG_DIR": str(tmp_path / "log"),
           "TIMELINE_APP_CACHE_DIR": str(tmp_path / "cache")}
    log = tmp_path / "cage.log"
    with open(log, "wb") as output:  # cage and the kiosk say much; a pipe nobody reads would stall them
        kiosk = subprocess.Popen([*command, sys.executable, "-m", "timeline_app", "--kiosk", "--exit-pin", "97531",
                                  "--attract-after", "10", "--reset-after", "20"],
                                 env=env, stdout=output, stderr=subprocess.STDOUT)
    received: list[tuple[float, bytes]] = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not any(m == b"READY=1" for _, m in received):
            try:
                received.append((time.monotonic(), server.recv(64)))
            except TimeoutError:
                assert kiosk.poll() is None, log.read_text(errors="replace")[-2000:]
        assert any(m == b"READY=1" for _, m in received), "the kiosk never said it was ready"
        ready_at = time.monotonic()
        while time.monotonic() < ready_at + 14:  # past the tour's start and the watchdog's patience
            try:
                received.append((time.monotonic(), server.recv(64)))
            except TimeoutError:
                pass
        assert kiosk.poll() is None  # still running
        late = [m for t, m in received if t > ready_at + 11]
        assert b"WATCHDOG=1" in late  # in front all along: the pings never stopped
    finally:
        kiosk.terminate()
        try:
            kiosk.wait(20)
        except subprocess.TimeoutExpired:
            kiosk.kill()
        server.close()

"""The app on a real accessibility bus: Xvfb, a session bus, the AT-SPI bus, then the app on xcb.

An assistive technology's side runs in the system python3 with pyatspi (``atspi_client.py``):
the tests ask it for the tree or for the events a key press makes, as JSON. Where the system
packages are missing the tests skip, saying what to install.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = Path(__file__).with_name("atspi_client.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHERS = ["/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher"]
HOW = ("need the Debian packages xvfb at-spi2-core python3-pyatspi dbus-x11 "
       "(apt-get install xvfb at-spi2-core python3-pyatspi dbus-x11) and Qt's xcb libraries "
       "(tools/ensure-qt-libs.sh)")


def _missing() -> str | None:
    """What this machine lacks to run the tests, or None."""
    if not shutil.which("Xvfb") or not shutil.which("dbus-launch"):
        return "Xvfb or dbus-launch"
    if not any(Path(p).exists() for p in BUS_LAUNCHERS):
        return "at-spi-bus-launcher"
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode:
        return "pyatspi in the system python3"
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt/plugins/platforms/libqxcb.so"
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True)
    if ldd.returncode or "not found" in ldd.stdout:
        return "libraries of Qt's xcb plugin"
    return None


def _stop(process: subprocess.Popen) -> None:
    """Ends a process this fixture started (and the children in its session)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def desktop(tmp_path_factory):
    """A private X display, session bus and AT-SPI bus: the environment for the app and the client."""
    missing = _missing()
    if missing:
        pytest.skip(f"no {missing}: the accessibility tests {HOW}")
    home = tmp_path_factory.mktemp("home")
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    os.close(write)
    with os.fdopen(read) as displayfd:
        display = ":" + displayfd.readline().strip()
    env = {**os.environ, "DISPLAY": display, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_RUNTIME_DIR": str(home)}
    bus = subprocess.run(["dbus-launch"], env=env, capture_output=True, text=True, check=True)
    values = dict(line.split("=", 1) for line in bus.stdout.splitlines() if "=" in line)  # NAME=value lines
    env["DBUS_SESSION_BUS_ADDRESS"] = values["DBUS_SESSION_BUS_ADDRESS"]
    launcher = next(p for p in BUS_LAUNCHERS if Path(p).exists())
    atspi = subprocess.Popen([launcher, "--launch-immediately"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        yield env
    finally:
        _stop(atspi)
        os.kill(int(values["DBUS_SESSION_BUS_PID"]), signal.SIGTERM)
        _stop(xvfb)


@pytest.fixture
def launch(desktop):
    """``launch(*args)``: a context running the app with ``args`` on the AT-SPI bus."""

    @contextmanager
    def running(*args: str):
        env = {**desktop, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb",
               "PYTHONPATH": str(ROOT)}
        env.pop("QT_SCALE_FACTOR", None)
        app = subprocess.Popen([sys.executable, "-m", "timeline_app", "--no-watch", *args], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        try:
            yield Client(desktop, app)
        finally:
            _stop(app)
            app.stderr.close()

    return running


class Client:
    """Asks ``atspi_client.py`` (the system python3) about the running app."""

    def __init__(self, env: dict, app: subprocess.Popen):
        self.env, self.app = env, app

    def ask(self, *command: str):
        done = subprocess.run([SYSTEM_PYTHON, str(CLIENT), *command], env=self.env, capture_output=True,
                              text=True, timeout=180)
        if done.returncode:
            alive = "running" if self.app.poll() is None else f"exited with {self.app.returncode}"
            raise AssertionError(f"atspi_client {command} failed (the app is {alive}):\n{done.stderr}")
        return json.loads(done.stdout)

    def tree(self) -> list[dict]:
        return self.ask("tree")

    def watch(self, name: str, *keys: str) -> list[dict]:
        return self.ask("watch", name, *keys)

"""Whole-process figures, each from a fresh process: start-up to the first painted frame (the
viewer, and a bare PySide6 + pyqtgraph window to compare with), and memory with N loaded."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["fill_cache", "first_frame"]

_HERE = Path(__file__).resolve().parent
_REPORT = re.compile(r"startup: (\d+) ms to the first frame(?:, (\d+) MB resident)?")
_OPENED = re.compile(r"opened: (\d+) ms to the dataset drawn(?:, (\d+) ms after it was read)?")


def first_frame(args: list[str], home: Path | None = None, timeout: float = 600,
                report: re.Pattern = _REPORT) -> tuple[float, float | None]:
    """(ms from launch to the first painted frame, MB resident then) of ``python args``; with
    ``report`` another line's moment, and the figure it gives.

    The milliseconds are measured here, from before the process is started to the moment its
    report arrives: the interpreter's start is counted, as a user's wait would. ``home`` holds the
    child's settings and caches (never the user's own).
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: modules load from their bytecode
    if home is not None:
        env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
                   XDG_STATE_HOME=str(home / "state"), TIMELINE_APP_CACHE_DIR=str(home / "cache"))
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, *args], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             text=True, env=env)
    try:
        deadline = start + timeout
        for line in child.stderr:
            found = report.search(line)
            if found:
                ms = (time.perf_counter() - start) * 1000
                return ms, float(found.group(2)) if found.group(2) else None
            if time.perf_counter() > deadline:
                break
        raise RuntimeError(f"no {report.pattern.split(':')[0]} report from {args}")
    finally:
        child.kill()
        child.wait()


def viewer(dataset: Path, home: Path) -> tuple[float, float | None]:
    return first_frame(["-m", "timeline_app", str(dataset), "--startup-report"], home)


def opened(dataset: Path, home: Path) -> tuple[float, float | None]:
    """(ms from launch until the viewer has drawn ``dataset``, ms of that after it was read)."""
    return first_frame(["-m", "timeline_app", str(dataset), "--startup-report"], home, report=_OPENED)


def fill_cache(dataset: Path, home: Path) -> None:
    """Leaves ``dataset`` in ``home``'s cache, as a viewer that ran on would: the viewer writes its
    cache after the data is shown, which a run stopped at its report never reaches."""
    code = "import sys; from timeline_app.dataset import load_dataset; load_dataset(sys.argv[1], cache=True)"
    subprocess.run([sys.executable, "-c", code, str(dataset)], check=True,
                   env=dict(os.environ, TIMELINE_APP_CACHE_DIR=str(home / "cache")))


def bare() -> float:
    return first_frame([str(_HERE / "bare_window.py")])[0]

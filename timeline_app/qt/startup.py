"""``--startup-report``: how long the viewer took to show its first frame, and its memory then.

The time counts from the process's own start (as the operating system recorded it), so it holds
the interpreter, the imports, loading the dataset and building the window: what a user waits for.
"""

from __future__ import annotations

import os
import sys
import time

__all__ = ["process_age_ms", "report_drawn", "report_startup", "resident_mb"]

def process_age_ms() -> float:
    """Milliseconds since this process started (Linux: from /proc; elsewhere: since Python's start)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000
    except (OSError, ValueError, IndexError):
        return (time.perf_counter() - _FIRST_SEEN) * 1000


_FIRST_SEEN = time.perf_counter()


def resident_mb() -> float:
    """Resident memory of this process in MB (0 where it cannot be read)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):
        return 0.0


def report_startup() -> None:
    """Prints how long the process took to its first frame, and its memory then (to stderr)."""
    print(f"startup: {process_age_ms():.0f} ms to the first frame, {resident_mb():.0f} MB resident",
          file=sys.stderr, flush=True)


def report_drawn(read_at_ms: float | None = None) -> None:
    """Prints how long the process took until its dataset was drawn, and how long after the
    file was read (``read_at_ms``, the process's age then) that was (to stderr)."""
    drawn = process_age_ms()
    after = f", {drawn - read_at_ms:.0f} ms after it was read" if read_at_ms is not None else ""
    print(f"opened: {drawn:.0f} ms to the dataset drawn{after}", file=sys.stderr, flush=True)

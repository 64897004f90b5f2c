"""Soak test of the kiosk: its attract tour driven offscreen as fast as it goes, for many steps.

    QT_QPA_PLATFORM=offscreen python benchmarks/soak.py --steps 5000 --json

Each step is one stop of the tour: the card changes and the view glides there (the glide's
frames are stepped, not waited for), and the window is rendered. Every 25th step the language
switches; every 100th a visitor swipes the timeline (real touch events through the lock-down),
it glides to a stop, and the kiosk is left idle until it resets and tours again. Time runs on a
manual clock, so hours of exhibit pass in minutes.

Prints one JSON object (with --json) or a line: steps, resident memory after the warm-up and at
the end (MB), and the Qt objects of the window's tree plus every widget, at both moments. A kiosk
that runs for days must not grow: the acceptance is RSS growth under 5 MB and no object growth
over 5000 steps.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QVariantAnimation  # noqa: E402
from PySide6.QtGui import QImage, QInputDevice  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from timeline_app.config import KioskConfig  # noqa: E402
from timeline_app.dataset import bundled_dataset_path  # noqa: E402
from timeline_app.qt.app import create_application  # noqa: E402
from timeline_app.qt.windows.kiosk_window import GLIDE_MS, KioskWindow  # noqa: E402
from timeline_app.viewmodel import Session  # noqa: E402
from timeline_app.viewmodel.clock import ManualClock  # noqa: E402

LANGUAGE_EVERY = 25
VISITOR_EVERY = 100
GLIDE_FRAMES = 4


def rss_mb() -> float:
    """Resident memory now (Linux: /proc/self/statm); elsewhere the peak, which can only grow."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def qobjects(window) -> int:
    """The window's objects (its whole tree) and every widget of the application."""
    return len(window.findChildren(QObject)) + len(QApplication.allWidgets())


class Soak:
    def __init__(self, path: Path, size: tuple[int, int], visitor_counts: bool = False):
        self.app = create_application()
        self.clock = ManualClock()
        self.config = KioskConfig(attract_after=90, reset_after=120, visitor_counts=visitor_counts)
        self.window = KioskWindow(Session.open(path), self.config, clock=self.clock)
        self.window.resize(*size)
        self.window.show()
        self.glide = self.window.animator.findChild(QVariantAnimation)
        self.image = QImage(self.window.size(), QImage.Format.Format_ARGB32_Premultiplied)
        self.device = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)
        self.settle()
        self.idle(self.config.attract_after + 1)  # the tour starts

    def settle(self) -> None:
        """What the event loop would do between frames, deferred deletions included."""
        self.app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    def idle(self, seconds: float) -> None:
        while seconds > 0:
            self.clock.advance(min(seconds, 1.0))
            self.window.tick()
            seconds -= 1.0

    def render(self) -> None:
        """The whole window into one reused buffer, as its backing store would be."""
        self.window.render(self.image)

    def step(self, k: int) -> None:
        """The current card's time passes; the tour moves on to the next stop by itself."""
        self.clock.advance(self.window.kiosk.tour.due_in)
        self.window.tick()
        for frame in range(1, GLIDE_FRAMES + 1):  # the glide, frame by frame
            self.glide.setCurrentTime(GLIDE_MS * frame // GLIDE_FRAMES)
        if k % LANGUAGE_EVERY == 0:
            self.window.toggle_language()
        if k % VISITOR_EVERY == 0:
            self.visitor()
        self.render()
        self.settle()

    def visitor(self) -> None:
        """A swipe on the timeline, its glide to a stop, then the kiosk left until it resets."""
        viewport, timeline = self.window.timeline.viewport(), self.window.timeline

        def at(px: float):  # frame pixels, where the picture is laid out, to the viewport
            return timeline.map_to_widget(px, 60).toPoint()

        QTest.touchEvent(viewport, self.device).press(0, at(420), viewport).commit()
        for n in range(1, 6):
            self.clock.advance(0.012)
            QTest.touchEvent(viewport, self.device).move(0, at(420 - 40 * n), viewport).commit()
        QTest.touchEvent(viewport, self.device).release(0, at(220), viewport).commit()
        while timeline.glide_timer.isActive():
            self.clock.advance(1 / 60)
            timeline.advance_glide()
        self.idle(self.config.reset_after + 1)  # reset home, then the tour again


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--steps", type=int, default=1000, help="tour steps after the warm-up (default 1000)")
    p.add_argument("--warmup", type=int, default=200, help="steps before the first measure (default 200)")
    p.add_argument("--size", default="1280x720", help="the window's logical size (default 1280x720: 1920×1080 at 1.5)")
    p.add_argument("--dataset", type=Path, default=bundled_dataset_path())
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--visitor-counts", action="store_true",
                   help="count visits as the kiosk would (into $TIMELINE_APP_LOG_DIR, else a temporary folder)")
    args = p.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))

    if args.visitor_counts and not os.environ.get("TIMELINE_APP_LOG_DIR"):
        import tempfile

        os.environ["TIMELINE_APP_LOG_DIR"] = tempfile.mkdtemp(prefix="timeline-soak-")  # never the user's log
    soak = Soak(args.dataset, size, args.visitor_counts)
    for k in range(1, args.warmup + 1):
        soak.step(k)
    gc.collect()
    rss_start, objects_start, started = rss_mb(), qobjects(soak.window), time.perf_counter()
    for k in range(args.warmup + 1, args.warmup + args.steps + 1):
        soak.step(k)
    gc.collect()
    soak.settle()
    result = {
        "steps": args.steps,
        "warmup_steps": args.warmup,
        "rss_start_mb": round(rss_start, 2),
        "rss_end_mb": round(rss_mb(), 2),
        "qobjects_start": objects_start,
        "qobjects_end": qobjects(soak.window),
        "graphics_items": len(soak.window.timeline.scene().items()),
        "seconds": round(time.perf_counter() - started, 1),
        "simulated_hours": round(soak.clock.now() / 3600, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    result["rss_growth_mb"] = round(result["rss_end_mb"] - result["rss_start_mb"], 2)
    if args.json:
        print(json.dumps(result))
    else:
        print(", ".join(f"{k} {v}" for k, v in result.items()))
    soak.window.leave()
    return 0


if __name__ == "__main__":
    sys.exit(main())

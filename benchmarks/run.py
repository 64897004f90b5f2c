"""Benchmarks: frame times of the timeline under a scripted zoom and pan, and loading time.

    make bench            (or: QT_QPA_PLATFORM=offscreen python benchmarks/run.py [--sizes 1000 10000])

A frame is one change of the visible range followed by a full render of the widget, as a user
would see it (layout of every lane, then painting). Reports median and 95th percentile per size,
each the median over --runs runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import synthetic_dataset, synthetic_yaml  # noqa: E402

from timeline_app.dataset import load_dataset  # noqa: E402
from timeline_app.viewmodel import Session  # noqa: E402


def scripted_ranges(full: tuple[float, float], steps: int = 120) -> list[tuple[float, float]]:
    """Zoom from the decade to about a week around a point, pan across, then zoom back out."""
    lo, hi = full
    centre, width = (lo + hi) / 2, hi - lo
    ranges = []
    for k in range(steps // 3):  # zoom in
        w = width * (0.82 ** k)
        ranges.append((centre - w / 2, centre + w / 2))
    w = max(width * 0.82 ** (steps // 3), 7)
    for k in range(steps // 3):  # pan at that zoom, then at a one-year zoom
        shift = (k - steps // 6) * w * 0.2
        ranges.append((centre + shift - w / 2, centre + shift + w / 2))
    for k in range(steps // 3):  # zoom out
        w2 = min(w * (1.25 ** k), width)
        ranges.append((centre - w2 / 2, centre + w2 / 2))
    return ranges


def frame_times(n: int, size=(1600, 900)) -> list[float]:
    from timeline_app.qt.app import create_application
    from timeline_app.qt.widgets.timeline import TimelineView

    from PySide6.QtGui import QImage, QPainter

    app = create_application()
    session = Session(synthetic_dataset(n))
    view = TimelineView(session, animation_ms=0)
    view.resize(*size)
    view.show()
    app.processEvents()
    # Each frame renders the whole widget into one reused buffer, as a window's backing store is.
    buffer = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for r in scripted_ranges(session.full_range()):
        start = time.perf_counter()
        view.navigator.set_range(r)
        painter = QPainter(buffer)
        view.render(painter)
        painter.end()
        times.append((time.perf_counter() - start) * 1000)
    view.close()
    view.deleteLater()
    app.processEvents()
    return times


def load_time(n: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.yaml"
        path.write_text(synthetic_yaml(n), encoding="utf-8")
        start = time.perf_counter()
        load_dataset(path)
        return (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--load-sizes", type=int, nargs="*", default=[10_000])
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"{'milestones':>10}  {'median ms/frame':>16}  {'p95 ms/frame':>13}  {'max ms':>8}")
    for n in args.sizes:
        runs = [frame_times(n) for _ in range(args.runs)]
        med = statistics.median(statistics.median(r) for r in runs)
        pct = statistics.median(p95(r) for r in runs)
        worst = statistics.median(max(r) for r in runs)
        print(f"{n:>10,}  {med:>16.1f}  {pct:>13.1f}  {worst:>8.1f}", flush=True)
    for n in args.load_sizes:
        ms = statistics.median(load_time(n) for _ in range(args.runs))
        print(f"load {n:,} milestones from YAML: {ms:.0f} ms (median of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

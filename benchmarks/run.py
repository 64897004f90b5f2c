"""The benchmarks, in one command: start-up, loading, the window's frames and search, memory.

    make bench                     (or: QT_QPA_PLATFORM=offscreen python benchmarks/run.py [--json] [--quick])

Synthetic datasets (fixed seed) of 1,000, 10,000 and 100,000 milestones; each figure is the
median and 95th percentile over several runs. ``--quick`` does one run of fewer sizes.

- startup_ms, startup_bare_ms: a fresh process to its first painted frame, on the bundled
  dataset, and a bare PySide6 + pyqtgraph window, run by turns; startup_ratio, the ratio of
  their medians, is the figure to quote;
- load_ms[N] (no cache) and reopen_ms[N] (cache warm): loading the YAML, in fresh processes;
- build_ms[N]: building and showing the whole window for a loaded session;
- frame_ms[N]: the whole window at 1600×900 (timeline, 8 indicator rows, list, detail pane)
  under a scripted zoom and pan; filter_ms[N]: a search keystroke to the repainted window;
- rss_mb[N]: resident memory of a fresh viewer with N milestones loaded and its window shown;
- open_cold_ms[N] (no cache) and open_warm_ms[N] (cache warm), N ≥ 10,000: the whole window, from
  launch to the dataset drawn (a large file is read after the window is up, its progress shown);
  open_cold_after_read_ms[N]: of a cold open, the wait from the file read to the dataset drawn;
- eight_branches: build_ms, frame_ms and filter_ms again with eight branch lanes (not with --quick).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import process  # noqa: E402
from synth import synthetic_dataset, synthetic_yaml  # noqa: E402

from timeline_app.dataset import bundled_dataset_path  # noqa: E402

try:  # loading benchmarks (cold and warm cache), where the loader provides them
    import loading  # noqa: E402
except ImportError:  # pragma: no cover
    loading = None


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = statistics.quantiles(ordered, n=20)[-1] if len(ordered) >= 2 else ordered[0]
    return {"median": round(statistics.median(ordered), 1), "p95": round(p95, 1)}


def _window(n: int, runs: int, branches: int = 2) -> dict[str, dict]:
    """Window figures over ``runs`` runs: frames and keystrokes pooled, builds one per run."""
    from window import window_figures

    dataset = synthetic_dataset(n, branches)
    pooled = {"build_ms": [], "frame_ms": [], "filter_ms": []}
    for _ in range(runs):
        figures = window_figures(dataset)
        pooled["build_ms"].append(figures["build_ms"])
        pooled["frame_ms"] += figures["frame_ms"]
        pooled["filter_ms"] += figures["filter_ms"]
    return {key: summary(values) for key, values in pooled.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="one run, 1,000 and 10,000 milestones")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    sizes = [1000, 10_000] if args.quick else [1000, 10_000, 100_000]
    result: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}",
    }

    def say(text: str) -> None:
        if not args.json:
            print(text, flush=True)

    say(f"machine: {result['machine']}")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        process.viewer(bundled_dataset_path(), home)  # first runs warm the OS (and the dataset cache)
        process.bare()
        # Alternated, and five times as many: on a shared machine the two drift alike, pair by pair.
        pairs = [(process.viewer(bundled_dataset_path(), home)[0], process.bare()) for _ in range(5 * runs)]
        startups, bare = (list(column) for column in zip(*pairs))
        result["startup_ms"], result["startup_bare_ms"] = summary(startups), summary(bare)
        result["startup_ratio"] = round(result["startup_ms"]["median"] / result["startup_bare_ms"]["median"], 3)
        say(f"startup: {result['startup_ms']} ms; bare window: {result['startup_bare_ms']} ms; "
            f"ratio {result['startup_ratio']:.2f}")
        for key in ("load_ms", "reopen_ms", "build_ms", "frame_ms", "filter_ms", "rss_mb"):
            result[key] = {}
        for n in sizes:
            path = home / f"synthetic-{n}.yaml"
            path.write_text(synthetic_yaml(n), encoding="utf-8")
            if loading is not None:
                result["load_ms"][str(n)] = summary(loading.load_ms(path, runs))
                result["reopen_ms"][str(n)] = summary(loading.reopen_ms(path, runs))
            for key, figure in _window(n, runs).items():
                result[key][str(n)] = figure
            if n >= 10_000:  # the whole window, launch to the dataset drawn: no cache, then a warm one
                cold = [process.opened(path, home / f"cold-{n}-{k}") for k in range(runs)]
                result.setdefault("open_cold_ms", {})[str(n)] = summary([ms for ms, _ in cold])
                result.setdefault("open_cold_after_read_ms", {})[str(n)] = summary([after or 0.0 for _, after in cold])
                process.fill_cache(path, home / f"warm-{n}")
                result.setdefault("open_warm_ms", {})[str(n)] = summary(
                    [process.opened(path, home / f"warm-{n}")[0] for _ in range(runs)])
            viewer_home = home / f"viewer-{n}"
            process.fill_cache(path, viewer_home)  # as a second open finds it
            result["rss_mb"][str(n)] = summary([process.viewer(path, viewer_home)[1] or 0.0 for _ in range(max(runs // 2, 1))])
            say(f"{n:>7,} milestones: " + "; ".join(f"{k} {result[k][str(n)]}" for k in
                ("load_ms", "reopen_ms", "open_cold_ms", "open_cold_after_read_ms", "open_warm_ms", "build_ms",
                 "frame_ms", "filter_ms", "rss_mb") if str(n) in result.get(k, {})))
        if not args.quick:  # as many lanes as a larger alliance has
            eight: dict[str, dict] = {"build_ms": {}, "frame_ms": {}, "filter_ms": {}}
            for n in (1000, 10_000):
                for key, figure in _window(n, runs, branches=8).items():
                    eight[key][str(n)] = figure
            result["eight_branches"] = eight
            say(f"eight branches: {eight}")
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

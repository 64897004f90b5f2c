"""Loading benchmarks: a synthetic dataset opened cold, and reopened from the warm cache.

Each run is a fresh Python process, timed from just before it is started to the moment the
dataset is in memory (its exit, which only frees memory, is not counted): what a user waits for
when the app opens a file. ``benchmarks/run.py`` calls :func:`load_ms` and :func:`reopen_ms`
(with a number of synthetic milestones or a dataset file); run this file alone for a quick look:

    python benchmarks/loading.py [--sizes 10000 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import synthetic_yaml  # noqa: E402

__all__ = ["load_ms", "reopen_ms"]

_CHILD = """
import sys, time
from timeline_app.dataset import load_dataset
dataset = load_dataset(sys.argv[1], cache=sys.argv[2] == "cache")
print(time.time(), len(dataset.milestones), flush=True)
"""


def load_ms(dataset: int | Path, runs: int) -> list[float]:
    """Milliseconds to open a dataset with no cache, each run in a fresh process.

    ``dataset`` is a number of synthetic milestones (``synthetic_yaml(n)``) or a dataset file.
    """
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as folder:
        path, n = _dataset_file(dataset, Path(folder))
        return [_timed(path, n, cache=False, cache_dir=Path(folder) / "cache") for _ in range(runs)]


def reopen_ms(dataset: int | Path, runs: int) -> list[float]:
    """Milliseconds to reopen a dataset from a warm cache, each run in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as folder:
        (path, n), cache_dir = _dataset_file(dataset, Path(folder)), Path(folder) / "cache"
        _timed(path, n, cache=True, cache_dir=cache_dir)  # fills the cache
        return [_timed(path, n, cache=True, cache_dir=cache_dir) for _ in range(runs)]


def _dataset_file(dataset: int | Path, folder: Path) -> tuple[Path, int | None]:
    """The file to load and how many milestones it must give (unknown for a given file)."""
    if not isinstance(dataset, int):
        return Path(dataset), None
    path = folder / f"synthetic-{dataset}.yaml"
    path.write_text(synthetic_yaml(dataset), encoding="utf-8")
    return path, dataset


def _timed(path: Path, n: int | None, cache: bool, cache_dir: Path) -> float:
    env = {**os.environ, "TIMELINE_APP_CACHE_DIR": str(cache_dir)}
    start = time.time()
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path), "cache" if cache else "cold"],
                         capture_output=True, text=True, check=True, env=env).stdout.split()
    if n is not None and int(out[1]) != n:
        raise RuntimeError(f"loaded {out[1]} milestones, expected {n}")
    return (float(out[0]) - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for n in args.sizes:
        for name, measure in (("load_ms", load_ms), ("reopen_ms", reopen_ms)):
            times = measure(n, args.runs)
            print(f"{name}[{n}]: median {statistics.median(times):.0f}, runs {', '.join(f'{t:.0f}' for t in times)}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

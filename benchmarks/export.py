"""The exported page at scale: the whole decade of a synthetic archive to an A0 PDF (and an A0 PNG
at 150 dpi), each a fresh ``timeline-app export`` process, timed from before its start to its end,
with its peak resident memory.

    python benchmarks/export.py [--sizes 10000] [--runs 3]

Issue #17's target: 10,000 milestones to an A0 PDF in ≤ 10 s and ≤ 500 MB.
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

__all__ = ["export_run"]

JOBS = {"pdf-A0": ["--format", "pdf", "--paper", "A0"], "png-A0-150dpi": ["--format", "png", "--paper", "A0", "--dpi", "150"]}


def export_run(dataset: Path, out: Path, options: list[str], home: Path) -> tuple[float, float, float]:
    """(seconds, CPU seconds, peak MB resident) of one fresh export process: on a shared machine
    the CPU time says more than the wall clock."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), TIMELINE_APP_CACHE_DIR=str(home / "cache"))
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "timeline_app", "export", str(dataset), *options, "--lang", "zh",
                              "-o", str(out)], env=env, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"export failed: {child.stderr.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        for n in args.sizes:
            dataset = home / f"synthetic-{n}.yaml"
            dataset.write_text(synthetic_yaml(n), encoding="utf-8")
            for job, options in JOBS.items():
                out = home / f"{job}.{options[1]}"
                runs = [export_run(dataset, out, options, home) for _ in range(args.runs)]
                seconds, cpu, mb = (statistics.median(column) for column in zip(*runs))
                print(f"{n:>7,} milestones, {job}: median {seconds:.2f} s ({cpu:.2f} s CPU), {mb:.0f} MB peak; "
                      f"{out.stat().st_size / 1024:.0f} KB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

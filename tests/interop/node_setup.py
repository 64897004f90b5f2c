"""Installs what the TimelineJS rendering test needs into tests/interop/node/ (git-ignored):
TimelineJS's npm package and playwright-core, pinned. The test calls it; ``.ci/run`` runs it
beforehand (``python tests/interop/node_setup.py``) so a failure shows in the CI log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NODE_DIR = Path(__file__).parent / "node"
PACKAGES = ("@knight-lab/timelinejs@3.9.11", "playwright-core@1.65.2")


def installed() -> bool:
    return all((NODE_DIR / "node_modules" / name.rsplit("@", 1)[0] / "package.json").exists() for name in PACKAGES)


def install(timeout: float = 300) -> str:
    """Installs the packages unless they are there; returns why it could not, or ""."""
    if installed():
        return ""
    NODE_DIR.mkdir(exist_ok=True)
    try:
        done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", str(NODE_DIR),
                               *PACKAGES], capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"})
    except FileNotFoundError:
        return "npm is not installed (apt install npm; .ci/run does)"
    except subprocess.TimeoutExpired:
        return f"npm install of {', '.join(PACKAGES)} took over {timeout:g} s (no registry?)"
    if done.returncode != 0:
        return f"npm install of {', '.join(PACKAGES)} failed: {done.stderr.strip()[-300:]}"
    return ""


if __name__ == "__main__":
    reason = install()
    print(reason or f"{', '.join(PACKAGES)} are in {NODE_DIR}", file=sys.stderr if reason else sys.stdout)
    sys.exit(1 if reason else 0)

"""A start that never reached its first frame: the dataset it was opening is not reopened blindly.

Before the viewer or the kiosk opens a dataset, a marker naming it is written in the cache
folder; the first frame on screen (or a clean exit) removes it. A marker found at the next start
means that start died on the way, in the cache entry, the last good copy or the file itself, and
opening the same dataset the same way would die again: at every start of the viewer (which
reopens the last dataset), and for ever under the kiosk's ``Restart=always``. So the next start
reads the file afresh, past the cache and the last good copy; after a second death it does not
open the dataset at all. Either way it says so.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["MARKER_NAME", "StartGuard"]

MARKER_NAME = "starting.json"


class StartGuard:
    """The marker in ``folder`` (default: the cache folder)."""

    def __init__(self, folder: Path | None = None):
        if folder is None:
            from .cache import cache_dir

            folder = cache_dir()
        self.marker = folder / MARKER_NAME

    def begin(self, dataset: Path) -> int:
        """Marks the start of opening ``dataset``; how many starts in a row died opening it."""
        try:
            last = json.loads(self.marker.read_text(encoding="utf-8"))
            failures = int(last["failures"]) + 1 if last["dataset"] == str(dataset) else 0
        except (OSError, ValueError, KeyError, TypeError):  # no marker (the usual start), or not ours
            failures = 0
        try:
            self.marker.parent.mkdir(parents=True, exist_ok=True)
            self.marker.write_text(json.dumps({"dataset": str(dataset), "failures": failures}), encoding="utf-8")
        except OSError:  # a cache folder that cannot be written guards nothing, and stops nothing
            pass
        return failures

    def done(self, *_) -> None:
        """The start got through (its first frame is on screen, or it ended cleanly)."""
        try:
            self.marker.unlink(missing_ok=True)
        except OSError:
            pass

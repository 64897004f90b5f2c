"""Where the kiosk's visitor counts go: ``visits.jsonl`` in the log folder, one JSON line per
record (:mod:`~timeline_app.viewmodel.visitors`), rotated at 1 MB with nine old files kept
(years of visits at an exhibit's pace); ``timeline-app kiosk-report`` reads them back."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

__all__ = ["BACKUPS", "FILE_NAME", "lines", "writer"]

FILE_NAME = "visits.jsonl"
MAX_BYTES = 1 << 20
BACKUPS = 9


def writer(folder: Path) -> Callable[[str], None]:
    """Writes one line to the rotating file in ``folder`` (made if it is not there)."""
    folder.mkdir(parents=True, exist_ok=True)
    logger = logging.getLogger("timeline_app.visitors")
    logger.propagate = False  # counts, not messages: never in the crash log
    logger.setLevel(logging.INFO)
    for old in logger.handlers[:]:
        logger.removeHandler(old)
        old.close()
    handler = RotatingFileHandler(folder / FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    return logger.info


def lines(folder: Path) -> Iterator[str]:
    """Every line written, oldest file first."""
    names = [f"{FILE_NAME}.{k}" for k in range(BACKUPS, 0, -1)] + [FILE_NAME]
    for name in names:
        try:
            with open(folder / name, encoding="utf-8", errors="replace") as file:
                yield from file
        except OSError:
            continue

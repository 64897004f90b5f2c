"""Loads and validates a dataset file, collecting every problem in one pass: the front door.

The format is documented in ``docs/dataset-format.md``; the records in :mod:`.records`. A file
is read by :mod:`.parse`, or answered from the cache of validated datasets (:mod:`.cache`).
"""

from __future__ import annotations

from pathlib import Path

from .files import read_bytes
from .parse import parse_dataset
from .records import FORMAT_VERSION, MARKERS, Dataset

__all__ = ["FORMAT_VERSION", "MARKERS", "load_dataset", "parse_dataset"]


def load_dataset(path: str | Path, display_name: str | None = None, *, fast: bool = True,
                 cache: bool = False) -> Dataset:
    """Reads and validates ``path``; raises :class:`DatasetError` with every problem found.

    ``display_name`` is how messages name the file (default: the path as given). ``cache``
    answers an unchanged file from the cache of validated datasets (:mod:`.cache`), as the
    app does; ``validate`` reads the file itself.
    """
    if cache:
        from .cache import load_cached  # only when asked: validate needs neither pickle nor hashlib

        return load_cached(path, display_name)
    path = Path(path)
    name = display_name or str(path)
    return parse_dataset(read_bytes(path, name), name, path, fast=fast)

"""Loads and validates a dataset file, collecting every problem in one pass.

The format is documented in ``docs/dataset-format.md``; the records in :mod:`.records`.

Two paths read a file and give the same answer (the tests hold them to it). The fast one, the
default, hands libyaml the file's bytes and reads each item of the top-level lists as the parser
finishes it; the reference one reads the whole tree with PyYAML's pure-Python parser first, and
is what an installation without libyaml uses. The garbage collector is paused while a file is
read: the records are all new and live on, so its passes over them would find nothing to free.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from .files import read_bytes
from .problems import DatasetError
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
        from .cache import load_cached  # the cache builds on this module

        return load_cached(path, display_name)
    path = Path(path)
    name = display_name or str(path)
    return parse_dataset(read_bytes(path, name), name, path, fast=fast)


def parse_dataset(data: bytes, name: str, path: Path | None = None, *, fast: bool = True) -> Dataset:
    """Validates a dataset file's bytes; ``fast=False`` takes the reference path.

    The parser and the checks are imported here, not with the module: a dataset answered from
    the cache (most starts of the viewer) needs neither, nor YAML itself.
    """
    from .progress import counted
    from .reader import Reader
    from .yamltree import has_fast_parser, parse_yaml

    fast = fast and has_fast_parser()
    reader = Reader(name)
    with _collector_paused():
        root, problems = parse_yaml(data, name, fast=fast, sink=counted(reader.item if fast else None, data))
        if not fast:
            reader.feed_tree(root)
        reader.problems.extend(problems)
        dataset = reader.finish(root, path)
    if dataset is None:
        raise DatasetError(reader.problems)
    return dataset


@contextmanager
def _collector_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

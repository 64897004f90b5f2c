"""Reads a dataset file's bytes into validated records: the parser and the checks in one pass.

Two paths give the same answer (the tests hold them to it). The fast one, the default, hands
libyaml the file's bytes and reads each item of the top-level lists as the parser finishes it;
the reference one reads the whole tree with PyYAML's pure-Python parser first, and is what an
installation without libyaml uses. The garbage collector is paused while a file is read: the
records are all new and live on, so its passes over them would find nothing to free.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from .problems import DatasetError
from .records import Dataset

__all__ = ["parse_dataset"]


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

"""Reading a dataset's bytes: size-capped, and every reason it cannot be read told as a problem."""

from __future__ import annotations

import errno
from pathlib import Path

from .problems import DatasetError, Problem

__all__ = ["MAX_BYTES", "read_bytes"]

MAX_BYTES = 64 * 1024 * 1024


def read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes; raises :class:`DatasetError` when it cannot be read or is too large."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DatasetError([Problem(name, 1, 1, "problem.file.too_big", (("size", size), ("limit", MAX_BYTES)))])
        return path.read_bytes()
    except OSError as err:
        key = {errno.ENOENT: "problem.file.missing", errno.EACCES: "problem.file.denied",
               errno.EISDIR: "problem.file.folder"}.get(err.errno, "problem.file.unreadable")
        raise DatasetError([Problem(name, 1, 1, key, (("reason", err.strerror or str(err)),))]) from None

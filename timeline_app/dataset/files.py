"""Reading a dataset's bytes: size-capped, and every reason it cannot be read told as a problem.

Only a regular file is read. A FIFO would block the read until someone writes to it (forever,
for ``validate``, or a reload worker the window then waits for at close), and a device such as
``/dev/zero`` never ends: both are refused by their type, told by the open file itself (opened
without blocking), before a byte is read. The size cap holds on the bytes read, not on what the
file's size said a moment earlier.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .problems import DatasetError, Problem

__all__ = ["MAX_BYTES", "NotRegular", "TooBig", "read_bytes", "read_regular", "remove_stale_temporaries"]

MAX_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class NotRegular(OSError):
    """The path is a FIFO, a device or a socket: no file to read."""


class TooBig(OSError):
    """The file holds more than the cap; ``size`` is what it said or what was read."""

    def __init__(self, size: int):
        super().__init__(errno.EFBIG, "file too large")
        self.size = size


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them (default :data:`MAX_BYTES`).

    Raises :class:`IsADirectoryError`, :class:`NotRegular`, :class:`TooBig` or the OS's error.
    """
    limit = MAX_BYTES if limit is None else limit
    fd = os.open(path, _FLAGS)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > limit:
            raise TooBig(info.st_size)
        chunks, read = [], 0
        while chunk := os.read(fd, min(_CHUNK, limit + 1 - read)):
            chunks.append(chunk)
            read += len(chunk)
            if read > limit:  # it grew while it was read (or its size was not what it said)
                raise TooBig(read)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes; raises :class:`DatasetError` when it cannot be read or is too large."""
    try:
        return read_regular(path)
    except TooBig as err:
        raise DatasetError([Problem(name, 1, 1, "problem.file.too_big", (("size", err.size), ("limit", MAX_BYTES)))]) \
            from None
    except NotRegular:
        raise DatasetError([Problem(name, 1, 1, "problem.file.not_regular")]) from None
    except (OSError, ValueError) as err:  # ValueError: a NUL in the path
        key = {errno.ENOENT: "problem.file.missing", errno.EACCES: "problem.file.denied",
               errno.EISDIR: "problem.file.folder"}.get(getattr(err, "errno", None), "problem.file.unreadable")
        reason = getattr(err, "strerror", None) or str(err)
        raise DatasetError([Problem(name, 1, 1, key, (("reason", reason),))]) from None


def remove_stale_temporaries(folder: Path, max_age_s: float = 600.0) -> list[Path]:
    """Removes the ``*.tmp`` files in ``folder`` older than ``max_age_s`` and gives their paths.

    The cache and the last good copies write through a temporary file renamed over the old one; a
    write that was killed leaves it behind. A younger one may be another process's write under way.
    """
    import time

    removed = []
    now = time.time()
    try:
        candidates = list(folder.glob("*.tmp"))  # (pathlib's "*" matches names starting with "." too)
    except OSError:
        return removed
    for path in candidates:
        try:
            if path.is_file() and not path.is_symlink() and now - path.lstat().st_mtime > max_age_s:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed

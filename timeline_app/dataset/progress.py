"""How far a load has got, for whoever waits for it, and a way to stop it.

A load on a worker thread runs inside :func:`reporting`, whose callback hears ``(bytes read,
total bytes)`` as the parser finishes each record, and may raise :class:`Cancelled` to stop the
load there. The parser streams records with their line, so bytes are counted by line: a file's
lines are near enough the same length for a progress bar. Loads outside :func:`reporting` (the
command line, the tests) pay nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["Cancelled", "counted", "reporting"]

Callback = Callable[[int, int], None]
_STEPS = 200  # reports per file at most: a progress bar has no more to show
_local = threading.local()


class Cancelled(Exception):
    """The one waiting for the load no longer wants it."""


@contextmanager
def reporting(callback: Callback) -> Iterator[None]:
    """Runs a load on this thread with ``callback(done, total)`` hearing its progress."""
    _local.callback = callback
    try:
        yield
    finally:
        _local.callback = None


def counted(sink: Callable | None, data: bytes) -> Callable | None:
    """``sink`` (the parser's record by record), reporting each record's place in ``data`` as it
    passes; ``sink`` itself where no one listens."""
    callback = getattr(_local, "callback", None)
    if callback is None or sink is None:
        return sink
    total = len(data)
    lines = data.count(b"\n") + 1
    step = max(lines // _STEPS, 1)
    callback(0, total)
    reported = 0

    def through(key, node) -> None:
        nonlocal reported
        sink(key, node)
        if node.line - reported >= step:
            reported = node.line
            callback(total * node.line // lines, total)

    return through

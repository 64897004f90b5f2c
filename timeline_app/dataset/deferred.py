"""Work a load does after the data is had (writing the cache, keeping the last good copy), put
off until the data is shown.

Inside :func:`deferring` such work is queued rather than done; the caller runs it once the
window has drawn the data. Outside (the command line, a kiosk's start, the tests) it is done at
once, as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

__all__ = ["deferring", "later"]

_local = threading.local()


@contextmanager
def deferring() -> Iterator[list[Callable[[], None]]]:
    """Collects the work :func:`later` is given on this thread, to be run by the caller."""
    queued: list[Callable[[], None]] = []
    _local.queue = queued
    try:
        yield queued
    finally:
        _local.queue = None


def later(work: Callable, *args) -> None:
    """``work(*args)`` now, or queued inside :func:`deferring`."""
    queue = getattr(_local, "queue", None)
    if queue is None:
        work(*args)
    else:
        queue.append(partial(work, *args))

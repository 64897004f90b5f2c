"""Python's cycle collector during a start: held off until the window's first frame.

No Qt here: the collector is held before Qt is imported (``timeline_app.__main__``), and the
command-line commands that open no window let it go at once (``cli.main``).
"""

from __future__ import annotations

import gc

__all__ = ["hold_collection", "resume_collection"]

_held = False


def hold_collection() -> None:
    """Holds Python's cycle collector off for the start (the process's, not a caller's: see
    ``timeline_app.__main__``). What a start allocates lives as long as the window (modules,
    classes, Qt's wrappers, the dataset); collecting it on the way was 4 % of the start's work."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def resume_collection() -> None:
    """After the first frame: what the start made is set aside for good (``gc.freeze``, so later
    collections no longer walk it, a pause that grows with the archive) and collection resumes.
    The cyclic garbage of the start is kept with it: about a thousand small objects. Does nothing
    unless :func:`hold_collection` held it."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()

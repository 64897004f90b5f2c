"""Painters that are always finished: a drawing that raises must not leave a device being painted.

An exception inside a ``paintEvent`` keeps its frame, and so its QPainter, alive in the
traceback; the widget then stays "being painted" and the next paint fails or crashes.
``painting(device)`` ends the painter however the drawing ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QPaintDevice, QPainter

__all__ = ["painting"]


@contextmanager
def painting(device: QPaintDevice, antialiased: bool = True) -> Iterator[QPainter]:
    """A painter on ``device`` for the ``with`` block, ended when the block is left."""
    painter = QPainter(device)
    try:
        if antialiased:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        yield painter
    finally:
        painter.end()

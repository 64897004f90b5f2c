"""Connecting Qt views to the model's psygnal signals for exactly as long as the view lives.

psygnal holds slots weakly, but a Qt object can be destroyed while its Python wrapper lives on
(deleteLater, a parent going away); a signal reaching it then raises. ``follow`` disconnects
when Qt destroys the object, without keeping the object alive itself (a kiosk runs for days).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject

__all__ = ["follow"]


def follow(owner: QObject, signal, slot: Callable) -> Callable[[], None]:
    """Connects ``slot`` (a bound method of ``owner``) to ``signal`` until ``owner`` is destroyed.

    Returns a function that disconnects earlier, for views whose scene is torn down before the
    object itself (pyqtgraph's ``GraphicsView.close``).
    """
    signal.connect(slot)
    method = weakref.WeakMethod(slot)

    def disconnect(*_):
        bound = method()
        if bound is not None:
            signal.disconnect(bound, missing_ok=True)

    owner.destroyed.connect(disconnect)
    return disconnect

"""Connecting Qt views to the model's psygnal signals for exactly as long as the view lives.

psygnal holds slots weakly, but a Qt object can be destroyed while its Python wrapper lives on
(deleteLater, a parent going away); a signal reaching it then raises. ``follow`` disconnects
when Qt destroys the object, without keeping the object alive itself (a kiosk runs for days).

psygnal also stops calling the remaining slots when one raises, so one failing view would leave
the others showing the old state. Each followed slot is therefore isolated: its error goes to
``sys.excepthook`` (the crash log and the user's message, see :mod:`timeline_app.qt.crash`) and
the signal goes on to the next view.
"""

from __future__ import annotations

import inspect
import sys
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject

__all__ = ["follow"]


def follow(owner: QObject, signal, slot: Callable) -> Callable[[], None]:
    """Connects ``slot`` (a bound method of ``owner``) to ``signal`` until ``owner`` is destroyed.

    Returns a function that disconnects earlier, for views whose scene is torn down before the
    object itself (pyqtgraph's ``GraphicsView.close``).
    """
    method = weakref.WeakMethod(slot)

    def isolated(*args):
        bound = method()
        if bound is None:  # the view is gone without Qt telling us (its wrapper was collected)
            signal.disconnect(isolated, missing_ok=True)
            return
        try:
            bound(*args)
        except Exception:  # noqa: BLE001 - any view's error is reported, and the others still run
            sys.excepthook(*sys.exc_info())

    # psygnal passes a slot as many arguments as its signature takes: give it the view's.
    isolated.__signature__ = inspect.signature(slot)
    isolated.__qualname__ = f"follow({slot.__qualname__})"
    signal.connect(isolated)

    def disconnect(*_):
        signal.disconnect(isolated, missing_ok=True)

    owner.destroyed.connect(disconnect)
    return disconnect

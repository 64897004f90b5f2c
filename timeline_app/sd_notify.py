"""Telling systemd how the kiosk is: ``READY=1`` once its window is up, ``WATCHDOG=1`` while its
event loop turns (the unit's ``WatchdogSec=`` restarts it when the pings stop), ``STOPPING=1``.

The sd_notify protocol is one datagram to the socket named in ``NOTIFY_SOCKET`` (``@`` for
Linux's abstract namespace); a few lines, so no library. Without systemd, or when the socket
cannot be reached, nothing happens: a kiosk must never fail for want of its supervisor.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping

__all__ = ["notify", "watchdog_interval"]


def notify(message: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Sends ``message`` (``READY=1``, ``WATCHDOG=1`` …); returns whether it was sent."""
    address = environ.get("NOTIFY_SOCKET", "")
    if not address or not hasattr(socket, "AF_UNIX"):
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))
    except OSError:
        return False
    return True


def watchdog_interval(environ: Mapping[str, str] = os.environ) -> float | None:
    """Seconds between pings: half the unit's ``WatchdogSec=`` as systemd advises; None when no
    watchdog watches this process."""
    usec, pid = environ.get("WATCHDOG_USEC"), environ.get("WATCHDOG_PID")
    if not usec or not usec.isdigit() or int(usec) <= 0:
        return None
    if pid and pid.isdigit() and int(pid) != os.getpid():
        return None
    return int(usec) / 2_000_000

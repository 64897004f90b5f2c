"""Pings systemd's watchdog from a timer on the GUI thread: the pings stop when the event loop
hangs, and systemd restarts the kiosk (see ``contrib/systemd/timeline-kiosk.service``). They
also stop when the kiosk has not been on screen for :data:`HIDDEN_LIMIT` seconds (``away_for``):
a kiosk the desktop keeps hidden is restarted rather than left running behind it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from ..sd_notify import notify, watchdog_interval

__all__ = ["HIDDEN_LIMIT", "Watchdog"]

HIDDEN_LIMIT = 10.0  # s off screen, after which the pings stop


class Watchdog(QObject):
    """Does nothing unless systemd set ``WATCHDOG_USEC`` for this process."""

    def __init__(self, parent: QObject | None = None, away_for: Callable[[], float] | None = None):
        super().__init__(parent)
        self.away_for = away_for
        self.timer = QTimer(self)
        interval = watchdog_interval()
        if interval is not None:
            self.timer.setInterval(max(int(interval * 1000), 100))
            self.timer.timeout.connect(self.ping)
            self.timer.start()

    def ping(self) -> None:
        if self.away_for is None or self.away_for() < HIDDEN_LIMIT:
            notify("WATCHDOG=1")

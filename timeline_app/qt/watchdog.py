"""Pings systemd's watchdog from a timer on the GUI thread: the pings stop when the event loop
hangs, and systemd restarts the kiosk (see ``contrib/systemd/timeline-kiosk.service``)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ..sd_notify import notify, watchdog_interval

__all__ = ["Watchdog"]


class Watchdog(QObject):
    """Does nothing unless systemd set ``WATCHDOG_USEC`` for this process."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        interval = watchdog_interval()
        if interval is not None:
            self.timer.setInterval(max(int(interval * 1000), 100))
            self.timer.timeout.connect(self.ping)
            self.timer.start()

    def ping(self) -> None:
        notify("WATCHDOG=1")

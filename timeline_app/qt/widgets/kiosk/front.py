"""Keeps the kiosk in front under an ordinary window manager: when the desktop's keys hide it
(Super+D), minimise it (the window menu's Iconify), or move the user to another desktop
(Ctrl+Alt+→), it puts itself back full screen, on top and active within :data:`BACK_WITHIN`
seconds. Looked at on the kiosk's tick, and at once when Qt says the window or the application
changed state. A kiosk compositor (cage) has no such keys; this is for the machines that have.

``shown_since`` tells the watchdog how long the window has failed to be on screen, so that a
kiosk that cannot show itself stops pinging and systemd restarts it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from ....viewmodel.clock import Clock

__all__ = ["BACK_WITHIN", "FrontGuard", "cover"]

BACK_WITHIN = 2.0  # s: what a visitor might see of the desktop, at most
_GRACE = 0.5  # s away before putting it back (a window manager's own shuffle passes)


def cover(window: QWidget) -> None:
    """Full screen on its screen: asked of the window manager, and the screen's geometry given too,
    for an X server with no window manager to do it."""
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()


class FrontGuard(QObject):
    def __init__(self, window: QWidget, clock: Clock):
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.active = True  # off once staff leave kiosk mode
        self._away_since: float | None = None
        self.restores = 0
        window.installEventFilter(self)
        QApplication.instance().applicationStateChanged.connect(self._on_state_changed)

    def stop(self) -> None:
        self.active = False
        self.window.removeEventFilter(self)
        QApplication.instance().applicationStateChanged.disconnect(self._on_state_changed)

    def in_front(self) -> bool:
        """Whether the window is up: visible, not minimised, full screen, its application active."""
        w = self.window
        handle = w.windowHandle()
        return (w.isVisible() and not w.isMinimized() and w.isFullScreen()
                and (handle is None or handle.isExposed())
                and QApplication.applicationState() == Qt.ApplicationState.ApplicationActive)

    def away_for(self) -> float:
        """Seconds the window has not been in front (0 when it is)."""
        return 0.0 if self._away_since is None else self.clock.now() - self._away_since

    def check(self) -> None:
        """The kiosk's tick: notes when the window left the front, and puts it back after a grace."""
        if not self.active:
            return
        if self.in_front():
            self._away_since = None
            return
        now = self.clock.now()
        if self._away_since is None:
            self._away_since = now
        if now - self._away_since >= _GRACE:
            self.bring_back()

    def bring_back(self) -> None:
        w = self.window
        self.restores += 1
        w.setWindowState((w.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowFullScreen
                         | Qt.WindowState.WindowActive)
        cover(w)
        w.raise_()
        w.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.active and event.type() in (QEvent.Type.Hide, QEvent.Type.WindowStateChange):
            self.check()
        return False

    def _on_state_changed(self, _) -> None:
        self.check()

"""Helpers for the archivist's-window tests: a window shown, active and ready for keys."""

from __future__ import annotations

from timeline_app.dataset import bundled_dataset_path
from timeline_app.qt.app import create_application
from timeline_app.qt.preferences import Preferences
from timeline_app.qt.windows.main_window import MainWindow
from timeline_app.viewmodel import Session


def open_window(qtbot, session: Session | None = None, prefs: Preferences | None = None,
                size: tuple[int, int] = (1440, 860), **options) -> MainWindow:
    """A MainWindow on ``session`` (the bundled dataset), with ``prefs`` (in memory), not animated."""
    create_application()
    window = MainWindow(session or Session.open(bundled_dataset_path()), prefs or Preferences.ephemeral(),
                        animate=False, **options)
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window

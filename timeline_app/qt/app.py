"""Starting the viewer: the QApplication, fonts, theme, the main window or the kiosk, or a
screenshot of either."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..dataset import DatasetError, bundled_dataset_path
from ..viewmodel import Session

__all__ = ["KIOSK_LEFT", "ORGANIZATION", "APPLICATION", "create_application", "run", "run_kiosk"]

ORGANIZATION = "timeline-app"
APPLICATION = "timeline-app"
KIOSK_LEFT = 3  # exit status after staff left kiosk mode: a supervisor does not start it again


def create_application(argv: list[str] | None = None):
    """The QApplication with our names (for QSettings), Fusion style and the bundled fonts."""
    from PySide6.QtWidgets import QApplication

    from .fonts import install_fonts

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setStyle("Fusion")
    install_fonts(app)
    return app


def run(path: Path | None, lang: str | None = None, select: str | None = None,
        screenshot: Path | None = None, size: tuple[int, int] = (1600, 900)) -> int:
    """Opens the viewer on ``path``; with ``screenshot``, renders it offscreen to a PNG instead.

    Without ``path`` the viewer reopens the dataset opened last (if it is still there), else the
    bundled one. Screenshots neither read nor write the user's preferences.
    """
    if screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_application()
    from .preferences import Preferences

    prefs = Preferences.ephemeral() if screenshot is not None else Preferences()
    session, code = _open_session(path or prefs.last_dataset or bundled_dataset_path(), select)
    if session is None:
        return code
    from .windows.main_window import MainWindow

    window = MainWindow(session, prefs, lang=lang, animate=screenshot is None)
    if select:
        window.select(select)
    if screenshot is not None:
        return _screenshot(app, window, screenshot, size)
    window.show()
    return app.exec()


def run_kiosk(config, path: Path, select: str | None = None, screenshot: Path | None = None,
              size: tuple[int, int] = (1920, 1080), tour_step: int | None = None) -> int:
    """Opens the kiosk full screen on ``path`` with ``config`` (a :class:`KioskConfig`); with
    ``screenshot``, renders it offscreen instead (``tour_step``: as the tour shows its Nth stop).

    Everything is drawn ``config.scale`` times larger (Qt's global scale factor, which must be
    set before the application exists); a screenshot of ``size`` is drawn as a screen of that
    many pixels would be at the desktop scaling that makes it 1080 pixels high (200% at 2160).
    """
    factor = config.scale * (size[1] / 1080 if screenshot is not None else 1.0)
    os.environ["QT_SCALE_FACTOR"] = f"{factor:g}"
    if screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_application()  # the hook point for crash logging too: before any window exists
    from ..config import dataset_problems

    session, code = _open_session(path, select)
    if session is None:
        return code
    problems = dataset_problems(config, session.dataset)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    from .windows.kiosk_window import KioskWindow

    window = KioskWindow(session, config, animate=screenshot is None)
    if select:
        window.navigator.select(select)
    if screenshot is not None:
        if tour_step is not None:
            window.kiosk.start_tour()
            for _ in range(tour_step - 1):
                window.kiosk.tour.advance()
        return _screenshot(app, window, screenshot, (round(size[0] / factor), round(size[1] / factor)))
    from ..sd_notify import notify
    from .watchdog import Watchdog

    window.showFullScreen()
    Watchdog(window)  # lives as long as the window
    notify("READY=1")
    code = app.exec()
    notify("STOPPING=1")
    return KIOSK_LEFT if window.left else code


def _open_session(path: Path, select: str | None) -> tuple[Session | None, int]:
    """The session on ``path`` (with ``select`` in it), or None and the exit code after saying why."""
    try:
        session = Session.open(path)
    except DatasetError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return None, 1
    if select and select not in session.dataset.milestone_by_id:
        print(f"timeline-app: no milestone with id '{select}'", file=sys.stderr)
        return None, 2
    return session, 0


def _screenshot(app, window, target: Path, size: tuple[int, int]) -> int:
    """Renders exactly what a user would see at ``size`` and writes it as a PNG."""
    window.resize(*size)
    window.show()
    for _ in range(3):  # layouts settle over a few passes (heights that depend on widths)
        app.processEvents()
    image = window.grab()
    if not image.save(str(target), "PNG"):
        print(f"timeline-app: cannot write {target}", file=sys.stderr)
        return 2
    window.close()
    return 0

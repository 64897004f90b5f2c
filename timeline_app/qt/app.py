"""Starting the viewer or the kiosk: the crash log, the QApplication, fonts, the window, or a
screenshot of either.

A dataset with problems still opens a window: on its last good copy when one was kept, else
empty, with the problems listed and F5 and live reload ready to pick up the fix. A large one is
read after the window is up, its progress shown. The kiosk, which
nobody is there to read problems from, opens the last good copy and logs them; with none, it says
that the exhibition is being updated until the file loads. What its configuration names that the
dataset lacks is logged and left out: a kiosk never exits into a restart loop over its files.
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from ..startup_gc import resume_collection
from ..dataset import bundled_dataset_path
from ..dataset.files import remove_stale_temporaries
from ..dataset.last_good import LastGoodCopies, Opened, empty_dataset, holds_nothing
from ..dataset.problems import Problem
from ..dataset.start_guard import StartGuard
from ..i18n.problems import format_problem, visible
from ..i18n import system_language, tr
from ..viewmodel import Session
from ..viewmodel.screen_fit import fitting_scale
from .crash import install_crash_log, log
from .first_paint import after_first_paint
from .application import APPLICATION, ORGANIZATION, create_application
from .fonts import FontInstall
from .startup import report_startup

__all__ = ["APPLICATION", "KIOSK_LEFT", "ORGANIZATION", "create_application", "run", "run_kiosk"]

KIOSK_LEFT = 3  # exit status after staff left kiosk mode: a supervisor does not start it again
OPEN_LATER_BYTES = 1_000_000  # larger (some 3,000 milestones) may take 0.3 s to read: the window comes first
COLLECT_BY_MS = 10_000  # the cycle collector resumes by then even if no frame was painted (a hidden window)


def run(path: Path | None, lang: str | None = None, select: str | None = None,
        screenshot: Path | None = None, size: tuple[int, int] = (1600, 900), startup_report: bool = False,
        theme: str | None = None, show_range=None, watch: bool | None = None) -> int:
    """Opens the viewer on ``path``; with ``screenshot``, renders it offscreen to a PNG instead.

    Without ``path`` the viewer reopens the dataset opened last (if it is still there), else the
    bundled one. Screenshots neither read nor write the user's preferences. ``watch`` overrides
    the preference to reload the dataset when it changes (``--no-watch``).
    """
    crash_log = install_crash_log()
    if screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_application(fonts=False)
    fonts = FontInstall()  # read on a worker while the dataset opens and the window's modules load
    from .preferences import Preferences

    prefs = Preferences.ephemeral() if screenshot is not None else Preferences()
    path = (path or prefs.last_dataset or bundled_dataset_path()).absolute()
    crash_log.dataset = path
    guard = _guard()
    failures = guard.begin(path)
    later = screenshot is None and not failures and _slow_to_open(path)  # after a crash: read it as the guard says
    opened = Opened(empty_dataset(path)) if later else _open(path, lang, failures)
    session = _session(opened, None if later else select)
    from .windows.main_window import MainWindow

    fonts.finish(app)
    if session is None:
        return 2
    window = MainWindow(session, prefs, lang=lang, animate=screenshot is None, theme=theme, opened=opened,
                        watch=False if screenshot is not None else watch)
    if show_range is not None:
        from ..viewmodel.timescale import span_of

        window.navigator.set_range(span_of(show_range))
    crash_log.set_reporter(window.show_error)

    def follow_target(*_) -> None:  # the log names the file being worked on
        crash_log.dataset = window.live.target

    window.live.loaded.connect(follow_target)
    window.live.failed.connect(follow_target)
    if later:  # the window first, the data when it is read (its progress shown, Cancel offered)
        window.live.open_first()
        if select:
            window.live.loaded.connect(lambda *_: window.navigator.select(select, reveal=show_range is None)
                                       if select in window.session.dataset.milestone_by_id else None)
    elif select:
        window.navigator.select(select, reveal=show_range is None)
    window.first_frame.connect(resume_collection)
    (window.live.loaded if later else window.first_frame).connect(guard.done)  # a late read is guarded too
    if startup_report:
        window.first_frame.connect(report_startup)
        _report_drawn(window, later)
    if screenshot is not None:
        return _screenshot(app, window, screenshot, size, guard)
    window.show()
    QTimer.singleShot(COLLECT_BY_MS, resume_collection)
    code = app.exec()
    guard.done()
    return code


def run_kiosk(config, path: Path, select: str | None = None, screenshot: Path | None = None,
              size: tuple[int, int] = (1920, 1080), tour_step: int | None = None,
              dataset_from_config: bool = False, watch: bool = True) -> int:
    """Opens the kiosk full screen on ``path`` with ``config`` (a :class:`KioskConfig`), following
    both files unless not to ``watch`` (``dataset_from_config``: the dataset the configuration
    names, when it is edited);
    with ``screenshot``, renders it offscreen instead (``tour_step``: as the tour shows its Nth stop).

    Everything is drawn ``config.scale`` times larger than a desktop window (Qt's global scale
    factor, which must be set before the application exists); without a scale, the one at which
    the screen holds the whole layout (:func:`~..viewmodel.screen_fit.fitting_scale`). A
    screenshot of ``size`` is exactly that many pixels, drawn as a screen of that size shows it.
    """
    crash_log = install_crash_log()  # no reporter: nobody at an exhibit reads error boxes; the log does
    if screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        factor = config.scale or fitting_scale(*size)
    else:
        factor = config.scale or _screen_scale()
    os.environ["QT_SCALE_FACTOR"] = f"{factor:g}"
    app = create_application(fonts=False)
    fonts = FontInstall()  # read on a worker meanwhile, as for the viewer
    from ..config import dataset_problems, problem_line

    path = Path(path).absolute()
    crash_log.dataset = path
    guard = _guard()
    opened = _open(path, "en", guard.begin(path))
    for problem in opened.problems:
        log.warning("kiosk dataset: %s", format_problem(problem))
    session = _session(opened, select)
    fonts.finish(app)
    if session is None:
        return 2
    # (an empty stand-in names nothing the configuration does: a restart would only fail the same way)
    problems = [] if holds_nothing(session.dataset) else dataset_problems(config, session.dataset)
    for problem in problems:  # left out: the exhibit runs on what there is
        print(problem_line(problem, config.language), file=sys.stderr)
        log.warning("kiosk configuration: %s", problem_line(problem))
    from .windows.kiosk_window import KioskWindow

    window = KioskWindow(session, config, animate=screenshot is None, watch=watch and screenshot is None, opened=opened,
                         dataset_from_config=dataset_from_config)
    if select:
        window.navigator.select(select)
    if screenshot is not None:
        if tour_step is not None:
            window.kiosk.start_tour()
            for _ in range(tour_step - 1):
                window.kiosk.tour.advance()
        return _screenshot(app, window, screenshot, size, guard)
    from ..sd_notify import notify
    from .watchdog import Watchdog

    after_first_paint(window, resume_collection)
    after_first_paint(window, guard.done)
    QTimer.singleShot(COLLECT_BY_MS, resume_collection)
    front = window.keep_in_front()
    Watchdog(window, front.away_for)  # lives as long as the window
    notify("READY=1")
    code = app.exec()
    guard.done()
    notify("STOPPING=1")
    return KIOSK_LEFT if window.left else code


def _report_drawn(window, later: bool) -> None:
    """``--startup-report`` also says when the dataset was first drawn: with the first frame, or
    (read after the window came up) with the first frame after it was read."""
    from .startup import process_age_ms, report_drawn

    if not later:
        window.first_frame.connect(report_drawn)
        return

    def read(*_) -> None:
        window.live.loaded.disconnect(read)
        read_at = process_age_ms()
        after_first_paint(window.timeline.viewport(), lambda: report_drawn(read_at))

    window.live.loaded.connect(read)


def _slow_to_open(path: Path) -> bool:
    """Whether the file may take long enough to read that the window should come first: one
    larger than :data:`OPEN_LATER_BYTES` (the bundled dataset is a fifteenth of it)."""
    try:
        return path.stat().st_size > OPEN_LATER_BYTES
    except OSError:
        return False


def _screen_scale() -> float:
    """The scale that fits the primary screen, over the desktop's own scaling: read from a
    short-lived application, before the kiosk's is made with it."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return 1.0  # made already (a test's): its scale is set, and nothing here changes it
    probe = QGuiApplication([sys.argv[0]])
    screen = probe.primaryScreen()
    desktop = screen.devicePixelRatio()
    size = screen.geometry().size() * desktop
    probe.shutdown()
    return fitting_scale(size.width(), size.height()) / desktop


def _guard() -> StartGuard:
    """The start's guard against a crash loop, once the temporary files of killed writes are gone."""
    from ..dataset.cache import cache_dir
    from ..dataset.last_good import cache_dir as copies_dir

    for folder in (cache_dir(), copies_dir()):
        for stale in remove_stale_temporaries(folder):
            log.info("removed %s, left by a write that did not finish", stale)
    return StartGuard()


def _open(path: Path, lang: str | None, failures: int = 0) -> Opened:
    """The dataset at ``path``, or its last good copy (or nothing) with its problems said.

    After ``failures`` starts in a row that died opening it: once, it is read afresh (past the
    cache and the last good copy); more often, it is not opened (F5 tries again).
    """
    if failures:
        log.warning("the last %d start(s) died opening %s", failures, path)
    if failures == 1:
        print(f"timeline-app: {tr('start.crashed', lang or system_language(), path=visible(str(path)))}",
              file=sys.stderr)
    if failures >= 2:
        opened = Opened(empty_dataset(path), [Problem(str(path), 1, 1, "problem.start.crashed", (("n", failures),))])
    else:
        opened = LastGoodCopies().open(path, trusted=not failures)
    for problem in opened.problems:
        print(format_problem(problem, lang or system_language()), file=sys.stderr)
    if opened.copy_saved is not None:
        print(f"timeline-app: showing the last good copy of {visible(str(path))}, kept {opened.copy_saved:%Y-%m-%d %H:%M}",
              file=sys.stderr)
    return opened


def _session(opened: Opened, select: str | None) -> Session | None:
    session = Session(opened.dataset)
    if select and select not in session.dataset.milestone_by_id:
        print(f"timeline-app: no milestone with id '{select}'", file=sys.stderr)
        return None
    return session


def _screenshot(app, window, target: Path, size: tuple[int, int], guard: StartGuard) -> int:
    """Renders exactly what a user would see on a screen of ``size`` device pixels and writes it
    as a PNG of that size (what a window too large for it would show off the screen is cut off)."""
    from PySide6.QtCore import QRect

    ratio = window.devicePixelRatioF()
    window.resize(math.ceil(size[0] / ratio), math.ceil(size[1] / ratio))
    window.show()
    for _ in range(3):  # layouts settle over a few passes (heights that depend on widths)
        app.processEvents()
    image = window.grab().toImage().copy(QRect(0, 0, *size))
    guard.done()
    if not image.save(str(target), "PNG"):
        print(f"timeline-app: cannot write {target}", file=sys.stderr)
        return 2
    window.close()
    return 0

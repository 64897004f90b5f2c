"""Crash safety: a size-capped log, faulthandler into it, and hooks for every error nobody caught.

``install_crash_log()`` runs first thing at start-up. From then on:

- a segfault or abort leaves faulthandler's trace of every thread in the log;
- an uncaught exception (in a slot, a paint, a followed view, a Python thread) is logged with
  the time, the version, the dataset and the traceback, and handed to the *reporter*: the
  archivist's window shows a message and goes on; a kiosk sets none and only logs;
- Qt's own warnings go to the log too.

The log is ``timeline-app.log`` in the platform's user log folder (``TIMELINE_APP_LOG_DIR``
overrides it), rotated at :data:`MAX_BYTES` with :data:`BACKUPS` older files kept. When that
folder cannot be written (read-only, full, a file in its place), the log and faulthandler go to
the console and the app starts all the same.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QtMsgType, Signal, qInstallMessageHandler

from .. import __version__

__all__ = ["BACKUPS", "LOG_DIR_ENV", "LOG_NAME", "MAX_BYTES", "CrashLog", "install_crash_log", "log_dir"]

LOG_DIR_ENV = "TIMELINE_APP_LOG_DIR"
LOG_NAME = "timeline-app.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
APP_NAME = "timeline-app"

log = logging.getLogger("timeline_app")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO, QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR, QtMsgType.QtFatalMsg: logging.CRITICAL,
}

Reporter = Callable[[str, str], None]  # (one-line summary, details with the traceback)


def log_dir() -> Path:
    """Where the log goes: ``$TIMELINE_APP_LOG_DIR``, else the platform's user log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # only here: the environment variable needs no lookup

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class _LogFile(RotatingFileHandler):
    """The rotating log, with faulthandler always writing into its current file."""

    def __init__(self, path: Path):
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        faulthandler.enable(self.stream, all_threads=True)

    def doRollover(self) -> None:
        faulthandler.disable()  # it must never write into the closed file's descriptor
        super().doRollover()
        faulthandler.enable(self.stream, all_threads=True)


class _StderrLog(logging.StreamHandler):
    """Where the log goes when its folder cannot be written: the console, if there is one."""

    def __init__(self):
        super().__init__(sys.__stderr__)
        if sys.__stderr__ is not None:
            faulthandler.enable(sys.__stderr__, all_threads=True)

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is not None:  # (pythonw and a desktop launcher may give none)
            super().emit(record)


class _Bridge(QObject):
    """Carries a report to the GUI thread, whichever thread the error happened on."""

    raised = Signal(str, str)


class CrashLog:
    """The installed hooks; ``uninstall()`` puts back what was there (tests install their own)."""

    def __init__(self, folder: Path):
        self.dataset: Path | None = None  # named in every report; the window keeps it current
        self.path: Path | None = folder / LOG_NAME  # None when the folder cannot be written
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._handler: logging.Handler = _LogFile(self.path)
            self.unwritable: str | None = None
        except OSError as err:  # a log that cannot be written must not stop the start: stderr instead
            self.path, self.unwritable = None, f"{folder}: {err.strerror or err}"
            self._handler = _StderrLog()
        self._handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self._bridge: _Bridge | None = None
        self._reporter: Reporter | None = None
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        self._previous_qt_handler = None
        self._faulthandler_was_on = faulthandler.is_enabled()

    def _install(self) -> CrashLog:
        log.addHandler(self._handler)
        if log.level == logging.NOTSET or log.level > logging.INFO:
            log.setLevel(logging.INFO)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        self._previous_qt_handler = qInstallMessageHandler(self._qt_message)
        log.info("%s %s started (Python %s, %s %s %s)", APP_NAME, __version__, platform.python_version(),
                 platform.system(), platform.release(), platform.machine())  # platform.platform() reads the
        # interpreter binary for its libc version: 5–9 ms of every start
        if self.unwritable:
            log.warning("the log cannot be written (%s): logging to the console instead", self.unwritable)
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous_hooks
        qInstallMessageHandler(self._previous_qt_handler)
        faulthandler.disable()
        if self._faulthandler_was_on:
            faulthandler.enable(sys.__stderr__, all_threads=True)
        log.removeHandler(self._handler)
        self._handler.close()
        self.set_reporter(None)

    def set_reporter(self, reporter: Reporter | None) -> None:
        """Who tells the user (called on the GUI thread); None: only log (the kiosk)."""
        if self._reporter is not None:
            self._bridge.raised.disconnect(self._reporter)
        self._reporter = reporter
        if reporter is not None:
            if self._bridge is None:
                self._bridge = _Bridge()
            self._bridge.raised.connect(reporter, Qt.ConnectionType.QueuedConnection)

    def report(self, exc_type, exc, tb, where: str = "") -> None:
        """Logs an exception nobody caught and tells the reporter; the app goes on."""
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
        log.error("Uncaught exception%s (%s %s, dataset %s):\n%s", f" in {where}" if where else "", APP_NAME,
                  __version__, self.dataset or "none", details.rstrip())
        if self._reporter is not None:
            self._bridge.raised.emit(summary, details)

    def _excepthook(self, exc_type, exc, tb) -> None:
        self.report(exc_type, exc, tb)
        self._previous_hooks[0](exc_type, exc, tb)

    def _thread_excepthook(self, args) -> None:
        if not issubclass(args.exc_type, SystemExit):  # a thread's normal way out
            self.report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {args.thread.name if args.thread else '?'}")
        self._previous_hooks[1](args)

    def _qt_message(self, mode, context, message: str) -> None:
        log.getChild("qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)
        if self._previous_qt_handler is not None:
            self._previous_qt_handler(mode, context, message)
        elif mode != QtMsgType.QtDebugMsg:
            print(message, file=sys.__stderr__)  # a console user still sees Qt's warnings


def install_crash_log(folder: Path | None = None) -> CrashLog:
    """Starts the log in ``folder`` (default: :func:`log_dir`) and installs every hook."""
    return CrashLog(folder or log_dir())._install()

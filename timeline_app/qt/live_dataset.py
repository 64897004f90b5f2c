"""Live reload: a session's dataset kept in step with its file, loaded off the GUI thread.

:class:`LiveDataset` watches the dataset file, the folder it is in (editors save by writing a
temporary file and renaming it over the dataset, which a file watch alone loses) and the media
files it refers to. Changes are debounced (an editor's save is several writes), the file is
loaded on a worker thread, and the result is applied on the GUI thread, where the session's
psygnal signals reach the views: the views never see a worker thread. A bad save leaves the last
good data on screen and reports its problems; the next good save clears them. The archivist's
window and the kiosk both use it; F5 is :meth:`LiveDataset.reload`.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QThreadPool, QTimer, Signal

from ..dataset.last_good import LastGoodCopies, Opened, file_signature, holds_nothing
from ..dataset.media import media_paths
from ..dataset.problems import DatasetError, Problem, bug_problem
from ..dataset.deferred import deferring
from ..dataset.progress import Cancelled, reporting
from ..dataset.records import Dataset
from ..i18n.problems import report_lines
from ..viewmodel.session import Session

__all__ = ["DEBOUNCE_MS", "LiveDataset"]

DEBOUNCE_MS = 300
WRITE_AFTER_MS = 500  # the cache and last good copy are written this long after the data is shown
_log = logging.getLogger("timeline_app.reload")


@dataclass(frozen=True)
class _Result:
    path: Path
    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)
    media: list[Path] = field(default_factory=list)
    settled: bool = True  # the file did not change while it was read
    cancelled: bool = False  # the user stopped it
    copy_saved: dt.datetime | None = None  # with problems, the last good copy shown instead, kept then
    writes: list = field(default_factory=list)  # the cache and the last good copy, once it is shown


def _load(path: Path, copies: LastGoodCopies, report: Callable[[int, int], None], fallback: bool) -> _Result:
    """Runs on the worker thread: reads files, touches no Qt object and no session; ``report``
    hears the progress, and stops the load by raising :class:`Cancelled`. With ``fallback`` a
    file with problems gives its last good copy (or nothing), as at start."""
    before = file_signature(path)
    try:
        with reporting(report), deferring() as writes:
            opened = copies.open(path) if fallback else Opened(copies.load(path))
        result = _Result(path, opened.dataset, opened.problems, media_paths(opened.dataset),
                         copy_saved=opened.copy_saved, writes=writes)
    except Cancelled:
        return _Result(path, None, cancelled=True)
    except DatasetError as err:
        result = _Result(path, None, err.problems)
    except Exception as err:  # noqa: BLE001 - a loader bug: logged, and the last good data stays
        sys.excepthook(*sys.exc_info())
        result = _Result(path, None, [bug_problem(str(path), err)])
    if file_signature(path) != before:
        return _Result(path, result.dataset, result.problems, result.media, settled=False)
    return result


class _Results(QObject):
    """Carries a worker's result to the GUI thread (the connection is queued)."""

    ready = Signal(int, object)
    progressed = Signal(int, object, object)  # generation, bytes read, bytes in all (past 2 GB: objects)


class LiveDataset(QObject):
    """Keeps ``session`` on its file: ``loaded(dataset, new_file)`` after a good load was applied,
    ``failed(problems)`` after a bad one (the session keeps its data).

    ``opened`` is what start-up found (its problems and whether a last good copy is shown);
    ``watch`` whether to follow changes on disk (F5 always works). ``busy`` and ``progressed``
    follow a load under way, which :meth:`cancel` stops.
    """

    loaded = Signal(object, bool)
    failed = Signal(object)
    busy = Signal(object)  # the path being loaded, or None once the load is over (however it ended)
    progressed = Signal(object, object)  # bytes read, bytes in all, of the load under way

    def __init__(self, session: Session, opened: Opened | None = None, watch: bool = True,
                 copies: LastGoodCopies | None = None, debounce_ms: int = DEBOUNCE_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.copies = copies or LastGoodCopies()
        self.target: Path | None = session.dataset.path  # the file F5 reloads
        self.problems: list[Problem] = list(opened.problems) if opened else []
        self.copy_saved: dt.datetime | None = opened.copy_saved if opened else None
        self.loading: Path | None = None  # the file being read, as ``busy`` last said
        self.busy.connect(self._remember_loading)
        # The pool before the results' carrier: children go in order, and the pool waits for its jobs.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one load at a time, in the order asked
        self._results = _Results(self)
        self._results.ready.connect(self._on_result, Qt.ConnectionType.QueuedConnection)
        self._results.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        self._generation = 0
        self._stop = threading.Event()  # set: the load under way stops at its next report
        self._writes: list = []  # the cache and last good copies to write once the data is shown
        self._write_timer = QTimer(self)
        self._write_timer.setSingleShot(True)
        self._write_timer.setInterval(WRITE_AFTER_MS)
        self._write_timer.timeout.connect(self._write_now)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._watcher.directoryChanged.connect(self._on_folder_changed)
        self._files: dict[Path, tuple | None] = {}  # watched files and how they were when last seen
        self.watching = False
        if self.problems:
            _log_problems(self.target, self.problems)
        self.set_watching(watch)

    # -- what the window asks ------------------------------------------------------------

    def reload(self, path: str | Path | None = None) -> None:
        """Loads ``path`` (default: the target) now, on the worker; a new path becomes the target."""
        if path is not None and Path(path) != self.target:
            self.target = Path(path)
            self._watch(())
        self._timer.stop()
        self._start()

    def open_first(self) -> None:
        """Loads the target into a session that holds nothing yet, as a start does (its last good
        copy if it has problems), on the worker: the window is up meanwhile."""
        self._timer.stop()
        self._start(fallback=True)

    def cancel(self) -> None:
        """Stops the load under way; what is shown stays."""
        self._stop.set()

    def set_watching(self, on: bool) -> None:
        self.watching = on
        if on:
            self._watch(media_paths(self.session.dataset) if self.session.dataset.path == self.target else ())
        else:
            self._timer.stop()
            self._unwatch()

    def watched(self) -> list[str]:
        return sorted(self._watcher.files() + self._watcher.directories())

    def shutdown(self) -> None:
        """Stops watching, stops a load under way and writes what was still to be written (a
        window closing): nothing runs on the worker afterwards."""
        self._timer.stop()
        self._unwatch()
        self._generation += 1
        self._stop.set()
        self._write_timer.stop()
        self._write_now()
        self._pool.waitForDone()

    # -- watching --------------------------------------------------------------------------

    def _watch(self, media) -> None:
        if not self.watching or self.target is None:
            return
        self._unwatch()
        self._files = {path: file_signature(path) for path in (self.target, *media)}
        self._watcher.addPath(str(self.target.parent))
        self._rewatch()

    def _unwatch(self) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._files = {}

    def _rewatch(self) -> None:
        """Watches each file again: one renamed over or deleted and written anew is not followed."""
        watched = set(self._watcher.files())
        for path in self._files:
            if str(path) not in watched and path.is_file():
                self._watcher.addPath(str(path))

    def _on_file_changed(self, _: str) -> None:
        self._changed()

    def _on_folder_changed(self, _: str) -> None:
        """Something in the dataset's folder changed: a reload only if one of our files did."""
        if any(file_signature(path) != seen for path, seen in self._files.items()):
            self._changed()

    def _changed(self) -> None:
        self._files = {path: file_signature(path) for path in self._files}
        self._rewatch()
        self._generation += 1  # a load under way reads a file that is changing: its result is dropped
        self._timer.start()

    # -- loading ---------------------------------------------------------------------------

    def _start(self, fallback: bool = False) -> None:
        if self.target is None:
            return
        self._generation += 1
        self._stop.set()  # a load still under way is superseded
        self._stop = stop = threading.Event()
        generation, path, copies, results = self._generation, self.target, self.copies, self._results

        def report(done: int, total: int) -> None:  # on the worker
            if stop.is_set():
                raise Cancelled
            results.progressed.emit(generation, done, total)

        self.busy.emit(path)
        self._pool.start(lambda: results.ready.emit(generation, _load(path, copies, report, fallback)))

    def _remember_loading(self, path: Path | None) -> None:
        self.loading = path

    def _on_progressed(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progressed.emit(done, total)

    def _on_result(self, generation: int, result: _Result) -> None:
        if generation != self._generation:
            return  # superseded by a newer change or request
        self.busy.emit(None)  # over (one caught mid-save starts again once the writing stops)
        if result.cancelled:
            return
        if result.dataset is None and not result.settled:
            self._timer.start()  # caught mid-save: try again once the writing stops
            return
        if result.dataset is None or result.problems:
            self.problems = result.problems
            _log_problems(result.path, result.problems)
            if result.dataset is not None:  # a first load's stand-in: the last good copy, or nothing
                self.copy_saved = result.copy_saved
                self.session.set_dataset(result.dataset)
            self.failed.emit(result.problems)
            self._write_later(result.writes)
            return
        shown = self.session.dataset.path
        new_file = shown is None or shown.resolve() != result.path.resolve() or holds_nothing(self.session.dataset)
        self.problems, self.copy_saved = [], None
        self.session.set_dataset(result.dataset)
        self._watch(result.media)
        _log.info("loaded %s: %d milestones", result.path, len(result.dataset.milestones))
        self.loaded.emit(result.dataset, new_file)
        self._write_later(result.writes)

    def _write_later(self, writes: list) -> None:
        """The cache and the last good copy, once the window has drawn the data (writing them
        holds Python's lock a while)."""
        self._writes += writes
        if self._writes:
            self._write_timer.start()

    def _write_now(self) -> None:
        writes, self._writes = self._writes, []
        if writes:
            self._pool.start(partial(_run_all, writes))


def _run_all(work: list) -> None:
    for job in work:
        job()


def _log_problems(path: Path | None, problems: list[Problem]) -> None:
    _log.warning("%s has %d problems; the last good data stays:\n%s", path, len(problems),
                 "\n".join(report_lines(problems)))  # floods grouped, as validate prints them

"""The archivist's window as a user meets it, in this process: building and showing it for a
session, frames under a scripted zoom and pan, and a search keystroke until the window is repainted.

A frame is one change of the visible range followed by the repaint Qt then does of everything
that changed (timeline, indicator rows, axis), as a wheel notch or a drag step causes.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from timeline_app.dataset.records import Dataset
from timeline_app.qt.app import create_application
from timeline_app.qt.preferences import Preferences
from timeline_app.qt.windows.main_window import MainWindow
from timeline_app.viewmodel import Session

__all__ = ["SIZE", "scripted_ranges", "window_figures"]

SIZE = (1600, 900)
INDICATOR_ROWS = 8  # the indicator panel shows at least this many measures during the frames


def scripted_ranges(full: tuple[float, float], steps: int = 120) -> list[tuple[float, float]]:
    """Zoom from the decade to about a week around a point, pan across, then zoom back out."""
    lo, hi = full
    centre, width = (lo + hi) / 2, hi - lo
    ranges = []
    for k in range(steps // 3):  # zoom in
        w = width * (0.82 ** k)
        ranges.append((centre - w / 2, centre + w / 2))
    w = max(width * 0.82 ** (steps // 3), 7)
    for k in range(steps // 3):  # pan at that zoom
        shift = (k - steps // 6) * w * 0.2
        ranges.append((centre + shift - w / 2, centre + shift + w / 2))
    for k in range(steps // 3):  # zoom out
        w2 = min(w * (1.25 ** k), width)
        ranges.append((centre - w2 / 2, centre + w2 / 2))
    return ranges


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def window_figures(dataset: Dataset, queries: tuple[str, ...] = ("首", "例", "手", "术")) -> dict[str, object]:
    """``build_ms`` (one), ``frame_ms`` and ``filter_ms`` (lists) for one dataset."""
    app = create_application()
    session = Session(dataset)
    start = time.perf_counter()
    window = MainWindow(session, Preferences.ephemeral(), lang="zh", animate=False)
    window.resize(*SIZE)
    window.show()
    _settle(app)
    build_ms = _ms(start)
    sizes = window.left_splitter.sizes()  # room for the indicator rows, the rest to the timeline
    rows = window.indicators.height_for_rows(INDICATOR_ROWS)
    window.left_splitter.setSizes([sum(sizes) - rows - sizes[2], rows, sizes[2]])
    window.navigator.select(str(session.index.ids[len(session.index) // 2]), reveal=False)  # the detail pane shows one
    _settle(app)
    frames = []
    for r in scripted_ranges(session.full_range()):
        start = time.perf_counter()
        window.navigator.set_range(r)
        app.processEvents()  # the repaint of what changed
        frames.append(_ms(start))
    window.navigator.fit_all()
    _settle(app)
    search = window.filter_bar._search
    search.setFocus()
    filters = []
    for query in queries:  # typing, one character at a time, then deleting it again
        for key in (query, None):
            start = time.perf_counter()
            if key is None:
                QTest.keyClick(search, Qt.Key.Key_Backspace)
            else:  # as a Chinese input method delivers a character
                commit = QInputMethodEvent()
                commit.setCommitString(key)
                QApplication.sendEvent(search, commit)
            window.filter_bar.flush()  # no typing pause: what the pause ends in
            app.processEvents()
            filters.append(_ms(start))
    window.close()
    window.deleteLater()
    _settle(app)
    return {"build_ms": build_ms, "frame_ms": frames, "filter_ms": filters}

"""A load that takes a while shows its progress in the status bar and can be cancelled; the
window stays usable and the data on screen stays until a load succeeds."""

from __future__ import annotations

import re
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from archivist import open_window

from timeline_app.dataset import bundled_dataset_path
from timeline_app.dataset import progress as dataset_progress
from timeline_app.dataset.cache import cache_file
from timeline_app.dataset.last_good import LastGoodCopies, empty_dataset
from timeline_app.qt import app
from timeline_app.qt.widgets import load_progress
from timeline_app.viewmodel import Session
from timeline_app.qt.widgets.load_progress import LoadProgress

sys.path.insert(0, str(Path(__file__).parents[3] / "benchmarks"))
from synth import synthetic_yaml  # noqa: E402 - the benchmarks' archives, found beside the tests


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(load_progress, "SHOW_AFTER_MS", 0)  # every load shows it: no machine is slow on cue
    return open_window(qtbot, lang="zh")


def archive(tmp_path, name: str) -> Path:
    path = tmp_path / name
    path.write_text(synthetic_yaml(1500, seed=len(name)), encoding="utf-8")  # seeds apart: no cache hit
    return path


def held_parser(monkeypatch) -> threading.Event:
    """The parser waits at its first record until the event is set: a fast machine's load would
    otherwise end before the test has seen it under way."""
    go_on = threading.Event()
    counted = dataset_progress.counted

    def held(sink, data):
        inner = counted(sink, data)
        return inner and (lambda key, node: go_on.wait(30) and inner(key, node))

    monkeypatch.setattr(dataset_progress, "counted", held)
    return go_on


def test_a_long_load_shows_the_bytes_read_and_goes_when_done(window, qtbot, tmp_path, monkeypatch):
    path = archive(tmp_path, "big.yaml")
    progress = window.findChild(LoadProgress)
    seen = []
    window.live.progressed.connect(lambda done, total: seen.append((done, total)))
    go_on = held_parser(monkeypatch)
    window.open_dataset(path)
    qtbot.waitUntil(progress.isVisible)
    go_on.set()
    assert progress.label.text().startswith("正在载入 big.yaml：") and progress.label.text().endswith(" MB")
    qtbot.waitUntil(lambda: window.session.dataset.path == path, timeout=60000)
    assert not progress.isVisible()
    assert seen[0] == (0, path.stat().st_size) and len({done for done, _ in seen}) > 2  # it moved
    assert all(done <= total for done, total in seen)


def test_cancel_stops_the_load_and_keeps_the_data_shown(window, qtbot, tmp_path, monkeypatch):
    before = window.session.dataset
    path = archive(tmp_path, "bigger.yaml")
    progress = window.findChild(LoadProgress)
    progress.cancel_button.clicked.connect(held_parser(monkeypatch).set)  # it goes on to hear the Cancel
    ended = []
    window.live.busy.connect(ended.append)
    window.open_dataset(path)
    qtbot.waitUntil(progress.cancel_button.isVisible)
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ended[-1:] == [None], timeout=60000)
    assert window.session.dataset is before
    assert progress.label.text() == "已取消载入 bigger.yaml，仍显示原有数据" and not progress.bar.isVisible()
    assert window.problems_panel.list.count() == 0  # a cancel is not a problem


def test_a_start_on_a_large_file_shows_the_window_first_then_the_data(qtbot, tmp_path, monkeypatch):
    """As ``run`` starts on a file past OPEN_LATER_BYTES: an empty window at once, then the data."""
    monkeypatch.setattr(load_progress, "SHOW_AFTER_MS", 0)
    path = archive(tmp_path, "start.yaml")
    monkeypatch.setattr(app, "OPEN_LATER_BYTES", path.stat().st_size - 1)  # as a file of 100,000 is
    assert app._slow_to_open(path) and not app._slow_to_open(bundled_dataset_path())
    window = open_window(qtbot, Session(empty_dataset(path)), lang="zh")
    assert window.isVisible() and not window.session.dataset.milestones
    go_on = held_parser(monkeypatch)
    window.live.open_first()
    qtbot.waitUntil(window.findChild(LoadProgress).isVisible)
    window.add_panels()
    empty = [label for label in window.arrangement.panels[1].findChildren(QLabel) if label.isVisible()]
    assert [label.text() for label in empty] == ["正在载入 start.yaml…"]  # not "nothing matches"
    assert "正在载入 start.yaml…" in [text.text for text in window.timeline.frame.texts]  # not a bare axis
    go_on.set()
    qtbot.waitUntil(lambda: len(window.session.dataset.milestones) == 1500, timeout=60000)
    assert not any(label.isVisible() for label in empty)
    assert "正在载入 start.yaml…" not in [text.text for text in window.timeline.frame.texts]
    lo, hi = window.session.full_range()
    assert window.session.state.x_range == (lo, hi)  # fitted to the data it got, as an open is


def test_a_start_on_a_broken_large_file_shows_its_last_good_copy(qtbot, tmp_path):
    path = archive(tmp_path, "kept.yaml")
    LastGoodCopies().keep(path, path.read_bytes())
    path.write_text(path.read_text(encoding="utf-8").replace("format: 1", "format: one"), encoding="utf-8")
    window = open_window(qtbot, Session(empty_dataset(path)), lang="zh")
    window.live.open_first()
    qtbot.waitUntil(lambda: len(window.session.dataset.milestones) == 1500, timeout=60000)
    assert window.live.copy_saved is not None and window.problems_panel.list.count() == 1


def test_the_cache_and_the_last_good_copy_are_written_after_the_data_is_shown(window, qtbot, tmp_path):
    path = archive(tmp_path, "written.yaml")
    copy = window.live.copies.copy_path(path)
    at_load = []
    window.live.loaded.connect(lambda *_: at_load.append((copy.exists(), cache_file(path).exists())))
    window.open_dataset(path)
    qtbot.waitUntil(lambda: bool(at_load), timeout=60000)
    assert at_load == [(False, False)]  # nothing written on the way to the window
    qtbot.waitUntil(lambda: copy.exists() and cache_file(path).exists(), timeout=60000)


def test_the_startup_report_says_when_the_data_read_later_was_drawn(qtbot, tmp_path, capfd):
    path = archive(tmp_path, "reported.yaml")
    window = open_window(qtbot, Session(empty_dataset(path)), lang="zh")
    app._report_drawn(window, later=True)
    window.live.open_first()
    said = []
    qtbot.waitUntil(lambda: bool(said.append(capfd.readouterr().err) or "opened:" in "".join(said)), timeout=60000)
    assert window.session.dataset.milestones  # said once drawn, not before
    assert re.search(r"opened: \d+ ms to the dataset drawn, \d+ ms after it was read", "".join(said))


def test_closing_before_the_writes_does_them_and_leaves_nothing_running(window, qtbot, tmp_path):
    path = archive(tmp_path, "closed.yaml")
    window.open_dataset(path)
    qtbot.waitUntil(lambda: window.session.dataset.path == path, timeout=60000)
    window.close()  # within WRITE_AFTER_MS of the load
    assert window.live.copies.copy_path(path).exists() and cache_file(path).exists()
    assert window.live._pool.activeThreadCount() == 0  # nothing left to start when the window goes

"""Live reload in the archivist's window: saves noticed (in place and renamed over), loaded off the
GUI thread, bad saves listed in the problems dock over the last good data, the open file named."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit

import timeline_app.dataset.last_good as last_good
import archivist

from timeline_app.dataset.last_good import LastGoodCopies
from timeline_app.qt.preferences import Preferences
from timeline_app.qt.windows.main_window import MainWindow
from timeline_app.viewmodel import Session

SMALL = (Path(__file__).parents[2] / "data" / "small.yaml").read_text(encoding="utf-8")
BROKEN = SMALL.replace("date: 2016-09", "date: 2016-13").replace("branch: north\n    category", "branch: west\n    category")


def save(path: Path, text: str, how: str) -> None:
    """As an editor saves: over the file itself, or a temporary file renamed over it."""
    if how == "in place":
        path.write_text(text, encoding="utf-8")
    else:
        temporary = path.with_name(f".{path.name}.swp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)


@pytest.fixture
def loads(monkeypatch):
    """The threads every dataset load ran on."""
    threads = []
    real = last_good.load_dataset

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(last_good, "load_dataset", recording)
    return threads


@pytest.fixture
def dataset(tmp_path) -> Path:
    path = tmp_path / "d.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def open_window(qtbot, session, opened=None, watch=True) -> MainWindow:
    return archivist.open_window(qtbot, session, lang="en", size=(1280, 760), opened=opened, watch=watch)


def title_of(window, milestone_id: str) -> str:
    return window.session.dataset.milestone_by_id[milestone_id].title.en


@pytest.mark.parametrize("how", ["in place", "renamed over"])
def test_saves_reload_and_a_bad_one_keeps_the_last_good_data(qtbot, dataset, loads, how):
    window = open_window(qtbot, Session.open(dataset))
    window.select("north-signing")
    window.navigator.set_range((window.session.full_range()[0] + 100, window.session.full_range()[0] + 2000))
    kept_range = window.session.state.x_range
    applied_on = []
    window.session.dataset_changed.connect(lambda ds: applied_on.append((threading.current_thread(), ds)))
    search = window.filter_bar.findChild(QLineEdit)
    search.setFocus()

    save(dataset, SMALL.replace("en: Signing", "en: Signing ceremony"), how)
    qtbot.waitUntil(lambda: title_of(window, "north-signing") == "Signing ceremony")
    assert window.session.state.selection == "north-signing"  # the selection and the view stay
    assert window.session.state.x_range == pytest.approx(kept_range)
    assert "Reloaded d.yaml" in window.statusBar().currentMessage()
    good = window.session.dataset

    save(dataset, BROKEN, how)
    panel = window.problems_panel
    qtbot.waitUntil(lambda: panel.isVisible() and panel.list.count() == 2)
    assert window.session.dataset is good  # the last good data stays on screen
    texts = [panel.list.item(k).text() for k in range(panel.list.count())]
    assert all(t.startswith(f"{dataset}:") for t in texts) and "2016-13" in texts[0] + texts[1]
    assert window.file_status.text() == "d.yaml: 2 problems; showing its last good data"
    assert window.statusBar().currentMessage() == ""  # no "reloaded" left beside the problems
    assert search.hasFocus()  # the dock came up without taking the focus

    save(dataset, SMALL, how)
    qtbot.waitUntil(lambda: title_of(window, "north-signing") == "Signing")
    assert not panel.isVisible() and panel.list.count() == 0
    assert window.file_status.text() == "d.yaml"
    assert str(dataset) in window.live.watched()  # still followed after being renamed over
    assert "Reloaded d.yaml" in window.statusBar().currentMessage()
    assert loads and threading.main_thread() not in loads  # no load ran on the GUI thread
    assert {thread for thread, _ in applied_on} == {threading.main_thread()}  # but every change was applied there
    assert [len(ds.milestones) for _, ds in applied_on] == [3, 3]  # only good data reached the views


def test_a_failed_open_says_what_f5_reloads_and_the_fix_opens_it(qtbot, dataset, tmp_path):
    window = open_window(qtbot, Session.open(dataset))
    other = tmp_path / "other.yaml"
    other.write_text(BROKEN, encoding="utf-8")
    window.open_dataset(other)
    qtbot.waitUntil(lambda: window.problems_panel.list.count() == 2)
    assert window.file_status.text() == "other.yaml: 2 problems; still showing d.yaml"
    assert window.action_set.actions["file.reload"].text() == "&Reload other.yaml"
    assert "(d.yaml)" in window.windowTitle()  # the data on screen is still d.yaml's
    save(other, SMALL.replace("Test alliance", "Other alliance"), "renamed over")
    qtbot.waitUntil(lambda: window.session.dataset.path == other)
    assert window.windowTitle().startswith("Other alliance (other.yaml)")
    assert "Opened other.yaml" in window.statusBar().currentMessage()
    assert window.file_status.text() == "other.yaml"


def test_starting_on_a_bad_file_shows_its_problems_then_loads_the_fix(qtbot, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    opened = LastGoodCopies(tmp_path / "copies").open(bad)
    window = open_window(qtbot, Session(opened.dataset), opened)
    assert window.problems_panel.isVisible() and window.problems_panel.list.count() == 2
    assert window.windowTitle().startswith("bad.yaml (not loaded)")
    assert window.file_status.text() == "bad.yaml: 2 problems; nothing to show until it loads"
    bad.write_text(SMALL, encoding="utf-8")
    qtbot.waitUntil(lambda: len(window.session.dataset.milestones) == 3)
    assert not window.problems_panel.isVisible()


def test_starting_on_a_file_broken_since_shows_its_last_good_copy(qtbot, tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text(SMALL.replace("Test alliance", "Kept alliance"), encoding="utf-8")
    copies = LastGoodCopies(tmp_path / "copies")
    assert copies.open(path).problems == []  # it loaded: a copy is kept
    path.write_text(BROKEN, encoding="utf-8")
    opened = copies.open(path)
    assert opened.copy_saved is not None and len(opened.problems) == 2
    assert opened.dataset.path == path and opened.dataset.title.en == "Kept alliance"
    window = open_window(qtbot, Session(opened.dataset), opened)
    assert window.file_status.text().startswith("d.yaml: 2 problems; showing its last good copy, saved ")
    assert window.windowTitle().startswith("Kept alliance (d.yaml)")


def test_no_watch_follows_nothing_and_the_setting_turns_it_on(qtbot, dataset):
    window = open_window(qtbot, Session.open(dataset), watch=False)
    action = window.action_set.actions["file.watch"]
    assert window.live.watched() == [] and not action.isChecked()
    assert "F5 reloads it" in window.file_status.toolTip()
    action.trigger()
    assert window.prefs.watch_files and action.isChecked()
    assert str(dataset) in window.live.watched() and str(dataset.parent) in window.live.watched()
    save(dataset, SMALL.replace("en: Signing", "en: Signed"), "in place")
    qtbot.waitUntil(lambda: title_of(window, "north-signing") == "Signed")


def test_f5_reloads_at_once_even_without_watching(qtbot, dataset):
    window = open_window(qtbot, Session.open(dataset), watch=False)
    dataset.write_text(SMALL.replace("en: Signing", "en: Signed"), encoding="utf-8")
    window.timeline.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: title_of(window, "north-signing") == "Signed")


def test_a_changed_picture_is_shown_anew(qtbot, tmp_path):
    """Media the dataset refers to are watched too: a picture broken on disk turns into its placeholder."""
    data = Path(__file__).parents[2] / "data"
    shutil.copy(data / "archive.yaml", tmp_path / "archive.yaml")
    shutil.copytree(data / "media", tmp_path / "media")
    window = open_window(qtbot, Session.open(tmp_path / "archive.yaml"))
    picture = tmp_path / "media" / "east-signing.png"
    assert str(picture) in window.live.watched()
    window.select("east-trusteeship")

    def placeholder_shown() -> bool:
        return any("damaged" in label.text() for label in window.detail.findChildren(QLabel) if label.isVisible())

    assert not placeholder_shown()
    save(picture, "not a picture any more", "renamed over")
    qtbot.waitUntil(placeholder_shown)


def test_the_problems_dock_is_made_when_problems_come_where_the_saved_layout_put_it(qtbot, dataset, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    prefs = Preferences.ephemeral()

    def window_on(path: Path) -> MainWindow:
        opened = LastGoodCopies(tmp_path / "copies").open(path)
        return archivist.open_window(qtbot, Session(opened.dataset), prefs, lang="en", opened=opened, watch=False)

    first = window_on(bad)
    first.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, first.problems_panel)  # the archivist moves it
    first.close()
    second = window_on(dataset)  # a good file: no dock is made, and the saved place is kept
    assert second.files._problems_panel is None and second.findChild(QDockWidget, "problemsDock") is None
    second.close()
    third = window_on(dataset)
    third.open_dataset(bad)
    qtbot.waitUntil(lambda: third.files._problems_panel is not None and third.problems_panel.list.count() == 2)
    assert third.dockWidgetArea(third.problems_panel) == Qt.DockWidgetArea.TopDockWidgetArea
    assert third.problems_panel.isVisible() and third.problems_panel.windowTitle() == "Problems"


def test_a_dataset_replaced_by_a_fifo_is_refused_and_the_window_still_closes(qtbot, dataset):
    """Reading a FIFO waits for a writer: live reload stopped, and closing waited on the worker for ever."""
    window = open_window(qtbot, Session.open(dataset))
    good = window.session.dataset
    fifo = dataset.with_name("pipe")
    os.mkfifo(fifo)
    os.replace(fifo, dataset)
    panel = window.problems_panel
    qtbot.waitUntil(lambda: panel.isVisible() and panel.list.count() == 1, timeout=5000)
    assert panel.list.item(0).text() == (f"{dataset}:1:1: cannot read file: it is not a regular file (a pipe, a device "
                                         "or a socket); name the dataset's .yaml file")
    assert window.session.dataset is good
    os.unlink(dataset)
    dataset.write_text(SMALL, encoding="utf-8")  # and the next good save is read as ever
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=5000)


def test_a_loader_bug_on_reload_is_listed_as_a_problem(qtbot, dataset, monkeypatch):
    """Its ad-hoc message key raised KeyError where the problem was worded, hiding it."""
    window = open_window(qtbot, Session.open(dataset))

    def broken(self, path):
        raise RuntimeError("a bug in the loader")

    monkeypatch.setattr(LastGoodCopies, "load", broken)
    monkeypatch.setattr("sys.excepthook", lambda *exc: None)  # the crash log's hook: not installed here
    window.live.reload()
    panel = window.problems_panel
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=5000)
    assert "could not be loaded because of a fault in timeline-app (RuntimeError: a bug in the loader)" in \
        panel.list.item(0).text()

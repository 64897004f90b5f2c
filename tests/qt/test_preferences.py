"""Settings that cannot hurt a start: bad saved layouts fall back, corrupt files are set aside, writes are atomic."""

import pytest
from PySide6.QtCore import QByteArray, QSettings

from timeline_app.dataset import bundled_dataset_path
from timeline_app.qt.app import create_application
from timeline_app.qt.preferences import Preferences
from timeline_app.qt.windows.main_window import MainWindow
from timeline_app.viewmodel import Session


def prefs_at(path) -> Preferences:
    return Preferences(QSettings(str(path), QSettings.Format.IniFormat))


def shown_window(qtbot, prefs) -> MainWindow:
    create_application()
    window = MainWindow(Session.open(bundled_dataset_path()), prefs, lang="en", animate=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_frame):  # the panels follow the first frame
        window.show()
    return window


def test_garbage_saved_layouts_fall_back_to_the_defaults(qtbot, tmp_path):
    prefs = prefs_at(tmp_path / "settings.ini")
    for name in ("geometry", "mainSplitter", "leftSplitter", "windowState"):
        prefs.set_state(name, QByteArray(b"\x00\x01not a saved state"))
    window = shown_window(qtbot, prefs)
    fresh = shown_window(qtbot, prefs_at(tmp_path / "fresh.ini"))  # a first start: the defaults
    assert window.size() == fresh.size()
    assert window.left_splitter.sizes() == fresh.left_splitter.sizes()
    assert window.main_splitter.sizes() == fresh.main_splitter.sizes()
    assert not window.problems_panel.isVisible()  # no garbage state brought up an empty dock


@pytest.mark.parametrize("content", [b"\x00" * 512, b"[General\nlanguage=en\n", b"\xff\xfe\x00garbage"])
def test_a_corrupt_settings_file_is_set_aside_and_reported_once(qtbot, tmp_path, content):
    path = tmp_path / "settings.ini"
    path.write_bytes(content)
    prefs = prefs_at(path)
    assert prefs.language is None  # the defaults
    aside = prefs.set_aside
    assert aside is not None and aside.name.startswith("settings.ini.corrupt-") and aside.read_bytes() == content
    window = shown_window(qtbot, prefs)
    assert window.statusBar().currentMessage().startswith("The settings could not be read")
    assert aside.name in window.statusBar().currentMessage()
    assert prefs.set_aside is None  # told once
    window.action_set.actions["lang.zh"].trigger()
    prefs.sync()
    again = prefs_at(path)
    assert again.language == "zh" and again.set_aside is None  # the new file is good


def test_a_good_settings_file_is_kept_and_rewritten_by_rename(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nlanguage=en\n", encoding="utf-8")
    prefs = prefs_at(path)
    assert prefs.language == "en" and prefs.set_aside is None
    assert prefs.settings.isAtomicSyncRequired()
    inode = path.stat().st_ino
    prefs.theme = "dark"
    prefs.sync()
    assert path.stat().st_ino != inode  # a new file renamed over the old one: never half written
    assert "theme=dark" in path.read_text(encoding="utf-8") and "language=en" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.ini"]


def test_watching_and_the_editor_command_are_kept(tmp_path):
    prefs = prefs_at(tmp_path / "settings.ini")
    assert prefs.watch_files is True and prefs.editor_command == ""
    prefs.watch_files = False
    prefs.editor_command = "gedit +{line} {file}"
    prefs.sync()
    again = prefs_at(tmp_path / "settings.ini")
    assert again.watch_files is False and again.editor_command == "gedit +{line} {file}"


def test_reopening_the_same_dataset_writes_nothing(tmp_path):
    """Each start remembers its dataset: when it is already the last one, the file is left alone."""
    path = tmp_path / "settings.ini"
    prefs = prefs_at(path)
    dataset = bundled_dataset_path()
    prefs.remember(dataset)
    prefs.sync()
    written = path.stat()
    again = prefs_at(path)
    again.remember(dataset)
    again.sync()
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)  # no rewrite
    other = tmp_path / "other.yaml"
    other.write_text("", encoding="utf-8")
    again.remember(other)
    again.sync()
    assert path.stat().st_ino != written.st_ino  # a change is written (atomically: a new file)
    assert prefs_at(path).recent_files == [str(other.resolve()), str(dataset.resolve())]


class _Unwritable(QSettings):
    def status(self):
        return QSettings.Status.AccessError


def test_a_settings_file_that_cannot_be_written_is_kept(tmp_path):
    """Not being able to write (a read-only file, another scope's file) is no sign of corruption."""
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nlanguage=en\n", encoding="utf-8")
    prefs = Preferences(_Unwritable(str(path), QSettings.Format.IniFormat))
    assert prefs.language == "en" and prefs.set_aside is None and path.is_file()

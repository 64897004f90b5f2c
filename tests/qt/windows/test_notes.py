"""Private notes: typed in the detail pane, kept in the user's data folder (never in the dataset),
back after a restart, searched with the records, exported as CSV."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from archivist import open_window

from timeline_app.dataset import bundled_dataset_path
from timeline_app.viewmodel import Session
from timeline_app.viewmodel.notes import DATA_DIR_ENV, Notes
from timeline_app.viewmodel.state import Filter


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    return tmp_path / "data"


def test_a_note_is_kept_apart_from_the_dataset_searched_and_exported(qtbot, tmp_path, data_dir):
    dataset_bytes = bundled_dataset_path().read_bytes()
    window = open_window(qtbot, lang="zh")
    window.add_panels()
    window.navigator.select("wushan-branch-plaque")
    box = window.notes
    assert box.heading.isVisibleTo(window) and box.heading.text().startswith("我的笔记")
    box.editor.setFocus()
    qtbot.keyClicks(box.editor, "ask archive about plaque photo")
    qtbot.waitUntil(lambda: Notes(bundled_dataset_path()).get("wushan-branch-plaque") != "", timeout=5000)
    assert bundled_dataset_path().read_bytes() == dataset_bytes  # never written into the dataset
    assert list(data_dir.glob("notes/*.json"))

    window.session.state.filter = Filter(query="plaque photo")
    assert [m.id for m in window.session.matches] == ["wushan-branch-plaque"]  # found by the note

    out = tmp_path / "notes.csv"

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.selectFile(str(out))
        dialog.accept()

    QTimer.singleShot(0, choose)
    window.action_set.actions["file.export_notes"].trigger()
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows == [["id", "title", "note"], ["wushan-branch-plaque", "巫山分院挂牌", "ask archive about plaque photo"]]
    window.close()

    again = open_window(qtbot, Session.open(bundled_dataset_path()), lang="en")
    again.add_panels()
    again.navigator.select("wushan-branch-plaque")
    assert again.notes.editor.toPlainText() == "ask archive about plaque photo"  # after a restart
    again.session.state.filter = Filter(query="plaque photo")
    assert again.session.match_count == 1

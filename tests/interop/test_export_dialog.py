"""File → Export in the archivist's window: the format, "what I see" or everything, where it starts."""

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from archivist import open_window
from timeline_app.dataset.edtf import parse_edtf
from timeline_app.i18n.dates import day_words
from timeline_app.qt.dialogs.export import ExportDialog
from timeline_app.qt.preferences import Preferences
from timeline_app.viewmodel.state import Filter
from timeline_app.viewmodel.timescale import date_of


@pytest.fixture
def window(qtbot):
    return open_window(qtbot, prefs=Preferences.ephemeral(), lang="en")


def open_dialog(window, qtbot) -> ExportDialog:
    window.action_set.actions["file.export"].trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ExportDialog))
    return QApplication.activeModalWidget()


def milestone_ids(path: Path) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    return [r["id"] for r in rows if not r["Type"]]


def test_what_i_see_writes_the_filtered_milestones_and_names_the_filter(window, qtbot, tmp_path, monkeypatch):
    window.session.state.filter = Filter(query="巫山", hidden_categories=frozenset({"accreditation"}))
    shown = [m.id for m in window.session.dataset.chronological
             if "巫山" in m.title.zh + m.summary.zh and m.category != "accreditation"]
    asked = []
    target = tmp_path / "seen.csv"

    def save_as(parent, title, start, filters):
        asked.append(start)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    dialog = open_dialog(window, qtbot)
    assert dialog.seen.isChecked() and "hiding categories Hospital grading" in dialog.filter_words.text()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(asked[0]).parent == Path(documents)  # first time: the documents folder
    ids = milestone_ids(target)
    assert 0 < len(ids) < len(window.session.dataset.milestones) and set(shown) <= set(ids)
    assert all(window.session.dataset.milestone_by_id[i].category != "accreditation" for i in ids)
    message = window.statusBar().currentMessage()
    assert f"{len(ids)} of 55 milestones" in message and "hiding categories Hospital grading" in message
    assert window.prefs.export_folder == tmp_path  # the next export starts here

    everything = tmp_path / "all.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (asked.append(a[2]) or str(everything), ""))
    dialog = open_dialog(window, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.everything.setChecked(True)
    dialog.accept()
    assert Path(asked[-1]).parent == tmp_path
    assert len(milestone_ids(everything)) == 55


def test_json_is_always_everything(window, qtbot):
    window.session.state.filter = Filter(query="巫山")
    dialog = open_dialog(window, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert not dialog.seen.isEnabled() and dialog.note.text() == "JSON, the whole dataset (our schema): always the whole dataset."
    assert len(dialog.selection.milestones) == 55
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert dialog.seen.isEnabled() and len(dialog.selection.milestones) < 55
    dialog.reject()


def test_cancelling_the_save_dialog_writes_nothing_and_keeps_the_dialog(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    dialog = open_dialog(window, qtbot)
    dialog.accept()
    assert dialog.isVisible() and window.prefs.export_folder is None
    dialog.reject()


def test_what_i_see_is_also_the_visible_period(window, qtbot):
    """Zoomed in on 2016 with no filter: "What I see" is what the timeline shows, and says so."""
    window.show_range(parse_edtf("2016"))
    qtbot.waitUntil(lambda: window.session.state.x_range[1] - window.session.state.x_range[0] < 500)
    dialog = open_dialog(window, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("timelinejs"))
    assert dialog.seen.isChecked()
    first, last = (date_of(x) for x in window.session.state.x_range)
    kept = dialog.selection.milestones
    assert 0 < len(kept) < 55
    assert all(not (m.date.latest and m.date.latest < first) and not (m.date.earliest and m.date.earliest > last)
               for m in kept)
    assert f"dates {day_words(first, 'en')}–{day_words(last, 'en')}" in dialog.filter_words.text()
    dialog.everything.setChecked(True)
    assert len(dialog.selection.milestones) == 55
    dialog.reject()
    window.navigator.fit_all()
    qtbot.waitUntil(lambda: window.session.state.x_range[1] - window.session.state.x_range[0] > 3000)
    dialog = open_dialog(window, qtbot)
    assert dialog.everything.isChecked() and dialog.filter_words.text() == "The filter hides nothing."
    dialog.reject()


def test_the_dialog_writes_the_web_page(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "page.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    window.session.state.filter = Filter(query="巫山")
    dialog = open_dialog(window, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert not dialog.seen.isEnabled() and dialog.note.text().endswith("always the whole dataset.")
    x_range = window.session.state.x_range
    dialog.accept()
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and page.count("<svg") == 2
    assert window.session.state.x_range == x_range and window.session.state.filter.query == "巫山"  # untouched

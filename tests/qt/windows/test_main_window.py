"""The archivist's window as a whole: views in sync, language, settings, reload, the CLI screenshot."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QFontMetrics, QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMenu

from archivist import open_window

from timeline_app.dataset import bundled_dataset_path
from timeline_app.viewmodel import Session
from timeline_app.viewmodel.geometry import ROW_HEIGHT
from timeline_app.qt.app import create_application
from timeline_app.qt.preferences import Preferences
from timeline_app.qt.windows.main_window import MainWindow
from timeline_app.qt.windows.panel_sizes import LIST_MIN

CJK = re.compile(r"[\u3400-\u9fff]")
DATA = Path(__file__).parents[2] / "data"


@pytest.fixture
def settings(tmp_path):
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings):
    return open_window(qtbot, prefs=settings)


def visible_texts(window) -> list[str]:
    texts = [a.text() for a in window.menuBar().actions()]
    for menu in window.findChildren(QMenu):
        texts += [a.text() for a in menu.actions() if a.text()]
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisibleTo(window) and widget.text():
            texts.append(widget.text())
    texts += [e.placeholderText() for e in window.findChildren(QLineEdit) if e.isVisibleTo(window)]
    texts.append(window.windowTitle())
    texts += [t.text for t in window.timeline.frame.texts]  # what the timeline paints: headers, axis, caption
    return texts


def test_selecting_in_the_list_selects_on_the_timeline_and_fills_the_pane(window, qtbot):
    table = window.milestone_list.view
    dated = next(k for k, m in enumerate(window.session.matches) if m.date.kind.value == "date")
    index = table.model().index(dated + 1, 3)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = window.session.state.selection
    assert selected is not None
    title = window.session.dataset.milestone_by_id[selected].title.zh
    assert any(title in label.text() for label in window.detail.findChildren(QLabel))
    # and the other way: a key on the timeline moves the list's current row
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    now = window.session.state.selection
    assert now != selected
    current = table.currentIndex()
    assert window.session.dataset.milestone_by_id[now].title.zh in table.model().index(current.row(), 3).data()


def test_search_filters_timeline_list_and_counts(window, qtbot):
    search = window.filter_bar.findChild(QLineEdit)
    total = len(window.session.dataset.milestones)
    search.setFocus()
    commit = QInputMethodEvent()  # how a Chinese input method delivers what was typed
    commit.setCommitString("秀山")
    QApplication.sendEvent(search, commit)
    window.filter_bar.flush()
    shown = len(window.session.matches)
    assert 0 < shown < total
    lanes = {lane.id: len(lane.dated) + len(lane.undated) for lane in window.session.lanes}
    assert sum(lanes.values()) == shown
    assert str(shown) in window.status.text() and "秀山" in window.windowTitle()
    search.clear()
    qtbot.keyClicks(search, "Thoracoscopic")
    window.filter_bar.flush()
    assert [m.id for m in window.session.matches] == ["wushan-first-single-port-lung-surgery"]


def test_language_switch_changes_every_visible_string(window, qtbot):
    window.action_set.actions["lang.en"].trigger()
    assert window.session.state.language == "en"
    names = {t for b in window.session.dataset.branches for t in (b.name.zh,)}
    # A language's name stays in its own script ("Switch to 中文"); the branches' names are data.
    leftovers = [t for t in visible_texts(window) if CJK.search(t.replace("中文", "")) and t not in names]
    assert leftovers == [], leftovers
    assert window.menuBar().actions()[0].text() == "&File"
    window.action_set.actions["lang.zh"].trigger()
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    english = [t for t in visible_texts(window) if re.fullmatch(r"[A-Za-z &]+", t) and t not in ("English",)]
    assert english == [], english


def test_settings_persist_across_a_restart(qtbot, settings):
    create_application()
    first = MainWindow(Session.open(bundled_dataset_path()), settings, animate=False)
    qtbot.addWidget(first)
    first.show()
    first.action_set.actions["lang.en"].trigger()
    first.action_set.actions["theme.dark"].trigger()
    first.resize(780, 760)  # the offscreen screen is 800 px wide
    first.main_splitter.setSizes([420, 360])
    kept = first.main_splitter.sizes()
    first.close()
    second = MainWindow(Session.open(bundled_dataset_path()), settings, animate=False)
    qtbot.addWidget(second)
    second.show()
    assert second.session.state.language == "en"
    assert second.action_set.actions["theme.dark"].isChecked()
    assert second.size().height() == 760  # restored (the window is at least its minimum width)
    sizes = second.main_splitter.sizes()
    assert sizes[1] / sum(sizes) == pytest.approx(kept[1] / sum(kept), abs=0.03)
    assert settings.last_dataset == bundled_dataset_path().resolve()
    second.action_set.actions["theme.system"].trigger()


def test_opening_a_broken_file_keeps_the_last_good_data(window, tmp_path, qtbot):
    bad = tmp_path / "bad.yaml"
    bad.write_text(bundled_dataset_path().read_text(encoding="utf-8").replace("format: 1", "format: one"), encoding="utf-8")
    before = window.session.dataset
    window.open_dataset(bad)
    qtbot.waitUntil(lambda: window.problems_panel.list.count() == 1)
    assert window.session.dataset is before
    assert window.problems_panel.list.item(0).text().startswith(f"{bad}:14:9: ")
    window.open_dataset(DATA / "small.yaml")
    qtbot.waitUntil(lambda: len(window.session.dataset.milestones) == 3)
    assert [lane.id for lane in window.session.lanes][0] == "north"
    assert window.problems_panel.list.count() == 0
    assert window.prefs.recent_files[0] == str((DATA / "small.yaml").resolve())


def test_shortcuts_find_zoom_and_fit(window, qtbot):
    state = window.session.state
    full = state.x_range
    window.action_set.actions["view.zoom_in"].trigger()
    assert state.x_range[1] - state.x_range[0] < full[1] - full[0]
    window.action_set.actions["view.fit"].trigger()
    assert state.x_range == pytest.approx(full)
    window.action_set.actions["view.find"].trigger()
    assert window.filter_bar.findChild(QLineEdit).hasFocus() or QApplication.focusWidget() is window.filter_bar.findChild(QLineEdit)
    assert window.action_set.actions["view.find"].shortcut().toString() == "Ctrl+F"
    assert "F11" in [s.toString() for s in window.action_set.actions["view.fullscreen"].shortcuts()]


def test_select_option_puts_the_milestone_in_view(window):
    window.navigator.zoom(0.05)
    window.select("xiushan-deep-cooperation-agreement")
    x0, x1 = window.session.state.x_range
    from timeline_app.viewmodel.timescale import day_of
    import datetime as dt

    assert x0 < day_of(dt.date(2023, 7, 21)) < x1
    assert window.session.state.selection == "xiushan-deep-cooperation-agreement"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_command_writes_the_window(tmp_path, lang):
    out = tmp_path / f"shot-{lang}.png"
    result = subprocess.run(
        [sys.executable, "-m", "timeline_app", "--screenshot", str(out), "--size", "1280x720", "--lang", lang,
         "--select", "wushan-branch-plaque"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)



def test_closed_windows_leave_no_connections_behind(qtbot, settings):
    """A kiosk rebuilds views for days: each one must let go of the shared state when destroyed."""
    import gc

    create_application()
    session = Session.open(bundled_dataset_path())
    signals = [session.state.events.language, session.state.events.x_range, session.state.events.selection,
               session.matches_changed, session.dataset_changed]
    before = [len(s) for s in signals]
    for _ in range(3):
        w = MainWindow(session, settings, animate=False)
        w.show()
        assert all(len(s) > b for s, b in zip(signals, before))
        w.close()
        w.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # deleteLater happens here
        QApplication.processEvents()
        del w
        gc.collect()
    assert [len(s) for s in signals] == before


def many_branches(n: int) -> str:
    """small.yaml with ``n`` more branches, each with a dated and an undated milestone."""
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    branches = "".join(f"  - {{id: b{k}, kind: branch, name: {{zh: 分院{k}, en: Branch {k}}}, color: '#336699'}}\n"
                       for k in range(n))
    milestones = "".join(
        f"  - {{id: b{k}-a, branch: b{k}, category: first, date: 2015-0{k % 9 + 1}, title: {{zh: 事{k}, en: Event {k}}},"
        f" summary: {{zh: 事。, en: An event.}}, sources: [article-a]}}\n"
        f"  - {{id: b{k}-b, branch: b{k}, category: first, date: '[2014..2020]', title: {{zh: 项{k}, en: Item {k}}},"
        f" summary: {{zh: 项。, en: An item.}}, sources: [article-a]}}\n" for k in range(n))
    return text.replace("categories:\n", branches + "categories:\n").replace("indicators:\n", milestones + "indicators:\n")


def test_a_timeline_of_many_lanes_gets_their_height_and_keeps_its_text_legible(qtbot, settings, write_yaml):
    create_application()
    window = MainWindow(Session.open(write_yaml(many_branches(8))), settings, lang="en", animate=False)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    with qtbot.waitSignal(window.first_frame):
        window.show()
    lanes, column = window.timeline.frame.lanes, sum(window.left_splitter.sizes())
    assert len(lanes) == 11
    assert 0.58 * column <= window.timeline.height() <= 0.61 * column  # room for the lanes; the others keep theirs
    legible = [g.row_height == ROW_HEIGHT or (g.rows == 0 and not g.strip_labels) for g in (l.geometry for l in lanes)]
    assert all(legible)  # no row squeezed under its text: lanes this short draw none
    assert all(b.row < l.geometry.rows for l in lanes for b in l.dated.labels)
    assert not any(l.geometry.annotated for l in lanes)  # the captions gave way first
    bottom = max(l.geometry.top + l.geometry.height for l in lanes)
    assert bottom == pytest.approx(window.timeline.frame.plot.bottom)  # none cut off
    assert not any(l.geometry.strip_labels for l in lanes)  # 11 lanes in 400 px: markers and badges
    window.left_splitter.setSizes([column - 2 * LIST_MIN, LIST_MIN, LIST_MIN])  # the archivist gives it more
    qtbot.waitUntil(lambda: all(l.geometry.strip_labels for l in window.timeline.frame.lanes))
    assert any(box for l in window.timeline.frame.lanes for box in l.strip.boxes)  # the titles are back


def test_a_dataset_without_indicators_gets_no_indicator_band(window, tmp_path, qtbot):
    window.add_panels()
    assert window.indicators.isVisible()
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    bare = tmp_path / "bare.yaml"
    bare.write_text(text[:text.index("\nindicators:")] + "\n", encoding="utf-8")
    window.open_dataset(bare)
    qtbot.waitUntil(lambda: window.session.dataset.path == bare.absolute())
    assert not window.session.dataset.indicators
    assert not window.indicators.isVisible()
    assert window.milestone_list.height() > 0
    window.open_dataset(DATA / "small.yaml")
    qtbot.waitUntil(lambda: window.indicators.isVisible())


def test_english_quotation_marks_are_not_a_cjk_cell_wide(window):
    def quote_share(widget) -> float:  # the width of “ against a Chinese character's
        metrics = QFontMetrics(widget.font())
        return metrics.horizontalAdvance("“") / metrics.horizontalAdvance("中")

    window.session.state.language = "zh"
    title = window.detail._title  # a bold font of its own, made from the application's
    assert quote_share(window.status) > 0.9  # Chinese sets them full width
    window.session.state.language = "en"
    assert quote_share(window.status) < 0.6 and quote_share(title) < 0.6
    window.session.state.language = "zh"
    assert quote_share(title) > 0.9

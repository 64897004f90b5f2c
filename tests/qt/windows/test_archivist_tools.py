"""The archivist's tools in the window: copy commands, go to date, the keyboard reference, the
chips, the year range, one Tab stop for the list, Qt's own strings in Chinese, --range."""

import datetime as dt
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QTreeView

from archivist import open_window

from timeline_app.qt.dialogs.go_to_date import GoToDateDialog
from timeline_app.qt.dialogs.keys import KeysDialog
from timeline_app.qt.widgets.chip import Chip
from timeline_app.viewmodel.timescale import day_of


@pytest.fixture
def window(qtbot):
    return open_window(qtbot, lang="zh")


def test_copy_commands_put_the_record_its_citation_and_a_link_on_the_clipboard(window, qtbot):
    copy = window.action_set.actions["edit.copy_citation"]
    assert not copy.isEnabled()  # nothing selected yet
    window.navigator.select("wushan-branch-plaque")
    assert copy.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.clipboard().text().startswith("周晋羽. 重医二院·医联体10周年")
    buttons = {b.defaultAction().objectName(): b for b in window.detail.findChildren(type(window.detail._tools.itemAt(1).widget()))}
    qtbot.mouseClick(buttons["edit.copy_link"], Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text().splitlines()[0] == "wushan-branch-plaque"
    qtbot.mouseClick(buttons["edit.copy_all"], Qt.MouseButton.LeftButton)
    assert "记录编号：wushan-branch-plaque" in QApplication.clipboard().text()
    assert "wushan-branch-plaque" in [label.text() for label in window.detail.findChildren(type(window.status))]


def test_go_to_date_shows_the_month(window, qtbot):
    dialog = GoToDateDialog("zh", window)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.field, "Sep")
    assert not ok.isEnabled()  # not a date yet
    qtbot.keyClicks(dialog.field, " 2016")
    assert ok.isEnabled() and dialog.feedback.text() == "转到：2016年9月"
    window.show_range(dialog.date)
    x0, x1 = window.session.state.x_range
    assert x0 < day_of(dt.date(2016, 9, 1)) and day_of(dt.date(2016, 10, 1)) < x1 and x1 - x0 < 45


def test_the_keyboard_reference_is_the_registry(window):
    window.session.state.language = "en"  # Qt names the keys in the interface's language
    dialog = KeysDialog(window.action_set.commands, "en", window)
    rows = {}
    for g in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(g)
        rows.update({group.child(k).text(0): group.child(k).text(1) for k in range(group.childCount())})
    assert rows["Go to Date…"] == "Ctrl+G"
    assert rows["Next in Row"] == "on the timeline: Right"
    assert "Ctrl+Shift+R" in rows["Copy Citation"]
    dialog.deleteLater()


def test_chips_read_checked_as_shown_and_double_click_shows_only_one(window, qtbot):
    chips = {c.objectName(): c for c in window.filter_bar.findChildren(Chip)}
    wushan = chips["wushan"]
    assert all(c.isChecked() for c in chips.values())  # shown, with a check mark
    qtbot.mouseClick(wushan, Qt.MouseButton.LeftButton)
    assert window.session.state.filter.hidden_branches == {"wushan"} and not wushan.isChecked()
    assert "隐藏院区 巫山分院" in window.status.text()  # the status line says what is hidden
    qtbot.mouseDClick(chips["xiushan"], Qt.MouseButton.LeftButton)
    assert window.session.state.filter.hidden_branches == {"wushan", "parent", "alliance"}
    chips["xiushan"].all_requested.emit()
    assert window.session.state.filter.hidden_branches == frozenset()


def test_a_year_range_zooms_there_and_can_leave_undated_out(window, qtbot):
    bar = window.filter_bar
    bar._from.setCurrentIndex(bar._from.findData(2014))
    bar._to.setCurrentIndex(bar._to.findData(2014))
    x0, x1 = window.session.state.x_range
    assert x0 <= day_of(dt.date(2014, 1, 1)) and day_of(dt.date(2015, 1, 1)) <= x1 and x1 - x0 < 500
    with_undated = window.session.match_count
    assert bar._undated.isVisible() and bar._undated.isChecked()
    qtbot.mouseClick(bar._undated, Qt.MouseButton.LeftButton, pos=QPoint(4, bar._undated.height() // 2))
    assert window.session.match_count < with_undated
    assert "不含日期未载事件" in window.status.text()


def test_the_list_is_one_tab_stop(window, qtbot):
    table = window.milestone_list.view
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Right)  # arrows walk it
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()  # one Tab leaves it


def test_qt_own_strings_follow_the_language(window):
    box = QMessageBox(QMessageBox.Icon.Information, "x", "y", QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Ok).text() == "确定"
    box.deleteLater()
    menu = window.filter_bar.findChild(QLineEdit).createStandardContextMenu()
    assert any("复制" in a.text() for a in menu.actions())
    menu.deleteLater()
    window.session.state.language = "en"
    box = QMessageBox(QMessageBox.Icon.Information, "x", "y", QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Cancel"
    box.deleteLater()


def test_range_on_the_command_line_opens_there(tmp_path):
    out = tmp_path / "shot.png"
    code = ("import sys; from timeline_app.cli import main; sys.exit(main(['--screenshot', sys.argv[1], '--size', "
            "'1280x720', '--range', '2016-09/2016-10', '--select', 'wushan-branch-plaque']))")
    result = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    bad = subprocess.run([sys.executable, "-m", "timeline_app", "--range", "2016-13"], capture_output=True, text=True,
                         timeout=60)
    assert bad.returncode == 2 and "2016-13" in bad.stderr


def test_the_open_dialog_speaks_chinese_throughout(window, qtbot):
    path = window.session.dataset.path  # the dialog starts beside it
    seen = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen["labels"] = {label.text() for label in dialog.findChildren(QLabel)}
        view = dialog.findChild(QTreeView)
        qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) > 0)
        rows = [view.model().index(row, 0, view.rootIndex()) for row in range(view.model().rowCount(view.rootIndex()))]
        seen["date"] = next(r.siblingAtColumn(3).data() for r in rows if r.data() == path.name)
        dialog.reject()

    QTimer.singleShot(0, look)
    window.open_dialog()
    assert {"查找范围(&L)：", "文件类型(&T)："} <= seen["labels"]  # Qt's translation lacks the "&" forms
    modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
    assert seen["date"].startswith(f"{modified.year}/{modified.month}/{modified.day}")  # not the C locale's "3 12 2026"


def test_go_to_date_says_a_date_outside_the_data_is_outside(window, qtbot):
    window.go_to_date()
    dialog = window.findChild(GoToDateDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.field, "2030")
    assert not ok.isEnabled()  # it would show 2023 instead, without a word
    assert dialog.feedback.text() == "2030年不在资料的时间范围（2012年—2023年）之内"
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "2016")
    assert ok.isEnabled() and dialog.feedback.text() == "转到：2016年"
    dialog.reject()


def test_the_keyboard_reference_names_each_key_once_in_chinese(window):
    dialog = KeysDialog(window.action_set.commands, "zh", window)
    rows = {}
    for g in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(g)
        rows.update({group.child(k).text(0): group.child(k).text(1) for k in range(group.childCount())})
    assert rows["打开数据集…"] == "Ctrl+O"  # not "Ctrl+O, 打开": the Open key of special keyboards
    assert rows["查看详情"] == "时间轴上：回车"  # Return and Enter are both 回车
    assert "切换到 English" in rows
    dialog.deleteLater()


def test_qt_strings_without_a_translation_keep_their_english(window):
    assert QApplication.translate("QFileDialog", "No translation has this text") == "No translation has this text"
    assert QApplication.translate("QFileDialog", "&Nor this one:") == "&Nor this one:"


def test_the_menus_name_the_timelines_keys_once(window):
    go = window.action_set.menus["menu.go"]
    detail = next(a for a in go.actions() if a.objectName() == "go.detail")  # the timeline's own action
    assert "\t" not in detail.text()  # the key is its key binding, not a hint in its name
    assert detail.shortcut().toString(QKeySequence.SequenceFormat.NativeText) == "回车"  # once, not "回车, 回车"

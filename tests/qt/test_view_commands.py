"""The panels' buttons and keys are the registry's commands: Help ▸ Keyboard Shortcuts lists them,
their keys are the registry's (change a key there and the panel follows), and each button runs
its command against its panel, as the window's menu item and keys do."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QPushButton

from archivist import open_window

from timeline_app.dataset.problems import Problem
from timeline_app.i18n.problems import format_problem
from timeline_app.qt.dialogs.keys import KeysDialog
from timeline_app.qt.preferences import Preferences
from timeline_app.qt.widgets.detail import DetailPane
from timeline_app.qt.widgets.filter_bar import FilterBar
from timeline_app.qt.widgets.indicators import IndicatorPanel
from timeline_app.qt.widgets.problems_panel import ProblemsPanel
from timeline_app.viewmodel import Filter, Navigator
from timeline_app.viewmodel.commands import COMMANDS, VIEW_COMMANDS


def keyboard_reference(window, lang: str) -> dict[str, dict[str, str]]:
    dialog = KeysDialog(window.action_set.commands, lang, window)
    tree = dialog.tree
    return {tree.topLevelItem(g).text(0): {tree.topLevelItem(g).child(k).text(0): tree.topLevelItem(g).child(k).text(1)
                                           for k in range(tree.topLevelItem(g).childCount())}
            for g in range(tree.topLevelItemCount())}


def test_the_keyboard_reference_lists_the_panels_keys(qtbot):
    window = open_window(qtbot)
    window.set_language("en")  # Qt names the keys in the interface's language
    groups = keyboard_reference(window, "en")
    assert groups["Problems Panel"]["Copy Selected Problems"].startswith("Ctrl+C")  # the platform's Copy keys
    assert groups["Indicators Panel"] == {
        "Previous Indicator": "Up", "Next Indicator": "Down", "Indicators a Page Up": "PgUp",
        "Indicators a Page Down": "PgDown", "First Indicator": "Home", "Last Indicator": "End",
        "Show the Indicator's Source": "Space, Return, Enter"}
    assert groups["Go"]["Previous Milestone"] == "Alt+Left" and groups["View"]["Clear Filters"] == "Ctrl+Shift+X"
    assert set(keyboard_reference(window, "zh")) >= {"问题面板", "发展指标面板"}


def test_the_indicator_rows_keys_are_the_registrys(qtbot, show, session, monkeypatch):
    commands = dict(VIEW_COMMANDS["indicators"])
    commands["indicators.row_down"] = replace(commands["indicators.row_down"], keys=("J",))
    monkeypatch.setitem(VIEW_COMMANDS, "indicators", commands)
    panel = show(IndicatorPanel(session), 900, 400)
    strips = panel.strips
    strips.setFocus()
    first = strips.current
    qtbot.keyClick(strips, Qt.Key.Key_Down)  # no longer a key of the rows
    assert strips.current == first
    qtbot.keyClick(strips, Qt.Key.Key_J)
    assert strips.current == strips.rows[1].measure
    qtbot.keyClick(strips, Qt.Key.Key_Home)
    assert strips.current == first


@pytest.fixture
def calls(monkeypatch):
    """Every run of a registry command, by id and the target it ran against."""
    ran = []
    for table in (COMMANDS, *VIEW_COMMANDS.values()):
        for command_id, command in list(table.items()):
            monkeypatch.setitem(table, command_id, replace(
                command, run=lambda target, command=command: (ran.append((command.id, target)), command.run(target))))
    return ran


def button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def test_previous_and_next_in_the_detail_pane_run_the_registrys_commands(qtbot, show, session, calls):
    pane = show(DetailPane(Navigator(session)), 400, 700)
    qtbot.mouseClick(button(pane, "下一个"), Qt.MouseButton.LeftButton)
    assert calls == [("go.next", pane)] and session.state.selection == "parent-undated"
    qtbot.mouseClick(button(pane, "下一个"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(pane, "上一个"), Qt.MouseButton.LeftButton)
    assert [c for c, _ in calls] == ["go.next", "go.next", "go.previous"] and session.state.selection == "parent-undated"


def test_the_filter_bars_clear_runs_the_registrys_command(qtbot, show, session, calls):
    bar = show(FilterBar(Navigator(session)), 1100, 90)
    session.state.filter = Filter(query="东院")
    qtbot.mouseClick(button(bar, "清除筛选"), Qt.MouseButton.LeftButton)
    assert calls == [("view.clear_filters", bar)] and not session.state.filter.is_active


def test_the_problems_panels_copy_and_copy_all_run_the_registrys_commands(qtbot, tmp_path, calls):
    problems = [Problem(str(tmp_path / "d.yaml"), line, 1, "problem.value.empty", (("what", "title"),))
                for line in (2, 5)]
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = ProblemsPanel(Preferences.ephemeral(), window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
    panel.retranslate("en")
    with qtbot.waitExposed(window):
        window.show()
    panel.set_problems(problems, "d.yaml")
    panel.list.setFocus()
    panel.list.item(1).setSelected(True)
    qtbot.keyClick(panel.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert calls == [("problems.copy", panel)] and QGuiApplication.clipboard().text() == format_problem(problems[1])
    qtbot.mouseClick(panel.copy_all_button, Qt.MouseButton.LeftButton)
    assert calls[-1] == ("problems.copy_all", panel)
    assert QGuiApplication.clipboard().text() == "\n".join(map(format_problem, problems))

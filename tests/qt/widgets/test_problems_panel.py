"""The problems dock: lists, copies, and opens the file at the line in the user's editor."""

import shlex
import sys

import pytest
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMainWindow

from timeline_app.dataset.problems import Problem
from timeline_app.i18n.problems import format_problem
from timeline_app.qt.preferences import Preferences
from timeline_app.qt.widgets.problems_panel import ProblemsPanel, editor_arguments


@pytest.fixture
def problems(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("format: one\n", encoding="utf-8")
    return [Problem(str(path), 1, 9, "problem.value.integer", (("value", "one"), ("low", 1), ("high", 1000))),
            Problem(str(path), 3, 5, "problem.value.empty", (("what", "title"),)),
            Problem(str(path), 7, 1, "problem.id.duplicate", (("id", "a"), ("line", 2)))]


@pytest.fixture
def panel(qtbot, problems):
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = ProblemsPanel(Preferences.ephemeral(), window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.retranslate("en")
    window.resize(900, 500)
    with qtbot.waitExposed(window):
        window.show()
    dock.set_problems(problems, "d.yaml")
    yield dock  # (the window lives as long as the test)


def test_every_problem_is_listed_in_file_line_column_form(panel, problems):
    assert panel.isVisible()
    assert [panel.list.item(k).text() for k in range(panel.list.count())] == [format_problem(p) for p in problems]
    assert panel.heading.text() == "d.yaml: 3 problems. Double-click one to open the file at that line."
    panel.set_problems(problems[:1], "d.yaml")
    assert panel.heading.text().startswith("d.yaml: 1 problem. ")
    panel.retranslate("zh")
    assert panel.heading.text().startswith("d.yaml：1 个问题。") and panel.copy_all_button.text() == "全部复制"
    panel.set_problems([], "d.yaml")
    assert not panel.isVisible() and panel.list.count() == 0


def test_ctrl_c_copies_the_selected_problems_and_copy_all_all_of_them(panel, problems, qtbot):
    panel.list.setFocus()
    panel.list.item(0).setSelected(True)
    panel.list.item(2).setSelected(True)
    qtbot.keyClick(panel.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == f"{format_problem(problems[0])}\n{format_problem(problems[2])}"
    qtbot.mouseClick(panel.copy_all_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "\n".join(map(format_problem, problems))


def test_a_double_click_opens_the_file_at_the_line_with_the_editor_command(panel, problems, qtbot, tmp_path):
    script, out = tmp_path / "editor.py", tmp_path / "args.txt"
    script.write_text(f"import sys, pathlib\npathlib.Path({str(out)!r}).write_text('|'.join(sys.argv[1:]))\n")
    panel.prefs.editor_command = f"{shlex.quote(sys.executable)} {shlex.quote(str(script))} -g {{file}}:{{line}}:{{column}}"
    rect = panel.list.visualItemRect(panel.list.item(1))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does:
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then double
    qtbot.waitUntil(out.exists, timeout=10000)
    assert out.read_text() == f"-g|{problems[1].file}:3:5"


def test_without_an_editor_command_the_desktop_opens_the_file(panel, problems, qtbot):
    class Desktop(QObject):
        opened = []

        @Slot("QUrl")
        def open(self, url):
            self.opened.append(url.toLocalFile())

    desktop = Desktop()
    QDesktopServices.setUrlHandler("file", desktop, "open")
    try:
        panel.list.setCurrentRow(0)
        panel.list.setFocus()
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)  # Enter does what a double-click does
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert Desktop.opened == [problems[0].file]
    assert panel.notice.isVisible() and "look at line 1, column 9" in panel.notice.text()  # it cannot go there itself


def test_without_an_editor_or_a_desktop_application_the_double_click_says_so(panel, problems, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))  # as on a bare desktop
    panel.retranslate("zh")
    assert panel.open_problem(problems[1]) is False
    assert panel.notice.isVisible()
    assert panel.notice.text() == "本机桌面没有能打开 d.yaml 的程序。请设置编辑器命令（编辑器…）；问题在第 3 行第 5 列。"


def test_a_bad_editor_command_is_explained_not_raised(panel, problems):
    panel.prefs.editor_command = "gedit +{row} {file}"
    assert panel.open_problem(problems[0]) is False
    assert panel.notice.isVisible() and "not valid" in panel.notice.text()
    panel.prefs.editor_command = "/no/such/editor {file}"
    assert panel.open_problem(problems[0]) is False
    assert "Could not start the editor: /no/such/editor" in panel.notice.text()


def test_the_editor_command_is_set_in_a_dialog_and_kept_in_the_preferences(panel, qtbot):
    qtbot.mouseClick(panel.editor_button, Qt.MouseButton.LeftButton)
    dialog = panel.editor_dialog
    assert "{file}" in dialog.labelText() and dialog.isVisible()
    dialog.setTextValue("  gedit +{line} {file} ")
    dialog.accept()
    assert panel.prefs.editor_command == "gedit +{line} {file}"


def test_editor_arguments_are_split_as_a_shell_would(problems):
    assert editor_arguments("'my editor' --line={line} {file}", problems[1]) == [
        "my editor", "--line=3", problems[1].file]
    with pytest.raises(ValueError):
        editor_arguments("vim '{file}", problems[1])  # an unclosed quote

"""The problems of the last failed load, in a dock: every one listed, copyable, each a way into the file.

A double-click (or Enter) opens the file at the problem's line in the user's editor: the
editor command of the preferences (``code -g {file}:{line}:{column}``, ``gedit +{line} {file}``),
else the desktop's default application for the file (the dock then says which line to look at, or
that nothing opened it). The dock shows itself when problems
arrive after a good load, without taking the focus (an editor's every save must not pull the
user away), and hides when the next load is good.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QDockWidget, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QMainWindow, QPushButton, QVBoxLayout, QWidget,
)

from ...dataset.problems import Problem
from ...i18n.problems import format_problem
from ...i18n import tr
from ...i18n.wording import problem_count
from ...viewmodel.commands import VIEW_COMMANDS
from ..actions import install_view, run_on_click
from ..preferences import Preferences

__all__ = ["VISIBLE_ROWS", "ProblemsPanel", "editor_arguments"]

VISIBLE_ROWS = 6  # the dock's height when it comes up: this many problems at most
_TOP_OR_BOTTOM = (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea)


def editor_arguments(command: str, problem: Problem) -> list[str]:
    """The editor command split as a shell would, with ``{file}``, ``{line}``, ``{column}`` filled in.

    Raises ValueError for a command that cannot be split or names another placeholder.
    """
    try:
        return [part.format(file=str(Path(problem.file).resolve()), line=problem.line, column=problem.column)
                for part in shlex.split(command)]
    except (KeyError, IndexError) as err:
        raise ValueError(f"unknown placeholder {err}") from None


class ProblemsPanel(QDockWidget):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("problemsDock")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.prefs = prefs
        self.problems: list[Problem] = []
        self._file, self._lang = "", "zh"

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.notice = QLabel()  # why the editor did not open
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(self._on_activated)
        install_view("problems", self, self.list)  # Copy: the registry's keys, while the list has the focus
        self.copy_all_button = QPushButton()
        run_on_click(self.copy_all_button, VIEW_COMMANDS["problems"]["problems.copy_all"], self)
        self.editor_button = QPushButton()
        self.editor_button.clicked.connect(self.edit_editor_command)

        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        buttons.addWidget(self.copy_all_button)
        buttons.addWidget(self.editor_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        self.hide()

    def set_problems(self, problems: Sequence[Problem], file_name: str) -> None:
        """Lists ``problems`` of ``file_name``; shows the dock when they follow a good load, hides it
        when there are none."""
        arrived = bool(problems) and not self.problems
        self.problems, self._file = list(problems), file_name
        self.notice.hide()
        self._fill()
        if arrived:
            self.show()  # not raised, not focused
            self._fit_height()
        elif not problems:
            self.hide()

    def _fit_height(self) -> None:
        """As tall as its problems need, up to :data:`VISIBLE_ROWS` of them: the views keep their room."""
        window = self.parentWidget()
        if isinstance(window, QMainWindow) and window.dockWidgetArea(self) in _TOP_OR_BOTTOM and not self.isFloating():
            rows = min(max(len(self.problems), 2), VISIBLE_ROWS)
            list_height = rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth() + 4
            height = self.widget().sizeHint().height() - self.list.sizeHint().height() + list_height
            window.resizeDocks([self], [height], Qt.Orientation.Vertical)

    def retranslate(self, lang: str) -> None:
        self._lang = lang
        self.setWindowTitle(tr("problems.title", lang))
        self.list.setAccessibleName(tr("problems.name", lang))
        self.copy_all_button.setText(tr("problems.copy_all", lang))
        self.editor_button.setText(tr("problems.editor", lang))
        self._fill()

    def _fill(self) -> None:
        lang = self._lang
        self.heading.setText(tr("problems.heading", lang, file=self._file, count=problem_count(len(self.problems), lang)) if self.problems
                             else tr("problems.none", lang))
        self.list.clear()
        for problem in self.problems:
            item = QListWidgetItem(format_problem(problem, lang))
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.list.addItem(item)
        self.copy_all_button.setEnabled(bool(self.problems))

    # -- copying ---------------------------------------------------------------------------

    def copy_selected(self) -> None:
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        if rows:
            QGuiApplication.clipboard().setText("\n".join(self.list.item(row).text() for row in rows))

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(format_problem(p, self._lang) for p in self.problems))

    # -- opening the file ------------------------------------------------------------------

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.open_problem(item.data(Qt.ItemDataRole.UserRole))

    def open_problem(self, problem: Problem) -> bool:
        """Opens the problem's file at its line with the editor command, else the desktop's handler."""
        command = self.prefs.editor_command
        if not command:  # the desktop's application cannot be sent to the line: say where to look
            name, at = Path(problem.file).name, {"line": problem.line, "column": problem.column}
            opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(problem.file).resolve())))
            self._tell(tr("problems.desktop_opened" if opened else "problems.desktop_failed", self._lang, file=name, **at))
            return opened
        try:
            arguments = editor_arguments(command, problem)
        except ValueError:
            return self._tell(tr("problems.editor_invalid", self._lang, command=command))
        started = bool(arguments) and QProcess.startDetached(arguments[0], arguments[1:])[0]
        return started or self._tell(tr("problems.editor_failed", self._lang, command=" ".join(arguments)))

    def _tell(self, message: str) -> bool:
        self.notice.setText(message)
        self.notice.show()
        return False

    def edit_editor_command(self) -> None:
        """Asks for the editor command (not blocking: the dialog answers through its signal)."""
        dialog = QInputDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(tr("problems.editor_title", self._lang))
        dialog.setLabelText(tr("problems.editor_prompt", self._lang))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(self.prefs.editor_command)
        dialog.textValueSelected.connect(self._on_editor_chosen)
        dialog.open()
        self.editor_dialog = dialog

    def _on_editor_chosen(self, command: str) -> None:
        self.prefs.editor_command = command.strip()
        self.notice.hide()

"""The archivist's window's dataset file: opening another (a dialog, the recent files), reloading,
watching it for changes, and the problems of a load in their dock.

Loading itself is :class:`~timeline_app.qt.live_dataset.LiveDataset`'s (off the GUI thread, the last
good data kept); this says what came of it: the status bar's message, the problems dock, the
recent files, the whole range of a newly opened file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow

from ...dataset.last_good import Opened
from ...i18n import tr
from ..actions import ActionSet
from ..file_dialogs import ask_open_path
from ..preferences import Preferences
from ..live_dataset import LiveDataset

if TYPE_CHECKING:
    from ...viewmodel.navigator import Navigator
    from ..widgets.problems_panel import ProblemsPanel

__all__ = ["DatasetFiles"]


class DatasetFiles(QObject):
    """Keeps ``navigator``'s session live in ``window``; ``changed`` fires whenever what the status
    line says of the file may have changed. ``watch`` overrides the preference."""

    changed = Signal()

    def __init__(self, window: QMainWindow, navigator: Navigator, prefs: Preferences, action_set: ActionSet,
                 opened: Opened | None, watch: bool | None):
        super().__init__(window)
        self._window, self._navigator, self._prefs, self._actions = window, navigator, prefs, action_set
        self.live = LiveDataset(navigator.session, opened, prefs.watch_files if watch is None else watch, parent=window)
        self.live.loaded.connect(self._on_loaded)
        self.live.failed.connect(self._on_load_failed)
        self._problems_panel: ProblemsPanel | None = None  # made when there are problems to list

    def _language(self) -> str:
        return self._navigator.state.language

    # -- opening and reloading -------------------------------------------------------------

    def open_dataset(self, path: str | Path) -> None:
        """Loads another dataset (on the worker); it becomes what F5 reloads. On problems they are
        listed and the current data stays on screen."""
        self.live.reload(Path(path).absolute())

    def open_dialog(self) -> None:
        dataset = self._navigator.session.dataset
        start = str(dataset.path.parent) if dataset.path else ""
        path = ask_open_path(self._window, tr("action.open", self._language()).replace("&", ""), start,
                             "YAML (*.yaml *.yml)")
        if path:
            self.open_dataset(path)

    def reload(self) -> None:
        self.live.reload()

    def watching(self) -> bool:
        return self.live.watching

    def toggle_watching(self) -> None:
        self._prefs.watch_files = not self.live.watching
        self.live.set_watching(self._prefs.watch_files)
        self.changed.emit()

    # -- recent files ----------------------------------------------------------------------

    def remember_current(self) -> None:
        """The dataset shown at start joins the recent files."""
        if self._navigator.session.dataset.path:
            self._prefs.remember(self._navigator.session.dataset.path)
        self.rebuild_recent()

    def clear_recent(self) -> None:
        self._prefs.clear_recent()
        self.rebuild_recent()

    def rebuild_recent(self) -> None:
        menu = self._actions.menus["menu.recent"]
        menu.clear()
        for path in self._prefs.recent_files:
            action = menu.addAction(path)
            action.setData(path)
            action.triggered.connect(self._on_open_recent)
        menu.addSeparator()
        menu.addAction(self._actions.actions["file.clear_recent"])

    def _on_open_recent(self) -> None:
        self.open_dataset(self.sender().data())

    # -- problems --------------------------------------------------------------------------

    @property
    def problems_panel(self) -> ProblemsPanel:
        """The problems dock, made on first use (a dataset without problems never needs it), placed
        where the saved layout had it."""
        if self._problems_panel is None:
            from ..widgets.problems_panel import ProblemsPanel

            self._problems_panel = ProblemsPanel(self._prefs, self._window)
            if not self._window.restoreDockWidget(self._problems_panel):  # where the saved layout had it, else below
                self._window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self._problems_panel)
            self._problems_panel.retranslate(self._language())
        return self._problems_panel

    def show_problems(self) -> None:
        self.problems_panel.show()
        self.problems_panel.raise_()
        self.problems_panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def list_problems(self, problems) -> None:
        if problems or self._problems_panel is not None:
            self.problems_panel.set_problems(problems, self.live.target.name if self.live.target else "")

    def retranslate(self, lang: str) -> None:
        if self._problems_panel is not None:
            self._problems_panel.retranslate(lang)

    # -- what came of a load ---------------------------------------------------------------

    def _on_loaded(self, dataset, new_file: bool) -> None:
        self.list_problems([])
        if new_file:
            self._prefs.remember(dataset.path)
            self.rebuild_recent()
            self._navigator.fit_all()
        key = "status.opened" if new_file else "status.reloaded"
        self._window.statusBar().showMessage(tr(key, self._language(), file=dataset.path.name,
                                                time=f"{dt.datetime.now():%H:%M:%S}"), 8000)
        self.changed.emit()

    def _on_load_failed(self, problems) -> None:
        self._window.statusBar().clearMessage()  # no earlier "reloaded" stays beside the problems
        self.list_problems(problems)
        self.changed.emit()

"""What the archivist's window says about what it shows: the status line (how many milestones
pass the filter, what it hides, the file's state), the window title, and the Reload item's file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from ...dataset.last_good import holds_nothing
from ...i18n import tr
from ...viewmodel.filter_words import describe_filter
from ...viewmodel.session import Session
from ..actions import ActionSet
from ..preferences import Preferences
from ..live_dataset import LiveDataset
from ..widgets.file_status import FileStatus
from ..widgets.load_progress import LoadProgress
from ..widgets.tooltips import plain_tooltip

__all__ = ["StatusLine"]


class StatusLine:
    """The counts and the filter in ``window``'s status bar, the file's state beside them."""

    def __init__(self, window: QMainWindow, session: Session, live: LiveDataset, action_set: ActionSet):
        self._window, self._session, self._live, self._actions = window, session, live, action_set
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        window.statusBar().addWidget(self.status, 1)
        self.file_status = FileStatus(live)
        window.statusBar().addPermanentWidget(LoadProgress(live, session.state, window))
        window.statusBar().addPermanentWidget(self.file_status)

    def update(self) -> None:
        lang, ds = self._session.state.language, self._session.dataset
        summary = describe_filter(self._session.state.filter, ds, lang)
        counts = tr("status.showing", lang, shown=self._session.match_count, total=len(ds.milestones))
        self.status.setText(f"{counts}    {summary}" if summary else counts)
        if holds_nothing(ds):
            shown = tr("window.not_loaded", lang, file=ds.path.name if ds.path else "")
        else:
            shown = tr("window.dataset", lang, title=ds.title.get(lang), file=ds.path.name if ds.path else "")
        # The title names the file, not the filter: a screen reader reads a new title out whole, and
        # the title changed at every keystroke of a search.
        self._window.setWindowTitle(tr("app.title", lang, title=shown))
        self.file_status.refresh(lang)
        if self._live.target is not None:  # the menu says which file F5 reloads
            reload_action = self._actions.actions["file.reload"]
            reload_action.setText(tr("action.reload_file", lang, file=self._live.target.name))
            reload_action.setIconText(tr("action.reload", lang).replace("&", ""))  # the toolbar's stays short
            reload_action.setToolTip(plain_tooltip(reload_action.text().replace("&", "")))  # a file name: never markup

    def report_settings_reset(self, prefs: Preferences) -> None:
        """A corrupt settings file was set aside at start: say so, once."""
        if prefs.set_aside is not None:
            self._window.statusBar().showMessage(tr("status.settings_reset", self._session.state.language,
                                                    name=prefs.set_aside.name))
            prefs.set_aside = None

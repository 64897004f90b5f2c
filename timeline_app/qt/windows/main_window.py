"""The archivist's window: timeline, indicators, list, detail pane, filters, menus and settings.

The window arranges the views around one Navigator (every view selects and moves through it),
builds its menus, toolbar and the timeline's keys from the command registry, and is what the
registry's commands act on. Each of its jobs has its own module: the arrangement
(:mod:`.archivist_layout`), the dataset file, reloads and problems (:mod:`.dataset_files`), the
status line and title (:mod:`.status_line`), the tools that open a dialog or write something out
(:mod:`.exports_and_dialogs`); preferences are kept through :class:`Preferences`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPointF, Qt, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMenuBar, QToolBar

from ...dataset.last_good import Opened
from ...i18n import language_of, next_language, tr
from ...theme_names import THEMES
from ...viewmodel.commands import TOOLBAR, Command
from ...viewmodel.navigator import Navigator
from ...viewmodel.session import Session
from ...viewmodel.state import Filter
from ...viewmodel.timescale import span_of
from ..actions import ActionSet
from ..animator import RangeAnimator
from ..model_signals import follow
from ..first_paint import after_first_paint
from ..preferences import Preferences
from ..palettes import apply_theme
from ..translations import QtTranslations
from ..widgets.filter_bar import FilterBar
from ..widgets.menu_row import MenuRow
from ..widgets.saved_views import SavedViews
from ..widgets.timeline import TimelineView
from ..widgets.timeline.legend import Legend
from . import exports_and_dialogs
from .archivist_layout import ArchivistLayout
from .dataset_files import DatasetFiles
from .status_line import StatusLine

if TYPE_CHECKING:
    from ..error_box import ErrorBox
    from ..widgets.detail.notes_box import NotesBox
    from ..widgets.detail import DetailPane
    from ..widgets.indicators import IndicatorPanel
    from ..widgets.milestone_list import MilestoneList
    from ..widgets.problems_panel import ProblemsPanel

__all__ = ["MainWindow"]

_log = logging.getLogger("timeline_app.window")
_COPY = ("edit.copy_all", "edit.copy_citation", "edit.copy_link")


class MainWindow(QMainWindow):
    """``first_frame`` fires once the window's first frame is on screen (the panels follow it).

    ``prefs`` default to the user's (QSettings); ``commands`` to the registry (tests vary it).

    ``opened`` is what start-up found for the dataset (problems, a last good copy shown);
    ``watch`` overrides the preference to reload when the file changes (``--no-watch``).
    """

    first_frame = Signal()

    def __init__(self, session: Session, prefs: Preferences | None = None, lang: str | None = None,
                 animate: bool = True, commands: dict[str, Command] | None = None, theme: str | None = None,
                 opened: Opened | None = None, watch: bool | None = None):
        """``lang`` and ``theme`` (from the command line) hold for this window without being saved."""
        super().__init__()
        self.session = session
        self.prefs = prefs or Preferences()
        self._theme = theme if theme in THEMES else None
        self.animator = RangeAnimator(280 if animate else 0, self)
        self.navigator = Navigator(session, self.animator)
        self.navigator.set_language(lang or self.prefs.language or language_of(QLocale.system().name()))

        self.filter_bar = FilterBar(self.navigator)
        self.legend = Legend(session, categories=False)  # the filter chips show the categories
        self.filter_bar.add_trailing(self.legend)
        self.timeline = TimelineView(self.navigator)
        self.arrangement = ArchivistLayout(self, self.filter_bar, self.timeline)
        self.left_splitter, self.main_splitter = self.arrangement.left_splitter, self.arrangement.main_splitter
        self._error_box: ErrorBox | None = None  # made at the first error

        self.action_set = ActionSet(self, self, commands)
        self.files = DatasetFiles(self, self.navigator, self.prefs, self.action_set, opened, watch)
        self.files.changed.connect(self._update_status)
        self.live = self.files.live
        self.live.busy.connect(self.timeline.set_reading)
        # Texts before the menus and the toolbar show the actions, so none of them is told of a
        # change (a later _retranslate finds them set, and only titles the menus).
        self.action_set.retranslate(self.language())
        self.action_set.install_timeline(self.timeline)
        toolbar = QToolBar("main", self)  # beside the menus: no row of its own
        toolbar.setObjectName("mainToolBar")
        self._menu_row = MenuRow(toolbar)
        self.setMenuWidget(self._menu_row)
        self.action_set.build_menus(self.menuBar())
        self.saved_views = SavedViews(self.navigator, self.prefs, self.action_set.menus["menu.views"],
                                      self.action_set.actions["go.clear_views"], self)
        self.action_set.fill_toolbar(toolbar, TOOLBAR)
        self.toolbar = toolbar
        self.status_line = StatusLine(self, session, self.live, self.action_set)
        self.status, self.file_status = self.status_line.status, self.status_line.file_status

        events = session.state.events
        follow(self, events.language, self._on_language_changed)
        follow(self, events.selection, self._on_selection_changed)
        follow(self, events.filter, self._on_filter_changed)
        follow(self, session.matches_changed, self._on_matches_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self.timeline.members_requested.connect(self._on_members_requested)
        QtTranslations.of(QApplication.instance()).set_language(self.language())
        self._years = (None, None)  # the filter's date range, to see it change
        self._on_selection_changed(None)
        self._restore_preferences()
        QApplication.instance().styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self._retranslate()
        self.files.list_problems(self.live.problems)
        self.status_line.report_settings_reset(self.prefs)
        self.setTabOrder(self.filter_bar, self.timeline)
        after_first_paint(self.timeline.viewport(), self._on_first_frame)

    # -- what the commands act on (viewmodel.commands.Target) ----------------------------------

    def language(self) -> str:
        return self.session.state.language

    def set_language(self, lang: str) -> None:
        self.navigator.set_language(lang)

    def toggle_language(self) -> None:
        self.navigator.set_language(next_language(self.language()))

    def theme(self) -> str:
        return self._theme or self.prefs.theme

    def set_theme(self, theme: str) -> None:
        self._theme = None
        self.prefs.theme = theme
        self._apply_theme(theme)

    def select(self, milestone_id: str) -> None:
        """Selects a milestone and brings it into view (``--select``)."""
        self.navigator.select(milestone_id)

    def open_dataset(self, path: str | Path) -> None:
        self.files.open_dataset(path)

    def open_dialog(self) -> None:
        self.files.open_dialog()

    def reload(self) -> None:
        self.files.reload()

    def watching(self) -> bool:
        return self.files.watching()

    def toggle_watching(self) -> None:
        self.files.toggle_watching()

    def clear_recent(self) -> None:
        self.files.clear_recent()

    @property
    def problems_panel(self) -> ProblemsPanel:
        return self.files.problems_panel

    def show_problems(self) -> None:
        self.files.show_problems()

    @property
    def error_box(self) -> ErrorBox:
        if self._error_box is None:
            from ..error_box import ErrorBox

            self._error_box = ErrorBox(self)
        return self._error_box

    def show_error(self, summary: str, details: str) -> None:
        """An error nobody caught (see :mod:`..crash`): said, without stopping anything."""
        self.error_box.report(summary, details, self.language())

    def export(self) -> None:
        exports_and_dialogs.export(self)

    def export_picture(self):
        from ..export.window import export_picture  # Qt's SVG and print modules only when asked

        return export_picture(self)

    def print_preview(self):
        from ..export.window import print_preview

        return print_preview(self)

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    def clear_filters(self) -> None:
        self.navigator.clear_filter()

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def menuBar(self) -> QMenuBar:
        """The menu bar of the row it shares with the toolbar (Qt's would make a new one)."""
        return self._menu_row.bar

    def show_detail(self) -> None:
        self.detail.focus_title()

    def show_about(self) -> None:
        exports_and_dialogs.show_about(self)

    def save_view(self) -> None:
        self.saved_views.ask_name()

    def forget_saved_views(self) -> None:
        self.saved_views.clear()

    def export_notes(self) -> None:
        exports_and_dialogs.export_notes(self)

    def show_side_by_side(self) -> None:
        exports_and_dialogs.show_side_by_side(self)

    def show_keys(self) -> None:
        exports_and_dialogs.show_keys(self)

    def copy(self, what: str) -> None:
        exports_and_dialogs.copy_selected(self, what)

    def go_to_date(self) -> None:
        exports_and_dialogs.ask_date(self, self.show_range)

    def show_range(self, date) -> None:
        """Shows an EDTF date or period at a fitting zoom (``--range``, Go to Date)."""
        self.navigator.show_span(*span_of(date))

    # -- the panels, made after the first frame ----------------------------------------------

    def add_panels(self) -> None:
        """The indicator panel, the list and the detail pane (see :mod:`.archivist_layout`);
        anything that needs them before the first frame brought them calls this."""
        if self.arrangement.panels is not None:
            return
        self.arrangement.add_panels(self.session, self.navigator, [self.action_set.actions[c] for c in _COPY])
        listing = self.arrangement.panels[1]
        listing.set_loading(self.live.loading)
        self.live.busy.connect(listing.set_loading)

    @property
    def indicators(self) -> IndicatorPanel:
        self.add_panels()
        return self.arrangement.panels[0]

    @property
    def milestone_list(self) -> MilestoneList:
        self.add_panels()
        return self.arrangement.panels[1]

    @property
    def detail(self) -> DetailPane:
        self.add_panels()
        return self.arrangement.panels[2]

    @property
    def notes(self) -> NotesBox:
        self.add_panels()
        return self.arrangement.notes

    def _on_first_frame(self) -> None:
        self.first_frame.emit()
        self.add_panels()
        self.session.index.prepare_texts()  # in the background: ready for the first keystroke

    # -- handlers --------------------------------------------------------------------------

    def _apply_theme(self, theme: str) -> None:
        apply_theme(QApplication.instance(), theme)

    def _on_color_scheme_changed(self, _) -> None:
        """The system switched between light and dark: follow it if the user asked to."""
        if self.theme() == "system":
            self._apply_theme("system")

    def _on_members_requested(self, ids: list[str], where: QPointF) -> None:
        """A badge whose members zooming cannot part: a list of them to choose from."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lang, by_id = self.language(), self.session.dataset.milestone_by_id
        for milestone_id in ids:
            action = menu.addAction(by_id[milestone_id].title.get(lang))
            action.setData(milestone_id)
        menu.triggered.connect(self._on_member_chosen)
        menu.popup(where.toPoint())

    def _on_member_chosen(self, action) -> None:
        self.navigator.select(action.data())

    def _on_language_changed(self, lang: str) -> None:
        self.prefs.language = lang
        QtTranslations.of(QApplication.instance()).set_language(lang)
        self._retranslate()

    def _on_selection_changed(self, _) -> None:
        for command in _COPY:
            self.action_set.actions[command].setEnabled(self.session.selected is not None)

    def _on_filter_changed(self, f: Filter) -> None:
        """Years chosen: the timeline shows them (what lies outside is shaded)."""
        years = (f.date_from, f.date_to)
        if years != self._years and any(years):
            lo, hi = self.session.full_range()
            self.navigator.show_span(float(f.date_from.toordinal()) if f.date_from else lo,
                                     float(f.date_to.toordinal()) + 1 if f.date_to else hi)
        self._years = years
        self._update_status()

    def _on_matches_changed(self) -> None:
        self._update_status()

    def _on_dataset_changed(self, _) -> None:
        self._retranslate()
        if self.arrangement.panels is not None:
            self.arrangement.show_indicators_if_any(self.session.dataset)

    def _retranslate(self) -> None:
        lang = self.language()
        self.action_set.retranslate(lang)
        self.toolbar.setWindowTitle(tr("app.name", lang))
        self._menu_row.retranslate(lang)
        self.files.retranslate(lang)
        self._update_status()

    def _update_status(self) -> None:
        self.status_line.update()

    # -- preferences -----------------------------------------------------------------------

    def _restore_preferences(self) -> None:
        geometry = self.prefs.state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 860)
        self.arrangement.restore(self.prefs)
        docks = self.prefs.state("windowState")
        if docks is not None and not self.restoreState(docks):  # Qt checks it whole before applying any
            _log.info("the saved dock layout cannot be used; the default one stays")
        self._apply_theme(self.theme())
        self.files.remember_current()

    def closeEvent(self, event) -> None:
        self.add_panels()  # their sizes are saved with the rest
        self.animator.stop()
        self.live.shutdown()
        self.prefs.set_state("geometry", self.saveGeometry())
        self.prefs.set_state("windowState", self.saveState())
        self.arrangement.save(self.prefs)
        self.prefs.sync()
        super().closeEvent(event)

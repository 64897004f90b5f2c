"""The archivist's window: timeline, indicators, list, detail pane, filters, menus and settings.

The window arranges the views around one Navigator (every view selects and moves through it),
builds its menus, toolbar and the timeline's keys from the command registry, keeps
preferences through :class:`Preferences`, and keeps its dataset live through
:class:`LiveDataset` (reloaded off the GUI thread when the file changes or on F5, keeping the
last good data; problems listed in the problems dock; the open file named in the title and
status bar).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QPointF, Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QLabel, QMainWindow, QMenu, QSplitter, QToolBar, QVBoxLayout, QWidget,
)

from ...dataset.last_good import Opened, holds_nothing
from ...i18n import language_of, next_language, tr
from ...i18n.wording import describe_filter
from ...viewmodel.commands import THEMES, TOOLBAR, Command
from ...viewmodel.navigator import Navigator
from ...viewmodel.session import Session
from ...viewmodel.state import Filter
from ...viewmodel.timescale import span_of
from ..actions import ActionSet
from ..animator import RangeAnimator
from ..bindings import follow
from ..file_dialogs import ask_open_path
from ..preferences import Preferences
from ..themes import apply_theme
from ..translations import QtTranslations
from ..first_paint import after_first_paint
from ..watcher import LiveDataset
from . import tools
from .workspace import DETAIL_MIN, INDICATORS_MIN, LEFT_SHARES, LIST_MIN, TIMELINE_MIN, first_sizes
from ..widgets.file_status import FileStatus
from ..widgets.filter_bar import FilterBar
from ..widgets.load_progress import LoadProgress
from ..widgets.saved_views import SavedViews
from ..widgets.timeline import TimelineView
from ..widgets.timeline.legend import Legend

if TYPE_CHECKING:
    from ..error_box import ErrorBox
    from ..widgets.detail import DetailPane
    from ..widgets.indicators import IndicatorPanel
    from ..widgets.milestone_list import MilestoneList
    from ..widgets.problems_panel import ProblemsPanel

__all__ = ["MainWindow"]

_log = logging.getLogger("timeline_app.window")



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
        session.state.language = lang or self.prefs.language or language_of(QLocale.system().name())
        self.navigator = Navigator(session)
        self.animator = RangeAnimator(self.navigator, 280 if animate else 0, self)

        self.filter_bar = FilterBar(session)
        self.legend = Legend(session, categories=False)  # the filter chips show the categories
        self.timeline = TimelineView(self.navigator, progressive=animate)
        self._panels: tuple[IndicatorPanel, MilestoneList, DetailPane] | None = None  # see add_panels
        self._build_layout()
        self.live = LiveDataset(session, opened, self.prefs.watch_files if watch is None else watch, parent=self)
        self.live.loaded.connect(self._on_loaded)
        self.live.failed.connect(self._on_load_failed)
        self._problems_panel: ProblemsPanel | None = None  # made when there are problems to list
        self._error_box: ErrorBox | None = None  # made at the first error

        self.action_set = ActionSet(self, self, commands)
        # Texts before the menus and the toolbar show the actions, so none of them is told of a
        # change (a later _retranslate finds them set, and only titles the menus).
        self.action_set.retranslate(self.language())
        self.action_set.install_timeline(self.timeline)
        self.action_set.build_menus(self.menuBar())
        self.saved_views = SavedViews(self.navigator, self.prefs, self.action_set.menus["menu.views"],
                                      self.action_set.actions["go.clear_views"], self)
        toolbar = QToolBar("main", self)  # in the menu bar's corner: no row of its own
        toolbar.setObjectName("mainToolBar")
        self.menuBar().setCornerWidget(toolbar, Qt.Corner.TopRightCorner)
        self.action_set.fill_toolbar(toolbar, TOOLBAR)
        self.toolbar = toolbar
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.status, 1)
        self.file_status = FileStatus(self.live)
        self.statusBar().addPermanentWidget(LoadProgress(self.live, session.state, self))
        self.statusBar().addPermanentWidget(self.file_status)

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
        self._show_problems(self.live.problems)
        self._report_settings_reset()
        self.setTabOrder(self.filter_bar, self.timeline)
        after_first_paint(self.timeline.viewport(), self._on_first_frame)

    def _build_layout(self) -> None:
        """The window's arrangement, with room kept for the panels that come a frame later."""
        self.filter_bar.add_trailing(self.legend)
        self.timeline.setMinimumHeight(TIMELINE_MIN)
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.setChildrenCollapsible(False)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.setChildrenCollapsible(False)
        self.left_splitter.addWidget(self.timeline)
        for minimum in (INDICATORS_MIN, LIST_MIN):
            self.left_splitter.addWidget(_room(minimum=(0, minimum)))
        for index, stretch in enumerate(LEFT_SHARES):
            self.left_splitter.setStretchFactor(index, stretch)
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(_room(minimum=(DETAIL_MIN, 0)))
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

    # -- what the commands act on (viewmodel.commands.Target) ----------------------------------

    def language(self) -> str:
        return self.session.state.language

    def set_language(self, lang: str) -> None:
        self.session.state.language = lang

    def toggle_language(self) -> None:
        self.session.state.language = next_language(self.language())

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
        """Loads another dataset (on the worker); it becomes what F5 reloads. On problems they are
        listed and the current data stays on screen."""
        self.live.reload(Path(path).absolute())

    def reload(self) -> None:
        self.live.reload()

    def watching(self) -> bool:
        return self.live.watching

    def toggle_watching(self) -> None:
        self.prefs.watch_files = not self.live.watching
        self.live.set_watching(self.prefs.watch_files)
        self._update_status()

    @property
    def problems_panel(self) -> ProblemsPanel:
        """The problems dock, made on first use (a dataset without problems never needs it), placed
        where the saved layout had it."""
        if self._problems_panel is None:
            from ..widgets.problems_panel import ProblemsPanel

            self._problems_panel = ProblemsPanel(self.prefs, self)
            if not self.restoreDockWidget(self._problems_panel):  # where the saved layout had it, else below
                self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self._problems_panel)
            self._problems_panel.retranslate(self.language())
        return self._problems_panel

    @property
    def error_box(self) -> ErrorBox:
        if self._error_box is None:
            from ..error_box import ErrorBox

            self._error_box = ErrorBox(self)
        return self._error_box

    def show_problems(self) -> None:
        self.problems_panel.show()
        self.problems_panel.raise_()
        self.problems_panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_error(self, summary: str, details: str) -> None:
        """An error nobody caught (see :mod:`..crash`): said, without stopping anything."""
        self.error_box.report(summary, details, self.language())

    def open_dialog(self) -> None:
        start = str(self.session.dataset.path.parent) if self.session.dataset.path else ""
        path = ask_open_path(self, tr("action.open", self.language()).replace("&", ""), start, "YAML (*.yaml *.yml)")
        if path:
            self.open_dataset(path)

    def export(self, fmt: str) -> None:
        tools.export(self, fmt)

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    def clear_filters(self) -> None:
        self.session.state.filter = Filter()

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def show_detail(self) -> None:
        self.detail.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_about(self) -> None:
        tools.show_about(self)

    def clear_recent(self) -> None:
        self.prefs.clear_recent()
        self._rebuild_recent()

    def save_view(self) -> None:
        self.saved_views.ask_name()

    def forget_saved_views(self) -> None:
        self.saved_views.clear()

    def export_notes(self) -> None:
        tools.export_notes(self)

    def show_side_by_side(self) -> None:
        tools.show_side_by_side(self)

    def show_keys(self) -> None:
        tools.show_keys(self)

    def copy(self, what: str) -> None:
        tools.copy_selected(self, what)

    def go_to_date(self) -> None:
        tools.ask_date(self, self.show_range)

    def show_range(self, date) -> None:
        """Shows an EDTF date or period at a fitting zoom (``--range``, Go to Date)."""
        self.navigator.show_span(*span_of(date))

    # -- handlers --------------------------------------------------------------------------

    def _show_problems(self, problems) -> None:
        if problems or self._problems_panel is not None:
            self.problems_panel.set_problems(problems, self.live.target.name if self.live.target else "")

    def _on_loaded(self, dataset, new_file: bool) -> None:
        self._show_problems([])
        if new_file:
            self.prefs.remember(dataset.path)
            self._rebuild_recent()
            self.navigator.fit_all()
        key = "status.opened" if new_file else "status.reloaded"
        self.statusBar().showMessage(tr(key, self.language(), file=dataset.path.name,
                                        time=f"{dt.datetime.now():%H:%M:%S}"), 8000)
        self._update_status()

    def _on_load_failed(self, problems) -> None:
        self.statusBar().clearMessage()  # no earlier "reloaded" stays beside the problems
        self._show_problems(problems)
        self._update_status()

    def _report_settings_reset(self) -> None:
        """A corrupt settings file was set aside at start: say so, once."""
        if self.prefs.set_aside is not None:
            self.statusBar().showMessage(tr("status.settings_reset", self.language(), name=self.prefs.set_aside.name))
            self.prefs.set_aside = None

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

    def _on_open_recent(self) -> None:
        self.open_dataset(self.sender().data())

    def _on_language_changed(self, lang: str) -> None:
        self.prefs.language = lang
        QtTranslations.of(QApplication.instance()).set_language(lang)
        self._retranslate()

    def _on_selection_changed(self, _) -> None:
        for command in ("edit.copy_all", "edit.copy_citation", "edit.copy_link"):
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
        if self._panels is not None:
            self._show_indicators_if_any()

    def _show_indicators_if_any(self) -> None:
        """A dataset without indicators gets no empty band for them."""
        self.indicators.setVisible(bool(self.session.dataset.indicators))

    # -- text ------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        lang = self.language()
        self.action_set.retranslate(lang)
        self.toolbar.setWindowTitle(tr("app.name", lang))
        if self._problems_panel is not None:
            self._problems_panel.retranslate(lang)
        self._update_status()

    def _update_status(self) -> None:
        lang, ds = self.language(), self.session.dataset
        summary = describe_filter(self.session.state.filter, ds, lang)
        counts = tr("status.showing", lang, shown=self.session.match_count, total=len(ds.milestones))
        self.status.setText(f"{counts}    {summary}" if summary else counts)
        if holds_nothing(ds):
            shown = tr("window.not_loaded", lang, file=ds.path.name if ds.path else "")
        else:
            shown = tr("window.dataset", lang, title=ds.title.get(lang), file=ds.path.name if ds.path else "")
        title = tr("app.title", lang, title=shown)
        self.setWindowTitle(f"{title} — {summary}" if summary else title)
        self.file_status.refresh(lang)
        if self.live.target is not None:  # the menu says which file F5 reloads
            reload_action = self.action_set.actions["file.reload"]
            reload_action.setText(tr("action.reload_file", lang, file=self.live.target.name))
            reload_action.setIconText(tr("action.reload", lang).replace("&", ""))  # the toolbar's stays short
            reload_action.setToolTip(reload_action.text().replace("&", ""))

    # -- preferences -----------------------------------------------------------------------

    def _restore_preferences(self) -> None:
        geometry = self.prefs.state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 860)
        self._splitters_restored = True  # else the left column's height is shared out when shown
        for splitter in (self.main_splitter, self.left_splitter):
            state = self.prefs.state(splitter.objectName())
            self._splitters_restored &= state is not None and splitter.restoreState(state)
        docks = self.prefs.state("windowState")
        if docks is not None and not self.restoreState(docks):  # Qt checks it whole before applying any
            _log.info("the saved dock layout cannot be used; the default one stays")
        self._apply_theme(self.theme())
        if self.session.dataset.path:
            self.prefs.remember(self.session.dataset.path)
        self._rebuild_recent()

    def _rebuild_recent(self) -> None:
        menu = self.action_set.menus["menu.recent"]
        menu.clear()
        for path in self.prefs.recent_files:
            action = menu.addAction(path)
            action.setData(path)
            action.triggered.connect(self._on_open_recent)
        menu.addSeparator()
        menu.addAction(self.action_set.actions["file.clear_recent"])

    def _on_first_frame(self) -> None:
        self.first_frame.emit()
        self.add_panels()
        self.session.index.prepare_texts()  # in the background: ready for the first keystroke

    def add_panels(self) -> None:
        """The indicator panel, the list and the detail pane, into the room kept for them.

        Made after the first frame rather than before it (their modules, building and first
        paint are about a third of what the window adds to a start); the timeline the user came
        for is on screen by then. Idempotent: anything that needs them earlier calls it.
        """
        if self._panels is not None:
            return
        from ..widgets.detail import DetailPane
        from ..widgets.indicators import IndicatorPanel
        from ..widgets.milestone_list import MilestoneList

        self._panels = (IndicatorPanel(self.session), MilestoneList(self.navigator), DetailPane(self.navigator))
        self.milestone_list.setMinimumHeight(LIST_MIN)
        self.detail.setMinimumWidth(DETAIL_MIN)
        self.detail.add_actions([self.action_set.actions[c] for c in ("edit.copy_all", "edit.copy_citation",
                                                                       "edit.copy_link")])
        for splitter, index, panel in ((self.left_splitter, 1, self.indicators), (self.left_splitter, 2, self.milestone_list),
                                       (self.main_splitter, 1, self.detail)):
            splitter.replaceWidget(index, panel).deleteLater()  # the room's size stays the panel's
        from ..widgets.detail.notes_box import NotesBox

        self.notes = NotesBox(self.navigator)
        self.detail.add_section(self.notes)
        self._show_indicators_if_any()
        self.setTabOrder(self.timeline, self.milestone_list)
        self.setTabOrder(self.milestone_list, self.detail)
        if not self._splitters_restored:  # a first start: share the room out by what each needs
            self._splitters_restored = True
            rows = self.indicators.height_for_rows
            self.left_splitter.setSizes(first_sizes(sum(self.left_splitter.sizes()), rows(6),
                                                    rows(len(self.indicators.strips.rows)),
                                                    self.timeline.height_wanted()))
            width = sum(self.main_splitter.sizes())
            detail = max(DETAIL_MIN, width // 4)
            self.main_splitter.setSizes([width - detail, detail])

    # The panels, made on first use if the first frame has not brought them yet.
    @property
    def indicators(self) -> IndicatorPanel:
        self.add_panels()
        return self._panels[0]

    @property
    def milestone_list(self) -> MilestoneList:
        self.add_panels()
        return self._panels[1]

    @property
    def detail(self) -> DetailPane:
        self.add_panels()
        return self._panels[2]

    def closeEvent(self, event) -> None:
        self.add_panels()  # their sizes are saved with the rest
        self.animator.stop()
        self.live.shutdown()
        self.prefs.set_state("geometry", self.saveGeometry())
        self.prefs.set_state("windowState", self.saveState())
        for splitter in (self.main_splitter, self.left_splitter):
            self.prefs.set_state(splitter.objectName(), splitter.saveState())
        self.prefs.sync()
        super().closeEvent(event)


def _room(minimum: tuple[int, int]) -> QWidget:
    """A blank stand-in, as large as its panel may be small, until the panel replaces it."""
    room = QWidget()
    room.setMinimumSize(*minimum)
    return room

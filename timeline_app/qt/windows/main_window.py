"""The archivist's window: timeline, indicators, list, detail pane, filters, menus and settings.

The window owns no view logic of its own: it arranges the views, offers QActions with standard
shortcuts, keeps preferences in QSettings, and reloads datasets (keeping the last good one).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QToolBar, QVBoxLayout, QWidget,
)

from ... import __version__
from ...i18n import LANGUAGES, language_name, next_language, tr
from ...dataset.export import to_csv, to_json
from ...viewmodel.session import Session
from ...viewmodel.state import Filter
from ...i18n.wording import describe_filter
from ..bindings import follow
from ..widgets.detail_pane import DetailPane
from ..widgets.filter_bar import FilterBar
from ..widgets.milestone_list import MilestoneList
from ..widgets.indicators import IndicatorPanel
from ..themes import THEMES, apply_theme
from ..widgets.timeline import TimelineView
from ..widgets.timeline.legend import Legend

__all__ = ["MainWindow"]

MAX_RECENT = 8
LEFT_SHARES = (6, 2, 2)  # timeline, indicators, list: how the left column's height is shared


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings: QSettings | None = None, lang: str | None = None,
                 animate: bool = True):
        super().__init__()
        self.session = session
        self.settings = settings or QSettings()
        self.setMinimumSize(1024, 640)
        saved_lang = self.settings.value("language", "zh")
        session.state.language = lang or (saved_lang if saved_lang in ("zh", "en") else "zh")

        self.filter_bar = FilterBar(session)
        self.legend = Legend(session, categories=False)  # the filter chips show the categories
        self.timeline = TimelineView(session, animation_ms=280 if animate else 0, progressive=animate)
        self.indicators = IndicatorPanel(session)
        self.milestone_list = MilestoneList(session)
        self.detail = DetailPane(session)
        self._build_layout()
        self._build_actions()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.status, 1)

        events = session.state.events
        follow(self, events.language, self._on_language_changed)
        follow(self, events.filter, self._on_filter_changed)
        follow(self, session.matches_changed, self._on_matches_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self.timeline.detail_requested.connect(self._on_detail_requested)
        self._restore_settings()
        QApplication.instance().styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self._retranslate()
        self.setTabOrder(self.filter_bar, self.timeline)
        self.setTabOrder(self.timeline, self.milestone_list)
        self.setTabOrder(self.milestone_list, self.detail)

    # -- building --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        timeline_box = QWidget()
        box = QVBoxLayout(timeline_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.legend)
        box.addWidget(self.timeline, 1)
        self.timeline.setMinimumHeight(300)
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("leftSplitter")
        for widget in (timeline_box, self.indicators, self.milestone_list):
            self.left_splitter.addWidget(widget)
        for index, stretch in enumerate(LEFT_SHARES):
            self.left_splitter.setStretchFactor(index, stretch)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.detail)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 1)
        self.detail.setMinimumWidth(300)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

    def _action(self, key: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setObjectName(key)
        action.setProperty("tr_key", key)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        nav = self.timeline.navigator
        a = self.actions_by_key = {}
        for key, slot, shortcut in (
            ("action.open", self.open_dialog, K.Open),
            ("action.reload", self.reload, [K.Refresh, "Ctrl+R"]),
            ("action.export_json", self._on_export_json, None),
            ("action.export_csv", self._on_export_csv, None),
            ("action.quit", self.close, K.Quit),
            ("action.find", self._on_find, K.Find),
            ("action.zoom_in", self._on_zoom_in, K.ZoomIn),
            ("action.zoom_out", self._on_zoom_out, K.ZoomOut),
            ("action.fit", nav.fit_all, "Ctrl+0"),
            ("action.previous", self.detail.go_previous, "Alt+Left"),
            ("action.next", self.detail.go_next, "Alt+Right"),
            ("action.clear_filters", self._on_clear_filters, "Ctrl+Shift+X"),
            ("action.about", self._on_about, None),
            ("action.clear_recent", self._on_clear_recent, None),
        ):
            a[key] = self._action(key, slot, shortcut)
        a["action.fullscreen"] = self._action("action.fullscreen", self._on_toggle_fullscreen, [K.FullScreen, "F11"], checkable=True)

        self.language_group = QActionGroup(self)
        for lang in LANGUAGES:
            action = self._action(f"lang.{lang}", self._on_language_action, checkable=True)
            action.setData(lang)
            self.language_group.addAction(action)
            a[f"lang.{lang}"] = action
        a["lang.toggle"] = self._action("lang.toggle", self._on_toggle_language, "Ctrl+L")
        self.theme_group = QActionGroup(self)
        for theme in THEMES:
            action = self._action(f"theme.{theme}", self._on_theme_action, checkable=True)
            action.setData(theme)
            self.theme_group.addAction(action)
            a[f"theme.{theme}"] = action

        bar = self.menuBar()
        self.menus = {}
        for menu_key, keys in (
            ("menu.file", ["action.open", "menu.recent", "action.reload", None, "action.export_json", "action.export_csv", None, "action.quit"]),
            ("menu.view", ["action.find", "action.clear_filters", None, "action.zoom_in", "action.zoom_out", "action.fit", None, "action.fullscreen", "menu.theme"]),
            ("menu.go", ["action.previous", "action.next"]),
            ("menu.language", ["lang.zh", "lang.en", None, "lang.toggle"]),
            ("menu.help", ["action.about"]),
        ):
            menu = self.menus[menu_key] = bar.addMenu("")
            for key in keys:
                if key is None:
                    menu.addSeparator()
                elif key == "menu.recent":
                    self.menus[key] = menu.addMenu("")
                elif key == "menu.theme":
                    self.menus[key] = menu.addMenu("")
                    for theme in THEMES:
                        self.menus[key].addAction(a[f"theme.{theme}"])
                else:
                    menu.addAction(a[key])
        toolbar = QToolBar("main", self)  # in the menu bar's corner: no row of its own
        toolbar.setObjectName("mainToolBar")
        bar.setCornerWidget(toolbar, Qt.Corner.TopRightCorner)
        self.toolbar = toolbar
        for key in ("action.open", "action.reload", None, "action.zoom_in", "action.zoom_out", "action.fit", None, "lang.toggle"):
            toolbar.addSeparator() if key is None else toolbar.addAction(a[key])

    # -- public ----------------------------------------------------------------------------

    def select(self, milestone_id: str) -> None:
        """Selects a milestone and brings it into view (``--select``)."""
        self.timeline.navigator.select(milestone_id)

    def open_dataset(self, path: str | Path) -> bool:
        """Loads another dataset; on problems shows them and keeps the current one."""
        problems = self.session.reload(path)
        if problems:
            self._show_problems(problems)
            return False
        self._remember(Path(path))
        self.timeline.navigator.fit_all()
        return True

    def reload(self) -> bool:
        problems = self.session.reload()
        if problems:
            self._show_problems(problems)
            return False
        return True

    def open_dialog(self) -> None:
        start = str(self.session.dataset.path.parent) if self.session.dataset.path else ""
        path, _ = QFileDialog.getOpenFileName(self, tr("action.open", self._lang()).replace("&", ""), start, "YAML (*.yaml *.yml)")
        if path:
            self.open_dataset(path)

    # -- handlers --------------------------------------------------------------------------

    def _lang(self) -> str:
        return self.session.state.language

    def _show_problems(self, problems) -> None:
        lang = self._lang()
        message = tr("status.reload_failed", lang, n=len(problems))
        self.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, tr("app.name", lang), message, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDetailedText("\n".join(str(p) for p in problems))
        box.open()

    def _on_clear_filters(self) -> None:
        self.session.state.filter = Filter()

    def _on_find(self) -> None:
        self.filter_bar.focus_search()

    def _on_zoom_in(self) -> None:
        self.timeline.zoom_at(0.6, self.timeline.viewbox.width() / 2, animate=True)

    def _on_zoom_out(self) -> None:
        self.timeline.zoom_at(1 / 0.6, self.timeline.viewbox.width() / 2, animate=True)

    def _on_toggle_fullscreen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def _on_language_action(self) -> None:
        self.session.state.language = self.sender().data()

    def _on_toggle_language(self) -> None:
        self.session.state.language = next_language(self._lang())

    def _on_theme_action(self) -> None:
        theme = self.sender().data()
        self.settings.setValue("theme", theme)
        self._apply_theme(theme)

    def _apply_theme(self, theme: str) -> None:
        apply_theme(QApplication.instance(), theme)
        self.timeline.set_high_contrast(theme == "contrast")

    def _on_color_scheme_changed(self, _) -> None:
        """The system switched between light and dark: follow it if the user asked to."""
        if self.settings.value("theme", "system") == "system":
            self._apply_theme("system")

    def _on_detail_requested(self) -> None:
        self.detail.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_export_json(self) -> None:
        self._export("json", to_json(self.session.dataset).encode("utf-8"))

    def _on_export_csv(self) -> None:
        self._export("csv", to_csv(self.session.dataset).encode("utf-8-sig"))

    def _export(self, suffix: str, data: bytes) -> None:
        lang = self._lang()
        path, _ = QFileDialog.getSaveFileName(self, tr(f"action.export_{suffix}", lang).replace("&", ""),
                                              f"alliance.{suffix}", f"{suffix.upper()} (*.{suffix})")
        if path:
            Path(path).write_bytes(data)

    def _on_about(self) -> None:
        lang = self._lang()
        box = QMessageBox(QMessageBox.Icon.Information, tr("app.name", lang),
                          tr("app.about", lang, version=__version__), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def _on_clear_recent(self) -> None:
        self.settings.setValue("recentFiles", [])
        self._rebuild_recent()

    def _on_open_recent(self) -> None:
        self.open_dataset(self.sender().data())

    def _on_language_changed(self, lang: str) -> None:
        self.settings.setValue("language", lang)
        self._retranslate()

    def _on_filter_changed(self, _) -> None:
        self._update_status()

    def _on_matches_changed(self, _) -> None:
        self._update_status()

    def _on_dataset_changed(self, _) -> None:
        self._retranslate()

    # -- text ------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        lang = self._lang()
        for action in self.actions():
            key = action.property("tr_key")
            if key and key != "lang.toggle" and not key.startswith("lang."):
                action.setText(tr(key, lang))
            elif key and key.startswith("lang.") and key != "lang.toggle":
                action.setText(language_name(action.data()))
        self.actions_by_key["lang.toggle"].setText(language_name(next_language(lang)))
        self.actions_by_key[f"lang.{lang}"].setChecked(True)
        for key, menu in self.menus.items():
            menu.setTitle(tr(key, lang))
        self.toolbar.setWindowTitle(tr("app.name", lang))
        self._update_status()

    def _update_status(self) -> None:
        lang, ds = self._lang(), self.session.dataset
        summary = describe_filter(self.session.state.filter, ds, lang)
        counts = tr("status.showing", lang, shown=len(self.session.matches), total=len(ds.milestones))
        self.status.setText(f"{counts}    {summary}" if summary else counts)
        title = tr("app.title", lang, title=ds.title.get(lang))
        self.setWindowTitle(f"{title} — {summary}" if summary else title)

    # -- settings --------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 860)
        self._splitters_restored = False
        for splitter in (self.main_splitter, self.left_splitter):
            sizes = s.value(splitter.objectName())
            if isinstance(sizes, QByteArray):
                self._splitters_restored |= splitter.restoreState(sizes)
        theme = s.value("theme", "system")
        theme = theme if theme in THEMES else "system"
        self.actions_by_key[f"theme.{theme}"].setChecked(True)
        self._apply_theme(theme)
        if self.session.dataset.path:
            self._remember(self.session.dataset.path)

    def _remember(self, path: Path) -> None:
        self.settings.setValue("lastDataset", str(path.resolve()))
        recent = [str(path.resolve())] + [p for p in self._recent() if p != str(path.resolve())]
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])
        self._rebuild_recent()

    def _recent(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _rebuild_recent(self) -> None:
        menu = self.menus["menu.recent"]
        menu.clear()
        for path in self._recent():
            action = menu.addAction(path)
            action.setData(path)
            action.triggered.connect(self._on_open_recent)
        menu.addSeparator()
        menu.addAction(self.actions_by_key["action.clear_recent"])

    def showEvent(self, event) -> None:
        """First show without saved sizes: share the height out now that it is known."""
        super().showEvent(event)
        if not self._splitters_restored:
            self._splitters_restored = True
            total = sum(self.left_splitter.sizes())
            self.left_splitter.setSizes([int(total * share / sum(LEFT_SHARES)) for share in LEFT_SHARES])

    def closeEvent(self, event) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        for splitter in (self.main_splitter, self.left_splitter):
            self.settings.setValue(splitter.objectName(), splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)

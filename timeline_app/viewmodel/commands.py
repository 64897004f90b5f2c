"""Every command a window offers, in one registry: its id, label, keys and what it does.

Menus, the toolbar, the timeline's keys, the panels' buttons and keys and the kiosk's buttons
are all built from here (see :mod:`timeline_app.qt.actions`), so a key is defined once, Help ▸
Keyboard Shortcuts lists every one, and a second window kind is a new arrangement of the same
commands. Qt-free: a command runs against its window, which provides the methods named in
:class:`Target`, or, for a view's own commands (:data:`VIEW_COMMANDS`, whose keys work while
that view has the focus), against the view. Keys are Qt's portable key names (``Ctrl+F``), or
``std:Name`` for a platform's standard key (``std:Open`` is Ctrl+O here, ⌘O on a Mac).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..i18n import LANGUAGES, language_name, next_language, tr
from ..theme_names import THEMES
from .navigator import Navigator

__all__ = ["COMMANDS", "KIOSK_COMMANDS", "MENUS", "TOOLBAR", "VIEW_COMMANDS", "Command", "IndicatorRowsTarget",
           "KioskTarget", "ProblemsTarget", "Target"]


class Target(Protocol):
    """What a window provides for its commands to act on."""

    navigator: Navigator

    def open_dialog(self) -> None: ...
    def reload(self) -> object: ...
    def watching(self) -> bool: ...
    def toggle_watching(self) -> None: ...
    def show_problems(self) -> None: ...
    def export(self) -> None: ...
    def export_picture(self) -> object: ...
    def print_preview(self) -> object: ...
    def close(self) -> object: ...
    def focus_search(self) -> None: ...
    def clear_filters(self) -> None: ...
    def toggle_fullscreen(self) -> None: ...
    def show_detail(self) -> None: ...
    def show_about(self) -> None: ...
    def show_keys(self) -> None: ...
    def copy(self, what: str) -> None: ...
    def go_to_date(self) -> None: ...
    def clear_recent(self) -> None: ...
    def save_view(self) -> None: ...
    def export_notes(self) -> None: ...
    def show_side_by_side(self) -> None: ...
    def forget_saved_views(self) -> None: ...
    def set_language(self, lang: str) -> None: ...
    def toggle_language(self) -> None: ...
    def set_theme(self, theme: str) -> None: ...
    def language(self) -> str: ...
    def theme(self) -> str: ...


class KioskTarget(Protocol):
    """What the kiosk's window provides for its commands (:data:`KIOSK_COMMANDS`)."""

    navigator: Navigator

    def go_home(self) -> None: ...
    def ask_to_leave(self) -> None: ...
    def toggle_language(self) -> None: ...
    def language(self) -> str: ...


class ProblemsTarget(Protocol):
    """The problems panel, for its commands."""

    def copy_selected(self) -> None: ...
    def copy_all(self) -> None: ...


class IndicatorRowsTarget(Protocol):
    """The indicator rows, for their keys."""

    def move_current(self, step: int) -> None: ...
    def move_page(self, pages: int) -> None: ...
    def move_to_end(self, last: bool) -> None: ...
    def activate_current(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Command:
    id: str
    label: str | Callable[[str], str]  # catalog key of its text, or its text in a language
    run: Callable[[Target], None]
    keys: tuple[str, ...] = ()  # anywhere in the window
    timeline_keys: tuple[str, ...] = ()  # while the timeline has the focus
    checked: Callable[[Target], bool] | None = None  # checkable: whether it is on now
    group: str | None = None  # checkable commands of one group exclude each other
    short: Callable[[str], str] | None = None  # a shorter text for the toolbar

    def text(self, lang: str) -> str:
        return tr(self.label, lang) if isinstance(self.label, str) else self.label(lang)


def _language(lang: str) -> Command:
    return Command(f"lang.{lang}", lambda _: language_name(lang), lambda t: t.set_language(lang),
                   checked=lambda t: t.language() == lang, group="language")


def _theme(theme: str) -> Command:
    return Command(f"theme.{theme}", f"theme.{theme}", lambda t: t.set_theme(theme),
                   checked=lambda t: t.theme() == theme, group="theme")


_COMMANDS = [
    Command("file.open", "action.open", lambda t: t.open_dialog(), ("std:Open",)),
    Command("file.reload", "action.reload", lambda t: t.reload(), ("std:Refresh", "Ctrl+R")),
    Command("file.watch", "action.watch", lambda t: t.toggle_watching(), checked=lambda t: t.watching()),
    Command("file.export", "action.export", lambda t: t.export()),
    Command("file.export_notes", "action.export_notes", lambda t: t.export_notes()),
    Command("file.export_picture", "action.export_picture", lambda t: t.export_picture()),
    Command("file.print", "action.print_preview", lambda t: t.print_preview(), ("std:Print",)),
    Command("file.quit", "action.quit", lambda t: t.close(), ("std:Quit",)),
    Command("file.clear_recent", "action.clear_recent", lambda t: t.clear_recent()),
    Command("view.find", "action.find", lambda t: t.focus_search(), ("std:Find",)),
    Command("view.clear_filters", "action.clear_filters", lambda t: t.clear_filters(), ("Ctrl+Shift+X",)),
    Command("view.zoom_in", "action.zoom_in", lambda t: t.navigator.zoom_step(+1), ("std:ZoomIn",), ("+", "=")),
    Command("view.zoom_out", "action.zoom_out", lambda t: t.navigator.zoom_step(-1), ("std:ZoomOut",), ("-",)),
    Command("view.fit", "action.fit", lambda t: t.navigator.fit_all(), ("Ctrl+0",), ("Home",)),
    Command("view.fullscreen", "action.fullscreen", lambda t: t.toggle_fullscreen(), ("std:FullScreen", "F11")),
    Command("edit.copy_all", "action.copy_all", lambda t: t.copy("record"), ("Ctrl+Shift+C",)),
    Command("edit.copy_citation", "action.copy_citation", lambda t: t.copy("citation"), ("Ctrl+Shift+R",)),
    Command("edit.copy_link", "action.copy_link", lambda t: t.copy("link"), ("Ctrl+Shift+L",)),
    Command("go.date", "action.goto", lambda t: t.go_to_date(), ("Ctrl+G",)),
    Command("go.save_view", "action.save_view", lambda t: t.save_view(), ("Ctrl+D",)),
    Command("go.clear_views", "action.clear_views", lambda t: t.forget_saved_views()),
    Command("view.problems", "action.problems", lambda t: t.show_problems()),
    Command("view.side_by_side", "action.side_by_side", lambda t: t.show_side_by_side()),
    Command("go.previous", "action.previous", lambda t: t.navigator.previous_match(), ("Alt+Left",)),
    Command("go.next", "action.next", lambda t: t.navigator.next_match(), ("Alt+Right",)),
    Command("go.step_back", "action.step_back", lambda t: t.navigator.step(-1), timeline_keys=("Left",)),
    Command("go.step_on", "action.step_on", lambda t: t.navigator.step(+1), timeline_keys=("Right",)),
    Command("go.row_up", "action.row_up", lambda t: t.navigator.switch_row(-1), timeline_keys=("Up",)),
    Command("go.row_down", "action.row_down", lambda t: t.navigator.switch_row(+1), timeline_keys=("Down",)),
    Command("go.detail", "action.detail", lambda t: t.show_detail(), timeline_keys=("Return", "Enter")),
    Command("lang.toggle", lambda ui: tr("lang.toggle", ui, name=language_name(next_language(ui))),
            lambda t: t.toggle_language(), ("Ctrl+L",), short=lambda ui: language_name(next_language(ui))),
    *(_language(lang) for lang in LANGUAGES),
    *(_theme(theme) for theme in THEMES),
    Command("help.keys", "action.keys", lambda t: t.show_keys(), ("std:HelpContents",)),
    Command("help.about", "action.about", lambda t: t.show_about()),
]

COMMANDS: dict[str, Command] = {c.id: c for c in _COMMANDS}

# Each view's own commands, by the view's id (its catalog title is "<id>.title"): they act on the
# view, and their keys work while it (or a child) has the focus.
VIEW_COMMANDS: dict[str, dict[str, Command]] = {view: {c.id: c for c in commands} for view, commands in (
    ("problems", (
        Command("problems.copy", "problems.copy", lambda v: v.copy_selected(), ("std:Copy",)),
        Command("problems.copy_all", "problems.copy_all", lambda v: v.copy_all()),
    )),
    ("indicators", (
        Command("indicators.row_up", "indicators.row_up", lambda v: v.move_current(-1), ("Up",)),
        Command("indicators.row_down", "indicators.row_down", lambda v: v.move_current(+1), ("Down",)),
        Command("indicators.page_up", "indicators.page_up", lambda v: v.move_page(-1), ("PgUp",)),
        Command("indicators.page_down", "indicators.page_down", lambda v: v.move_page(+1), ("PgDown",)),
        Command("indicators.first", "indicators.first", lambda v: v.move_to_end(False), ("Home",)),
        Command("indicators.last", "indicators.last", lambda v: v.move_to_end(True), ("End",)),
        Command("indicators.source", "indicators.show_source", lambda v: v.activate_current(),
                ("Space", "Return", "Enter")),
    )),
)}

# The kiosk's arrangement: a visitor's home and the staff's way out (its keys are configured),
# with the shared commands a visitor may use. No files, dialogs, filters, themes or quitting.
KIOSK_COMMANDS: dict[str, Command] = {
    "kiosk.home": Command("kiosk.home", "kiosk.home", lambda t: t.go_home(), ("Home",)),
    "kiosk.leave": Command("kiosk.leave", "kiosk.leave", lambda t: t.ask_to_leave()),
    **{c: COMMANDS[c] for c in ("lang.toggle", "view.zoom_in", "view.zoom_out", "go.previous", "go.next",
                                "go.step_back", "go.step_on", "go.row_up", "go.row_down")},
}

# The menu bar: each menu's commands in order; None is a separator, "menu.*" a submenu.
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    ("menu.file", ("file.open", "menu.recent", "file.reload", "file.watch", None, "file.export", "file.export_notes",
                   "file.export_picture", "file.print", None, "file.quit")),
    ("menu.edit", ("edit.copy_all", "edit.copy_citation", "edit.copy_link")),
    ("menu.view", ("view.find", "view.clear_filters", None, "view.zoom_in", "view.zoom_out", "view.fit", None,
                   "view.fullscreen", "menu.theme", None, "view.side_by_side", "view.problems")),
    ("menu.go", ("go.date", None, "go.save_view", "menu.views", None, "go.previous", "go.next", None, "go.step_back", "go.step_on", "go.row_up", "go.row_down",
                 "go.detail")),
    ("menu.language", (*(f"lang.{lang}" for lang in LANGUAGES), None, "lang.toggle")),
    ("menu.help", ("help.keys", None, "help.about")),
)
SUBMENUS: dict[str, tuple[str, ...]] = {
    "menu.theme": tuple(f"theme.{theme}" for theme in THEMES),
    "menu.recent": (),  # filled from the preferences' recent files, then "file.clear_recent"
    "menu.views": (),  # filled from the preferences' saved views, then "go.clear_views"
}
TOOLBAR: tuple[str | None, ...] = ("file.open", "file.reload", None, "view.zoom_in", "view.zoom_out", "view.fit",
                                   None, "lang.toggle")

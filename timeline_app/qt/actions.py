"""QActions made from the command registry: menus, toolbar, timeline keys, the views' keys and buttons.

Each command becomes one window-wide QAction (in the menus, with its ``keys``) and, if it has
``timeline_keys``, one QAction on the timeline that fires only while the timeline has the focus
(so ← moves the selection there but the cursor in the search field). Both run the same command.
A view's own commands (``VIEW_COMMANDS``) become actions on the view (:func:`install_view`),
and a view's button runs the registry's command it stands for (:func:`run_on_click`).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QMenu, QMenuBar, QToolBar, QWidget

from ..i18n import tr
from ..i18n.wording import join_names
from ..viewmodel.commands import COMMANDS, MENUS, SUBMENUS, VIEW_COMMANDS, Command, Target

__all__ = ["ActionSet", "install_view", "key_sequences", "run_on_click"]


def key_sequences(keys: Iterable[str]) -> list[QKeySequence]:
    """Qt key sequences of the registry's key names (``std:Open`` is the platform's Open)."""
    sequences = []
    for key in keys:
        if key.startswith("std:"):
            sequences += QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, key[4:]))
        else:
            sequences.append(QKeySequence(key))
    return list(dict.fromkeys(sequences))  # a standard key may already hold an explicit one


class _Runner(QObject):
    """Runs registry commands against a target for the actions or buttons it is given.

    A slot of its own, not a lambda: a lambda holding the target kept the view's wrapper alive
    past its C++ object, and a repaint of it then crashed Qt. The target is held weakly.
    """

    def __init__(self, target: QObject, owner: QObject):
        super().__init__(owner)
        self._target = weakref.ref(target)
        self._commands: dict[QObject, Command] = {}

    def add(self, sender: QObject, command: Command) -> None:
        self._commands[sender] = command

    def _on_triggered(self) -> None:
        target = self._target()
        if target is not None:
            self._commands[self.sender()].run(target)


def install_view(view: str, target: QObject, widget: QWidget | None = None) -> dict[str, QAction]:
    """The registry's commands of ``view`` as actions on ``widget`` (default: ``target``), whose
    keys work while it or a child has the focus; each runs against ``target``."""
    widget = widget or target
    runner = _Runner(target, widget)
    actions = {}
    for command in VIEW_COMMANDS[view].values():
        action = QAction(widget)
        action.setObjectName(command.id)
        action.setShortcuts(key_sequences(command.keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        runner.add(action, command)
        action.triggered.connect(runner._on_triggered)
        widget.addAction(action)
        actions[command.id] = action
    return actions


def run_on_click(button: QAbstractButton, command: Command, target: QObject) -> None:
    """``button`` runs the registry's ``command`` against ``target``, as its menu item and keys do."""
    runner = _Runner(target, button)
    runner.add(button, command)
    button.clicked.connect(runner._on_triggered)


def key_names(keys: Iterable[str], lang: str) -> str:
    """The keys as the language lists them, each once: Return and Enter both read 回车 in Chinese,
    and the keys of special keyboards (the "Open" key of a platform's Open) are left out."""
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(keys)
             if s[0].key() < Qt.Key.Key_Back]  # from Key_Back on: media and application keys
    return join_names(list(dict.fromkeys(texts)), lang)


class ActionSet(QObject):
    """The actions of one window. ``commands`` defaults to the registry (tests pass their own)."""

    def __init__(self, target: Target, parent: QWidget, commands: dict[str, Command] | None = None):
        super().__init__(parent)
        self.target = target
        self.commands = commands or COMMANDS
        self.actions: dict[str, QAction] = {}
        self.timeline_actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        groups: dict[str, QActionGroup] = {}
        for command in self.commands.values():
            action = self._make(command, command.keys, parent)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if command.group:
                group = groups.setdefault(command.group, QActionGroup(self))
                group.addAction(action)
            self.actions[command.id] = action

    def _make(self, command: Command, keys: tuple[str, ...], owner: QWidget) -> QAction:
        action = QAction(owner)
        action.setObjectName(command.id)
        action.setData(command.id)
        action.setShortcuts(key_sequences(keys))
        action.setCheckable(command.checked is not None)
        action.triggered.connect(self._on_triggered)
        owner.addAction(action)
        return action

    def install_timeline(self, timeline: QWidget) -> None:
        """Gives the timeline its keys: actions that fire only while it (or a child) has the focus."""
        for command in self.commands.values():
            if command.timeline_keys:
                action = self._make(command, command.timeline_keys, timeline)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.timeline_actions[command.id] = action

    def build_menus(self, bar: QMenuBar) -> None:
        for menu_id, entries in MENUS:
            self.menus[menu_id] = self._fill(bar.addMenu(""), entries)

    def _fill(self, menu: QMenu, entries: Iterable[str | None]) -> QMenu:
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif entry in SUBMENUS:
                self.menus[entry] = self._fill(menu.addMenu(""), SUBMENUS[entry])
            else:
                menu.addAction(self._menu_action(entry))
        return menu

    def _menu_action(self, command_id: str) -> QAction:
        """The window's action, or for keys that act on the timeline only, the timeline's own: the
        menu shows its keys, and a screen reader hears them as its key binding, not in its name."""
        if self.commands[command_id].keys or command_id not in self.timeline_actions:
            return self.actions[command_id]
        return self.timeline_actions[command_id]

    def fill_toolbar(self, toolbar: QToolBar, entries: Iterable[str | None]) -> None:
        for entry in entries:
            toolbar.addSeparator() if entry is None else toolbar.addAction(self.actions[entry])

    def retranslate(self, lang: str) -> None:
        """Re-sets every action's and menu's text in ``lang``, and the checked states."""
        for command_id, action in self.actions.items():
            command = self.commands[command_id]
            action.setText(command.text(lang))
            action.setIconText(command.short(lang) if command.short else command.text(lang).replace("&", ""))
            action.setToolTip(command.text(lang).replace("&", ""))
        for timeline_action in self.timeline_actions.values():
            timeline_action.setText(self.commands[timeline_action.data()].text(lang))
        for menu_id, menu in self.menus.items():
            menu.setTitle(tr(menu_id, lang))
        self.update_checked()

    def update_checked(self) -> None:
        for command_id, action in self.actions.items():
            checked = self.commands[command_id].checked
            if checked is not None:
                action.setChecked(checked(self.target))

    def _on_triggered(self) -> None:
        self.commands[self.sender().data()].run(self.target)
        self.update_checked()

"""The keyboard reference (Help ▸ Keyboard Shortcuts), made from the command registry itself, so it
can never disagree with what the keys do."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...i18n import tr
from ...viewmodel.commands import MENUS, VIEW_COMMANDS, Command
from ..actions import key_sequences

__all__ = ["KeysDialog"]

_MOUSE = ("keys.wheel", "keys.drag", "keys.double_click", "keys.click")


def _keys(keys: tuple[str, ...]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(keys))


class KeysDialog(QDialog):
    def __init__(self, commands: dict[str, Command], lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("action.keys", lang).replace("&", ""))
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.windowTitle())
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("keys.command", lang), tr("keys.keys", lang)])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        groups = [(tr(menu_id, lang), [commands.get(entry or "") for entry in entries]) for menu_id, entries in MENUS]
        groups += [(tr("keys.in_view", lang, view=tr(f"{view}.title", lang)), list(view_commands.values()))
                   for view, view_commands in VIEW_COMMANDS.items()]
        for title, group_commands in groups:
            group = QTreeWidgetItem(self.tree, [title.replace("&", "")])
            group.setFirstColumnSpanned(True)
            for command in group_commands:
                if command is None or not (command.keys or command.timeline_keys):
                    continue
                keys = _keys(command.keys)
                if command.timeline_keys:
                    on_timeline = tr("keys.on_timeline", lang, keys=_keys(command.timeline_keys))
                    keys = f"{keys}; {on_timeline}" if keys else on_timeline
                QTreeWidgetItem(group, [command.text(lang).replace("&", ""), keys])
        mouse = QTreeWidgetItem(self.tree, [tr("keys.mouse", lang)])
        mouse.setFirstColumnSpanned(True)
        for key in _MOUSE:
            QTreeWidgetItem(mouse, [tr(f"{key}.what", lang), tr(key, lang)])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(620, 560)

"""The keyboard reference (Help ▸ Keyboard Shortcuts), made from the command registry itself, so it
can never disagree with what the keys do."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTreeWidget, QTreeWidgetItem, QWidget

from ...i18n import tr
from ...i18n.wording import join_clauses
from ...viewmodel.commands import MENUS, VIEW_COMMANDS, Command
from ..actions import key_names
from .closing import lay_out_with_close

__all__ = ["KeysDialog"]

_MOUSE = ("keys.wheel", "keys.drag", "keys.double_click", "keys.click")


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
                keys = key_names(command.keys, lang)
                if command.timeline_keys:
                    on_timeline = tr("keys.on_timeline", lang, keys=key_names(command.timeline_keys, lang))
                    keys = join_clauses([keys, on_timeline], lang) if keys else on_timeline
                QTreeWidgetItem(group, [command.text(lang).replace("&", ""), keys])
        mouse = QTreeWidgetItem(self.tree, [tr("keys.mouse", lang)])
        mouse.setFirstColumnSpanned(True)
        for key in _MOUSE:
            QTreeWidgetItem(mouse, [tr(f"{key}.what", lang), tr(key, lang)])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        lay_out_with_close(self, self.tree, (620, 560))

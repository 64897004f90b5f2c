"""The menu bar and the toolbar in one row, as one widget: the toolbar keeps to the menu bar's
line (no row of its own), and a screen reader finds its buttons. Qt's accessible menu bar lists
only its menus, so a toolbar set as its corner widget was in no accessibility tree."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QMenuBar, QToolBar, QToolButton, QWidget

from ...i18n import tr

__all__ = ["MenuRow"]


class MenuRow(QWidget):
    def __init__(self, toolbar: QToolBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = QMenuBar(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(toolbar)
        self.toolbar = toolbar

    def retranslate(self, lang: str) -> None:
        """Names the toolbar's "»" button, which shows what a narrow window has no room for."""
        for button in self.toolbar.findChildren(QToolButton, "qt_toolbar_ext_button"):
            button.setAccessibleName(tr("a11y.more_tools", lang))

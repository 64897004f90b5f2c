"""The status bar's note of which file is open, what F5 reloads, and what the last load found."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ...dataset.last_good import holds_nothing
from ...i18n import tr
from ...i18n.wording import problem_count
from ..live_dataset import LiveDataset
from .tooltips import plain_tooltip

__all__ = ["FileStatus"]


class FileStatus(QLabel):
    """``report.yaml``, or ``report.yaml: 3 problems; showing its last good data``, and so on."""

    def __init__(self, live: LiveDataset, parent: QWidget | None = None):
        super().__init__(parent)
        self.live = live
        self.setTextFormat(Qt.TextFormat.PlainText)

    def refresh(self, lang: str) -> None:
        live, shown = self.live, self.live.session.dataset.path
        if live.target is None:
            self.clear()
            return
        name = live.target.name
        tip = "file.tip_watching" if live.watching else "file.tip_manual"
        text = tr(tip, lang, path=str(live.target))
        self.setToolTip(plain_tooltip(text))  # a file may be named "<img src=…>.yaml": never markup
        self.setAccessibleName(text)
        n = len(live.problems)
        count = problem_count(n, lang)
        if not n:
            self.setText(name)
        elif shown is None or shown.resolve() != live.target.resolve():
            self.setText(tr("status.problems_other", lang, file=name, count=count, shown=shown.name if shown else "—"))
        elif live.copy_saved is not None:
            self.setText(tr("status.problems_copy", lang, file=name, count=count, time=f"{live.copy_saved:%Y-%m-%d %H:%M}"))
        elif holds_nothing(live.session.dataset):
            self.setText(tr("status.problems_empty", lang, file=name, count=count))
        else:
            self.setText(tr("status.problems_last_good", lang, file=name, count=count))

"""The progress of a load that takes a while, in the status bar, with a way to stop it.

Loads shorter than :data:`SHOW_AFTER_MS` never show it (the window only blinks otherwise); a
longer one shows the file, the bytes read of how many, and Cancel. The window stays usable
meanwhile: the load runs on :class:`~.live_dataset.LiveDataset`'s worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from ...i18n import tr
from ...viewmodel.state import ViewState
from ..model_signals import follow
from ..live_dataset import LiveDataset

__all__ = ["SHOW_AFTER_MS", "LoadProgress"]

SHOW_AFTER_MS = 300
_TOLD_MS = 4000  # how long "cancelled" stays
_MB = 1_000_000


class LoadProgress(QWidget):
    def __init__(self, live: LiveDataset, state: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self._live, self._state = live, state
        self._path: Path | None = None
        self._done = self._total = 0
        self._cancelled = False
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(160)
        self.cancel_button = QToolButton(self)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            widget.setMaximumHeight(self.fontMetrics().height() + 2)  # a status bar's line: it grows for none
            layout.addWidget(widget)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.show)
        self._told = QTimer(self)
        self._told.setSingleShot(True)
        self._told.timeout.connect(self.hide)
        live.busy.connect(self._on_busy)
        live.progressed.connect(self._on_progressed)
        follow(self, state.events.language, self._on_language_changed)
        self._show_text()  # Cancel named from the start: a screen reader lists it while hidden too
        self.hide()

    def _show_text(self) -> None:
        lang = self._state.language
        self.cancel_button.setText(tr("load.cancel", lang))
        if self._path is None:
            return
        key = "load.cancelled" if self._cancelled else "load.progress"
        self.label.setText(tr(key, lang, file=self._path.name, done=f"{self._done / _MB:.1f}",
                              total=f"{self._total / _MB:.1f}"))

    def _on_busy(self, path: Path | None) -> None:
        if path is not None:  # a load starts: shown if it lasts
            self._path, self._done, self._total, self._cancelled = path, 0, _size(path), False
            self._told.stop()
            self.bar.setValue(0)
            self.bar.show()
            self.cancel_button.show()
            self._show_text()
            self._later.start(SHOW_AFTER_MS)
        elif not self._cancelled:
            self._later.stop()
            self.hide()

    def _on_progressed(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        self.bar.setValue(int(1000 * done / total) if total else 0)
        self._show_text()

    def _on_cancel_clicked(self) -> None:
        """Stops the load; the data on screen stays, and the bar says so for a moment."""
        self._live.cancel()
        self._cancelled = True
        self._later.stop()
        self.bar.hide()
        self.cancel_button.hide()
        self._show_text()
        self._told.start(_TOLD_MS)

    def _on_language_changed(self, _: str) -> None:
        self._show_text()


def _size(path: Path) -> int:
    """The file's size, to say before the first progress arrives (0 if it cannot be had)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0

"""The kiosk follows its files: the dataset (through :class:`~.watcher.LiveDataset`, as the
archivist's window does) and its configuration. What loads is offered to the
:class:`~timeline_app.viewmodel.kiosk.Kiosk`, which takes it at the next reset; what does not
load is logged and the exhibit stays as it is, so staff can fix a typo during opening hours
without a visitor seeing a broken file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from ..config import ConfigError, KioskConfig, load_config, problem_line
from ..dataset.last_good import Opened, file_signature
from ..dataset.records import Dataset
from ..viewmodel.kiosk import Kiosk
from .live_dataset import DEBOUNCE_MS, LiveDataset

__all__ = ["KioskFiles"]

_log = logging.getLogger("timeline_app.kiosk")


class _Offered:
    """Stands in for the session :class:`LiveDataset` keeps in step: a good load is offered to the
    kiosk rather than shown at once."""

    def __init__(self, kiosk: Kiosk):
        self.kiosk = kiosk
        self.dataset: Dataset = kiosk.navigator.session.dataset

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.kiosk.offer(dataset=dataset)


class KioskFiles(QObject):
    """Watches the dataset and ``config_path`` (None: no file, nothing to follow); the dataset
    named in the configuration is followed when ``dataset_from_config``."""

    def __init__(self, kiosk: Kiosk, opened: Opened | None, config_path: Path | None,
                 dataset_from_config: bool, debounce_ms: int = DEBOUNCE_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.kiosk = kiosk
        self.config_path = config_path
        self.dataset_from_config = dataset_from_config
        self.live = LiveDataset(_Offered(kiosk), opened, watch=True, debounce_ms=debounce_ms, parent=self)
        self._seen = file_signature(config_path) if config_path else None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.reload_config)
        self._watcher = QFileSystemWatcher(self)
        if config_path is not None:  # the folder too: editors save by renaming over the file
            self._watcher.addPaths([str(config_path.parent), *([str(config_path)] if config_path.is_file() else [])])
            self._watcher.fileChanged.connect(self._on_changed)
            self._watcher.directoryChanged.connect(self._on_changed)

    def _on_changed(self, _: str) -> None:
        seen = file_signature(self.config_path)
        if seen == self._seen:
            return  # another file of the folder
        self._seen = seen
        if seen is not None and str(self.config_path) not in self._watcher.files():
            self._watcher.addPath(str(self.config_path))  # renamed over: the new file is another
        self._timer.start()

    def reload_config(self) -> None:
        """Reads the configuration again; a good one is offered, a bad one logged (the old one stays)."""
        try:
            config = load_config(self.config_path, missing_dataset=True)
        except ConfigError as err:
            _log.warning("%s has problems; the kiosk keeps its configuration:\n%s", self.config_path,
                         "\n".join(problem_line(p) for p in err.problems))
            return
        if self.dataset_from_config and config.dataset is not None and config.dataset != self.live.target:
            self.live.reload(config.dataset)
        self.kiosk.offer(config=_kept(self.kiosk.wanted, config))
        _log.info("read %s; the kiosk takes it at its next reset", self.config_path)

    def shutdown(self) -> None:
        self._timer.stop()
        self.live.shutdown()


def _kept(running: KioskConfig, read: KioskConfig) -> KioskConfig:
    """``read``, with what the command line set and what only a restart changes kept as running."""
    kept = {key: getattr(running, key) for key in ("scale", "exit_chord")}
    kept.update({key: getattr(running, key) for key in running.overrides})
    return read.overridden(**kept) if kept else read

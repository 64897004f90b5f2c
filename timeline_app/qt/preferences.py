"""The user's preferences, kept between runs in QSettings, or only in memory.

One small object a window reads at start and writes when something changes (never from a
paint or a signal storm). ``Preferences.ephemeral()`` keeps everything in memory: for
screenshots, tests and the kiosk, which must not read or change the archivist's settings.

A crash mid-write cannot corrupt the file: QSettings writes it whole to a temporary file and
renames that over the old one (``isAtomicSyncRequired``, which we insist on). A file that is
corrupt all the same (unreadable syntax, or the zeros a power cut can leave) is set aside with
a timestamp, ``set_aside`` names it so the window can say so once, and the defaults are used. So
is a file holding a value of a type we never write (a number where a list of files belongs).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..i18n import LANGUAGES
from ..theme_names import THEMES

__all__ = ["MAX_RECENT", "Preferences"]

MAX_RECENT = 8
_log = logging.getLogger("timeline_app.settings")


# What each text-valued key may hold as QSettings reads it back (a one-item list reads as its item).
_TYPES = {"language": str, "theme": str, "editorCommand": str, "lastDataset": str, "recentFiles": (list, str)}


def _wrong_types(settings: QSettings) -> list[str]:
    """The keys whose values are of a type we never write (``recentFiles=5``: a TypeError at each start)."""
    return [key for key, kind in _TYPES.items() if settings.contains(key)
            and not isinstance(settings.value(key), kind)]


class Preferences:
    def __init__(self, settings: QSettings | None = None):
        """Over ``settings`` (default: the application's QSettings), or in memory with ``ephemeral``."""
        self._settings = settings
        self._memory: dict[str, object] | None = None
        self.set_aside: Path | None = None  # a corrupt settings file moved out of the way at start
        self._checked = False

    @classmethod
    def ephemeral(cls) -> Preferences:
        prefs = cls(None)
        prefs._memory = {}
        return prefs

    @property
    def settings(self) -> QSettings | None:
        if self._memory is not None:
            return None
        if self._settings is None:
            self._settings = QSettings()
        if not self._checked:
            self._checked = True
            self._settings = self._set_aside_if_corrupt(self._settings)
            self._settings.setAtomicSyncRequired(True)
        return self._settings

    def _set_aside_if_corrupt(self, settings: QSettings) -> QSettings:
        path = Path(settings.fileName())  # on Windows a registry key, which is no file: nothing to check
        try:
            data = path.read_bytes() if path.is_file() else b""
        except OSError:
            return settings
        if not data.strip():  # none yet
            return settings
        if (settings.status() != QSettings.Status.FormatError and b"\0" not in data and settings.allKeys()
                and not _wrong_types(settings)):
            return settings  # (an AccessError is about writing, or another scope's file: no reason to set it aside)
        aside = path.with_name(f"{path.name}.corrupt-{dt.datetime.now():%Y%m%d-%H%M%S}")
        try:
            path.rename(aside)
        except OSError as err:
            _log.error("settings file %s is corrupt and cannot be set aside: %s", path, err)
            return settings
        _log.warning("settings file %s was corrupt; set aside as %s, defaults used", path, aside)
        self.set_aside = aside
        return QSettings(str(path), settings.format())

    def _get(self, key: str, default=None):
        if self._memory is not None:
            return self._memory.get(key, default)
        return self.settings.value(key, default)

    def _set(self, key: str, value) -> None:
        if self._memory is not None:
            self._memory[key] = value
        else:
            self.settings.setValue(key, value)

    def sync(self) -> None:
        if self.settings is not None:
            self.settings.sync()

    # -- values ----------------------------------------------------------------------------

    @property
    def language(self) -> str | None:
        value = self._get("language")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, lang: str) -> None:
        if lang != self._get("language"):
            self._set("language", lang)

    @property
    def theme(self) -> str:
        value = self._get("theme", "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, theme: str) -> None:
        self._set("theme", theme)

    def state(self, name: str) -> QByteArray | None:
        """A saved window geometry or splitter state (``name`` says whose)."""
        value = self._get(name)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, name: str, value: QByteArray) -> None:
        self._set(name, value)

    @property
    def watch_files(self) -> bool:
        """Whether the window reloads the dataset when it changes on disk (default: yes)."""
        return str(self._get("watchFiles", True)).lower() not in ("false", "0")

    @watch_files.setter
    def watch_files(self, on: bool) -> None:
        self._set("watchFiles", bool(on))

    @property
    def editor_command(self) -> str:
        """How to open a file at a line (``code -g {file}:{line}:{column}``); empty: the desktop's default."""
        value = self._get("editorCommand", "")
        return value if isinstance(value, str) else ""

    @editor_command.setter
    def editor_command(self, command: str) -> None:
        self._set("editorCommand", command)

    @property
    def recent_files(self) -> list[str]:
        value = self._get("recentFiles", [])
        return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] \
            if isinstance(value, list) else []

    def remember(self, path: Path) -> None:
        """Puts ``path`` first among the recent files and makes it the last dataset."""
        resolved = str(path.resolve())
        recent = self.recent_files
        if recent[:1] == [resolved] and self._get("lastDataset") == resolved:
            return  # as it was (each start on the same dataset): nothing to write
        self._set("lastDataset", resolved)
        recent = [resolved] + [p for p in recent if p != resolved]
        self._set("recentFiles", recent[:MAX_RECENT])

    @property
    def saved_views(self) -> list[dict]:
        """The saved views (see :mod:`...viewmodel.saved_views`), as JSON objects; none if unreadable."""
        import json

        try:
            views = json.loads(self._get("savedViews", "[]") or "[]")
        except (TypeError, ValueError):
            return []
        return [v for v in views if isinstance(v, dict)] if isinstance(views, list) else []

    @saved_views.setter
    def saved_views(self, views: list[dict]) -> None:
        import json

        self._set("savedViews", json.dumps(views, ensure_ascii=False))

    def clear_recent(self) -> None:
        self._set("recentFiles", [])

    @property
    def export_folder(self) -> Path | None:
        """The folder of the last export, if it is still there (the next export's dialog starts in it)."""
        value = self._get("exportFolder")
        path = Path(value) if isinstance(value, str) and value else None
        return path if path is not None and path.is_dir() else None

    @export_folder.setter
    def export_folder(self, folder: Path) -> None:
        self._set("exportFolder", str(folder))

    @property
    def last_dataset(self) -> Path | None:
        """The dataset opened last, if it is still there (the viewer reopens it)."""
        value = self._get("lastDataset")
        path = Path(value) if isinstance(value, str) and value else None
        return path if path is not None and path.is_file() else None

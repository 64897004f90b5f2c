"""Private notes on records: the archivist's own, kept in the user's data folder beside the
dataset's path (one file per dataset), never written into the dataset. Qt-free.

``TIMELINE_APP_DATA_DIR`` overrides the folder (the tests use it).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
from pathlib import Path

from ..dataset.records import Dataset

__all__ = ["DATA_DIR_ENV", "Notes", "notes_dir"]

DATA_DIR_ENV = "TIMELINE_APP_DATA_DIR"
_log = logging.getLogger("timeline_app.notes")


def notes_dir() -> Path:
    """``$TIMELINE_APP_DATA_DIR/notes``, else the platform's user data folder's."""
    import platformdirs

    return Path(os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir("timeline-app", appauthor=False)) / "notes"


class Notes:
    """The notes on one dataset's records, by record id; read at once, written on each change."""

    def __init__(self, dataset_path: Path | None, folder: Path | None = None):
        self.dataset_path = str(Path(dataset_path).resolve()) if dataset_path else ""
        key = hashlib.sha256(self.dataset_path.encode("utf-8")).hexdigest()[:32]
        self.file = (folder or notes_dir()) / f"{key}.json"
        self._notes: dict[str, str] = {}
        if dataset_path:
            try:
                found = json.loads(self.file.read_text(encoding="utf-8")).get("notes", {})
                self._notes = {str(k): str(v) for k, v in found.items() if str(v).strip()}
            except (OSError, ValueError, AttributeError):
                pass  # none yet, or unreadable: starts empty (and the next note writes a good file)

    def get(self, record_id: str) -> str:
        return self._notes.get(record_id, "")

    def all(self) -> dict[str, str]:
        return dict(self._notes)

    def set(self, record_id: str, text: str) -> None:
        """Keeps ``text`` as the note on ``record_id`` (an empty one removes it) and writes the file."""
        if text.strip():
            self._notes[record_id] = text
        else:
            self._notes.pop(record_id, None)
        if not self.dataset_path:
            return
        data = json.dumps({"dataset": self.dataset_path, "notes": self._notes}, ensure_ascii=False, indent=1)
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.file.with_suffix(".tmp")
            temporary.write_text(data, encoding="utf-8")
            os.replace(temporary, self.file)
        except OSError as err:
            _log.warning("cannot keep the notes in %s: %s", self.file, err)

    def to_csv(self, dataset: Dataset, lang: str) -> str:
        """The notes as CSV: record id, its title, the note (records in time order)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["id", "title", "note"])
        for m in dataset.chronological:
            if m.id in self._notes:
                writer.writerow([m.id, m.title.get(lang), self._notes[m.id]])
        return out.getvalue()

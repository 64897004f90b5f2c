"""The last good copy of each dataset: its bytes as they were when it last loaded without problems.

An archivist starting on a file that was broken in the meantime, or a kiosk booting on one, is
shown that copy rather than nothing. Copies live in the user cache folder
(``TIMELINE_APP_CACHE_DIR`` overrides it), one per dataset path, each written atomically (a
temporary file renamed over the old copy), so a crash mid-write leaves the previous copy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .deferred import later
from .files import read_regular
from .loader import load_dataset
from .problems import DatasetError, Problem, bug_problem
from .records import Dataset, Text

__all__ = ["CACHE_DIR_ENV", "LastGoodCopies", "Opened", "cache_dir", "empty_dataset", "file_signature", "holds_nothing"]

CACHE_DIR_ENV = "TIMELINE_APP_CACHE_DIR"
_log = logging.getLogger("timeline_app.last_good")


def cache_dir() -> Path:
    """``$TIMELINE_APP_CACHE_DIR``, else the platform's user cache folder, for the copies."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override) / "last-good"
    import platformdirs

    return Path(platformdirs.user_cache_dir("timeline-app", appauthor=False)) / "last-good"


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """What changes when a file is saved (in place or renamed over); None when it is not there."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def empty_dataset(path: Path) -> Dataset:
    """Nothing to show yet, named after the file that failed (so reloading it knows where to look)."""
    return Dataset(title=Text(zh="", en=""), sources=(), branches=(), categories=(), path=path)


def holds_nothing(dataset: Dataset) -> bool:
    """Whether this is :func:`empty_dataset`'s stand-in rather than data."""
    return not (dataset.branches or dataset.milestones)


@dataclass(frozen=True)
class Opened:
    """What to show for a dataset path: the file itself, its last good copy, or nothing yet."""

    dataset: Dataset
    problems: list[Problem] = field(default_factory=list)  # the file's own (none when it loaded)
    copy_saved: dt.datetime | None = None  # when the copy shown was kept, if a copy is shown

    @property
    def is_empty(self) -> bool:
        return bool(self.problems) and self.copy_saved is None


class LastGoodCopies:
    """The copies in ``folder`` (default :func:`cache_dir`)."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or cache_dir()

    def copy_path(self, dataset_path: Path) -> Path:
        key = hashlib.sha256(str(Path(dataset_path).resolve()).encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{key}.yaml"

    def load(self, path: Path) -> Dataset:
        """Loads ``path`` and, when it loads, keeps its bytes as the last good copy.

        The copy is kept only if the file did not change while it was read, so it is exactly
        what loaded. Raises :class:`DatasetError` as :func:`load_dataset` does.
        """
        before = file_signature(path)
        dataset = load_dataset(path, cache=True)  # an unchanged file comes from the cache of checked datasets
        try:
            data = read_regular(path)  # (a FIFO swapped in meanwhile is not waited on)
        except OSError:
            return dataset
        if file_signature(path) == before:
            later(self.keep, path, data)  # after the window shows it, where a window waits
        return dataset

    def keep(self, dataset_path: Path, data: bytes) -> None:
        """Writes the copy atomically; a full disk or a read-only cache only costs the copy."""
        target = self.copy_path(dataset_path)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if target.is_file() and target.read_bytes() == data:
                return
            import tempfile  # only to write: a start on an unchanged dataset never does

            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as file:
                    file.write(data)
                    file.flush()
                    os.fsync(file.fileno())
                os.replace(temporary, target)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError as err:
            _log.warning("cannot keep the last good copy of %s in %s: %s", dataset_path, self.folder, err)

    def recall(self, dataset_path: Path) -> tuple[Dataset, dt.datetime] | None:
        """The last good copy as a dataset of ``dataset_path`` (its media beside the original), and
        when it was kept; None when there is none (or it no longer loads, say after a format change)."""
        copy = self.copy_path(dataset_path)
        try:
            saved = dt.datetime.fromtimestamp(copy.stat().st_mtime)
            dataset = load_dataset(copy, display_name=str(dataset_path), cache=True)
        except (OSError, DatasetError):
            return None
        return replace(dataset, path=Path(dataset_path)), saved

    def open(self, path: Path, trusted: bool = True) -> Opened:
        """The dataset at ``path``; on problems, its last good copy, else an empty dataset.

        Not ``trusted`` (the last start died opening it), the file is read afresh, past the cache,
        and no copy stands in for it.
        """
        try:
            return Opened(self.load(path) if trusted else load_dataset(path))
        except DatasetError as err:
            problems = err.problems
        except Exception as err:  # noqa: BLE001 - a fault of ours: listed and logged, and the start goes on
            _log.exception("loading %s failed", path)
            problems = [bug_problem(str(path), err)]
        recalled = self.recall(path) if trusted else None
        if recalled is None:
            return Opened(empty_dataset(Path(path)), problems)
        return Opened(recalled[0], problems, recalled[1])

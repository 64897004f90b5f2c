"""A cache of validated datasets, so that reopening an unchanged file skips parsing and checking.

One entry per dataset path, under the user's cache folder (``TIMELINE_APP_CACHE_DIR`` overrides
it, so tests never touch the user's). An entry holds the validated model, pickled, behind a
header that says what it is for: a magic string, the layout of this cache, the app's version,
the dataset format and the shape of the record classes, the file's content hash, and a hash of
the payload. Anything that does not match (another app's file, an older version, an edited
dataset, a truncated or corrupted write) is ignored and rebuilt. Only our own record types may
come out of the payload, so even a forged entry cannot run code, and what comes out is checked by
type and shape (:mod:`.shape`) before it is trusted. Entries are written atomically (a temporary
file renamed over the old one; one left by a write that was killed is removed by
:func:`~.files.remove_stale_temporaries` at the next start). A file with problems is never cached.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
from pathlib import Path

from .. import __version__
from . import edtf, records
from .deferred import later
from .parse import parse_dataset
from .records import FORMAT_VERSION, Dataset
from .files import MAX_BYTES, read_bytes, read_regular
from .shape import conforms

__all__ = ["ENV_VAR", "cache_dir", "cache_file", "load_cached"]

ENV_VAR = "TIMELINE_APP_CACHE_DIR"
MAGIC = b"timeline-app validated dataset\n"
LAYOUT = 1  # the header and payload layout below
_DIGEST = 32  # bytes of a blake2b digest
MAX_ENTRY_BYTES = 8 * MAX_BYTES  # a model pickles to about as many bytes as its file; far past that is not ours
_SAFE = {  # the only globals a payload may name
    (module.__name__, name) for module in (records, edtf) for name in module.__all__
} | {("decimal", "Decimal"), ("datetime", "date"), ("pathlib", "PosixPath"), ("pathlib", "WindowsPath")}


def _model_shape() -> bytes:
    """Changes whenever a record class gains, loses or reorders a field."""
    shape = [(cls.__name__, tuple(f.name for f in dataclasses.fields(cls)))
             for cls in (getattr(records, name) for name in records.__all__) if dataclasses.is_dataclass(cls)]
    return hashlib.blake2b(repr(shape).encode(), digest_size=_DIGEST).digest()


_HEADER = MAGIC + f"{LAYOUT} {__version__} {FORMAT_VERSION}\n".encode() + _model_shape()


def cache_dir() -> Path:
    """``$TIMELINE_APP_CACHE_DIR``, else the platform's user cache folder for the app."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("timeline-app", appauthor=False))


def cache_file(path: Path, folder: Path | None = None) -> Path:
    """Where the entry for the dataset at ``path`` is kept (one per path, replaced on change)."""
    key = hashlib.blake2b(str(Path(path).resolve()).encode(), digest_size=16).hexdigest()
    return (folder or cache_dir()) / f"{key}.dataset"


def load_cached(path: str | Path, display_name: str | None = None, folder: Path | None = None) -> Dataset:
    """Like :func:`~.loader.load_dataset`, but answered from the cache when the file is unchanged.

    A miss loads the file on the fast path and, when it is valid, stores it for next time.
    Raises :class:`~.problems.DatasetError` with every problem, exactly as an uncached load.
    """
    path = Path(path)
    name = display_name or str(path)
    data = read_bytes(path, name)
    content = hashlib.blake2b(data, digest_size=_DIGEST).digest()
    entry = cache_file(path, folder)
    dataset = _read(entry, content)
    if dataset is None:
        dataset = parse_dataset(data, name, path)
        later(_write, entry, content, dataset)  # after the window shows it, where a window waits
    return dataclasses.replace(dataset, path=path)


def _read(entry: Path, content: bytes) -> Dataset | None:
    """The cached model for a file with this content hash, or None for anything else."""
    try:
        raw = read_regular(entry, MAX_ENTRY_BYTES)
    except OSError:
        return None
    head = _HEADER + content
    if not raw.startswith(head) or len(raw) < len(head) + _DIGEST:
        return None
    digest, payload = raw[len(head):len(head) + _DIGEST], memoryview(raw)[len(head) + _DIGEST:]
    if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return None
    try:
        dataset = _SafeUnpickler(io.BytesIO(payload)).load()
    except Exception:  # noqa: BLE001 - whatever is wrong with an entry, it is rebuilt
        return None
    return dataset if conforms(dataset) else None


def _write(entry: Path, content: bytes, dataset: Dataset) -> None:
    """Stores the model atomically; a cache that cannot be written is simply not used."""
    payload = pickle.dumps(dataclasses.replace(dataset, path=None), protocol=pickle.HIGHEST_PROTOCOL)
    digest = hashlib.blake2b(payload, digest_size=_DIGEST).digest()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only to write (with shutil, bz2 and lzma behind it): a warm start never does

        fd, temporary = tempfile.mkstemp(dir=entry.parent, prefix=entry.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_HEADER + content + digest)
                out.write(payload)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in _SAFE:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a dataset")
        return super().find_class(module, name)


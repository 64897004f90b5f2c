"""A milestone's media file: found beside the dataset, and only there, and what its name says it is.

A dataset comes from someone else's folder; its media paths must not reach out of it (no
absolute paths, no ``..``, no symbolic link pointing elsewhere), nor be huge, nor be, say, a
script named ``photo.png``. :func:`resolve_media` answers where the file is and whether it may
be shown; decoding the picture is the Qt layer's job. No Qt here.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from .records import Dataset

__all__ = ["MAX_MEDIA_BYTES", "MediaFault", "MediaFile", "MediaKind", "media_paths", "resolve_media"]

MAX_MEDIA_BYTES = 20 * 1024 * 1024


class MediaKind(enum.Enum):
    IMAGE = "image"
    DOCUMENT = "document"


class MediaFault(enum.Enum):
    """Why a media file is not shown; each value is the catalog key of its explanation."""

    ABSOLUTE = "media.absolute"
    OUTSIDE = "media.outside"
    MISSING = "media.missing"
    NOT_A_FILE = "media.not_a_file"
    TOO_LARGE = "media.too_large"
    UNSUPPORTED = "media.unsupported"
    WRONG_CONTENT = "media.wrong_content"
    UNREADABLE = "media.unreadable"


# What each name ending claims, and the bytes such a file starts with.
_FORMATS: dict[str, tuple[MediaKind, str]] = {
    ".png": (MediaKind.IMAGE, "png"), ".jpg": (MediaKind.IMAGE, "jpeg"), ".jpeg": (MediaKind.IMAGE, "jpeg"),
    ".gif": (MediaKind.IMAGE, "gif"), ".webp": (MediaKind.IMAGE, "webp"), ".bmp": (MediaKind.IMAGE, "bmp"),
    ".pdf": (MediaKind.DOCUMENT, "pdf"),
}
_SIGNATURES: dict[str, re.Pattern[bytes]] = {
    "png": re.compile(rb"\x89PNG\r\n\x1a\n"), "jpeg": re.compile(rb"\xff\xd8\xff"),
    "gif": re.compile(rb"GIF8[79]a"), "webp": re.compile(rb"RIFF....WEBP", re.DOTALL), "bmp": re.compile(rb"BM"),
    "pdf": re.compile(rb"%PDF-"),
}


@dataclass(frozen=True, slots=True)
class MediaFile:
    """Where a media item is (``path`` only when it may be opened), what it is, or why not."""

    path: Path | None
    kind: MediaKind | None = None
    format: str | None = None  # the format its name claims and its first bytes confirm: "png", "pdf"…
    fault: MediaFault | None = None


def resolve_media(folder: Path, name: str, max_bytes: int = MAX_MEDIA_BYTES) -> MediaFile:
    """Checks the dataset's media path ``name`` against the dataset's ``folder``."""
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive:
        return MediaFile(None, fault=MediaFault.ABSOLUTE)
    if ".." in re.split(r"[\\/]", name):
        return MediaFile(None, fault=MediaFault.OUTSIDE)
    try:
        base = folder.resolve()
        target = (base / name).resolve()
    except (OSError, RuntimeError, ValueError):  # a loop of links (RuntimeError before Python 3.13), a NUL
        return MediaFile(None, fault=MediaFault.UNREADABLE)
    if not target.is_relative_to(base):  # a symbolic link out of the folder
        return MediaFile(None, fault=MediaFault.OUTSIDE)
    claimed = _FORMATS.get(target.suffix.lower())
    try:
        if not target.exists():
            return MediaFile(None, fault=MediaFault.MISSING)
        if not target.is_file():
            return MediaFile(None, fault=MediaFault.NOT_A_FILE)
        if target.stat().st_size > max_bytes:
            return MediaFile(None, fault=MediaFault.TOO_LARGE)
        if claimed is None:
            return MediaFile(None, fault=MediaFault.UNSUPPORTED)
        with target.open("rb") as file:
            head = file.read(16)
    except OSError:
        return MediaFile(None, fault=MediaFault.UNREADABLE)
    kind, fmt = claimed
    if not _SIGNATURES[fmt].match(head):
        return MediaFile(None, kind, fault=MediaFault.WRONG_CONTENT)
    return MediaFile(target, kind, fmt)


def media_paths(dataset: Dataset) -> list[Path]:
    """The files a dataset's media refer to that may be opened (the ones worth watching)."""
    if dataset.path is None:
        return []
    folder = dataset.path.parent
    found = (resolve_media(folder, item.path).path for m in dataset.milestones for item in m.media)
    return sorted({path for path in found if path is not None})

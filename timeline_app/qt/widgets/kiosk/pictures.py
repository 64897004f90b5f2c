"""A milestone's pictures for the kiosk: the first of its media that is an image beside the dataset
and decodes safely (as the archivist's detail pane loads them: :func:`..detail.media.thumbnail`).

Each picture is decoded once per size and kept (a few, the most recent): the attract tour shows
the same ones over and over for days, and a new pixmap each time would only churn memory.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtGui import QPixmap

from ....dataset.media import MediaKind, resolve_media
from ....dataset.records import Milestone
from ..detail.media import thumbnail

__all__ = ["Pictures"]

KEPT = 12


class Pictures:
    def __init__(self):
        self._kept: OrderedDict[tuple[Path, int], QPixmap | None] = OrderedDict()

    def first(self, m: Milestone | None, dataset_path: Path | None, width: int) -> QPixmap | None:
        """The milestone's first picture that shows, at most ``width`` px wide; None without one."""
        if m is None or dataset_path is None:
            return None
        for media in m.media:
            found = resolve_media(dataset_path.parent, media.path)
            if found.path is None or found.kind is not MediaKind.IMAGE:
                continue
            key = (found.path, width)
            if key not in self._kept:
                image, _ = thumbnail(found, width)
                self._kept[key] = QPixmap.fromImage(image) if image is not None else None
                while len(self._kept) > KEPT:
                    self._kept.popitem(last=False)
            self._kept.move_to_end(key)
            if self._kept[key] is not None:
                return self._kept[key]
        return None

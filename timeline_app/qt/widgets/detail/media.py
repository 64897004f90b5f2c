"""A milestone's media in the detail pane: its picture when it is an image beside the dataset that
decodes as what it claims to be; else a placeholder that says why it is not shown."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStyle, QVBoxLayout, QWidget

from ....dataset.media import MediaFault, MediaFile, MediaKind, resolve_media
from ....dataset.records import Media
from ....i18n import tr
from .labels import plain_label, text_label

__all__ = ["MAX_PIXELS", "media_widget", "thumbnail"]

_log = logging.getLogger("timeline_app.media")

THUMBNAIL_WIDTH = 240
MAX_PIXELS = 40_000_000  # a picture larger than this is not decoded (a "decompression bomb")


def media_widget(media: Media, dataset_path: Path | None, lang: str, style: QStyle) -> QWidget:
    """A media item's caption and credit, with its picture when it is an image beside the dataset
    that decodes; else a placeholder saying why it is not shown."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    path = dataset_path
    found = resolve_media(path.parent, media.path) if path else MediaFile(None, fault=MediaFault.MISSING)
    image, fault = None, found.fault
    if found.path is not None and found.kind is MediaKind.IMAGE:
        image, fault = thumbnail(found, THUMBNAIL_WIDTH)
    if image is not None:
        picture = plain_label()
        picture.setPixmap(QPixmap.fromImage(image))
        picture.setAccessibleName(media.caption.get(lang))
        layout.addWidget(picture)
    elif fault is not None:
        _log.warning("media %s of %s not shown: %s", media.path, path, fault.name.lower())
        layout.addWidget(_media_note(style, QStyle.StandardPixmap.SP_MessageBoxWarning,
                                          tr(fault.value, lang, name=media.path)))
    else:  # a document: named, not shown
        layout.addWidget(_media_note(style, QStyle.StandardPixmap.SP_FileIcon,
                                          tr("media.document", lang, name=media.path)))
    text = media.caption.get(lang)
    if media.credit:
        text = tr("detail.media_credit", lang, caption=text, credit=media.credit.get(lang))
    caption = text_label()
    caption.setText(text)
    layout.addWidget(caption)
    return box

def _media_note(style: QStyle, icon_kind: QStyle.StandardPixmap, why: str) -> QWidget:
    """A placeholder where the picture would be: an icon and what the file is, or why not shown."""
    box = QFrame()
    box.setFrameShape(QFrame.Shape.StyledPanel)
    row = QHBoxLayout(box)
    icon = plain_label()
    icon.setPixmap(style.standardIcon(icon_kind).pixmap(24, 24))
    row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
    text = text_label()
    text.setText(why)
    row.addWidget(text, 1)
    box.setAccessibleName(why)
    return box


def thumbnail(found: MediaFile, width: int) -> tuple[QImage | None, MediaFault | None]:
    """The image decoded as the format it claims, at most ``width`` px wide, or why it cannot be."""
    reader = QImageReader(str(found.path), found.format.encode())
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        return None, MediaFault.WRONG_CONTENT
    if size.width() * size.height() > MAX_PIXELS:
        return None, MediaFault.TOO_LARGE
    if size.width() > width:  # decoded at the thumbnail's size: less memory, and faster for JPEG
        reader.setScaledSize(QSize(width, max(1, round(size.height() * width / size.width()))))
    image = reader.read()
    return (None, MediaFault.WRONG_CONTENT) if image.isNull() else (image, None)

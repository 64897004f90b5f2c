"""A cited source in the detail pane: title, outlet, date, paragraphs, people, and its address,
which only the user's click opens, and only as a web link."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ....dataset.records import Dataset
from ....i18n import tr
from ....i18n.wording import citation_parts, join_names
from .labels import SELECTABLE, text_label

__all__ = ["source_widget"]

_LINK_SCHEMES = ("http", "https")  # the only links a click may open


def source_widget(source_id: str, paragraphs: list[int], ds: Dataset, lang: str, font: QFont) -> QWidget:
    """Title, outlet, date, paragraphs, reporter, editors, photo credit and address of one source."""
    source = ds.source_by_id[source_id]
    title, where = citation_parts(source_id, paragraphs, ds, lang)
    lines = [where]
    if source.author:
        lines.append(source.author.get(lang))
    if source.editors:
        lines.append(join_names([e.get(lang) for e in source.editors], lang))
    if source.photos:
        lines.append(tr("detail.photos_credit", lang, who=source.photos.get(lang)))
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    title_label = text_label()
    font = QFont(font)
    font.setBold(True)
    title_label.setFont(font)
    title_label.setText(title)
    title_label.setAccessibleDescription(tr("detail.source", lang))
    layout.addWidget(title_label)
    body = text_label()
    body.setText("\n".join(lines))
    layout.addWidget(body)
    if source.url:
        layout.addWidget(_link_label(source.url, lang))
    return box

def _link_label(url: str, lang: str) -> QLabel:
    """The source's address: shown as text, opened only by the user's click on a web link."""
    label = QLabel()
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)
    if QUrl(url).scheme() in _LINK_SCHEMES:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(f'<a href="{escape(url, quote=True)}">{escape(url)}</a>')
        label.setTextInteractionFlags(SELECTABLE | Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        label.linkActivated.connect(_open_link)
    else:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(url)
        label.setTextInteractionFlags(SELECTABLE)
    label.setAccessibleName(url)
    label.setAccessibleDescription(tr("detail.link_desc", lang))
    return label


def _open_link(url: str) -> None:
    """Opens a web link the user clicked in the system browser; nothing else is followed."""
    target = QUrl(url)
    if target.scheme() in _LINK_SCHEMES:
        QDesktopServices.openUrl(target)

""""Take it home": a QR code on the card to a web address a visitor's phone can open, the cited
source's own page when it has one, else the exhibition's (``take_home`` in the configuration).
Made with segno; each code is drawn once and kept (a few), as the tour shows the same ones again.
"""

from __future__ import annotations

import io
from collections import OrderedDict

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ....i18n import tr

__all__ = ["QR_PX", "TakeHome"]

QR_PX = 132  # the code's side: about 36 mm on the reference screen, easy for a phone at arm's length
KEPT = 16


class TakeHome(QWidget):
    def __init__(self, parent: QWidget, caption: QLabel):
        """``caption`` says what the code is for (a label for the public, made by the card)."""
        super().__init__(parent)
        self.url: str | None = None
        self.code = QLabel(self)
        self.code.setFixedSize(QR_PX, QR_PX)
        self.caption = caption
        caption.setParent(self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.code)
        row.addWidget(self.caption, 1)
        self._kept: OrderedDict[tuple[str, float], QPixmap] = OrderedDict()
        self.hide()

    def show_url(self, url: str | None, lang: str) -> None:
        """The code for ``url`` (hidden without one)."""
        self.url = url
        self.setVisible(url is not None)
        if url is None:
            return
        self.caption.setText(tr("kiosk.take_home", lang))
        self.code.setPixmap(self._pixmap(url))

    def _pixmap(self, url: str) -> QPixmap:
        import segno  # only when a code is shown

        ratio = self.devicePixelRatioF()
        key = (url, ratio)
        if key not in self._kept:
            qr = segno.make(url, error="m")
            modules = qr.symbol_size(border=2)[0]
            out = io.BytesIO()
            qr.save(out, kind="png", scale=max(1, int(QR_PX * ratio) // modules), border=2)
            pixmap = QPixmap()
            pixmap.loadFromData(out.getvalue(), "PNG")
            pixmap = pixmap.scaled(int(QR_PX * ratio), int(QR_PX * ratio), Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.FastTransformation)
            pixmap.setDevicePixelRatio(ratio)
            self._kept[key] = pixmap
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
        self._kept.move_to_end(key)
        return self._kept[key]

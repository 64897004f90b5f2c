"""The timeline's legend as a widget: laid out by :func:`timeline_app.viewmodel.legend.place_legend`
and drawn by the timeline's painter, so it shows each marker and date style exactly as the
timeline (and an exported page) does."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QSizePolicy, QWidget

from ....i18n import tr
from ....viewmodel.legend import legend_entries, place_legend
from ....viewmodel.session import Session
from ...bindings import follow
from ...painting import painting
from ...theme import Theme
from .painter import TimelineFonts, TimelinePainter

__all__ = ["Legend"]


class Legend(QWidget):
    """Categories, then the date styles (exact day, month or year, a period, date not stated); wraps.

    ``categories=False`` leaves the categories to another widget that shows them (the filter chips).
    """

    def __init__(self, session: Session, parent: QWidget | None = None, categories: bool = True):
        super().__init__(parent)
        self.session = session
        self.show_categories = categories
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fonts()
        follow(self, session.state.events.language, self._on_language_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self._retranslate()

    def _fonts(self) -> None:
        self.fonts = TimelineFonts(self.font(), QFontInfo(self.font()).pixelSize())
        self.painter = TimelinePainter(self.fonts)

    def _placed(self, width: float):
        entries = legend_entries(self.session.dataset, self.session.state.language, self.show_categories)
        return place_legend(entries, width - 8, self.fonts)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        placed = self._placed(width)
        return int(placed[-1].text.box.bottom + 2) if placed else 0

    def sizeHint(self) -> QSize:
        """All entries on one line (a flow layout wraps the legend as a whole, not its entries)."""
        placed = self._placed(1e6)
        width = math.ceil(placed[-1].text.box.right) + 5 if placed else 0  # entries start 4 px in, end 4 px short
        return QSize(width, self.heightForWidth(width or 1))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setFixedHeight(self.heightForWidth(self.width()))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange and hasattr(self, "painter"):
            self._fonts()
            self._retranslate()

    def paintEvent(self, _) -> None:
        with painting(self) as painter:
            self._draw(painter)

    def _draw(self, painter) -> None:
        self.painter.paint_legend(painter, self._placed(self.width()), Theme.of(self, self.session.dataset))

    def _retranslate(self) -> None:
        lang = self.session.state.language
        self.setAccessibleName(tr("timeline.legend", lang))
        self.setAccessibleDescription("; ".join(e.text for e in legend_entries(self.session.dataset, lang,
                                                                                self.show_categories)))
        self.updateGeometry()
        self.setFixedHeight(self.heightForWidth(max(self.width(), 1)))
        self.update()

    def _on_language_changed(self, _) -> None:
        self._retranslate()

    def _on_dataset_changed(self, _) -> None:
        self._retranslate()

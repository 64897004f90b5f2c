"""The timeline's legend: what each marker shape and colour, and each way of drawing a date, means."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ....i18n import tr
from ....viewmodel.session import Session
from ...model_signals import follow
from ...painting import painting
from ...colors import Theme
from ..markers import draw_marker

__all__ = ["Legend"]

_SWATCH = 14.0
_GAP = 16.0
_ROW = 20.0


class Legend(QWidget):
    """Categories, then the date styles (exact day, month or year, a period, date not stated); wraps.

    ``categories=False`` leaves the categories to another widget that shows them (the filter chips).
    """

    def __init__(self, session: Session, parent: QWidget | None = None, categories: bool = True):
        super().__init__(parent)
        self.session = session
        self.show_categories = categories
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        follow(self, session.state.events.language, self._on_language_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self._retranslate()

    def _entries(self) -> list[tuple[str, str, str]]:
        """(kind, text, category id or "") for each entry, in reading order."""
        lang = self.session.state.language
        entries = []
        if self.show_categories:
            entries += [("marker:" + c.marker, c.name.get(lang), c.id) for c in self.session.dataset.categories]
        entries += [
            ("point", tr("legend.day", lang), ""),
            ("bar", tr("legend.bar", lang), ""),
            ("span", tr("legend.span", lang), ""),
            ("undated", tr("legend.undated", lang), ""),
        ]
        return entries

    def _layout(self, width: float) -> list[tuple[QRectF, tuple[str, str, str]]]:
        metrics = QFontMetricsF(self.font())
        x, y, placed = 4.0, 2.0, []
        for entry in self._entries():
            w = _SWATCH + 6 + metrics.horizontalAdvance(entry[1])
            if x + w > width and x > 4:
                x, y = 4.0, y + _ROW
            placed.append((QRectF(x, y, w, _ROW), entry))
            x += w + _GAP
        return placed

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        placed = self._layout(width)
        return int(placed[-1][0].bottom() + 2) if placed else 0

    def sizeHint(self) -> QSize:
        """All entries on one line (a flow layout wraps the legend as a whole, not its entries)."""
        placed = self._layout(1e6)
        width = placed[-1][0].right() + 4 if placed else 0
        return QSize(int(width), self.heightForWidth(int(width) or 1))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setFixedHeight(self.heightForWidth(self.width()))

    def paintEvent(self, _) -> None:
        with painting(self) as painter:
            self._draw(painter)

    def _draw(self, painter: QPainter) -> None:
        theme = Theme.of(self, self.session.dataset)
        text_color = theme.text
        for rect, (kind, text, color) in self._layout(self.width()):
            cy = rect.center().y()
            swatch = QRectF(rect.left(), cy - _SWATCH / 2, _SWATCH, _SWATCH)
            self._draw_swatch(painter, kind, theme.category(color) if color else text_color, swatch)
            painter.setPen(text_color)
            painter.drawText(QRectF(rect.left() + _SWATCH + 6, rect.top(), rect.width(), rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _draw_swatch(self, painter: QPainter, kind: str, color: QColor, r: QRectF) -> None:
        c = r.center()
        painter.setPen(QPen(color.darker(140), 1))
        if kind.startswith("marker:"):
            draw_marker(painter, kind.split(":", 1)[1], c, round(r.width() * 0.85), color)
        elif kind == "point":
            painter.setBrush(QBrush(color))
            painter.drawEllipse(c, 4, 4)
        elif kind in ("bar", "span"):
            faint = QColor(color)
            faint.setAlphaF(0.35 if kind == "bar" else 0.22)
            height = 8 if kind == "bar" else 5
            painter.fillRect(QRectF(r.left(), c.y() - height / 2, r.width(), height), faint)
            if kind == "bar":
                painter.drawEllipse(c, 3, 3)
        else:
            faint = QColor(color)
            faint.setAlphaF(0.12)
            painter.fillRect(QRectF(r.left(), c.y() - 6, r.width(), 12), faint)
            painter.setBrush(Qt.BrushStyle.NoBrush)  # hollow, as in the strip
            painter.drawEllipse(QPointF(c), 4, 4)

    def _retranslate(self) -> None:
        entries = self._entries()
        self.setAccessibleName(tr("timeline.legend", self.session.state.language))
        self.setAccessibleDescription("; ".join(text for _, text, _ in entries))
        self.updateGeometry()
        self.setFixedHeight(self.heightForWidth(max(self.width(), 1)))
        self.update()

    def _on_language_changed(self, _) -> None:
        self._retranslate()

    def _on_dataset_changed(self, _) -> None:
        self._retranslate()

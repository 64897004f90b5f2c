"""A facet of the filter: one person or one place of the dataset's, or any."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ...dataset.records import Dataset, Text
from ...i18n import tr

__all__ = ["FacetBox"]


class FacetBox(QComboBox):
    """``kind`` "person" or "place": the dataset's people or places, by their Chinese form."""

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(7)  # a long place name does not push the bar apart; the list shows it whole
        self._texts: list[Text] = []

    def fill(self, ds: Dataset, lang: str) -> None:
        """One entry per person (or place) the dataset names, in its order of first mention."""
        found: dict[str, Text] = {}
        for m in ds.chronological:
            for text in (p.name for p in m.people) if self.kind == "person" else m.places:
                found.setdefault(text.zh, text)
        self._texts = list(found.values())
        self.clear()
        self.addItem("", None)
        for text in self._texts:
            self.addItem("", text.zh)
        self.retranslate(lang)

    def retranslate(self, lang: str) -> None:
        self.setItemText(0, tr("filter.any", lang))
        for row, text in enumerate(self._texts, start=1):
            self.setItemText(row, text.get(lang))
        self.setAccessibleName(tr(f"filter.{self.kind}", lang))
        self.setAccessibleDescription(tr(f"filter.{self.kind}_desc", lang))

    def show_value(self, key: str | None) -> None:
        self.setCurrentIndex(max(self.findData(key), 0) if key else 0)

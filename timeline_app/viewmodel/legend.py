"""What the legend says and where each entry goes: each category's marker, then each way of
drawing a date (an exact day, a month or year, a period, a date not stated). Qt-free, so the
window's legend and an exported page lay it out alike, and the timeline's painter draws it."""

from __future__ import annotations

from dataclasses import dataclass

from ..dataset.records import Dataset
from ..i18n import tr
from .shapes import Box, Text, TextMeasure, TextStyle

__all__ = ["DATE_STYLES", "LegendEntry", "PlacedEntry", "legend_entries", "place_legend"]

DATE_STYLES = ("point", "bar", "span", "undated")
SWATCH = 14.0
GAP = 16.0
ROW = 20.0


@dataclass(frozen=True, slots=True)
class LegendEntry:
    kind: str  # "marker", or one of DATE_STYLES
    text: str
    symbol: str = ""  # a category's marker
    category: str = ""


@dataclass(frozen=True, slots=True)
class PlacedEntry:
    entry: LegendEntry
    swatch: Box
    text: Text


def legend_entries(dataset: Dataset, lang: str, categories: bool = True) -> list[LegendEntry]:
    """Every entry in reading order; ``categories=False`` leaves them to another view (the chips)."""
    entries = [LegendEntry("marker", c.name.get(lang), c.marker, c.id) for c in dataset.categories] if categories else []
    words = {"point": "legend.day", "bar": "legend.bar", "span": "legend.span", "undated": "legend.undated"}
    return entries + [LegendEntry(kind, tr(words[kind], lang)) for kind in DATE_STYLES]


def place_legend(entries: list[LegendEntry], width: float, measure: TextMeasure, left: float = 4.0,
                 top: float = 2.0) -> list[PlacedEntry]:
    """The entries in lines ``width`` px wide, each a swatch and its words, wrapped between entries."""
    x, y, placed = left, top, []
    for entry in entries:
        text_width = measure.width(entry.text, TextStyle.LABEL)
        w = SWATCH + 6 + text_width
        if x + w > left + width and x > left:
            x, y = left, y + ROW
        swatch = Box(x, y + (ROW - SWATCH) / 2, x + SWATCH, y + (ROW + SWATCH) / 2)
        placed.append(PlacedEntry(entry, swatch, Text(entry.text, Box(x + SWATCH + 6, y, x + w, y + ROW),
                                                      TextStyle.LABEL, ("text",))))
        x += w + GAP
    return placed

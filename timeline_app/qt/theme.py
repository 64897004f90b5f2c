"""Every colour the app paints itself, for the current palette (light, dark, high contrast).

Views never pick colours of their own: text, muted text, rules, tints, bands and the dataset's
branch, category and era colours all come from here, adjusted so that text keeps a contrast of
at least 4.5:1 (WCAG AA) and markers and bars at least 3:1 against what they are drawn on.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["GRAPHIC_CONTRAST", "HIGH_CONTRAST", "TEXT_CONTRAST", "Theme", "blend", "contrast", "readable"]

TEXT_CONTRAST = 4.6  # a little over WCAG AA's 4.5, so rounding never falls below it
GRAPHIC_CONTRAST = 3.0  # WCAG's non-text contrast


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in color.getRgbF()[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(color: QColor, background: QColor, alpha: float) -> QColor:
    """``color`` laid over ``background`` at ``alpha``, as one opaque colour."""
    return QColor.fromRgbF(*(a * alpha + b * (1 - alpha) for a, b in zip(color.getRgbF()[:3], background.getRgbF()[:3])))


def readable(color: QColor, background: QColor, ratio: float) -> QColor:
    """``color``, or the nearest shade of it (towards black or white) that reaches ``ratio``."""
    if contrast(color, background) >= ratio:
        return QColor(color)
    target = QColor("black") if _luminance(background) > 0.18 else QColor("white")
    lo, hi = 0.0, 1.0  # how far towards the target: the least that is enough
    for _ in range(16):
        mid = (lo + hi) / 2
        if contrast(blend(target, color, mid), background) >= ratio:
            hi = mid
        else:
            lo = mid
    return blend(target, color, hi)


HIGH_CONTRAST = "timelineHighContrast"  # the application property apply_theme sets
_THEMES: dict[tuple, Theme] = {}


class Theme:
    """The colours of one palette; ``dataset`` colours (branches, categories, eras) by id."""

    @classmethod
    def of(cls, widget: QWidget, dataset=None) -> Theme:
        """The theme a widget paints with: its palette, high contrast if the application's theme is.

        Kept per palette and dataset: every view asks for it, chips on each paint.
        """
        palette = widget.palette()
        high_contrast = bool(QApplication.instance().property(HIGH_CONTRAST))
        key = (palette.cacheKey(), high_contrast, id(dataset))
        theme = _THEMES.get(key)
        if theme is None or theme._dataset is not dataset:
            if len(_THEMES) > 16:
                _THEMES.clear()
            theme = _THEMES[key] = cls(palette, high_contrast, dataset)
        return theme

    def __init__(self, palette: QPalette, high_contrast: bool = False, dataset=None):
        R = QPalette.ColorRole
        self.high_contrast = high_contrast
        self.base = palette.color(R.Base)
        self.window = palette.color(R.Window)
        self.text = readable(palette.color(R.WindowText), self.base, TEXT_CONTRAST)
        self.band = blend(self.text, self.base, 0.16 if high_contrast else 0.08)  # the undated strip
        muted = blend(self.text, self.base, 1.0 if high_contrast else 0.62)
        self.muted = readable(readable(muted, self.base, TEXT_CONTRAST), self.band, TEXT_CONTRAST)
        self.rule = blend(self.text, self.base, 0.6 if high_contrast else 0.2)
        self.highlight = palette.color(R.Highlight)
        self.highlighted_text = readable(palette.color(R.HighlightedText), self.highlight, TEXT_CONTRAST)
        self.focus = readable(self.highlight, self.base, GRAPHIC_CONTRAST)
        self.current_row = blend(self.highlight, self.base, 0.18)
        self.tint_alpha = 0.0 if high_contrast else 0.07
        self._dataset = dataset
        self._cache: dict[tuple[str, str], QColor] = {}

        self.badge_border = readable(self.muted, self.base, GRAPHIC_CONTRAST)
        # A label's leader: plainly seen on every lane tint, lighter than the text it leads to.
        self.leader = readable(readable(blend(self.text, self.base, 0.5), self.base, GRAPHIC_CONTRAST), self.band,
                               GRAPHIC_CONTRAST)
        self.outside = blend(self.text, self.base, 0.14)  # outside the years a filter chose

    def _adapted(self, kind: str, key: str, color: str, ratio: float = GRAPHIC_CONTRAST) -> QColor:
        """A dataset colour, darker or lighter where needed to reach ``ratio`` against the
        background and the strip's band (markers stand on both)."""
        cached = self._cache.get((kind, key))
        if cached is None:
            cached = readable(readable(QColor(color), self.base, ratio), self.band, ratio)
            self._cache[(kind, key)] = cached
        return cached

    def branch(self, branch_id: str) -> QColor:
        """A branch's colour, dark or light enough to be seen on this background."""
        return self._adapted("b", branch_id, self._dataset.branch_by_id[branch_id].color)

    def branch_text(self, branch_id: str) -> QColor:
        """A branch's colour for text (its anniversaries), readable on its lane's tint."""
        tint = self.lane_tint(branch_id)
        return readable(self.branch(branch_id), tint, TEXT_CONTRAST)

    def category(self, category_id: str) -> QColor:
        return self._adapted("c", category_id, self._dataset.category_by_id[category_id].color)

    def lane_tint(self, branch_id: str | None) -> QColor:
        """A lane's background: its branch's colour, faint (the shared middle band: the text's)."""
        if branch_id is None:
            return blend(self.text, self.base, self.tint_alpha / 2)
        return blend(QColor(self._dataset.branch_by_id[branch_id].color), self.base, self.tint_alpha)

    def era_fill(self, color: str | None) -> QColor:
        """An era's band: its colour as strong as it may be with its name (muted text) readable on it."""
        hue = QColor(color) if color else self.text
        if self.high_contrast:
            return QColor(self.base)
        lo, hi = 0.0, 1.0  # the most of the era's colour that keeps the name readable
        if contrast(self.muted, hue) >= TEXT_CONTRAST:
            return hue
        for _ in range(16):
            mid = (lo + hi) / 2
            if contrast(self.muted, blend(hue, self.base, mid)) >= TEXT_CONTRAST:
                lo = mid
            else:
                hi = mid
        return blend(hue, self.base, lo)

    def faint(self, color: QColor) -> QColor:
        """A colour for what is less certain than a figure or a date: between points, a year's span."""
        return blend(color, self.base, 0.55)

    def backgrounds(self) -> dict[str, QColor]:
        """Every background this theme paints text on, by name (for the contrast tests)."""
        found = {"base": self.base, "band": self.band, "middle lane": self.lane_tint(None)}
        if self._dataset is not None:
            found.update({f"lane {b.id}": self.lane_tint(b.id) for b in self._dataset.branches})
            found.update({f"era {e.id}": self.era_fill(e.color) for e in self._dataset.eras})
        return found

"""Every colour the app paints itself, for the current palette (light, dark, high contrast).

Views never pick colours of their own: text, muted text, rules, tints, bands and the dataset's
branch, category and era colours all come from here, adjusted so that text keeps a contrast of
at least 4.5:1 (WCAG AA) and markers and bars at least 3:1 against what they are drawn on.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

__all__ = ["TEXT_CONTRAST", "GRAPHIC_CONTRAST", "Theme", "blend", "contrast", "readable"]

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


class Theme:
    """The colours of one palette; ``dataset`` colours (branches, categories, eras) by id."""

    def __init__(self, palette: QPalette, high_contrast: bool = False, dataset=None):
        R = QPalette.ColorRole
        self.high_contrast = high_contrast
        self.base = palette.color(R.Base)
        self.window = palette.color(R.Window)
        self.text = readable(palette.color(R.WindowText), self.base, TEXT_CONTRAST)
        self.muted = readable(blend(self.text, self.base, 1.0 if high_contrast else 0.62), self.base, TEXT_CONTRAST)
        self.rule = blend(self.text, self.base, 0.6 if high_contrast else 0.2)
        self.highlight = palette.color(R.Highlight)
        self.highlighted_text = readable(palette.color(R.HighlightedText), self.highlight, TEXT_CONTRAST)
        self.focus = readable(self.highlight, self.base, GRAPHIC_CONTRAST)
        self.current_row = blend(self.highlight, self.base, 0.18)
        self.tint_alpha = 0.0 if high_contrast else 0.07
        self._dataset = dataset
        self._cache: dict[tuple[str, str], QColor] = {}

    def _adapted(self, kind: str, key: str, color: str) -> QColor:
        cached = self._cache.get((kind, key))
        if cached is None:
            cached = self._cache[(kind, key)] = readable(QColor(color), self.base, GRAPHIC_CONTRAST)
        return cached

    def branch(self, branch_id: str) -> QColor:
        """A branch's colour, dark or light enough to be seen on this background."""
        return self._adapted("b", branch_id, self._dataset.branch_by_id[branch_id].color)

    def category(self, category_id: str) -> QColor:
        return self._adapted("c", category_id, self._dataset.category_by_id[category_id].color)

    def era_fill(self, color: str | None) -> QColor:
        """An era's band: its colour faint on the background, so its name (muted text) stays readable."""
        fill = blend(QColor(color) if color else self.text, self.base, 0.0 if self.high_contrast else 0.18)
        return fill if contrast(self.muted, fill) >= TEXT_CONTRAST else self.base

    def faint(self, color: QColor) -> QColor:
        """A colour for what is less certain than a figure or a date: between points, a year's span."""
        return blend(color, self.base, 0.55)

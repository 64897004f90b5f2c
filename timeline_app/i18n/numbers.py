"""Figures written the reader's way (``25万+`` / ``250k+``), qualifiers kept, and changes between them."""

from __future__ import annotations

from decimal import Decimal

from ..dataset.records import Qualifier
from . import catalog

__all__ = ["format_change", "format_value"]

# How a qualifier marks a figure, before and after it: 余 ("more than") is "+", 近 is "≈".
_QUALIFIER_MARK = {
    Qualifier.EXACT: ("", ""),
    Qualifier.MORE_THAN: ("", "+"),
    Qualifier.AT_LEAST: ("≥", ""),
    Qualifier.NEARLY: ("≈", ""),
    Qualifier.ABOUT: ("~", ""),
    Qualifier.LESS_THAN: ("<", ""),
}


def _trim(number: Decimal) -> str:
    return f"{number:.2f}".rstrip("0").rstrip(".")


def format_value(value: Decimal, qualifier: Qualifier, lang: str) -> str:
    """A figure in the language's units (万 and 亿, or k and M), its qualifier kept."""
    language = catalog(lang)
    for threshold, divisor, suffix in language.NUMBER_UNITS:
        if value >= threshold:
            body = _trim(value / divisor) + suffix
            break
    else:
        body = f"{value:,.2f}".rstrip("0").rstrip(".") if language.GROUP_THOUSANDS else _trim(value)
    before, after = _QUALIFIER_MARK[qualifier]
    return f"{before}{body}{after}"


def format_change(old: Decimal, new: Decimal, approximate: bool = False) -> str:
    """Relative change between two figures: ``+72%``, ``−5%``; ``×3.1`` past +200%.

    ``approximate`` (either figure is qualified: 25万+ → 43万+) writes it ``≈ +72%``: what is
    computed from a "more than" is not exact, and must not read as if it were.
    """
    if old <= 0:
        return ""
    ratio = new / old
    if ratio >= 3:
        change = f"×{_trim(ratio.quantize(Decimal('0.1')))}"
    else:
        percent = round((ratio - 1) * 100)
        change = f"+{percent}%" if percent >= 0 else f"−{-percent}%"
    return f"≈ {change}" if approximate else change

"""Figures the reader's way, and changes that stay honest about their qualifiers."""

from decimal import Decimal

import pytest

from timeline_app.dataset import Qualifier
from timeline_app.i18n.numbers import format_change, format_value


@pytest.mark.parametrize(
    ("value", "qualifier", "zh", "en"),
    [
        (250000, Qualifier.MORE_THAN, "25万+", "250k+"),
        (20000, Qualifier.NEARLY, "≈2万", "≈20k"),
        (204000, Qualifier.MORE_THAN, "20.4万+", "204k+"),
        (63000, Qualifier.EXACT, "6.3万", "63k"),
        (750, Qualifier.EXACT, "750", "750"),
        (1200000, Qualifier.ABOUT, "~120万", "~1.2M"),
    ],
)
def test_values_in_the_readers_convention(value, qualifier, zh, en):
    assert format_value(Decimal(value), qualifier, "zh") == zh
    assert format_value(Decimal(value), qualifier, "en") == en


def test_change_over_the_period():
    assert format_change(Decimal(250000), Decimal(430000)) == "+72%"
    assert format_change(Decimal(100), Decimal(95)) == "−5%"
    assert format_change(Decimal(10), Decimal(34)) == "×3.4"
    assert format_change(Decimal(250000), Decimal(430000), approximate=True) == "≈ +72%"

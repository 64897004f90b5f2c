"""Every language is one catalog: complete, consistent, and enough on its own for a new language."""

import re
import subprocess
import sys
import textwrap

import pytest

from timeline_app.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalog, language_of, next_language

PLACEHOLDER = re.compile(r"\{(\w+)")


def test_the_catalogs_are_found_in_their_order():
    assert LANGUAGES == ("zh", "en") and DEFAULT_LANGUAGE == "zh"
    assert next_language("zh") == "en" and next_language("en") == "zh"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_catalog_has_every_key_with_the_same_placeholders(lang):
    reference, strings = catalog(DEFAULT_LANGUAGE).STRINGS, catalog(lang).STRINGS
    assert set(strings) == set(reference)
    for key, text in strings.items():
        assert set(PLACEHOLDER.findall(text)) <= set(PLACEHOLDER.findall(reference[key])) | {
            "month_abbr", "month_name", "month", "day", "year"}, key


def test_locale_names_map_to_catalogs():
    assert language_of("zh_CN.UTF-8") == "zh" and language_of("en-GB") == "en"
    assert language_of("fr_FR") == DEFAULT_LANGUAGE and language_of("C") == DEFAULT_LANGUAGE


def test_a_third_language_is_one_new_catalog(tmp_path):
    """A catalog module dropped beside the others is found and used for dates, numbers and ticks."""
    english = catalog("en")
    source = textwrap.dedent(f"""
        NAME = "Deutsch"
        ORDER = 2
        QT_LOCALE = "de_DE"
        TICK_SPACING_PX = 64
        MONTH_ABBR = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")
        MONTH_NAMES = MONTH_ABBR
        NUMBER_UNITS = ((1_000_000, 1_000_000, " Mio."), (10_000, 1_000, " Tsd."))
        GROUP_THOUSANDS = True
        STRINGS = {english.STRINGS!r}
        STRINGS["date.month"] = "{{month_abbr}} {{year}}"
    """)
    (tmp_path / "de.py").write_text(source, encoding="utf-8")
    code = f"""
import importlib
import timeline_app.i18n as i18n
i18n.catalogs.__path__.append({str(tmp_path)!r})  # as if de.py stood beside zh.py and en.py
importlib.reload(i18n)
from decimal import Decimal
from timeline_app.i18n import LANGUAGES, language_name, next_language
from timeline_app.i18n.dates import describe
from timeline_app.i18n.numbers import format_value
from timeline_app.dataset import Qualifier, parse_edtf
from timeline_app.viewmodel.timescale import ticks, day_of
import datetime as dt
assert LANGUAGES == ("zh", "en", "de"), LANGUAGES
assert language_name("de") == "Deutsch" and next_language("en") == "de" and next_language("de") == "zh"
assert describe(parse_edtf("2016-03"), "de") == "Mär 2016"
assert format_value(Decimal(250000), Qualifier.MORE_THAN, "de") == "250 Tsd.+"
x = day_of(dt.date(2016, 1, 1))
assert "Mär" in [t.label for t in ticks(x, x + 360, 1400, "de")]
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_english_ordinals_read_as_words_do():
    from timeline_app.i18n import catalog, tr

    words = [tr("timeline.anniversary", "en", nth=catalog("en").ordinal(n)) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 103)]
    assert words == ["1st anniversary", "2nd anniversary", "3rd anniversary", "4th anniversary", "11th anniversary",
                     "12th anniversary", "13th anniversary", "21st anniversary", "22nd anniversary", "103rd anniversary"]
    assert tr("timeline.anniversary", "zh", nth=catalog("zh").ordinal(3)) == "3 周年"

"""The EDTF subset, checked against the specification's own examples where it has them."""

import datetime as dt

import pytest

from timeline_app.dataset.edtf import EdtfError, Kind, Precision, parse_edtf
from timeline_app.i18n.dates import describe
from timeline_app.i18n.problems import message_text

D = dt.date


@pytest.mark.parametrize(
    ("text", "kind", "precision", "earliest", "latest"),
    [
        # Level 0 (spec examples)
        ("1985-04-12", Kind.DATE, Precision.DAY, D(1985, 4, 12), D(1985, 4, 12)),
        ("1985-04", Kind.DATE, Precision.MONTH, D(1985, 4, 1), D(1985, 4, 30)),
        ("1985", Kind.DATE, Precision.YEAR, D(1985, 1, 1), D(1985, 12, 31)),
        ("1964/2008", Kind.INTERVAL, Precision.YEAR, D(1964, 1, 1), D(2008, 12, 31)),
        ("2004-06/2006-08", Kind.INTERVAL, Precision.MONTH, D(2004, 6, 1), D(2006, 8, 31)),
        ("2004-02-01/2005-02-08", Kind.INTERVAL, Precision.DAY, D(2004, 2, 1), D(2005, 2, 8)),
        ("2004-02-01/2005-02", Kind.INTERVAL, Precision.MONTH, D(2004, 2, 1), D(2005, 2, 28)),
        ("2004-02-01/2005", Kind.INTERVAL, Precision.YEAR, D(2004, 2, 1), D(2005, 12, 31)),
        ("2005/2006-02", Kind.INTERVAL, Precision.YEAR, D(2005, 1, 1), D(2006, 2, 28)),
        # Level 1
        ("1984?", Kind.DATE, Precision.YEAR, D(1984, 1, 1), D(1984, 12, 31)),
        ("2004-06~", Kind.DATE, Precision.MONTH, D(2004, 6, 1), D(2004, 6, 30)),
        ("2004-06-11%", Kind.DATE, Precision.DAY, D(2004, 6, 11), D(2004, 6, 11)),
        ("201X", Kind.DATE, Precision.DECADE, D(2010, 1, 1), D(2019, 12, 31)),
        ("20XX", Kind.DATE, Precision.CENTURY, D(2000, 1, 1), D(2099, 12, 31)),
        ("2004-XX", Kind.DATE, Precision.YEAR, D(2004, 1, 1), D(2004, 12, 31)),
        ("1985-04-XX", Kind.DATE, Precision.MONTH, D(1985, 4, 1), D(1985, 4, 30)),
        ("1985-XX-XX", Kind.DATE, Precision.YEAR, D(1985, 1, 1), D(1985, 12, 31)),
        ("2001-21", Kind.DATE, Precision.SEASON, D(2001, 3, 1), D(2001, 5, 31)),
        ("2001-24", Kind.DATE, Precision.SEASON, D(2001, 12, 1), D(2002, 2, 28)),
        ("1985-04-12/..", Kind.INTERVAL, Precision.DAY, D(1985, 4, 12), None),
        ("../1985-04-12", Kind.INTERVAL, Precision.DAY, None, D(1985, 4, 12)),
        ("1985-04-12/", Kind.INTERVAL, Precision.DAY, D(1985, 4, 12), None),
        ("/1985-04-12", Kind.INTERVAL, Precision.DAY, None, D(1985, 4, 12)),
        ("1984?/2004-06~", Kind.INTERVAL, Precision.YEAR, D(1984, 1, 1), D(2004, 6, 30)),
        # Level 2 "one of" sets
        ("[1667, 1668, 1670..1672]", Kind.ONE_OF, Precision.YEAR, D(1667, 1, 1), D(1672, 12, 31)),
        ("[..1760-12-03]", Kind.ONE_OF, Precision.DAY, None, D(1760, 12, 3)),
        ("[1760-12..]", Kind.ONE_OF, Precision.MONTH, D(1760, 12, 1), None),
        ("[1667, 1760-12]", Kind.ONE_OF, Precision.YEAR, D(1667, 1, 1), D(1760, 12, 31)),
        ("[2013..2023]", Kind.ONE_OF, Precision.YEAR, D(2013, 1, 1), D(2023, 12, 31)),
        ("2016-02-29", Kind.DATE, Precision.DAY, D(2016, 2, 29), D(2016, 2, 29)),
    ],
)
def test_valid_forms(text, kind, precision, earliest, latest):
    d = parse_edtf(text)
    assert (d.kind, d.precision, d.earliest, d.latest) == (kind, precision, earliest, latest)
    assert d.text == text


def test_qualifiers():
    assert parse_edtf("1984?").uncertain and not parse_edtf("1984?").approximate
    assert parse_edtf("2004-06~").approximate and not parse_edtf("2004-06~").uncertain
    both = parse_edtf("2004-06-11%")
    assert both.uncertain and both.approximate
    assert not parse_edtf("2004").uncertain


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2013-02-30", "has no day 30"),
        ("2015-02-29", "has no day 29"),
        ("2013-13", "no month 13"),
        ("2013-00", "no month 00"),
        ("2013-06-00", "has no day 00"),
        ("2013-6-8", "two digits"),
        ("2013/06/28", "exactly one '/'"),
        ("2013.06.28", "YYYY-MM-DD"),
        ("2013年6月", "YYYY-MM-DD"),
        ("", "empty"),
        (" 2013", "spaces"),
        ("2013-06-28T10:00:00", "times of day"),
        ("{1667, 1668}", "all-of sets"),
        ("[2013..2023", "must close"),
        ("[]", "empty set"),
        ("[..]", "at least one side"),
        ("[2013.., 2015]", "only the last"),
        ("2023/2013", "ends before it starts"),
        ("[2023..2013]", "ends before it starts"),
        ("../..", "at least one end"),
        ("/", "at least one end"),
        ("-0500", "before 0001"),
        ("0000", "0000"),
        ("Y170000002", "beyond 9999"),
        ("2004-?06", "qualifier"),
        ("201X-06", "fully known year"),
        ("2013-XX-05", "known month"),
        ("2013-21-05", "season has no day"),
        ("June 2013", "not an EDTF date"),
    ],
)
def test_invalid_forms(text, reason):
    with pytest.raises(EdtfError) as info:
        parse_edtf(text)
    assert reason in message_text(info.value.reason)


def test_ordering():
    texts = ["2016-09", "2013-06-28", "[2013..2023]", "2013", "2013-08-04", "2013/2023", "2015-08", "2013-06"]
    ordered = sorted(texts, key=lambda t: parse_edtf(t).sort_key)
    assert ordered == ["2013", "2013/2023", "[2013..2023]", "2013-06", "2013-06-28", "2013-08-04", "2015-08", "2016-09"]
    # A day sorts before the month that holds it, which sorts before a later day.
    assert parse_edtf("2013-06-01").sort_key < parse_edtf("2013-06").sort_key < parse_edtf("2013-06-02").sort_key
    # Open ends sort to the edges.
    assert parse_edtf("../2000").sort_key < parse_edtf("1000").sort_key


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("2013-06-28", "2013年6月28日", "28 Jun 2013"),
        ("2015-08", "2015年8月", "Aug 2015"),
        ("2020", "2020年", "2020"),
        ("2015-21", "2015年春", "Spring 2015"),
        ("2015-23", "2015年秋", "Autumn 2015"),
        ("201X", "2010年代", "2010s"),
        ("2016?", "2016年（存疑）", "2016 (uncertain)"),
        ("2016-09~", "约2016年9月", "c. Sep 2016"),
        ("2016%", "约2016年（存疑）", "c. 2016 (uncertain)"),
        ("2013/2023", "2013年至2023年", "2013 – 2023"),
        ("2013-06/2018-08", "2013年6月至2018年8月", "Jun 2013 – Aug 2018"),
        ("2013/..", "2013年起", "from 2013"),
        ("../2023", "至2023年", "until 2023"),
        ("2013/", "2013年至（未知）", "2013 – unknown"),
        ("[2013..2023]", "2013年至2023年间", "between 2013 and 2023"),
        ("[2013, 2015]", "2013年或2015年", "2013 or 2015"),
        ("[2013, 2015, 2017..2019]", "2013年或2015年或2017年至2019年间", "2013, 2015 or between 2017 and 2019"),
        ("[..2013]", "2014年前", "before 2014"),
        ("[..2013-06]", "2013年6月或更早", "Jun 2013 or earlier"),
        ("[2013..]", "2013年或之后", "2013 or later"),
    ],
)
def test_wording(text, zh, en):
    d = parse_edtf(text)
    assert describe(d, "zh") == zh
    assert describe(d, "en") == en


def test_span_and_one_of_are_distinct():
    span, one_of = parse_edtf("2013/2023"), parse_edtf("[2013..2023]")
    assert (span.earliest, span.latest) == (one_of.earliest, one_of.latest)
    assert span.kind is Kind.INTERVAL and one_of.kind is Kind.ONE_OF
    assert describe(span, "en") != describe(one_of, "en")

"""Axis ticks from decades to days, in both languages."""

import datetime as dt

from timeline_app.viewmodel.timescale import day_of, range_caption, ticks


def test_ticks_adapt_from_decades_to_days():
    lo, hi = day_of(dt.date(1990, 1, 1)), day_of(dt.date(2030, 1, 1))
    assert [t.label for t in ticks(lo, hi, 400, "en")][:3] == ["1990", "2000", "2010"]
    assert [t.label for t in ticks(lo, hi, 800, "en")][:3] == ["1990", "1995", "2000"]
    sep = day_of(dt.date(2016, 9, 1))
    labels = [t.label for t in ticks(sep - 2, sep + 12, 1400, "zh")]
    assert labels[0] == "2016年9月" and "5日" in labels
    assert [t.label for t in ticks(sep, sep + 360, 1400, "en")][:3] == ["Sep", "Oct", "Nov"]
    assert range_caption(sep, sep + 20, "zh") == "2016年9月"
    assert range_caption(sep, sep + 20, "en") == "September 2016"


def test_a_caption_names_the_last_year_shown_not_the_day_after():
    """2016/2018 ends at midnight before 1 January 2019: "2016–2018", not "…2019"."""
    lo, hi = day_of(dt.date(2016, 1, 1)), day_of(dt.date(2019, 1, 1))
    assert "2019" not in range_caption(lo, hi, "en") and "2018" in range_caption(lo, hi, "en")
    assert "2019" in range_caption(lo, hi + 1, "en")  # a day of 2019 in view is named

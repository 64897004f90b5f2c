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

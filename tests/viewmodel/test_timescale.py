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


def test_the_ends_of_the_calendar_have_ticks_and_bound_the_range():
    """Zoomed to days at 9999-12-31, the ticks stepped past the last day (OverflowError); a dataset at
    either end gave a range past the days Python can name, which a painter then asked for."""
    from timeline_app.dataset import load_dataset
    from timeline_app.i18n.citations import milestone_link
    from timeline_app.viewmodel import Session
    from timeline_app.viewmodel.timescale import END_DAY, FIRST_DAY

    assert [t.label for t in ticks(FIRST_DAY, END_DAY, 1000, "en")] == ["1000", "2000", "3000", "4000", "5000", "6000",
                                                                         "7000", "8000", "9000"]  # not 1,000 ticks
    last = day_of(dt.date.max)
    assert [t.label for t in ticks(last - 3, last + 1, 1400, "en")] == ["28", "29"]  # (a month's last days take none)
    assert ticks(FIRST_DAY, FIRST_DAY + 5, 1400, "en")[0].label == "Jan 1"
    corpus = __import__("pathlib").Path(__file__).parents[1] / "dataset" / "corpus"
    session = Session(load_dataset(corpus / "last-day.yaml"))
    assert session.full_range() == (FIRST_DAY, END_DAY)
    assert session.clamp_range(-1e9, 1e9) == (FIRST_DAY, END_DAY)
    m = session.dataset.milestones[0]
    assert "--range 0001-01-01/9999-12-31" in milestone_link(m, None, session.full_range())

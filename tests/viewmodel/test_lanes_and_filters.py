"""Lanes of the bundled dataset, and filters that mask them."""

import datetime as dt
from dataclasses import replace

import numpy as np

from timeline_app.viewmodel import Filter
from timeline_app.viewmodel.filtering import Matcher
from timeline_app.viewmodel.index import DrawStyle, fold, search_text
from timeline_app.viewmodel.lanes import MIDDLE


def test_bundled_lanes_and_styles(session):
    lanes = session.lanes
    assert [lane.id for lane in lanes] == ["wushan", MIDDLE, "xiushan"]
    wushan = lanes[0]
    assert wushan.founding == "wushan-trusteeship-agreement"
    style = dict(zip(wushan.dated.ids.tolist(), wushan.dated.style.tolist()))
    assert style["wushan-trusteeship-agreement"] == DrawStyle.POINT
    assert style["wushan-first-single-port-lung-surgery"] == DrawStyle.BAR
    assert len(wushan.undated) > 5  # named without a date: in the "date not stated" strip
    assert all(session.dataset.milestone_by_id[i].date.kind.value == "one-of" for i in wushan.undated.ids)
    assert not hasattr(wushan.undated, "x")  # undated milestones have no position in time


def test_lanes_are_masked_not_rebuilt(session):
    before = session.lanes
    session.state.filter = Filter(hidden_branches=frozenset({"xiushan"}))
    after = session.lanes
    assert after[0] is before[0]  # Wushan's lane is untouched by hiding Xiushan
    assert len(after[2]) == 0 and len(before[2]) > 0


def matching(session, f):
    return [m.id for m in np.array(session.index.milestones, dtype=object)[Matcher(session.index).mask(f)]]


def test_filter_by_query_branch_category_and_dates(session):
    ds = session.dataset
    everything = matching(session, Filter())
    assert len(everything) == len(ds.milestones)
    by_id = ds.milestone_by_id
    assert all("巫山" in by_id[i].title.zh + by_id[i].summary.zh for i in matching(session, Filter(query="巫山")))
    assert matching(session, Filter(query="THORACOSCOPIC")) == ["wushan-first-single-port-lung-surgery"]
    assert matching(session, Filter(query="zhu bing")) == matching(session, Filter(query="Zhū Bīng"))
    no_xiushan = matching(session, Filter(hidden_branches=frozenset({"xiushan"})))
    assert no_xiushan and all(by_id[i].branch != "xiushan" for i in no_xiushan)
    late = matching(session, Filter(date_from=dt.date(2022, 1, 1)))
    assert all(by_id[i].date.latest >= dt.date(2022, 1, 1) for i in late) and len(late) < len(everything)
    assert matching(session, Filter(query="no such thing anywhere")) == []


def test_a_year_range_can_leave_out_undated_milestones(session):
    year = Filter(date_from=dt.date(2014, 1, 1), date_to=dt.date(2014, 12, 31))
    with_undated = matching(session, year)
    without = matching(session, replace(year, include_undated=False))
    undated = [i for i in with_undated if session.dataset.milestone_by_id[i].date.kind.value == "one-of"]
    assert undated and set(without) == set(with_undated) - set(undated)


def test_typing_on_narrows_the_previous_matches(session):
    matcher = Matcher(session.index)
    wide = matcher.mask(Filter(query="首"))
    narrow = matcher.mask(Filter(query="首例"))
    assert narrow.sum() < wide.sum() and not (narrow & ~wide).any()
    assert (matcher.mask(Filter(query="首例")) == Matcher(session.index).mask(Filter(query="首例"))).all()
    back = matcher.mask(Filter(query="首"))  # deleting a character widens again
    assert (back == wide).all()


def test_session_keeps_last_good_data_on_a_bad_reload(session, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\n", encoding="utf-8")
    before = session.dataset
    problems = session.reload(bad)
    assert problems and session.dataset is before


def test_session_refilters_on_filter_change(session):
    seen = []
    session.matches_changed.connect(lambda: seen.append(session.match_count))
    session.state.filter = replace(session.state.filter, query="秀山")
    assert seen and seen[-1] == len(session.matches) < len(session.dataset.milestones)
    assert all("秀山" in search_text(m) for m in session.matches)


def test_fold_is_case_accent_and_width_insensitive():
    assert fold("Zhū BĪNG") == "zhu bing"
    assert fold("ＰＣＩ") == "pci"

"""The Qt-free layout model: lanes, label placement and clusters, navigation, time axis, filters."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import numpy as np
import pytest

from timeline_app.i18n.numbers import format_change, format_value
from timeline_app.dataset import Qualifier, bundled_dataset_path
from timeline_app.viewmodel import Filter, Session
from timeline_app.viewmodel.filtering import filter_milestones, fold
from timeline_app.viewmodel.lanes import MIDDLE, DrawStyle, LaneItems
from timeline_app.viewmodel.navigator import Navigator
from timeline_app.viewmodel.placement import MAX_CANDIDATES, badge_width, lane_geometry, place_lane
from timeline_app.viewmodel.timescale import day_of, range_caption, ticks


@pytest.fixture
def session():
    return Session.open(bundled_dataset_path())


def items(xs, ranks=None):
    n = len(xs)
    xs = np.asarray(xs, dtype=float)
    return LaneItems(tuple(f"m{i}" for i in range(n)), xs, xs, xs + 1,
                     np.asarray(ranks if ranks is not None else range(n)), np.zeros(n, dtype=np.int8), ("c",) * n)


def test_labels_by_priority_in_rows_without_overlap():
    lane = items([0, 1, 2, 2.5, 50], ranks=[4, 0, 1, 2, 3])
    frame = place_lane(lane, 0, 100, 0, 1000, rows=2, label_width=lambda i: np.full(len(i), 100.0))
    placed = {b.index: b.row for b in frame.labels}
    assert placed == {1: 0, 2: 1, 4: 0}  # 0 and 3 find no room in two rows; 4 stands apart
    assert frame.singles == [] and [c.count for c in frame.clusters] == [2]


def test_pinned_label_wins_room():
    lane = items([0, 1, 2], ranks=[0, 1, 2])
    frame = place_lane(lane, 0, 100, 0, 1000, rows=1, label_width=lambda i: np.full(len(i), 100.0), pinned=2)
    assert [b.index for b in frame.labels] == [2]


def test_labels_flip_left_at_the_right_edge_and_stay_inside():
    lane = items([99])
    frame = place_lane(lane, 0, 100, 0, 1000, rows=1, label_width=lambda i: np.full(len(i), 100.0))
    box = frame.labels[0]
    assert box.flipped and box.right <= 1000 and box.left >= 0


def test_inline_labels_do_not_cover_markers():
    lane = items([10, 12, 80])
    frame = place_lane(lane, 0, 100, 0, 1000, rows=1, label_width=lambda i: np.full(len(i), 100.0), inline=True)
    assert [b.index for b in frame.labels] == [1, 2]  # item 0's label would cover item 1's marker


def test_clusters_and_singles_cover_every_unlabelled_visible_item():
    rng = np.random.default_rng(0)
    lane = items(np.sort(rng.uniform(0, 1000, 100_000)), ranks=rng.permutation(100_000))
    frame = place_lane(lane, 200, 700, 0, 1200, rows=3, label_width=lambda i: np.full(len(i), 90.0))
    visible = frame.visible.stop - frame.visible.start
    assert len(frame.labels) + len(frame.singles) + sum(c.count for c in frame.clusters) == visible
    for a, b in zip(frame.clusters, frame.clusters[1:]):  # badges never overlap
        assert b.center - a.center >= (badge_width(a.count) + badge_width(b.count)) / 2
    assert len(frame.labels) <= MAX_CANDIDATES


def test_lane_geometry_fills_the_height():
    lanes = lane_geometry(600, [1, 0.7, 1], [True, False, True], top=18)
    assert lanes[0].top == 18 and lanes[-1].top + lanes[-1].height == pytest.approx(600)
    assert lanes[1].height < lanes[0].height
    assert all(g.top < g.marker_y < g.badge_y < g.undated_y < g.top + g.height for g in (lanes[0], lanes[2]))
    assert lanes[1].badge_y < lanes[1].top + lanes[1].height < lanes[1].undated_y  # no strip of its own
    tight = lane_geometry(200, [1, 0.5, 1], [True, False, True])
    assert all(g.rows == 1 and g.marker_y < g.top + g.height for g in tight)  # every lane keeps a row
    assert tight[-1].top + tight[-1].height == pytest.approx(200)  # and none is cut off


def test_bundled_lanes_and_styles(session):
    lanes = session.lanes
    assert [lane.id for lane in lanes] == ["wushan", MIDDLE, "xiushan"]
    wushan = lanes[0]
    assert wushan.founding == "wushan-trusteeship-agreement"
    style = dict(zip(wushan.dated.ids, wushan.dated.style.tolist()))
    assert style["wushan-trusteeship-agreement"] == DrawStyle.POINT
    assert style["wushan-first-single-port-lung-surgery"] == DrawStyle.BAR
    assert len(wushan.undated) > 5  # named without a date: in the "date not stated" strip
    assert all(session.dataset.milestone_by_id[i].date.kind.value == "one-of" for i in wushan.undated.ids)


def test_navigator_zoom_pan_bounds(session):
    nav, state = Navigator(session), session.state
    full = session.full_range()
    nav.zoom(0.5, anchor=full[0])
    assert state.x_range[0] == pytest.approx(full[0])
    assert state.x_range[1] - state.x_range[0] == pytest.approx((full[1] - full[0]) / 2)
    nav.pan(-10_000)
    assert state.x_range[0] == pytest.approx(full[0])
    nav.pan(10_000_000)
    assert state.x_range[1] == pytest.approx(full[1])
    nav.zoom(1e-9)
    assert state.x_range[1] - state.x_range[0] == pytest.approx(1.0)
    nav.fit_all()
    assert state.x_range == pytest.approx(full)


def test_navigator_steps_and_lanes(session):
    nav, state = Navigator(session), session.state
    nav.select("wushan-trusteeship-agreement")
    assert state.lane == "wushan"
    nav.step(+1)
    assert state.selection == "wushan-branch-plaque"
    nav.step(-1)
    assert state.selection == "wushan-trusteeship-agreement"
    nav.switch_lane(+1)
    assert state.lane == MIDDLE
    nav.switch_lane(+1)
    assert state.lane == "xiushan" and session.selected.branch == "xiushan"
    nav.switch_lane(+1)  # no lane below: stays
    assert state.lane == "xiushan"


def test_navigator_reveals_a_selection_out_of_view(session):
    nav, state = Navigator(session), session.state
    nav.set_range((day_of(dt.date(2020, 1, 1)), day_of(dt.date(2020, 12, 31))))
    nav.select("xiushan-alliance-agreement")
    x0, x1 = state.x_range
    assert x0 < day_of(dt.date(2013, 11, 16)) < x1 and x1 - x0 == pytest.approx(365)


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


def test_filter_by_query_branch_category_and_dates(session):
    ds = session.dataset
    everything = filter_milestones(ds, Filter())
    assert len(everything) == len(ds.milestones)
    assert all("巫山" in m.title.zh + m.summary.zh for m in filter_milestones(ds, Filter(query="巫山")))
    english = filter_milestones(ds, Filter(query="THORACOSCOPIC"))
    assert [m.id for m in english] == ["wushan-first-single-port-lung-surgery"]
    assert filter_milestones(ds, Filter(query="zhu bing")) == filter_milestones(ds, Filter(query="Zhū Bīng"))
    no_xiushan = filter_milestones(ds, Filter(hidden_branches=frozenset({"xiushan"})))
    assert no_xiushan and all(m.branch != "xiushan" for m in no_xiushan)
    late = filter_milestones(ds, Filter(date_from=dt.date(2022, 1, 1)))
    assert all(m.date.latest >= dt.date(2022, 1, 1) for m in late) and len(late) < len(everything)
    assert filter_milestones(ds, Filter(query="no such thing anywhere")) == []


def test_session_keeps_last_good_data_on_a_bad_reload(session, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\n", encoding="utf-8")
    before = session.dataset
    problems = session.reload(bad)
    assert problems and session.dataset is before


def test_session_refilters_on_filter_change(session):
    seen = []
    session.matches_changed.connect(seen.append)
    session.state.filter = replace(session.state.filter, query="秀山")
    assert seen and all(m in session.dataset.milestones for m in seen[-1])
    assert len(session.matches) < len(session.dataset.milestones)


def test_fold_is_case_accent_and_width_insensitive():
    assert fold("Zhū BĪNG") == "zhu bing"
    assert fold("ＰＣＩ") == "pci"


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


def test_an_unlabelled_item_under_a_labelled_one_becomes_a_badge():
    lane = items([50, 50.2, 80], ranks=[0, 1, 2])  # two on (almost) the same day, one label row
    frame = place_lane(lane, 0, 100, 0, 1000, rows=1, label_width=lambda i: np.full(len(i), 100.0))
    assert [b.index for b in frame.labels] == [0, 2]
    assert frame.singles == []
    assert [(c.count, c.first) for c in frame.clusters] == [(1, 1)]

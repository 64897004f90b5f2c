"""The Navigator: zoom and pan bounds, selection that reveals, keyboard rows, matches in date order."""

import datetime as dt

import pytest

from timeline_app.viewmodel import Filter, Navigator
from timeline_app.viewmodel.lanes import MIDDLE
from timeline_app.viewmodel.timescale import day_of


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


def test_key_zoom_keeps_the_selection_in_place(session):
    nav, state = Navigator(session), session.state
    nav.select("wushan-branch-plaque")
    x = nav.x_of("wushan-branch-plaque")
    share = (x - state.x_range[0]) / (state.x_range[1] - state.x_range[0])
    nav.zoom_step(+2)
    assert (x - state.x_range[0]) / (state.x_range[1] - state.x_range[0]) == pytest.approx(share)


def test_navigator_steps_and_rows(session):
    nav, state = Navigator(session), session.state
    nav.select("wushan-trusteeship-agreement")
    assert state.lane == "wushan"
    nav.step(+1)
    assert state.selection == "wushan-branch-plaque"
    nav.step(-1)
    assert state.selection == "wushan-trusteeship-agreement"
    nav.switch_row(+1)  # Wushan's "date not stated" strip
    assert state.lane == "wushan" and session.selected.date.kind.value == "one-of"
    nav.switch_row(+1)
    assert state.lane == MIDDLE
    nav.switch_row(+1)
    assert state.lane == "xiushan" and session.selected.branch == "xiushan"
    rows = nav.rows()
    for _ in range(len(rows)):
        nav.switch_row(+1)  # no row below the last: stays
    assert nav.current_row() == rows[-1]


def test_left_and_right_never_mix_undated_into_the_dated_sequence(session):
    nav, state = Navigator(session), session.state
    nav.select("wushan-trusteeship-agreement")
    seen = [state.selection]
    for _ in range(60):
        nav.step(+1)
        seen.append(state.selection)
    kinds = {session.dataset.milestone_by_id[i].date.kind.value for i in seen}
    assert "one-of" not in kinds
    dated = [session.dataset.milestone_by_id[i] for i in dict.fromkeys(seen)]
    assert [nav.x_of(m.id) for m in dated] == sorted(nav.x_of(m.id) for m in dated)
    assert nav.x_of(session.lanes[0].undated.ids[0]) is None  # an undated milestone has no x


def test_navigator_reveals_a_selection_out_of_view(session):
    nav, state = Navigator(session), session.state
    nav.set_range((day_of(dt.date(2020, 1, 1)), day_of(dt.date(2020, 12, 31))))
    nav.select("xiushan-alliance-agreement")
    x0, x1 = state.x_range
    assert x0 < day_of(dt.date(2013, 11, 16)) < x1 and x1 - x0 == pytest.approx(365)


def test_previous_and_next_walk_the_matches_in_date_order_and_reveal(session):
    nav, state = Navigator(session), session.state
    state.filter = Filter(hidden_branches=frozenset({"wushan"}))
    nav.set_range((day_of(dt.date(2023, 1, 1)), day_of(dt.date(2023, 2, 1))))
    nav.next_match()  # nothing selected: the first match
    first = session.matches[0]
    assert state.selection == first.id and state.lane == session.lane_of(first.id)
    nav.next_match()
    assert state.selection == session.matches[1].id
    x = nav.x_of(state.selection)
    if x is not None:
        assert state.x_range[0] <= x <= state.x_range[1]
    nav.previous_match()
    assert state.selection == first.id
    assert nav.neighbours() == (False, True)

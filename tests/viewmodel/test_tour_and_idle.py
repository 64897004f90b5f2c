"""The attract tour and the idle timing of a kiosk, on a clock the test moves: no real waiting."""

from pathlib import Path

import pytest

from timeline_app.config import KioskConfig
from timeline_app.viewmodel import Filter, Navigator, Session
from timeline_app.viewmodel.clock import ManualClock
from timeline_app.viewmodel.kiosk import Kiosk
from timeline_app.viewmodel.tour import AttractTour, alternate_branches, dwell_seconds, tour_stops

ARCHIVE = Path(__file__).parents[1] / "data" / "archive.yaml"


def test_the_default_tour_is_in_date_order_with_the_branches_taking_turns(session):
    stops = tour_stops(session)
    assert sorted(stops) == sorted(m.id for m in session.matches)
    by_id = session.dataset.milestone_by_id
    branches = [by_id[s].branch for s in stops]
    # turns are taken while more than one branch has stops left
    last_mixed = max(k for k in range(1, len(branches)) if len(set(branches[k:])) > 1)
    assert all(a != b for a, b in zip(branches[:last_mixed], branches[1:last_mixed + 1]))
    # within a branch, date order
    for branch in set(branches):
        own = [by_id[s] for s in stops if by_id[s].branch == branch]
        assert [m.date.sort_key for m in own] == sorted(m.date.sort_key for m in own)


def test_alternating_keeps_date_order_when_one_branch_is_left(session):
    wushan = [m for m in session.dataset.chronological if m.branch == "wushan"]
    assert alternate_branches(wushan) == [m.id for m in wushan]


def test_a_curated_tour_keeps_its_order_and_skips_what_the_filter_hides():
    session = Session.open(ARCHIVE)
    assert tour_stops(session, "highlights") == ["west-first-pci", "east-trusteeship", "alliance-award",
                                                 "parent-undated"]
    session.state.filter = Filter(hidden_branches=frozenset({"west"}))
    assert tour_stops(session, "highlights") == ["east-trusteeship", "alliance-award", "parent-undated"]


def test_dwell_grows_with_the_text_and_is_bounded(session):
    by_id = session.dataset.milestone_by_id
    short, long = by_id["wushan-smart-hospital-level-3"], by_id["xiushan-remote-consultation-2023-07-10"]
    assert dwell_seconds(short, "zh", 8, 40) < dwell_seconds(long, "zh", 8, 40) <= 40
    assert dwell_seconds(short, "en", 8, 40) >= 8
    assert dwell_seconds(long, "en", 8, 15) == 15


def test_the_tour_selects_each_stop_brings_it_into_view_and_moves_on_when_its_time_is_up(session):
    clock = ManualClock()
    navigator = Navigator(session)
    tour = AttractTour(navigator, clock, dwell=(5, 30))
    tour.start()
    first = tour.current
    assert session.state.selection == first
    assert session.state.lane == session.lane_of(first)
    assert tour.tick() is False  # not yet
    clock.advance(31)
    assert tour.tick() is True
    second = tour.current
    assert second != first and session.state.selection == second
    x0, x1 = session.state.x_range
    x = navigator.x_of(second)
    if x is None:  # undated: its period is shown
        row = session.index.row_of[second]
        assert x0 <= session.index.lo[row] and session.index.hi[row] <= x1
    else:
        assert x0 <= x <= x1


def kiosk(session, **config) -> tuple[Kiosk, ManualClock]:
    clock = ManualClock()
    return Kiosk(Navigator(session), clock, KioskConfig(**config)), clock


def test_idle_starts_the_tour_then_resets_home_and_tours_again(session):
    k, clock = kiosk(session, attract_after=90, reset_after=120, language="zh")
    events = []
    k.touring.connect(events.append)
    state = session.state
    state.language = "en"
    navigator = k.navigator
    navigator.select("wushan-branch-plaque")
    navigator.zoom(0.1)
    clock.advance(89)
    k.tick()
    assert not k.tour.running
    clock.advance(1)
    k.tick()
    assert k.tour.running and events == [True]
    # from the visitor's milestone on
    stops = k.tour.stops
    assert k.tour.current == stops[stops.index("wushan-branch-plaque") + 1]
    clock.advance(30)
    k.tick()
    assert state.language == "zh"  # reset: the default language, and the tour from the start
    assert k.tour.running and k.tour.current == stops[0]
    assert events == [True, False, True]


def test_reset_clears_search_and_selection_and_shows_everything(session):
    k, clock = kiosk(session, attract_after=300, reset_after=60, branches=("wushan", "xiushan", "parent"))
    session.state.filter = Filter(query="秀山")
    k.navigator.select("wushan-branch-plaque")
    k.navigator.zoom(0.1)
    clock.advance(60)
    k.tick()
    state = session.state
    assert state.filter == Filter(hidden_branches=frozenset({"alliance"}))
    assert state.selection is None and state.x_range == session.full_range()
    assert not k.tour.running  # not due yet
    clock.advance(240)
    k.tick()
    assert k.tour.running


def test_input_stops_the_tour_at_the_milestone_shown_and_restarts_the_idle_time(session):
    k, clock = kiosk(session, attract_after=90, reset_after=120)
    clock.advance(95)
    k.tick()
    shown = k.tour.current
    k.input()
    assert not k.tour.running and session.state.selection == shown
    assert k.idle == 0
    clock.advance(89)
    k.tick()
    assert not k.tour.running
    clock.advance(2)
    k.tick()
    assert k.tour.running


def test_each_threshold_fires_once_per_idle_spell(session):
    k, clock = kiosk(session, attract_after=10, reset_after=20)
    resets = []
    k.was_reset.connect(lambda: resets.append(clock.now()))
    for _ in range(100):
        clock.advance(1)
        k.tick()
    assert resets == [20]
    assert k.tour.running


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_tour_dwells_by_the_language_shown(session, lang):
    k, clock = kiosk(session, attract_after=10, reset_after=10_000, language=lang)
    session.state.language = lang
    clock.advance(10)
    k.tick()
    first = session.dataset.milestone_by_id[k.tour.current]
    wait = dwell_seconds(first, lang, *k.config.dwell)
    clock.advance(wait - 0.5)
    k.tick()
    assert k.tour.current == first.id
    clock.advance(1)
    k.tick()
    assert k.tour.current != first.id

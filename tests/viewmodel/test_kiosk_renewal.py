"""A new dataset or configuration reaches visitors only at a reset, on a clock the test moves."""

from dataclasses import replace

from timeline_app.config import KioskConfig, fitted
from timeline_app.dataset.last_good import empty_dataset
from timeline_app.viewmodel import Navigator, Session
from timeline_app.viewmodel.clock import ManualClock
from timeline_app.viewmodel.kiosk import Kiosk


def make(session, **config):
    clock = ManualClock()
    return Kiosk(Navigator(session), clock, KioskConfig(attract_after=30, reset_after=60, **config)), clock


def test_an_offer_waits_for_the_reset_while_a_visitor_is_there(small_path):
    session = Session.open(small_path)
    kiosk, clock = make(session)
    renamed = replace(session.dataset, title=replace(session.dataset.title, zh="新"))
    kiosk.input()
    kiosk.offer(dataset=renamed, config=KioskConfig(attract_after=30, reset_after=60, language="en"))
    clock.advance(59)
    kiosk.tick()
    assert session.dataset.title.zh == "测试医联体" and session.state.language == "zh"
    clock.advance(1)
    kiosk.tick()
    assert session.dataset is renamed and session.state.language == "en" and kiosk.pending == (None, None)
    kiosk.offer(dataset=session.dataset)  # nobody has touched it since: taken at once
    assert kiosk.pending == (None, None)


def test_an_empty_hall_takes_a_dataset_at_once_and_unknown_names_are_left_out(small_path):
    session = Session(empty_dataset(small_path))
    kiosk, _ = make(session, branches=("north", "wushan"), tour="highlights", figures=("nope",))
    assert kiosk.empty and kiosk.config.branches is None and kiosk.config.tour is None
    kiosk.input()  # a visitor taps the notice
    kiosk.offer(dataset=Session.open(small_path).dataset)
    assert not kiosk.empty and kiosk.config.branches == ("north",) and kiosk.config.figures is None
    assert {m.branch for m in session.matches} == {"north"}


def test_fitted_keeps_a_configuration_the_dataset_matches(small_path):
    config = KioskConfig(branches=("north", "south"))
    assert fitted(config, Session.open(small_path).dataset) is config

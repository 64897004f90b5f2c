"""The cycle collector is held off while a process starts and resumes after its first frame."""

import gc

import pytest

from timeline_app.qt import startup


@pytest.fixture
def collector():
    frozen = []
    original = gc.freeze
    gc.freeze = lambda: frozen.append(True)  # the test process's objects stay collectable
    try:
        yield frozen
    finally:
        gc.freeze = original
        startup.resume_collection()
        gc.enable()


def test_held_then_resumed_with_what_the_start_made_set_aside(collector):
    startup.hold_collection()
    assert not gc.isenabled()
    startup.resume_collection()
    assert gc.isenabled() and collector == [True]
    startup.resume_collection()  # once only
    assert collector == [True]


def test_a_collector_the_caller_turned_off_is_left_to_the_caller(collector):
    gc.disable()
    startup.hold_collection()
    startup.resume_collection()
    assert not gc.isenabled() and collector == []

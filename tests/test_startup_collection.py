"""The cycle collector is held off while a process starts and resumes after its first frame."""

import gc
from pathlib import Path

import pytest

from timeline_app import startup_gc

DATA = Path(__file__).parent / "data"


@pytest.fixture
def frozen():
    frozen = []
    original = gc.freeze
    gc.freeze = lambda: frozen.append(True)  # the test process's objects stay collectable
    try:
        yield frozen
    finally:
        gc.freeze = original
        startup_gc.resume_collection()
        gc.enable()


def test_held_then_resumed_with_what_the_start_made_set_aside(frozen):
    startup_gc.hold_collection()
    assert not gc.isenabled()
    startup_gc.resume_collection()
    assert gc.isenabled() and frozen == [True]
    startup_gc.resume_collection()  # once only
    assert frozen == [True]


def test_a_collector_the_caller_turned_off_is_left_to_the_caller(frozen):
    gc.disable()
    startup_gc.hold_collection()
    startup_gc.resume_collection()
    assert not gc.isenabled() and frozen == []


def test_a_command_that_opens_no_window_collects_from_the_start(frozen):
    from timeline_app.cli import main

    startup_gc.hold_collection()
    assert main(["validate", str(DATA / "small.yaml")]) == 0
    assert gc.isenabled()

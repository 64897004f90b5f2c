"""``follow``: one failing view cannot stop the others, and no view is kept alive by the state."""

import gc

from psygnal import Signal
from PySide6.QtCore import QObject

from timeline_app.qt.model_signals import follow


class _State:
    changed = Signal(str)


class _View(QObject):
    def __init__(self, state, fail=False):
        super().__init__()
        self.seen, self.fail = [], fail
        follow(self, state.changed, self.on_changed)
        follow(self, state.changed, self.on_anything)

    def on_changed(self, value: str) -> None:
        if self.fail:
            raise ValueError(f"cannot show {value}")
        self.seen.append(value)

    def on_anything(self) -> None:  # takes fewer arguments than the signal gives
        self.seen.append("*")


def test_a_failing_listener_is_reported_and_the_others_still_run(qtbot):
    state = _State()
    first, broken, last = _View(state), _View(state, fail=True), _View(state)
    with qtbot.capture_exceptions() as captured:
        state.changed.emit("2016")
    assert first.seen == ["2016", "*"] and last.seen == ["2016", "*"]
    assert broken.seen == ["*"]
    assert [str(e[1]) for e in captured] == ["cannot show 2016"]


def test_views_are_not_kept_alive_and_leave_no_connection(qtbot):
    state = _State()
    view = _View(state)
    assert len(state.changed) == 2
    view.deleteLater()
    qtbot.waitUntil(lambda: len(state.changed) == 0)  # Qt destroyed it: disconnected
    del view
    gone = _View(state)
    ref = __import__("weakref").ref(gone)
    del gone
    gc.collect()
    assert ref() is None  # the connection did not hold it
    state.changed.emit("x")
    assert len(state.changed) == 0

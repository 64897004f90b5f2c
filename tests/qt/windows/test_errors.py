"""An error in a listener, a slot or a paint: logged, told to the user, and the other views go on."""

import pytest
from PySide6.QtWidgets import QLabel

from archivist import open_window

from timeline_app.dataset import bundled_dataset_path
from timeline_app.qt.app import create_application
from timeline_app.qt.preferences import Preferences
from timeline_app.qt.widgets.detail import DetailPane
from timeline_app.qt.widgets.timeline.legend import Legend
from timeline_app.qt.windows.main_window import MainWindow
from timeline_app.viewmodel import Session

CHOSEN = "xiushan-deep-cooperation-agreement"


@pytest.fixture
def window(qtbot, crash_log):
    installed, _ = crash_log
    w = open_window(qtbot, lang="en", size=(1280, 760))
    installed.set_reporter(w.show_error)
    installed.dataset = bundled_dataset_path()
    return w


def error_box_shown(window) -> bool:
    return window.error_box.box is not None and window.error_box.box.isVisible()


def test_a_failing_listener_is_logged_and_shown_and_the_other_views_follow(monkeypatch, qtbot, crash_log):
    def broken(self, _):
        raise KeyError("detail pane bug")

    monkeypatch.setattr(DetailPane, "_on_selection_changed", broken)  # before the views connect
    installed, captured = crash_log
    create_application()
    w = MainWindow(Session.open(bundled_dataset_path()), Preferences.ephemeral(), lang="en", animate=False)
    qtbot.addWidget(w)
    installed.set_reporter(w.show_error)
    w.show()
    w.milestone_list.view.setFocus()
    w.select(CHOSEN)
    qtbot.waitUntil(lambda: error_box_shown(w))
    assert "KeyError: 'detail pane bug'" in w.error_box.box.text() and "timeline-app.log" in w.error_box.box.text()
    # the listeners after the failing one still ran: the list, the timeline and the lane agree
    row = w.milestone_list.view.currentIndex().row()
    title = w.session.dataset.milestone_by_id[CHOSEN].title.en
    assert title in w.milestone_list.view.model().index(row, 3).data()
    assert w.session.state.lane == w.session.lane_of(CHOSEN)
    assert w.timeline.frame is not None and CHOSEN in {m.id for m in w.session.matches}
    assert "detail pane bug" in installed.path.read_text(encoding="utf-8")
    assert [type(e[1]) for e in captured] == [KeyError]


def test_a_failing_slot_is_logged_and_shown_and_the_window_goes_on(window, monkeypatch, qtbot, crash_log):
    installed, captured = crash_log
    monkeypatch.setattr(MainWindow, "show_about", lambda self: 1 / 0)
    window.action_set.actions["help.about"].trigger()
    qtbot.waitUntil(lambda: error_box_shown(window))
    assert window.error_box.box.text().startswith("ZeroDivisionError: division by zero")
    assert "show_about" not in window.error_box.box.text() and "<lambda>" in window.error_box.box.detailedText()
    window.action_set.actions["help.about"].trigger()  # a second one updates the same message
    qtbot.waitUntil(lambda: window.error_box.box.text().startswith("2 errors so far"))
    before = window.session.state.x_range
    window.action_set.actions["view.zoom_in"].trigger()
    assert window.session.state.x_range != before  # the window still works
    text = installed.path.read_text(encoding="utf-8")
    assert text.count("Uncaught exception") == 2 and str(bundled_dataset_path()) in text
    assert len(captured) == 2


def test_a_failing_paint_ends_its_painter_and_paints_again(window, monkeypatch, qtbot, crash_log):
    installed, captured = crash_log
    real, calls = Legend._draw, []

    def fails_once(self, painter):
        calls.append(1)
        if len(calls) == 1:
            painter.drawLine(0, 0, 5, 5)
            raise RuntimeError("paint bug")
        real(self, painter)

    monkeypatch.setattr(Legend, "_draw", fails_once)
    window.legend.update()  # painted from the event loop, as on screen
    qtbot.waitUntil(lambda: error_box_shown(window))
    assert "RuntimeError: paint bug" in installed.path.read_text(encoding="utf-8")
    window.legend.update()  # a painter left active would make Qt warn here (and the test fail)
    qtbot.waitUntil(lambda: len(calls) == 2)
    assert len(calls) == 2 and not window.legend.grab().isNull()
    assert not window.timeline.grab().isNull()  # the other views paint on
    assert any(isinstance(label, QLabel) and label.isVisible() for label in window.detail.findChildren(QLabel))
    assert [str(e[1]) for e in captured] == ["paint bug"]

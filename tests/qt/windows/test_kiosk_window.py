"""The kiosk as a visitor (and the staff) meet it: touch on the real window, idle timing on a
clock the test moves, what is locked away, and the way out."""

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QMenu, QMenuBar

from timeline_app.viewmodel.commands import KIOSK_COMMANDS
from kiosk import PIN, first_label, idle, open_kiosk, plot_point
from touch import press, release, tap
from widget_text import assert_language

ARCHIVE = Path(__file__).parents[2] / "data" / "archive.yaml"


@pytest.fixture
def kiosk(qtbot):
    window, clock = open_kiosk(qtbot)
    yield window, clock
    if window.isVisible():
        window.leave()  # the only way out; it also lifts the lock-down


def no_menu_shown() -> bool:
    return QApplication.activePopupWidget() is None and not any(m.isVisible() for m in QApplication.allWidgets()
                                                                if isinstance(m, QMenu))


def test_it_is_the_same_timeline_arranged_for_a_visitor(kiosk):
    window, _ = kiosk
    assert window.timeline.navigator is window.navigator is window.card.navigator
    assert not window.findChildren(QMenuBar) and not window.findChildren(QLineEdit)
    assert set(window.action_set.actions) == set(KIOSK_COMMANDS)
    for archivist_only in ("file.open", "file.export", "file.quit", "view.fullscreen", "view.find", "help.about"):
        assert archivist_only not in window.action_set.actions
    assert window.session.state.x_range == window.session.full_range()


def test_a_tap_selects_and_the_card_tells_its_story(kiosk):
    window, clock = kiosk
    milestone_id, point = first_label(window)
    tap(window.timeline.viewport(), point, clock)
    m = window.session.dataset.milestone_by_id[milestone_id]
    assert window.session.state.selection == milestone_id
    card = window.card
    assert card.title.text() == m.title.zh and card.summary.text() == m.summary.zh
    assert "2013年6月28日" in card.date.text() and card.branch.text() == "巫山分院"
    assert "第 3 段" in card.source.text() or "段" in card.source.text()
    assert card.summary_fits()


def test_idle_starts_the_tour_with_its_invitation_and_a_touch_hands_over(kiosk):
    window, clock = kiosk
    idle(window, clock, 89)
    assert not window.kiosk.tour.running and not window.invitation.isVisible()
    idle(window, clock, 1.5)
    tour = window.kiosk.tour
    assert tour.running and window.invitation.isVisible() and window.attract.isVisible()
    assert window.session.state.selection == tour.current
    first = tour.current
    idle(window, clock, 25)  # past the first card's time, before the reset at 120 s
    shown = tour.current
    assert shown != first and window.card.title.text() == window.session.dataset.milestone_by_id[shown].title.zh
    point = plot_point(window, 300, 40)
    press(window.timeline.viewport(), {0: point})  # the finger is down: the tour stops at once
    assert not tour.running and not window.invitation.isVisible() and window.heading.isVisible()
    assert window.session.state.selection == shown
    release(window.timeline.viewport(), {0: point})
    idle(window, clock, 80)
    assert not tour.running  # the visitor's idle time started again


def test_idle_reset_returns_home_in_the_default_language_and_tours_again(kiosk):
    window, clock = kiosk
    window.language_button.click()
    assert window.session.state.language == "en"
    milestone_id, point = first_label(window)
    tap(window.timeline.viewport(), point, clock)
    window.navigator.zoom(0.1)
    window.members.open_members([milestone_id])
    idle(window, clock, 121)
    state = window.session.state
    assert state.language == "zh" and state.selection == window.kiosk.tour.current
    assert window.kiosk.tour.current == window.kiosk.tour.stops[0]  # the tour from its start
    assert not window.members.isVisible()
    assert window.heading.text() == window.session.dataset.title.zh


def test_the_home_button_shows_the_whole_decade_with_nothing_selected(kiosk, qtbot):
    window, clock = kiosk
    milestone_id, point = first_label(window)
    tap(window.timeline.viewport(), point, clock)
    window.navigator.zoom(0.1)
    qtbot.mouseClick(window.home_button, Qt.MouseButton.LeftButton)
    assert window.session.state.x_range == window.session.full_range()
    assert window.session.state.selection is None
    assert window.card.title.text() == "轻触时间轴上的事件"


def test_the_language_button_switches_everything(kiosk, qtbot):
    window, _ = kiosk
    assert window.language_button.text() == "English"
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert window.session.state.language == "en" and window.language_button.text() == "中文"
    for part in (window.heading, window.home_button, window.card, window.figures, window.timeline):
        assert_language(part, "en")  # all but the button back, which says 中文 in Chinese
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    for part in (window.heading, window.language_button, window.home_button, window.card, window.figures):
        assert_language(part, "zh")


def test_a_badge_opens_a_large_list_of_its_members(kiosk, qtbot):
    window, clock = kiosk
    layout = next(l for l in window.timeline.frame.lanes if l.strip.clusters)
    cluster = layout.strip.clusters[0]
    tap(window.timeline.viewport(), plot_point(window, cluster.center, layout.geometry.undated_y), clock)
    members = window.members
    assert members.isVisible() and no_menu_shown()
    assert len(members.shown_ids) == cluster.count
    buttons = [b for b in members.findChildren(QAbstractButton) if b.isVisible() and b.property("milestone")]
    assert len(buttons) == cluster.count
    chosen = buttons[1]
    qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)
    assert not members.isVisible()
    assert window.session.state.selection == chosen.property("milestone")


def test_the_member_list_reuses_its_buttons(kiosk):
    window, _ = kiosk
    undated = [m.id for m in window.session.matches if m.date.kind.value == "one_of"]
    window.members.open_members(undated[:12])
    made = len(window.members.findChildren(QAbstractButton))
    for n in (3, 12, 7, 12):
        window.members.open_members(undated[:n])
        assert window.members.shown_ids == undated[:n]
    assert len(window.members.findChildren(QAbstractButton)) == made


class _Field(QLineEdit):
    """Counts the context menus it is asked for (instead of opening one, which would block)."""

    asked = 0

    def contextMenuEvent(self, event) -> None:
        self.asked += 1


def test_right_clicks_and_long_presses_show_no_menu(kiosk, qtbot):
    window, clock = kiosk
    field = _Field("text", window)  # a field shows Qt's own context menu, but for the lock-down
    field.setGeometry(300, 600, 200, 40)
    field.show()
    targets = [field, window.timeline.viewport(), window.card.summary, window.heading, window.home_button,
               window.figures]
    for widget in targets:
        qtbot.mouseClick(widget, Qt.MouseButton.RightButton, pos=widget.rect().center())
        centre = widget.rect().center()
        QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre,
                                                         widget.mapToGlobal(centre)))
        assert no_menu_shown(), widget
    assert field.asked == 0
    _, point = first_label(window)
    press(window.timeline.viewport(), {0: point})
    clock.advance(2.5)  # longer than a slow tap
    window.tick()
    release(window.timeline.viewport(), {0: point})
    assert no_menu_shown() and window.session.state.selection is None
    press(window.card, {0: QPoint(40, 200)})  # touch on plain widgets becomes a mouse press
    clock.advance(2.0)
    window.tick()
    release(window.card, {0: QPoint(40, 200)})
    assert no_menu_shown()
    window.lockdown.release()  # the control: without the lock-down the field is asked for its menu
    QApplication.sendEvent(field, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                                    field.mapToGlobal(QPoint(5, 5))))
    assert field.asked == 1


def test_tooltips_do_not_show(kiosk):
    window, _ = kiosk
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    button = window.home_button
    assert button.toolTip()  # the action gives it one...
    QApplication.sendEvent(button, QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), button.mapToGlobal(QPoint(5, 5))))
    assert not QToolTip.isVisible()  # ...which is never shown


@pytest.mark.parametrize("keys", [(Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                                  (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                                  (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                                  (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
                                  (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)])
def test_the_usual_keys_do_not_close_it(kiosk, qtbot, keys):
    window, _ = kiosk
    window.showFullScreen()
    for target in (window, window.timeline):
        qtbot.keyClick(target, *keys)
        assert window.isVisible() and window.isFullScreen()


def test_closing_from_outside_is_refused(kiosk):
    window, _ = kiosk
    assert window.close() is False  # what the window manager asks on Alt+F4
    assert window.isVisible()


def test_the_exit_chord_then_the_pin_leaves_kiosk_mode(kiosk, qtbot):
    window, _ = kiosk
    assert QApplication.overrideCursor() is not None  # hidden pointer
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.timeline, Qt.Key.Key_Q, modifiers)
    pad = window.pin_pad
    assert pad.isVisible() and window.isVisible()
    for key in "1234✓":
        qtbot.mouseClick(pad.keys[key], Qt.MouseButton.LeftButton)
    assert pad.isVisible() and window.isVisible() and pad.message.text()  # wrong: says so
    for key in PIN + "✓":
        qtbot.mouseClick(pad.keys[key], Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert QApplication.overrideCursor() is None  # the lock-down is lifted


def test_a_long_press_in_the_hidden_corner_asks_for_the_pin(kiosk, qtbot):
    window, clock = kiosk
    corner = window.corner
    press(corner, {0: QPoint(10, 10)})
    clock.advance(1.0)
    window.tick()
    assert not window.pin_pad.isVisible()
    clock.advance(2.5)
    window.tick()
    assert window.pin_pad.isVisible()
    release(corner, {0: QPoint(10, 10)})
    for digit in PIN:
        qtbot.keyClick(window.pin_pad, digit)
    qtbot.keyClick(window.pin_pad, Qt.Key.Key_Return)
    assert not window.isVisible()


def test_a_short_press_in_the_corner_or_no_pin_configured_does_nothing(qtbot):
    window, clock = open_kiosk(qtbot, exit_pin=None)
    try:
        press(window.corner, {0: QPoint(10, 10)})
        clock.advance(10)
        window.tick()
        release(window.corner, {0: QPoint(10, 10)})
        assert not window.pin_pad.isVisible() and window.isVisible()
    finally:
        window.leave()


def test_the_pointer_shows_only_while_a_mouse_is_used(kiosk, qtbot):
    window, clock = kiosk
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    qtbot.mouseMove(window.timeline.viewport(), QPoint(100, 100))
    qtbot.mouseMove(window.timeline.viewport(), QPoint(120, 110))
    assert QApplication.overrideCursor() is None
    clock.advance(3.5)
    window.tick()
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor


def test_a_curated_tour_is_followed_in_its_order(qtbot):
    window, clock = open_kiosk(qtbot, ARCHIVE, tour="highlights", attract_after=10, reset_after=1000,
                               dwell=(5.0, 6.0))
    try:
        idle(window, clock, 10)
        seen = [window.kiosk.tour.current]
        for _ in range(4):
            idle(window, clock, 6.5)
            seen.append(window.kiosk.tour.current)
        assert seen == ["west-first-pci", "east-trusteeship", "alliance-award", "parent-undated", "west-first-pci"]
    finally:
        window.leave()


def test_only_the_configured_branches_are_shown(qtbot):
    window, _ = open_kiosk(qtbot, branches=("wushan", "parent", "alliance"))
    try:
        branches = {window.session.dataset.milestone_by_id[m.id].branch for m in window.session.matches}
        assert "xiushan" not in branches
        assert [b.branch_id for b in window.figures.branches] == ["wushan"]
    finally:
        window.leave()


def test_tour_steps_make_no_new_objects(kiosk):
    """Running for days: every card, glide and language switch reuses what exists."""
    window, clock = kiosk
    idle(window, clock, 91)

    def count() -> int:
        return len(window.findChildren(object)) + len(QApplication.allWidgets())

    for _ in range(5):  # warm up: caches fill
        window.kiosk.tour.advance()
    before = count()
    for step in range(40):
        window.kiosk.tour.advance()
        if step % 10 == 0:
            window.toggle_language()
    assert count() == before

"""What a screen reader is told, read through Qt's accessibility interfaces in the test process
(the AT-SPI side is tests/accessibility)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QToolButton

from archivist import open_window
from kiosk import open_kiosk

from timeline_app.i18n import tr
from timeline_app.qt.dialogs.go_to_date import GoToDateDialog
from timeline_app.qt.widgets.timeline.accessibility import visible_items
from timeline_app.viewmodel.spoken import place_among_matches

NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description


@pytest.fixture
def window(qtbot):
    window = open_window(qtbot)
    window.session.state.language = "en"
    return window


def children(iface) -> list:
    return [iface.child(i) for i in range(iface.childCount())]


def test_each_milestone_on_screen_is_a_child_named_by_its_title(window):
    view, session = window.timeline, window.session
    timeline = QAccessible.queryAccessibleInterface(view)
    assert timeline.text(NAME) == "Timeline"
    shown = [item.milestone for item in visible_items(view) if item.milestone]
    named = []
    for child in children(timeline):
        named += [child] if child.role() == QAccessible.Role.ListItem else children(child)  # strips hold theirs
    milestones = [c for c in named if c.role() == QAccessible.Role.ListItem]
    assert len(milestones) == len(shown) > 10
    first = session.dataset.milestone_by_id[shown[0]]
    assert milestones[0].text(NAME) == first.title.en
    n, m = place_among_matches(session, first.id)
    assert milestones[0].text(DESCRIPTION).endswith(f"{n} of {m}")
    assert session.dataset.branch_by_id[first.branch].name.en in milestones[0].text(DESCRIPTION)
    assert all(c.parent() is not None and c.rect().width() > 0 for c in milestones)


def test_badges_and_undated_strips_are_groups(window):
    view = window.timeline
    timeline = QAccessible.queryAccessibleInterface(view)
    groups = [c for c in children(timeline) if c.role() == QAccessible.Role.Grouping]
    badges = [item for item in visible_items(view) if item.count]
    assert badges, "the bundled archive at full view has badges"
    assert any(g.text(NAME) == tr("a11y.badge", "en", n=badges[0].count) for g in groups)
    strips = [g for g in groups if g.childCount()]
    assert strips and all(s.text(NAME).endswith("date not stated") for s in strips)
    assert all(child.parent().text(NAME) == strips[0].text(NAME) for child in children(strips[0]))


def test_arrows_make_the_selected_milestone_the_focused_child(window, qtbot):
    view, session = window.timeline, window.session
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    timeline = QAccessible.queryAccessibleInterface(view)
    focused = timeline.focusChild()
    assert focused is not None
    assert focused.text(NAME) == session.selected.title.en
    assert focused.state().focused and focused.state().selected
    others = [c for c in children(timeline) if c.role() == QAccessible.Role.ListItem and c is not focused]
    assert not any(c.state().selected for c in others)


def test_a_screen_readers_press_selects_a_milestone_and_the_keys_go_to_the_timeline(window):
    view, session = window.timeline, window.session
    window.filter_bar.setFocus()
    timeline = QAccessible.queryAccessibleInterface(view)
    child = next(c for c in children(timeline) if c.role() == QAccessible.Role.ListItem)
    actions = child.actionInterface()
    assert QAccessibleActionInterface.pressAction() in actions.actionNames()
    actions.doAction(QAccessibleActionInterface.pressAction())
    assert session.selected.title.en == child.text(NAME)
    assert view.hasFocus()


def test_enter_on_the_timeline_puts_the_keys_on_the_detail_title(window, qtbot):
    view = window.timeline
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    focus = QApplication.focusWidget()
    assert isinstance(focus, QLabel) and focus.text() == window.session.selected.title.en


def test_menu_names_hold_no_shortcut_and_the_timeline_keys_are_key_bindings(window):
    go = window.action_set.menus["menu.go"]
    texts = [a.text() for a in go.actions()]
    assert not [t for t in texts if "\t" in t]
    step_on = next(a for a in go.actions() if a.data() == "go.step_on")
    assert step_on.shortcut() == QKeySequence(Qt.Key.Key_Right)
    assert step_on.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut  # the timeline's key only


def test_right_in_the_search_field_moves_the_cursor_not_the_selection(window, qtbot):
    search = window.filter_bar._search
    search.setFocus()
    search.setText("ab")
    search.setCursorPosition(0)
    before = window.session.state.selection
    qtbot.keyClick(search, Qt.Key.Key_Right)
    assert search.cursorPosition() == 1 and window.session.state.selection == before


def test_the_search_field_clear_button_is_named_and_the_count_is_the_labels_text(window):
    bar = window.filter_bar
    clear = [b for b in bar.findChildren(QToolButton) if b.parent().inherits("QLineEdit")]
    assert clear and all(b.accessibleName() == "Clear search" for b in clear)
    status = bar.findChild(QLabel, "filter-status")
    assert QAccessible.queryAccessibleInterface(status).text(NAME) == status.text() != ""


def test_the_window_title_does_not_follow_each_search_keystroke(window, qtbot):
    title = window.windowTitle()
    search = window.filter_bar._search
    search.setFocus()
    qtbot.keyClicks(search, "Wu")
    window.filter_bar.flush()
    assert window.windowTitle() == title
    assert window.session.match_count < len(window.session.dataset.milestones)


def test_the_table_toggle_keeps_its_name_and_says_checked(window, qtbot):
    panel = window.indicators
    toggle = panel._toggle
    name = QAccessible.queryAccessibleInterface(toggle).text(NAME)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    iface = QAccessible.queryAccessibleInterface(toggle)
    assert iface.text(NAME) == name and iface.state().checked
    assert panel.table.accessibleName() == "Indicator values"


def test_tab_reaches_the_sources_before_the_copy_buttons_below_them(window, qtbot):
    sourced = next(m for m in window.session.matches if m.sources)
    window.navigator.select(sourced.id)
    pane = window.detail
    source = next(w for w in pane._scroll.widget().findChildren(QLabel)
                  if w.isVisibleTo(pane) and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.text()
                  and w.accessibleDescription() == tr("detail.source", "en"))
    copy = next(b for b in pane.findChildren(QToolButton) if b.defaultAction() is not None)
    stops, widget = [], source
    for _ in range(60):
        widget = widget.nextInFocusChain()
        stops.append(widget)
        if widget is copy:
            break
    assert copy in stops, "Tab goes on from the sources to the copy buttons"


def test_the_go_to_date_error_belongs_to_its_field(qtbot):
    dialog = GoToDateDialog("en")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field, "not a date")
    assert dialog.field.accessibleDescription() == tr("goto.invalid", "en")
    dialog.field.setText("Sep 2016")
    assert dialog.field.accessibleDescription().startswith(tr("goto.reads_as", "en", date="")[:5])


def test_the_kiosk_buttons_take_tab_and_the_pin_keys_have_words(qtbot):
    window, _ = open_kiosk(qtbot)
    try:
        assert window.home_button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert window.language_button.focusPolicy() & Qt.FocusPolicy.TabFocus
        window.pin_pad.ask("zh")
        names = {b.accessibleName() for b in window.pin_pad.findChildren(QPushButton)}
        assert {"删除", "确定"} <= names
        description = window.timeline.accessibleDescription()
        assert description == tr("a11y.kiosk_timeline", window.session.state.language)
    finally:
        window.leave()


def test_the_toolbar_beside_the_menus_is_in_the_accessibility_tree(window):
    def descendants(iface):
        for child in children(iface):
            yield child
            yield from descendants(child)

    root = QAccessible.queryAccessibleInterface(window)
    names = {i.text(NAME) for i in descendants(root)}
    assert {"Zoom In", "Fit All", "More tools"} <= names
    assert window.menuBar().actions()[0].text() == "&File"


def test_the_list_sorts_from_the_keyboard_and_says_how_it_is_sorted(window, qtbot):
    table = window.milestone_list.view
    table.setFocus()
    assert "sorted by Date, ascending" in table.accessibleDescription()
    qtbot.keyClick(table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    titles = [table.model().index(r, 3).data() for r in range(table.model().rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    assert "sorted by Title, ascending" in table.accessibleDescription()
    qtbot.keyClick(table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert table.model().index(0, 3).data() == titles[-1]
    assert "sorted by Title, descending" in table.accessibleDescription()
    window.session.state.language = "zh"
    assert "按标题降序排列" in table.accessibleDescription()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # a popup, offscreen
def test_shift_f10_opens_a_chips_menu(window, qtbot):
    from PySide6.QtWidgets import QMenu

    chip = next(c for c in window.filter_bar.findChildren(QAbstractButton) if type(c).__name__ == "Chip")
    chip.setFocus()
    qtbot.keyClick(chip, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = next((m for m in chip.findChildren(QMenu) if m.isVisible()), None)
    assert menu is not None and [a.text() for a in menu.actions()] == [tr("filter.only_this", "en"),
                                                                      tr("filter.show_all", "en")]
    menu.close()


def test_while_a_query_is_typed_the_search_field_describes_its_count(window, qtbot):
    search = window.filter_bar._search
    search.setFocus()
    qtbot.keyClicks(search, "Wu")
    window.filter_bar.flush()
    count = window.session.match_count
    total = len(window.session.dataset.milestones)
    assert search.accessibleDescription() == tr("status.showing", "en", shown=count, total=total)
    search.clear()
    window.filter_bar.flush()
    assert search.accessibleDescription() == tr("search.desc", "en")

"""Search and filters: typing in Chinese and English, toggles, years, counts, and the status wording."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton
from widget_text import assert_language

from timeline_app.qt.widgets.chip import Chip
from timeline_app.viewmodel import Navigator
from timeline_app.dataset import bundled_dataset_path
from timeline_app.dataset.loader import load_dataset
from timeline_app.viewmodel.state import Filter
from timeline_app.qt.widgets.filter_bar import FilterBar
from timeline_app.qt.widgets.milestone_list import MilestoneList
from timeline_app.viewmodel.filter_words import describe_filter



@pytest.fixture
def bar(show, session) -> FilterBar:
    return show(FilterBar(Navigator(session)), 1100, 90)


def search(bar: FilterBar) -> QLineEdit:
    return bar.findChild(QLineEdit)


def chip(bar: FilterBar, text: str) -> Chip:
    return next(b for b in bar.findChildren(Chip) if b.text() == text)


def type_with_ime(widget: QLineEdit, text: str) -> None:
    """Commits ``text`` as a Chinese input method does (QTest can only type Latin-1 keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def status(bar: FilterBar) -> str:
    return bar.findChild(QLabel, "filter-status").text()


def test_typing_chinese_filters_the_matches_the_list_and_the_count(qtbot, bar, session):
    listing = MilestoneList(Navigator(session))
    qtbot.addWidget(listing)
    assert status(bar) == "显示 9 / 9 个事件"
    search(bar).setFocus()
    type_with_ime(search(bar), "心")
    type_with_ime(search(bar), "脏")
    assert session.state.filter.query == ""  # debounced: not at every key
    qtbot.waitUntil(lambda: session.state.filter.query == "心脏", timeout=1000)
    assert [m.id for m in session.matches] == ["west-first-pci"]
    assert listing.model.rowCount() == 1
    assert status(bar) == "显示 1 / 9 个事件"


@pytest.mark.parametrize(("query", "expected"), [
    ("ZHOU", ["east-trusteeship"]),  # the person Zhōu Jìnyǔ: case and accents folded
    ("cardiac", ["west-first-pci"]),
    ("east ct", ["east-first-ct"]),  # every word must match
])
def test_english_query_is_case_and_accent_insensitive(qtbot, bar, session, query, expected):
    qtbot.keyClicks(search(bar), query)
    bar.flush()
    assert [m.id for m in session.matches] == expected


def test_no_match_is_said_plainly(qtbot, bar, session):
    qtbot.keyClicks(search(bar), "zzz")
    bar.flush()
    assert session.matches == ()
    assert status(bar) == "没有符合条件的事件。"
    search(bar).clear()
    qtbot.waitUntil(lambda: len(session.matches) == 9, timeout=1000)
    assert status(bar) == "显示 9 / 9 个事件"


def test_branch_toggle_hides_and_shows_a_branch(qtbot, bar, session):
    east = chip(bar, "东院")
    assert east.isChecked()
    qtbot.mouseClick(east, Qt.MouseButton.LeftButton)
    assert session.state.filter.hidden_branches == {"east"}
    assert all(m.branch != "east" for m in session.matches) and len(session.matches) == 5
    assert not east.isChecked()
    qtbot.mouseClick(east, Qt.MouseButton.LeftButton)
    assert session.state.filter == Filter()


def test_category_chip_hides_a_category(qtbot, bar, session):
    qtbot.mouseClick(chip(bar, "首例"), Qt.MouseButton.LeftButton)
    assert session.state.filter.hidden_categories == {"first"}
    assert {m.category for m in session.matches} == {"agreement", "building", "award"}
    assert status(bar) == "显示 6 / 9 个事件"


def test_a_toggle_keeps_a_query_still_being_typed(qtbot, bar, session):
    qtbot.keyClicks(search(bar), "west")
    qtbot.mouseClick(chip(bar, "首例"), Qt.MouseButton.LeftButton)  # before the typing pause ends
    assert session.state.filter.query == "west"
    assert search(bar).text() == "west"
    assert [m.id for m in session.matches] == ["west-agreement", "west-clinic"]


def test_year_range_filters_and_keeps_from_before_to(qtbot, bar, session):
    year_from, year_to = bar.findChildren(QComboBox)[:2]  # then the person and the place
    to_at = year_to.mapTo(bar, year_to.rect().topLeft())
    year_from.setCurrentIndex(year_from.findText("2016"))
    assert session.state.filter.date_from == dt.date(2016, 1, 1)
    assert year_to.mapTo(bar, year_to.rect().topLeft()) == to_at  # "incl. undated" appears in room kept for it
    assert "west-agreement" not in {m.id for m in session.matches}
    assert "parent-undated" in {m.id for m in session.matches}  # "some day in 2013–2023" may be in range
    offered = [year_to.itemText(row) for row in range(1, year_to.count())
               if year_to.model().item(row).isEnabled()]
    assert offered[0] == "2016"  # To offers no year before From
    year_to.setFocus()
    qtbot.keyClick(year_to, Qt.Key.Key_Down)  # from "any": the first year it offers
    assert year_to.currentText() == "2016" and year_from.currentText() == "2016"
    year_from.setFocus()
    qtbot.keyClick(year_from, Qt.Key.Key_Down)  # no later year than To's
    assert year_from.currentText() == "2016"
    year_to.setCurrentIndex(0)
    year_from.setCurrentIndex(year_from.findText("2014"))
    year_to.setCurrentIndex(year_to.findText("2014"))
    assert session.state.filter.date_from == dt.date(2014, 1, 1)
    assert session.state.filter.date_to == dt.date(2014, 12, 31)
    assert [m.id for m in session.matches] == ["parent-undated", "west-agreement"]


def test_clear_button_resets_everything_and_is_off_when_nothing_is_filtered(qtbot, bar, session):
    clear = next(b for b in bar.findChildren(QPushButton) if b.text() == "清除筛选")
    assert not clear.isEnabled()
    qtbot.keyClicks(search(bar), "east")
    bar.flush()
    qtbot.mouseClick(chip(bar, "西院"), Qt.MouseButton.LeftButton)
    assert clear.isEnabled()
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert session.state.filter == Filter()
    assert search(bar).text() == "" and chip(bar, "西院").isChecked() and not clear.isEnabled()


def test_controls_follow_a_filter_set_elsewhere(bar, session):
    session.state.filter = Filter(query="托管", hidden_categories=frozenset({"award"}), date_to=dt.date(2019, 12, 31))
    assert search(bar).text() == "托管"
    assert not chip(bar, "荣誉").isChecked() and chip(bar, "协议").isChecked()
    assert bar.findChildren(QComboBox)[1].currentText() == "2019"
    assert session.state.filter.query == "托管"  # showing it did not write anything back


def test_status_tooltip_says_what_is_hidden(qtbot, bar, session):
    qtbot.mouseClick(chip(bar, "西院"), Qt.MouseButton.LeftButton)
    label = bar.findChild(QLabel, "filter-status")
    assert label.toolTip() == "<qt>已筛选：隐藏院区 西院</qt>"


def test_focus_search_selects_the_text_to_type_over(qtbot, bar):
    qtbot.keyClicks(search(bar), "east")
    bar.window().setFocus()
    bar.focus_search()
    assert search(bar).hasFocus() and search(bar).selectedText() == "east"


def test_language_switch_changes_every_string(qtbot, bar, session):
    qtbot.mouseClick(chip(bar, "西院"), Qt.MouseButton.LeftButton)
    assert_language(bar, "zh")
    session.state.language = "en"
    assert_language(bar, "en")
    assert chip(bar, "West Branch").accessibleDescription() == "Show or hide the milestones of West Branch"
    assert status(bar) == "Showing 6 of 9 milestones"
    session.state.language = "zh"
    assert_language(bar, "zh")


def test_toggles_are_rebuilt_for_a_new_dataset(qtbot, bar, session, small_path):
    session.set_dataset(load_dataset(small_path))
    assert {b.text() for b in bar.findChildren(Chip) if b.isVisibleTo(bar)} == {
        "北院", "总院", "南院", "协议", "首例"}
    qtbot.mouseClick(chip(bar, "南院"), Qt.MouseButton.LeftButton)
    assert session.state.filter.hidden_branches == {"south"}


# -- describe_filter: the status line ------------------------------------------------------------

def test_describe_filter_is_empty_when_nothing_is_hidden(session):
    assert describe_filter(Filter(), session.dataset, "zh") == ""
    assert describe_filter(Filter(query="  "), session.dataset, "en") == ""


def test_describe_filter_names_everything_hidden(session):
    f = Filter(query="心脏", hidden_branches=frozenset({"west", "east"}), hidden_categories=frozenset({"award"}),
               date_from=dt.date(2014, 1, 1), date_to=dt.date(2020, 6, 30))
    assert describe_filter(f, session.dataset, "zh") == (
        "已筛选：“心脏”；隐藏院区 东院、西院；隐藏类别 荣誉；日期 2014年–2020年6月30日；含时段重叠的日期未载事件")
    assert describe_filter(f, session.dataset, "en") == (
        "Filtered: “心脏”; hiding branches East Branch, West Branch; hiding categories Award; "
        "dates 2014–30 Jun 2020; undated milestones of overlapping periods included")
    assert describe_filter(Filter(date_to=dt.date(2019, 12, 31), include_undated=False), session.dataset, "en") == (
        "Filtered: dates …–2019; undated milestones left out")


def test_escape_clears_the_search_at_once(qtbot, bar, session):
    field = search(bar)
    field.setFocus()
    qtbot.keyClicks(field, "east")
    bar.flush()
    assert session.state.filter.query == "east"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "" and session.state.filter.query == ""  # no typing pause to wait for


def test_describe_filter_says_what_is_left_and_keeps_names_apart():
    ds = load_dataset(bundled_dataset_path())
    everything_but = frozenset(c.id for c in ds.categories if c.id != "first-procedure")
    assert describe_filter(Filter(hidden_categories=everything_but), ds, "zh") == "已筛选：仅显示类别 首例手术与技术"
    assert describe_filter(Filter(hidden_categories=everything_but), ds, "en") == (
        "Filtered: only the categories First procedures")
    two = frozenset({"people", "technique"})  # 人才、教学与科研 holds the separator itself
    assert describe_filter(Filter(hidden_categories=two), ds, "zh") == "已筛选：隐藏类别 “人才、教学与科研”、“新技术”"


def test_person_and_place_facets_narrow_the_milestones(qtbot, bar, session):
    person, place = bar._facets
    assert person.itemText(0) == "不限" and "周晋羽" in [person.itemText(k) for k in range(person.count())]
    person.setCurrentIndex(person.findData("周晋羽"))
    assert session.state.filter.person == "周晋羽"
    assert all(any(p.name.zh == "周晋羽" for p in m.people) for m in session.matches) and session.matches
    assert "人物 周晋羽" in describe_filter(session.state.filter, session.dataset, "zh")
    place.setCurrentIndex(place.findData("东县"))
    assert all("东县" in [p.zh for p in m.places] for m in session.matches)
    session.state.language = "en"
    assert place.currentText() == session.dataset.milestone_by_id[session.matches[0].id].places[0].en
    bar._clear.click()
    assert person.currentIndex() == 0 and place.currentIndex() == 0 and session.state.filter == Filter()

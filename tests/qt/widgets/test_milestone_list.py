"""The milestone list: rows follow the matches, sorting is chronological, selection goes both ways."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QCollator, QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from widget_text import assert_language

from timeline_app.viewmodel import Navigator
from timeline_app.viewmodel.state import Filter
from timeline_app.qt.widgets.milestone_list import ID_ROLE, MilestoneList

ARCHIVE = Path(__file__).parents[2] / "data" / "archive.yaml"


@pytest.fixture
def listing(show, session) -> MilestoneList:
    return show(MilestoneList(Navigator(session)), 640, 400)


def shown_ids(listing: MilestoneList) -> list[str]:
    model = listing.model
    return [model.data(model.index(row, 0), ID_ROLE) for row in range(model.rowCount())]


def column_texts(listing: MilestoneList, column: int) -> list[str]:
    model = listing.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def click_row(qtbot, listing: MilestoneList, row: int) -> None:
    rect = listing.view.visualRect(listing.model.index(row, 3))
    qtbot.mouseClick(listing.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def selected_ids(listing: MilestoneList) -> list[str]:
    return [index.data(ID_ROLE) for index in listing.view.selectionModel().selectedRows()]


def test_rows_are_the_matches_in_chronological_order(listing, session):
    assert shown_ids(listing) == [m.id for m in session.matches]
    assert column_texts(listing, 0)[:3] == ["2013年至2023年间", "2013年6月28日", "2014年3月"]


def click_header(qtbot, listing: MilestoneList, column: int) -> None:
    header = listing.view.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_header_clicks_sort_and_dates_sort_by_time_not_by_text(qtbot, listing, session):
    chronological = [m.id for m in session.matches]
    click_header(qtbot, listing, 0)  # sorted by date already: a click reverses it
    assert shown_ids(listing) == chronological[::-1]
    click_header(qtbot, listing, 0)
    assert shown_ids(listing) == chronological  # by text, "约2022年" would come last, "2013年…间" first
    session.state.language = "en"
    click_header(qtbot, listing, 3)
    titles = column_texts(listing, 3)
    assert titles == sorted(titles, key=str.casefold)
    assert shown_ids(listing) != chronological


def test_clicking_a_row_selects_the_milestone(qtbot, listing, session):
    changes = []
    session.state.events.selection.connect(changes.append)
    click_row(qtbot, listing, 3)
    assert session.state.selection == session.matches[3].id
    assert changes == [session.matches[3].id]  # once: no echo from the view following the state


def test_keyboard_moves_the_selection(qtbot, listing, session):
    click_row(qtbot, listing, 0)
    qtbot.keyClick(listing.view, Qt.Key.Key_Down)
    qtbot.keyClick(listing.view, Qt.Key.Key_Down)
    assert session.state.selection == session.matches[2].id


def test_state_selection_selects_and_scrolls_to_the_row(qtbot, listing, session):
    listing.resize(640, 90)
    qtbot.wait(1)
    session.state.selection = "east-award"
    assert selected_ids(listing) == ["east-award"]
    index = listing.view.currentIndex()
    assert index.data(ID_ROLE) == "east-award"
    assert listing.view.viewport().rect().contains(listing.view.visualRect(index).center())


def test_selection_hidden_by_the_filter_clears_the_rows_but_not_the_state(listing, session):
    session.state.selection = "east-first-ct"
    session.state.filter = Filter(hidden_branches=frozenset({"east"}))
    assert selected_ids(listing) == []
    assert session.state.selection == "east-first-ct"
    session.state.filter = Filter()
    assert selected_ids(listing) == ["east-first-ct"]


def test_selection_survives_a_resort(qtbot, listing, session):
    session.state.selection = "west-clinic"
    listing.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert selected_ids(listing) == ["west-clinic"]
    assert session.state.selection == "west-clinic"


@pytest.mark.parametrize("query", ["心脏", "CARDIAC"])
def test_filter_narrows_the_rows_and_says_no_match(listing, session, query):
    session.state.filter = dataclasses.replace(session.state.filter, query=query)
    assert shown_ids(listing) == ["west-first-pci"]
    no_match = listing.findChild(QLabel)
    assert not no_match.isVisible()
    session.state.filter = Filter(query="没有这个")
    assert shown_ids(listing) == []
    assert no_match.isVisible() and no_match.text() == "没有符合条件的事件。"


def test_language_switch_relabels_headers_cells_and_tooltips(listing, session):
    assert_language(listing, "zh")
    session.state.language = "en"
    assert_language(listing, "en")
    model = listing.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["Date", "Branch", "Category", "Title"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "<qt>date not stated; between 2013 and 2023</qt>"
    assert column_texts(listing, 1)[1] == "East Branch"


def test_tooltips_show_dataset_markup_as_text(qtbot, session, write_yaml):
    text = ARCHIVE.read_text(encoding="utf-8").replace("东院托管签约", "<b>托管</b>")
    session.reload(write_yaml(text))
    listing = MilestoneList(Navigator(session))
    qtbot.addWidget(listing)
    row = listing.model.row_of("east-trusteeship")
    tooltip = listing.model.data(listing.model.index(row, 3), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "<qt>&lt;b&gt;托管&lt;/b&gt;</qt>"


def test_renamed_branch_shows_although_the_matches_stay_the_same(qtbot, listing, session, write_yaml):
    changed = []
    listing.model.modelReset.connect(lambda *_: changed.append(True))  # the view is told to re-read
    text = ARCHIVE.read_text(encoding="utf-8").replace("{zh: 西院, en: West Branch}", "{zh: 西区, en: West}")
    session.reload(write_yaml(text))
    assert changed
    assert "西区" in column_texts(listing, 1)


def test_ctrl_c_copies_the_whole_row_with_its_citation(qtbot, listing, session):
    click_row(qtbot, listing, 1)
    qtbot.keyClick(listing.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    m = session.matches[1]
    cells = QApplication.clipboard().text().split("\t")
    assert cells[:4] == [listing.model.index(1, c).data() for c in range(4)]
    assert cells[3] == m.title.zh and "[N/OL]" in cells[4]  # the citation, GB/T 7714


def test_chinese_titles_sort_by_pinyin_not_by_code_point(qtbot, listing):
    click_header(qtbot, listing, 3)
    titles = column_texts(listing, 3)
    collator = QCollator(QLocale("zh_CN"))
    assert titles == sorted(titles, key=collator.sortKey)
    assert titles != sorted(titles)  # code points would order them otherwise

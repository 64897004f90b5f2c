"""The indicator panel: one row per measure with a track per branch on the timeline's time axis,
values and qualifiers readable at every zoom, honest changes, sources, a table of every figure."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from widget_text import assert_language

from timeline_app.dataset.loader import load_dataset
from timeline_app.viewmodel.state import Filter
from timeline_app.qt.widgets.indicators import IndicatorPanel
from timeline_app.qt.widgets.indicators.painter import ROW_PADDING, TRACK_HEIGHT, axis
from timeline_app.qt.widgets.gutters import LEFT_GUTTER, RIGHT_GUTTER
from timeline_app.viewmodel.timescale import day_of


@pytest.fixture
def panel(show, session) -> IndicatorPanel:
    return show(IndicatorPanel(session), 1200, 300)


def source_text(panel: IndicatorPanel) -> str:
    return panel.findChild(QLabel, "indicator-source").text()


def row(panel, measure):
    return next(r for r in panel.strips.rows if r.measure == measure)


def labels(panel, measure, branch, x_range, lang="zh"):
    strip = (LEFT_GUTTER, panel.strips.width() - RIGHT_GUTTER)
    track = next(t for t in row(panel, measure).tracks if t.branch == branch)
    return panel.strips._painter.labels(track, strip, axis(strip, x_range), lang)


def click_row(qtbot, panel, measure, x=300):
    rect = panel.strips.row_rect(measure)
    qtbot.mouseClick(panel.strips, Qt.MouseButton.LeftButton, pos=QPoint(x, int(rect.center().y())))


def test_each_measure_is_one_row_with_its_branches_side_by_side(panel):
    assert [(r.measure, [t.branch for t in r.tracks]) for r in panel.strips.rows] == [
        ("outpatient-visits", ["east", "west"]), ("new-techniques", ["east"]), ("beds", ["west"])]
    assert row(panel, "outpatient-visits").top == 520000  # both tracks on the one scale of the row


def test_figures_stand_on_the_timelines_axis(panel, session):
    """The 2014 dot of the west track is drawn where the timeline puts 1 July 2014."""
    x0, x1 = day_of(dt.date(2013, 1, 1)), day_of(dt.date(2016, 1, 1))
    session.state.x_range = (x0, x1)
    image = panel.strips.grab().toImage()
    layout = next(l for l in panel.strips.layouts if l.row.measure == "outpatient-visits")
    y0 = int(layout.top + ROW_PADDING + TRACK_HEIGHT)  # the second track (west)
    expected = LEFT_GUTTER + (day_of(dt.date(2014, 7, 2)) - x0) * (panel.strips.width() - RIGHT_GUTTER - LEFT_GUTTER) / (x1 - x0)
    colour = panel.strips._painter.theme.branch("west")
    hits = [x for x in range(LEFT_GUTTER, image.width()) for y in range(y0, y0 + int(TRACK_HEIGHT))
            if _close(image.pixelColor(x, y), colour)]
    assert hits and abs((min(hits) + max(hits)) / 2 - expected) <= 3


def _close(a, b) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 30


def test_values_keep_their_qualifiers_and_changes_say_approximately(panel, session):
    full = session.full_range()
    east = labels(panel, "outpatient-visits", "east", full)
    assert [l.text for l in east] == ["25万+", "~33万", "43万+"]
    assert east[-1].change == "≈ +72%"  # 25万+ → 43万+ is not an exact +72%
    west = labels(panel, "beds", "west", full, "en")
    assert [l.text for l in west] == ["600", "1,200"] and west[-1].change == "+100%"  # both exact
    assert labels(panel, "new-techniques", "east", full)[0].change == ""  # one count over a period


def test_values_stay_readable_when_their_points_are_out_of_view(panel):
    x_range = (day_of(dt.date(2016, 1, 1)), day_of(dt.date(2016, 6, 1)))
    east = labels(panel, "outpatient-visits", "east", x_range)
    assert [l.text for l in east] == ["◀ 2013年 25万+", "2018年 ~33万 ▶"]  # 2023 would touch 2018: left out
    strip_right = panel.strips.width() - RIGHT_GUTTER
    assert east[0].left >= LEFT_GUTTER and east[-1].right <= strip_right
    english = labels(panel, "outpatient-visits", "west", x_range, "en")
    assert english[0].text == "◀ 2014 180k"


def test_labels_never_touch(panel, session):
    for fraction in (1.0, 0.3, 0.05):
        lo, hi = session.full_range()
        x_range = (lo, lo + (hi - lo) * fraction)
        for r in panel.strips.rows:
            for track in r.tracks:
                placed = sorted((l.left, l.right) for l in labels(panel, r.measure, track.branch, x_range))
                assert all(b[0] - a[1] >= 8 for a, b in zip(placed, placed[1:]))


def test_clicking_a_row_shows_its_sources(qtbot, panel):
    assert source_text(panel).startswith("点击指标查看出处")
    click_row(qtbot, panel, "outpatient-visits")
    text = source_text(panel)
    assert "门急诊量（东院）出处：" in text and "门急诊量（西院）出处：西院医联体十年 · 某报 · 2023年7月至2023年12月间 · 第 5 段" in text
    click_row(qtbot, panel, "beds")
    assert source_text(panel).startswith("开放床位（西院）出处：")
    assert panel.strips.current == "beds"


def test_keys_walk_the_rows_and_show_the_source(qtbot, panel):
    strips = panel.strips
    strips.setFocus()
    qtbot.keyClick(strips, Qt.Key.Key_Down)
    assert strips.current == "new-techniques"
    qtbot.keyClick(strips, Qt.Key.Key_Space)
    assert source_text(panel) == "新技术新项目（东院）出处：东院十年“焕”新姿 · 上游新闻 · 2023年（存疑）"
    qtbot.keyClick(strips, Qt.Key.Key_End)
    assert strips.current == "beds"
    assert "600" in strips.accessibleDescription()  # a screen reader hears the row's figures
    assert strips.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the rows are one Tab stop


def test_every_figure_in_words_on_hover(panel):
    words = panel.strips.words("outpatient-visits")
    assert "东院：2013年：25万+；2018年：~33万；2023年：43万+" not in words  # branches by name
    assert "2013年：25万+" in words and "≈ +72%（2013年→2023年）" in words and "单位：人次" in words


def test_the_table_lists_every_figure(qtbot, panel, session):
    qtbot.mouseClick(panel._toggle, Qt.MouseButton.LeftButton)
    model = panel.table.model()
    assert model.rowCount() == sum(len(t.figures) for r in panel.strips.rows for t in r.tracks)
    cells = [[model.index(r, c).data() for c in range(6)] for r in range(model.rowCount())]
    assert ["门急诊量（人次）", "东院", "2013年", "25万+", "余"] == cells[0][:5] or \
        any(c[:5] == ["门急诊量（人次）", "东院", "2013年", "25万+", "余"] for c in cells)
    assert any(c[2] == "累计 2013年至2023年" and c[3] == "197" for c in cells)
    session.state.language = "en"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Qualifier"


def test_language_switch_changes_every_string(qtbot, panel, session):
    click_row(qtbot, panel, "outpatient-visits")
    assert_language(panel, "zh")
    session.state.language = "en"
    assert_language(panel, "en")
    assert source_text(panel).startswith("Source of Outpatient and emergency visits (East Branch): ")
    session.state.language = "zh"
    assert_language(panel, "zh")


def test_many_rows_scroll_with_the_bar_in_the_right_gutter(qtbot, show):
    from timeline_app.dataset import bundled_dataset_path
    from timeline_app.viewmodel import Session

    panel = show(IndicatorPanel(Session.open(bundled_dataset_path())), 1200, 300)
    scrollbar = panel.strips.scrollbar
    qtbot.waitUntil(scrollbar.isVisible, timeout=1000)
    assert scrollbar.geometry().left() == panel.strips.width() - RIGHT_GUTTER
    first = panel.strips.rows[0].measure
    top = panel.strips.row_rect(first).top()
    scrollbar.setValue(scrollbar.maximum())
    assert panel.strips.row_rect(first).top() < top
    panel.resize(1200, int(panel.height_for_rows(len(panel.strips.rows))) + 10)
    qtbot.waitUntil(lambda: not scrollbar.isVisible(), timeout=1000)


def test_new_dataset_rebuilds_the_rows(panel, session, small_path):
    session.state.selection = None
    session.set_dataset(load_dataset(small_path))
    assert [r.measure for r in panel.strips.rows] == ["outpatient-visits", "new-techniques"]
    assert source_text(panel).startswith("点击指标查看出处")


def test_the_dotted_line_between_two_figures_is_cut_to_the_strip():
    from timeline_app.qt.widgets.indicators.painter import _within

    a, b = _within(-1e6, 0.0, 1e6, 100.0, 100.0, 900.0)  # zoomed in: the line runs far off both ends
    assert (a.x(), b.x()) == (100.0, 900.0) and a.y() == pytest.approx(50.005) and b.y() == pytest.approx(50.045)
    assert _within(0.0, 0.0, 50.0, 10.0, 100.0, 900.0) is None  # wholly left of the strip
    a, b = _within(200.0, 0.0, 300.0, 10.0, 100.0, 900.0)
    assert (a.x(), a.y(), b.x(), b.y()) == (200.0, 0.0, 300.0, 10.0)  # inside: as it was


def test_the_table_copies_whole_rows_and_keeps_the_paragraphs_in_sight(qtbot, panel, session):
    qtbot.mouseClick(panel._toggle, Qt.MouseButton.LeftButton)
    table = panel.table
    table.selectRow(0)
    table.selectionModel().select(table.model().index(1, 0), table.selectionModel().SelectionFlag.Select
                                  | table.selectionModel().SelectionFlag.Rows)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().split("\n")
    assert [line.split("\t") for line in lines] == [[table.model().index(r, c).data() for c in range(6)] for r in (0, 1)]
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle  # a narrow source column keeps "第 N 段" at its end


def test_switching_to_the_table_drops_the_charts_source(qtbot, panel):
    click_row(qtbot, panel, "outpatient-visits")
    assert "出处：" in source_text(panel)
    qtbot.mouseClick(panel._toggle, Qt.MouseButton.LeftButton)
    assert source_text(panel) == "点击指标查看出处"  # no chart row's source over the table, no chart legend
    panel.table.clicked.emit(panel.table.model().index(0, 0))
    assert "出处：" in source_text(panel)


def test_a_hidden_branch_takes_its_tracks_along(panel, session):
    def branches():
        return {t.branch for r in panel.strips.rows for t in r.tracks}

    assert branches() == {"east", "west"}
    session.state.filter = Filter(hidden_branches=frozenset({"west"}))
    assert branches() == {"east"}
    assert "beds" not in [r.measure for r in panel.strips.rows]  # only the west has it
    panel._toggle.click()
    model = panel.table.source_model
    assert {model.index(r, 1).data() for r in range(model.rowCount())} == {"东院"}
    session.state.filter = Filter()
    assert branches() == {"east", "west"} and model.rowCount() > 0


def test_english_names_are_written_in_full(show, session):
    session.state.language = "en"
    panel = show(IndicatorPanel(session), 1200, 300)
    painter, wrapped = panel.strips._painter, 0
    for layout in panel.strips.layouts:
        lines = painter.gutter_lines(layout.row, "en", LEFT_GUTTER)
        names = lines if len(lines) == 1 else lines[:-1]  # then the unit, on a line of its own
        assert " ".join(names) == layout.row.label("en")  # in full, never elided
        assert layout.height >= len(lines) * TRACK_HEIGHT  # the row makes room for them
        wrapped += len(names) > 1
    assert wrapped  # "Outpatient and emergency visits" does not fit on one line

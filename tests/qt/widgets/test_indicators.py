"""Indicator sparklines: grouped rows, the shared time axis, only known points, values, sources."""

from __future__ import annotations


import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QScrollBar
from widget_text import assert_language

from timeline_app.dataset.loader import load_dataset
from timeline_app.qt.widgets.metrics import LEFT_GUTTER, RIGHT_GUTTER
from timeline_app.qt.widgets.indicators import ROW_HEIGHT, IndicatorPanel



@pytest.fixture
def panel(show, session) -> IndicatorPanel:
    return show(IndicatorPanel(session), 1200, 300)


def rows(panel: IndicatorPanel) -> list:
    """The indicator rows shown, top to bottom."""
    views = [w for w in panel.findChildren(pg.GraphicsView) if w.isVisibleTo(panel)]
    return sorted((v.parentWidget() for v in views), key=lambda r: r.mapTo(panel, QPoint(0, 0)).y())


def row_of(panel: IndicatorPanel, indicator_id: str):
    return next(r for r in rows(panel) if r.indicator.id == indicator_id)


def items(row, kind: type) -> list:
    return [i for i in row.box.addedItems if type(i) is kind]


def x_range_of(row) -> list[float]:
    return row.box.viewRange()[0]


def source_text(panel: IndicatorPanel) -> str:
    return panel.findChild(QLabel, "indicator-source").text()


def test_rows_group_each_measure_across_branches(panel):
    assert [r.indicator.id for r in rows(panel)] == ["east-visits", "west-visits", "east-techniques", "west-beds"]


def test_plot_strip_lines_up_with_the_timeline(panel):
    for row in rows(panel):
        origin = row.view.mapTo(panel, QPoint(0, 0)).x()
        left, right = origin + row.box.sceneBoundingRect().left(), origin + row.box.sceneBoundingRect().right()
        assert left == LEFT_GUTTER
        assert right == pytest.approx(panel.width() - RIGHT_GUTTER, abs=0.5)


def test_x_range_follows_the_view_state(qtbot, panel, session):
    before = {id(i) for r in rows(panel) for i in r.box.addedItems}
    for x_range in [(735000.0, 736500.0), (735600.0, 735610.5)]:
        session.state.x_range = x_range
        for row in rows(panel):
            assert x_range_of(row) == pytest.approx(list(x_range))
    after = {id(i) for r in rows(panel) for i in r.box.addedItems}
    assert after == before  # nothing rebuilt: only the range moved


def test_only_the_known_points_are_drawn(panel):
    visits = row_of(panel, "east-visits")
    (dots,) = items(visits, pg.ScatterPlotItem)
    assert len(dots.data) == 3
    curves = items(visits, pg.PlotCurveItem)
    dotted = [c for c in curves if c.opts["pen"].style() == Qt.PenStyle.DotLine]
    assert len(dotted) == 1 and len(dotted[0].xData) == 3  # a faint dotted line through the points, no curve
    techniques = row_of(panel, "east-techniques")
    assert items(techniques, pg.ScatterPlotItem) == []  # a cumulative figure is a bar, not a point
    (bar,) = items(techniques, pg.PlotCurveItem)
    lo, hi = bar.xData
    assert (lo, hi) == (pytest.approx(734869.0), pytest.approx(738886.0))  # 2013-01-01 .. 2024-01-01
    assert list(bar.yData) == [197.0, 197.0]


def test_values_and_change_in_the_readers_convention(panel, session):
    row = row_of(panel, "east-visits")
    assert [t.textItem.toPlainText() for t in items(row, pg.TextItem)] == ["25万+", "~33万", "43万+"]
    assert row.change.text() == "+72%"
    assert "+72%（2013年→2023年）" in row.toolTip() and "两点之间数据未载" in row.toolTip()
    session.state.language = "en"
    assert [t.textItem.toPlainText() for t in items(row, pg.TextItem)] == ["250k+", "~330k", "430k+"]
    assert "+72% (2013→2023)" in row.toolTip()
    assert row_of(panel, "east-techniques").change.text() == ""  # one cumulative figure: no change


def test_clicking_an_indicator_shows_its_source(qtbot, panel):
    assert source_text(panel) == "点击指标查看出处"
    visits = row_of(panel, "west-visits")
    qtbot.mouseClick(visits.title, Qt.MouseButton.LeftButton)
    assert source_text(panel) == "门急诊量（西院）出处：西院医联体十年 · 某报 · 2023年7月至2023年12月间 · 第 5 段"
    beds = row_of(panel, "west-beds")
    # through the window, so Qt finds the widget under the pointer as for a real click on the plot
    where = beds.view.mapTo(panel, QPoint(300, ROW_HEIGHT // 2))
    qtbot.mouseClick(panel.windowHandle(), Qt.MouseButton.LeftButton, pos=where)
    assert source_text(panel).startswith("开放床位（西院）出处：")
    assert beds.current and not visits.current


def test_keyboard_shows_the_source_too(qtbot, panel):
    row = row_of(panel, "east-techniques")
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Space)
    assert source_text(panel) == "新技术新项目（东院）出处：东院十年“焕”新姿 · 上游新闻 · 2023年（存疑）"


def test_language_switch_changes_every_string(qtbot, panel, session):
    qtbot.mouseClick(row_of(panel, "east-visits").title, Qt.MouseButton.LeftButton)
    assert_language(panel, "zh")
    session.state.language = "en"
    assert_language(panel, "en")
    assert source_text(panel).startswith("Source of Outpatient and emergency visits (East Branch): ")
    session.state.language = "zh"
    assert_language(panel, "zh")


def test_many_rows_scroll_with_the_bar_in_the_right_gutter(qtbot, panel):
    panel.resize(1200, 130)
    scrollbar = next(s for s in panel.findChildren(QScrollBar) if s.parentWidget() is panel)
    qtbot.waitUntil(scrollbar.isVisible, timeout=1000)
    first = rows(panel)[0]
    top = first.mapTo(panel, QPoint(0, 0)).y()
    scrollbar.setValue(scrollbar.maximum())
    assert first.mapTo(panel, QPoint(0, 0)).y() < top
    assert scrollbar.geometry().left() == panel.width() - RIGHT_GUTTER
    panel.resize(1200, 400)
    qtbot.waitUntil(lambda: not scrollbar.isVisible(), timeout=1000)


def test_rows_out_of_view_catch_up_when_scrolled_in(qtbot, panel, session):
    panel.resize(1200, 130)
    scrollbar = next(s for s in panel.findChildren(QScrollBar) if s.parentWidget() is panel)
    qtbot.waitUntil(scrollbar.isVisible, timeout=1000)
    session.state.x_range = (735100.0, 735900.0)
    first, last = rows(panel)[0], rows(panel)[-1]
    assert x_range_of(first) == pytest.approx([735100.0, 735900.0])
    assert x_range_of(last) != pytest.approx([735100.0, 735900.0])  # hidden: not moved while zooming
    scrollbar.setValue(scrollbar.maximum())
    assert x_range_of(last) == pytest.approx([735100.0, 735900.0])


def test_value_labels_follow_a_theme_change(panel):
    palette = panel.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#fafafa"))
    panel.setPalette(palette)
    (label, *_) = items(row_of(panel, "west-beds"), pg.TextItem)
    assert label.color.name() == "#fafafa"


def test_new_dataset_rebuilds_the_rows(panel, session, small_path):
    session.state.selection = None
    session.set_dataset(load_dataset(small_path))
    assert [r.indicator.id for r in rows(panel)] == ["north-visits", "south-techniques"]
    assert source_text(panel) == "点击指标查看出处"


def test_rows_are_one_tab_stop_walked_with_arrow_keys(panel, qtbot):
    shown = rows(panel)
    tab_stops = [r for r in shown if r.focusPolicy() == Qt.FocusPolicy.StrongFocus]
    assert tab_stops == [shown[0]]
    shown[0].setFocus()
    qtbot.keyClick(shown[0], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is shown[1]
    assert [r for r in shown if r.focusPolicy() == Qt.FocusPolicy.StrongFocus] == [shown[1]]
    qtbot.keyClick(shown[1], Qt.Key.Key_Up)
    assert QApplication.focusWidget() is shown[0]

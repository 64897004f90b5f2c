"""One drawing of each category marker: the timeline, the chips, the list and the detail pane agree."""

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter

from timeline_app.qt.colors import GRAPHIC_CONTRAST, Theme, contrast, readable
from timeline_app.qt.painting import painting
from timeline_app.qt.palettes import palette_for
from timeline_app.qt.widgets.filter_bar import FilterBar
from timeline_app.qt.widgets.timeline import TimelineView
from timeline_app.qt.widgets.milestone_list import MilestoneTableModel, CATEGORY
from timeline_app.qt.widgets.markers import marker_pixmap
from timeline_app.qt.widgets.swatch import swatch_pixmap
from timeline_app.viewmodel import Navigator
from timeline_app.viewmodel.frame import MARKER_RADIUS


def same(a, b) -> bool:
    a, b = (p if isinstance(p, QImage) else p.toImage() for p in (a, b))
    return a.convertToFormat(b.format()) == b


def timeline_marker(view, category) -> QImage:
    """The marker as the timeline's painter draws it, cut out of a frame of one marker."""
    from dataclasses import replace

    from timeline_app.viewmodel.shapes import Marker

    frame = replace(view.frame, fills=[], lines=[], bars=[], labels=[], badges=[], texts=[],
                    markers=[Marker("m", 8, 8, 6, category.marker, category.id, False, False)])
    image = QImage(16, 16, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    view.painter.paint(painter, frame, view.theme)
    painter.end()
    return image


def test_chips_draw_the_timelines_markers(qtbot, session, show):
    bar = show(FilterBar(Navigator(session)), 1100, 90)
    view = TimelineView(Navigator(session))
    qtbot.addWidget(view)
    theme = view.theme
    for category in session.dataset.categories:
        color = theme.category(category.id)  # the colour the timeline draws it in, in this theme
        timeline = timeline_marker(view, category)
        swatch = swatch_pixmap(category.marker, color, 16, 1.0)  # a 12 px marker, as the timeline's
        assert same(swatch, timeline), category.marker
        chip = bar._toggles[("category", category.id)]
        assert same(chip._swatch(Theme.of(chip, session.dataset), 1.0), swatch_pixmap(category.marker, color, 14, 1.0))


def test_list_icons_are_the_same_markers_and_survive_selection(session):
    model = MilestoneTableModel(Navigator(session))
    for row in range(model.rowCount()):
        m = session.dataset.milestone_by_id[model.milestone_id(row)]
        icon = model.data(model.index(row, CATEGORY), 1)  # DecorationRole
        category = session.dataset.category_by_id[m.category]
        normal = icon.pixmap(QSize(12, 12), 2.0, QIcon.Mode.Normal)
        assert same(normal, swatch_pixmap(category.marker, model.theme.category(category.id), 12, 2.0))
        selected = icon.pixmap(QSize(12, 12), 2.0, QIcon.Mode.Selected)
        shade = readable(model.theme.category(category.id), model.theme.highlight, GRAPHIC_CONTRAST + 0.1)
        assert same(selected, swatch_pixmap(category.marker, shade, 12, 2.0))  # its shape, seen on the highlight


@pytest.mark.parametrize("name", ["light", "dark", "contrast"])
def test_a_selected_rows_marker_stands_out_from_the_highlight(name, session):
    theme = Theme(palette_for(name), name == "contrast", session.dataset)
    model = MilestoneTableModel(Navigator(session))
    model.theme = theme
    for row in range(model.rowCount()):
        icon = model.data(model.index(row, CATEGORY), 1)
        assert strongest(icon.pixmap(QSize(12, 12), 2.0, QIcon.Mode.Selected), theme.highlight) >= 3, (name, row)


@pytest.mark.parametrize("name", ["light", "dark", "contrast"])
def test_hollow_markers_stand_out_from_the_strip(name, session):
    """An undated milestone's marker is only its outline: that outline reaches 3:1 on the strip."""
    theme = Theme(palette_for(name), name == "contrast", session.dataset)
    for category in session.dataset.categories:
        sprite = marker_pixmap(category.marker, theme.category(category.id), MARKER_RADIUS * 2, 2.0, hollow=True)
        assert strongest(sprite, theme.band) >= 3, (name, category.id)


def strongest(pixmap, background: QColor) -> float:
    """The highest contrast with ``background`` of any pixel of ``pixmap`` laid on it."""
    image = QImage(pixmap.size(), QImage.Format.Format_RGB32)
    image.fill(background)
    with painting(image) as painter:
        painter.drawPixmap(0, 0, pixmap)
    return max(contrast(image.pixelColor(x, y), background) for x in range(image.width()) for y in range(image.height()))


@pytest.mark.parametrize("symbol", ["t", "h", "+", "x"])
def test_every_shape_is_drawn_once(symbol):
    """The shapes that used to differ (triangle, hexagon, plus, cross) come from one place."""
    assert same(swatch_pixmap(symbol, "#336699", 16, 1.0), marker_pixmap(symbol, QColor("#336699"), 12, 1.0))

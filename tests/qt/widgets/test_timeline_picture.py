"""One picture for screen, touch and paper: the frame drawn as vector text and paths on an SVG, at
2× on an image, the same on screen; a tap on every marker takes that marker's milestone; the
picture reads right at every zoom; the kiosk's painted text is large enough."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QSize, Qt
from PySide6.QtGui import QEventPoint, QImage, QPainter, QTouchEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from archivist import open_window
from frame_checks import assert_picture_reads_right
from kiosk import open_kiosk
from timeline_app.qt.widgets.kiosk.style import MIN_TEXT_MM, physical_mm
from timeline_app.dataset.edtf import parse_edtf
from timeline_app.viewmodel import Session
from timeline_app.viewmodel.screen_fit import REFERENCE_SCALE
from timeline_app.viewmodel.shapes import TextStyle
from timeline_app.viewmodel.timescale import day_of
from touch import touch_screen


def svg_of(view) -> str:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(int(view.frame.width), int(view.frame.height)))
    painter = QPainter(generator)
    view.painter.paint(painter, view.frame, view.theme)
    painter.end()
    return bytes(buffer.data()).decode()


def svg_texts(svg: str) -> list[str]:
    return [html.unescape(t.strip()) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def image_of(view, scale: float) -> QImage:
    image = QImage(int(view.frame.width * scale), int(view.frame.height * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(view.theme.base)
    painter = QPainter(image)
    painter.scale(scale, scale)
    view.painter.paint(painter, view.frame, view.theme)
    painter.end()
    return image


@pytest.fixture
def synthetic(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[3] / "benchmarks"))
    from synth import synthetic_yaml

    path = tmp_path / "archive.yaml"
    path.write_text(synthetic_yaml(10_000), encoding="utf-8")
    return Session.open(path)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_svg_of_the_frame_holds_every_label_as_text_and_no_picture(qtbot, lang, request):
    window = open_window(qtbot, size=(1600, 900), lang=lang)
    view = window.timeline
    svg = svg_of(view)
    assert "<image" not in svg
    texts = svg_texts(svg)
    labels = [label.text.text for label in view.frame.labels]
    assert len(labels) >= 10
    # Qt writes one <text> per run of one script ("牵头组建“1+3+", "N”", "县域医共体"), in order.
    written = "".join(texts)
    for title in labels:
        assert title in written, title
    everything = "".join(t.text for t in view.frame.texts) + "".join(labels)
    assert len(written) == len(everything)  # nothing drawn as text twice, nothing missing


def test_an_svg_of_a_large_archive(qtbot, synthetic):
    window = open_window(qtbot, synthetic, size=(1600, 900))
    view = window.timeline
    svg = svg_of(view)
    assert "<image" not in svg
    written = "".join(svg_texts(svg))
    assert view.frame.labels and all(label.text.text in written for label in view.frame.labels)
    assert_picture_reads_right(view.frame, view.session)


def test_at_twice_the_size_every_marker_is_at_twice_its_place(qtbot):
    window = open_window(qtbot, size=(1600, 900))
    view = window.timeline
    one, two = image_of(view, 1), image_of(view, 2)
    assert two.size() == one.size() * 2
    filled = [m for m in view.frame.markers if not m.hollow and not m.selected]
    assert filled
    for m in filled:
        colour = view.theme.category(m.category)
        for image, k in ((one, 1), (two, 2)):
            pixel = image.pixelColor(round(m.x * k), round(m.y * k))
            assert abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green()) + abs(pixel.blue() - colour.blue()) < 30, m.milestone


def test_the_screen_shows_the_same_picture_as_an_image(qtbot):
    window = open_window(qtbot, size=(1600, 900))
    view = window.timeline
    QApplication.processEvents()
    shown = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    drawn = image_of(view, 1).convertToFormat(QImage.Format.Format_RGB32)
    assert shown.size() == drawn.size()
    differing = sum(shown.pixel(x, y) != drawn.pixel(x, y) for x in range(0, shown.width(), 3) for y in range(0, shown.height(), 3))
    assert differing < 0.001 * (shown.width() // 3) * (shown.height() // 3)


def touch(view, kind, state, point: QPointF) -> None:
    """A finger event at ``point`` (frame pixels), wherever it is on the (offscreen) screens."""
    where = QPointF(view.viewport().mapToGlobal(view.map_to_widget(point.x(), point.y()).toPoint()))
    event = QTouchEvent(kind, touch_screen(), Qt.KeyboardModifier.NoModifier, [QEventPoint(0, state, where, where)])
    QApplication.sendEvent(view.viewport(), event)


def tap_every_marker(view, clock) -> None:
    view.navigator.select(None)
    markers = list(view.frame.markers)
    assert markers
    for marker in markers:
        view.navigator.select(None)
        at = QPointF(marker.x, marker.y)
        touch(view, QEvent.Type.TouchBegin, QEventPoint.State.Pressed, at)
        clock.advance(0.08)
        touch(view, QEvent.Type.TouchEnd, QEventPoint.State.Released, at)
        assert view.session.state.selection == marker.milestone, marker.milestone


def click_every_label(view) -> None:
    view.navigator.select(None)  # the frame as it is with nothing selected (a selection is labelled first)
    for label in list(view.frame.labels):
        view.navigator.select(None)
        box = label.text.box
        view.click_at(QPointF((box.left + box.right) / 2, (box.top + box.bottom) / 2))
        assert view.session.state.selection == label.milestone


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_tap_on_every_marker_at_the_kiosks_home_takes_it(qtbot, lang):
    window, clock = open_kiosk(qtbot, language=lang)
    try:
        window.navigator.fit_all()
        home = window.timeline.frame
        assert_picture_reads_right(home, window.session)
        tap_every_marker(window.timeline, clock)
        window.navigator.set_range(home.snapshot.x_range)
        click_every_label(window.timeline)
    finally:
        window.leave()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_tap_on_every_marker_of_the_archivists_window_takes_it(qtbot, size, lang):
    from timeline_app.viewmodel.clock import ManualClock

    window = open_window(qtbot, size=size, lang=lang)
    view = window.timeline
    clock = view.touch.clock = ManualClock()
    assert_picture_reads_right(view.frame, view.session)
    home = view.frame.snapshot.x_range
    tap_every_marker(view, clock)
    view.navigator.set_range(home)
    click_every_label(view)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("days", [1, 31, 3653])
def test_the_picture_reads_right_at_a_day_a_month_and_a_decade(qtbot, lang, days):
    window = open_window(qtbot, size=(1600, 900), lang=lang)
    mid = day_of(dt.date(2016, 9, 3))
    for centre in (mid, day_of(dt.date(2023, 3, 15)), day_of(dt.date(2019, 1, 1))):
        window.navigator.set_range((centre - days / 2, centre + days / 2))
        assert_picture_reads_right(window.timeline.frame, window.session)


def test_go_to_a_day_of_a_month_shows_the_milestone_known_to_that_month(qtbot):
    window = open_window(qtbot, size=(1600, 900))
    september = [m.id for m in window.session.dataset.milestones if m.date.text == "2016-09"]
    assert september
    window.show_range(parse_edtf("2016-09-03"))  # what Go to Date does with the day typed
    frame = window.timeline.frame
    shown = {label.milestone for label in frame.labels} | {i for b in frame.badges for i in frame.badge_members(b)}
    assert set(september) <= shown
    bars = [bar for bar in frame.bars if bar.milestone in september]
    day = frame.px(day_of(dt.date(2016, 9, 3)) + 0.5)
    assert bars and all(bar.box.left <= day <= bar.box.right for bar in bars)  # the month, drawn over the day


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_the_kiosk_paints_is_at_least_four_millimetres_high(qtbot, lang):
    window, _ = open_kiosk(qtbot, language=lang)
    try:
        view = window.timeline
        window.navigator.select(view.frame.labels[0].milestone)
        painted = {text.style for text in view.frame.texts} | {TextStyle.LABEL}
        assert {TextStyle.SMALL, TextStyle.BADGE, TextStyle.HEADER, TextStyle.CAPTION} <= painted
        styles = [v for k, v in vars(TextStyle).items() if k.isupper()]
        for style in styles:  # every style the painter has, painted here or not
            assert physical_mm(view.fonts.cap_height(style), REFERENCE_SCALE) >= MIN_TEXT_MM, style
    finally:
        window.leave()


@pytest.mark.parametrize("years", [(2018, None), (None, 2016), (2015, 2019)])
def test_undated_milestones_are_laid_out_only_in_the_years_the_filter_keeps(qtbot, years):
    from timeline_app.viewmodel import Filter

    window = open_window(qtbot, size=(1600, 900))
    start, end = years
    window.navigator.set_filter(Filter(date_from=dt.date(start, 1, 1) if start else None,
                                       date_to=dt.date(end, 12, 31) if end else None))
    frame = window.timeline.frame
    assert any(fill.color == ("outside",) for fill in frame.fills)
    assert any(m.hollow for m in frame.markers)  # the strips still show what they can
    assert_picture_reads_right(frame, window.session)


@pytest.mark.parametrize("lang, words", [("zh", "没有可显示的事件。"), ("en", "No milestones to show.")])
def test_a_dataset_without_milestones_says_so_across_the_lanes(qtbot, tmp_path, lang, words):
    from timeline_app.dataset.last_good import empty_dataset

    window = open_window(qtbot, Session(empty_dataset(tmp_path / "none.yaml")), size=(1280, 720), lang=lang)
    frame = window.timeline.frame
    notice = [text for text in frame.texts if text.text == words]
    assert len(notice) == 1 and frame.plot.left <= notice[0].box.left and notice[0].box.right <= frame.plot.right
    assert words in svg_texts(svg_of(window.timeline))  # drawn, not only placed

"""The exported page's indicator rows (issue #17): under the timeline, on its time axis, each
measure's name and every figure's value with its qualifier, in both languages; none with
--no-indicators, the dialog's box unticked or the print preview's toggle off; no empty band for a
dataset without indicators; the rows that do not fit counted."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from test_export_picture import svg_texts
from timeline_app.cli import main
from timeline_app.dataset import bundled_dataset_path, load_dataset
from timeline_app.dataset.units import UNITS
from timeline_app.i18n import tr
from timeline_app.qt.app import create_application
from timeline_app.qt.colors import Theme
from timeline_app.qt.export.indicator_band import shown_rows
from timeline_app.qt.export.picture import Page, PageSize, write_page
from timeline_app.qt.palettes import palette_for
from timeline_app.qt.widgets.indicators.painter import ROW_PADDING, TRACK_HEIGHT
from timeline_app.viewmodel import Session
from timeline_app.viewmodel.state import Filter

pypdf = pytest.importorskip("pypdf", reason="pypdf reads the PDFs back (the [test] extra)")

DATA = Path(__file__).parents[1] / "data"
TALL = "2000x6000"  # room for every row of the bundled dataset


def squeezed(text: str) -> str:
    """Without whitespace: pypdf writes spaces as tabs and breaks lines between runs of script."""
    return "".join(text.split())


def pdf_text(path: Path) -> str:
    return squeezed("".join(page.extract_text() for page in pypdf.PdfReader(path).pages))


def expected(session: Session, lang: str) -> list[str]:
    """Each row's name (with its unit) and each figure's value, as the panel writes them."""
    words = []
    for row in shown_rows(session):
        words.append(tr("indicators.label_unit", lang, label=row.label(lang), unit=UNITS[row.unit].get(lang)))
        words += [figure.value_text(lang) for track in row.tracks for figure in track.figures]
    return words


def page_of(dataset, lang: str, size: PageSize, indicators: bool = True, hidden: frozenset[str] = frozenset()) -> Page:
    create_application()
    session = Session(dataset)
    session.state.language = lang
    session.state.filter = Filter(hidden_branches=hidden)
    return Page(session, size, Theme(palette_for("light"), False, dataset), dt.date(2026, 12, 3), "x.yaml", True,
                indicators)


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(bundled_dataset_path())


@pytest.mark.parametrize("lang, qualified", [("zh", ["25万+", "≈2万", "≥21", "200+"]),
                                             ("en", ["250k+", "≈20k", "≥21", "200+"])])
def test_the_pdf_holds_every_indicator_s_name_and_values_with_their_qualifiers(tmp_path, qapp, bundled, lang,
                                                                               qualified):
    out = tmp_path / "tall.pdf"
    assert main(["export", "--format", "pdf", "--size", TALL, "--lang", lang, "-o", str(out)]) == 0
    text = pdf_text(out)
    session = Session(bundled)
    session.state.language = lang
    words = expected(session, lang)
    assert len(shown_rows(session)) == 46 and set(qualified) <= set(words)
    assert [word for word in words if squeezed(word) not in text] == []
    assert squeezed(tr("indicators.title", lang)) in text
    assert page_of(bundled, lang, PageSize(*map(int, TALL.split("x")))).band.left_out == 0  # all of them fit


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_indicators_leaves_them_out(tmp_path, qapp, bundled, lang):
    out = tmp_path / "plain.pdf"
    assert main(["export", "--format", "pdf", "--size", TALL, "--no-indicators", "--lang", lang,
                 "-o", str(out)]) == 0
    text = pdf_text(out)
    session = Session(bundled)
    session.state.language = lang
    names = [squeezed(tr("indicators.label_unit", lang, label=row.label(lang), unit=UNITS[row.unit].get(lang)))
             for row in shown_rows(session)]
    assert not [name for name in names if name in text]
    assert squeezed(tr("indicators.title", lang)) not in text and "25万+" not in text and "250k+" not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_svg_has_the_names_and_values_as_text(tmp_path, qapp, lang):
    dataset = load_dataset(DATA / "archive.yaml")
    page = page_of(dataset, lang, PageSize(1600, 900))
    assert page.indicators and page.band.left_out == 0
    out = tmp_path / "page.svg"
    write_page(page, out, "svg")
    texts = svg_texts(ET.parse(out).getroot())
    words = expected(page.session, lang)
    assert {"25万+", "~33万", "≈52万"} <= set(words) if lang == "zh" else {"250k+", "~330k", "≈520k"} <= set(words)
    assert [word for word in words if squeezed(word) not in squeezed("".join(texts))] == []  # names wrap
    assert {word for word in words if not word.endswith(")")} <= set(texts)  # each value a text of its own


def test_a_page_without_indicators_has_no_band_and_the_lanes_take_the_height(qapp):
    small = load_dataset(DATA / "small.yaml")
    bare = dataclasses.replace(small, indicators=())
    size = PageSize.of_paper("A4")
    with_rows, without, off = page_of(small, "en", size), page_of(bare, "en", size), page_of(small, "en", size, False)
    assert with_rows.indicators and with_rows.band.height > 2 * TRACK_HEIGHT
    assert not without.indicators and without.band.height == 0 and not off.indicators
    assert without.frame.height == off.frame.height
    assert without.frame.height == pytest.approx(with_rows.frame.height + with_rows.band.height + 12)
    assert without.headed_bottom == without.frame_top + without.frame.height


def test_the_rows_stand_under_the_lanes_on_the_timeline_s_axis_an_uncertain_year_hollow(qapp, bundled):
    """Drawn at four times the layout: a figure's dot stands where the timeline puts its year,
    filled for a known year (2013) and hollow for an inferred one (2023?)."""
    page = page_of(bundled, "en", PageSize(1600, 900))
    band, frame = page.band, page.frame
    assert band.top >= page.frame_top + frame.height
    assert band.top + band.height <= page.footer_box.top()
    land = next(layout for layout in band.layouts if layout.row.measure == "land-area")
    track = land.row.tracks[0]
    known = next(row for row in band.layouts if row.row.measure == "full-senior-titles").row.tracks[0].figures[0]
    assert str(track.figures[1].point.date) == "2023?" and str(known.point.date) == "2013"
    scale = 4
    image = QImage(1600 * scale, 900 * scale, QImage.Format.Format_RGB32)
    image.fill(page.theme.base)
    painter = QPainter(image)
    painter.scale(scale, scale)
    page.paint(painter)
    painter.end()
    color = page.theme.branch(track.branch)

    def dot(layout, figure):
        base = band.top + layout.top + ROW_PADDING + TRACK_HEIGHT - 3
        y = base - (TRACK_HEIGHT - 7) * float(figure.point.value) / layout.row.top
        return image.pixelColor(round((32 + frame.px(figure.x)) * scale), round(y * scale))

    senior = next(layout for layout in band.layouts if layout.row.measure == "full-senior-titles")
    assert dot(senior, known).name() == color.name()  # filled
    assert dot(land, track.figures[1]).name() == page.theme.base.name()  # hollow: the year is uncertain


def test_rows_that_do_not_fit_are_counted_and_hidden_branches_have_no_tracks(tmp_path, qapp, bundled):
    page = page_of(bundled, "zh", PageSize.of_paper("A4"))
    assert 0 < len(page.band.layouts) < 46 and page.band.left_out == 46 - len(page.band.layouts)
    out = tmp_path / "a4.pdf"
    write_page(page, out, "pdf")
    assert squeezed(page.band.note) in pdf_text(out)
    hidden = page_of(bundled, "zh", PageSize(1600, 900), hidden=frozenset({"xiushan"}))
    assert all(track.branch != "xiushan" for layout in hidden.band.layouts for track in layout.row.tracks)
    only = ({i.measure for i in bundled.indicators if i.branch == "xiushan"}
            - {i.measure for i in bundled.indicators if i.branch != "xiushan"})
    assert only and not only & {row.measure for row in shown_rows(hidden.session)}


def test_the_rows_keep_within_a_sheet_s_clip(qapp, bundled):
    """A poster's sheet is drawn through a clip: the rows' tracks stay inside it too."""
    page = page_of(bundled, "en", PageSize(1600, 900))
    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.magenta)
    painter = QPainter(image)
    painter.setClipRect(QRectF(0, 0, 800, 900))
    page.paint(painter)
    painter.end()
    right = image.copy(800, 0, 800, 900)
    untouched = QImage(right.size(), right.format())
    untouched.fill(Qt.GlobalColor.magenta)
    assert right == untouched


def test_a_poster_s_sheets_hold_the_values_they_show_and_repeat_the_names(tmp_path, qapp, bundled):
    out = tmp_path / "poster.pdf"
    assert main(["export", "--format", "pdf", "--paper", "A3", "--pages", "2x1", "--lang", "en", "-o", str(out)]) == 0
    first, second = (squeezed(sheet.extract_text()) for sheet in pypdf.PdfReader(out).pages)
    assert "250k+" in first and "250k+" not in second  # 2013's figure, left of the middle
    assert "430k+" in second and "430k+" not in first  # 2023's
    name = squeezed("Outpatient and emergency visits (visits)")
    assert name in first and name in second  # with the lane headers, on every sheet

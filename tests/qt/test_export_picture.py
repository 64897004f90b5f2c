"""The exported page (issue #17): the files themselves, read back — PNG pixels and resolution, SVG
text, PDF pages, fonts and extracted text — in both languages, posters over several sheets, the
print preview, and the command line's errors."""

import datetime as dt
import struct
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrintPreviewWidget

from pdf_checks import font_names, page_fonts, unembedded_fonts
from timeline_app.cli import main
from timeline_app.dataset import bundled_dataset_path, load_dataset
from timeline_app.qt.app import create_application
from timeline_app.qt.export.picture import PLAIN_SHAPING, ExportError, Page, PageSize, image_limit, write_page
from timeline_app.qt.export.printing import PagePreview
from timeline_app.qt.fonts import BUNDLED_FAMILY
from timeline_app.qt.colors import Theme
from timeline_app.qt.palettes import palette_for
from timeline_app.viewmodel import Session

pypdf = pytest.importorskip("pypdf", reason="pypdf reads the PDFs back (the [test] extra)")

SVG = "{http://www.w3.org/2000/svg}"
MM_PER_PT = 25.4 / 72


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(bundled_dataset_path())


@pytest.fixture
def page_of(qapp, dataset):
    """A page of the bundled dataset's whole decade in ``lang``, at ``size``."""
    create_application()  # the bundled fonts, as the command line has them

    def page_of(lang: str, size: PageSize = PageSize(1600, 900), searchable: bool = False) -> Page:
        session = Session(dataset)
        session.state.language = lang
        return Page(session, size, Theme(palette_for("light"), False, dataset), dt.date(2026, 12, 3), "alliance.yaml",
                    searchable)

    return page_of


def placed_titles(page: Page) -> list[str]:
    titles = [label.text.text for label in page.frame.labels]
    assert len(titles) >= 10  # the whole decade has many labels even on a slide
    return titles


def svg_texts(root) -> list[str]:
    """Each drawn text: Qt writes one ``<g>`` per text drawn, and in it one ``<text>`` per run of
    a script (Han, Latin, punctuation), so "牵头组建“1+3+N”县域医共体" comes in three."""
    return ["".join(t.text or "" for t in g.findall(f"{SVG}text")) for g in root.iter(f"{SVG}g")
            if g.find(f"{SVG}text") is not None]


def png_header(path: Path) -> tuple[int, int, int | None]:
    """(width, height, pixels per metre) read from the PNG's own chunks."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    at = data.find(b"pHYs")
    ppm = struct.unpack(">I", data[at + 4:at + 8])[0] if at > 0 else None
    return width, height, ppm


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_svg_holds_every_placed_title_as_text_and_no_image(page_of, tmp_path, lang):
    page = page_of(lang)
    out = tmp_path / "page.svg"
    write_page(page, out, "svg")
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG}svg" and root.get("viewBox") == "0 0 1600 900"
    assert not list(root.iter(f"{SVG}image"))
    texts = svg_texts(root)
    assert page.title in texts
    missing = [title for title in placed_titles(page) if title not in texts]
    assert not missing
    families = {t.get("font-family") for t in root.iter(f"{SVG}text")}
    assert families == {"Timeline Noto Sans SC"}  # the bundled face, named: no fallback picked elsewhere
    assert any(t.startswith(("Sources:", "资料来源：")) for t in texts)
    legend = [c.name.get(lang) for c in page.session.dataset.categories]
    assert [name for name in legend if name in texts] == legend


def test_png_has_the_size_and_resolution_asked_for(page_of, tmp_path):
    page = page_of("en", PageSize(800, 450))
    out = tmp_path / "page.png"
    write_page(page, out, "png", dpi=192)
    width, height, ppm = png_header(out)
    assert (width, height) == (1600, 900)
    assert ppm == round(192 / 0.0254)
    assert out.stat().st_mode & 0o044  # readable by others, as a new file is (not mkstemp's 0600)
    assert [p.name for p in tmp_path.iterdir()] == ["page.png"]  # no temporary file left


def test_png_scales_the_layout_not_lays_it_out_again(page_of, tmp_path):
    """At twice the dpi the same picture, twice as large: its pixels at half scale match closely."""
    page = page_of("zh", PageSize(800, 450))
    write_page(page, tmp_path / "1.png", "png", dpi=96)
    write_page(page, tmp_path / "2.png", "png", dpi=192)
    small, large = QImage(str(tmp_path / "1.png")), QImage(str(tmp_path / "2.png"))
    reduced = large.scaled(small.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)
    differ = sum(1 for y in range(0, 450, 3) for x in range(0, 800, 3)
                 if abs(small.pixelColor(x, y).lightness() - reduced.pixelColor(x, y).lightness()) > 60)
    assert differ < 0.03 * (800 * 450 / 9)


def test_an_image_beyond_the_limit_is_refused_with_the_limit_named(page_of, tmp_path):
    page = page_of("en", PageSize.of_paper("A0"))
    out = tmp_path / "poster.png"
    with pytest.raises(ExportError, match=f"the limit is {image_limit() >> 20} MB"):
        write_page(page, out, "png", dpi=2400)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_text_extracts_every_placed_title(page_of, tmp_path, lang):
    """Every title on the page is found in the PDF's text, Chinese and English, digits, "fi" and "…"
    included. (pypdf breaks lines between a title's runs of script and writes spaces as tabs:
    whitespace is not compared.)"""
    page = page_of(lang, PageSize.of_paper("A3"), searchable=True)
    out = tmp_path / "page.pdf"
    write_page(page, out, "pdf")
    text = "".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    titles = [page.title, *placed_titles(page)]
    assert any(any(c.isdigit() for c in t) for t in titles) and any("…" in t for t in titles)
    missing = [title for title in titles if "".join(title.split()) not in text]
    assert not missing


def test_every_character_of_the_dataset_and_the_catalogs_extracts_from_a_pdf_as_itself(qapp, tmp_path):
    """The bundled face maps each glyph to one ordinary character: no glyph answers to a rarer
    code point that comes first (the en dash to U+2012, the fullwidth tilde to U+301C)."""
    create_application()
    root = Path(__file__).parents[2]
    text = "".join(path.read_text(encoding="utf-8") for path in [bundled_dataset_path(),
                   *(root / "timeline_app" / "i18n" / "catalogs").glob("*.py")])
    chars = sorted({c for c in text if unicodedata.category(c)[0] not in "ZC"} | {"–", "～"})
    lines = ["".join(chars[i:i + 50]) for i in range(0, len(chars), 50)]
    out = tmp_path / "chars.pdf"
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
    writer.setResolution(300)
    painter = QPainter(writer)
    font = QFont()
    font.setFamilies([BUNDLED_FAMILY])
    font.setPixelSize(30)
    for feature in PLAIN_SHAPING:
        font.setFeature(QFont.Tag(feature), 0)
    painter.setFont(font)
    for row, line in enumerate(lines):
        painter.drawText(20, 40 + row * 40, line)
    painter.end()
    got = "".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert len(chars) > 500
    assert [(want, have) for want, have in zip("".join(lines), got) if want != have] == []
    assert len(got) == len(chars)


def test_pdf_text_shaped_as_on_screen_does_not_extract(page_of, tmp_path):
    """Why the PDF's page turns "liga" and "locl" off: with them, English titles come out garbled."""
    page = page_of("en", PageSize.of_paper("A3"))
    out = tmp_path / "page.pdf"
    write_page(page, out, "pdf")
    text = "".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert any("".join(t.split()) not in text for t in placed_titles(page))


@pytest.mark.parametrize("paper, landscape, mm", [("A4", True, (297, 210)), ("A4", False, (210, 297)),
                                                  ("A0", True, (1189, 841))])
def test_pdf_page_is_the_paper_asked_for_with_every_font_embedded(tmp_path, qapp, paper, landscape, mm):
    out = tmp_path / "page.pdf"
    assert main(["export", "--format", "pdf", "--paper", paper.lower(), "--landscape" if landscape else "--portrait",
                 "--lang", "zh", "-o", str(out)]) == 0
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * MM_PER_PT), round(float(box.height) * MM_PER_PT)) == mm
    assert page_fonts(reader.pages[0]) and not unembedded_fonts(reader.pages[0])
    assert font_names(reader.pages[0]) >= {"TimelineNotoSansSC-Regular", "TimelineNotoSansSC-Bold"}


def test_cli_png_size_and_dpi(tmp_path, qapp):
    out = tmp_path / "slide.png"
    assert main(["export", "--format", "png", "--size", "1000x500", "--dpi", "144", "--lang", "en",
                 "-o", str(out)]) == 0
    assert png_header(out) == (1500, 750, round(144 / 0.0254))


def test_cli_paper_png_is_the_sheet_at_the_dpi(tmp_path, qapp):
    out = tmp_path / "sheet.png"
    assert main(["export", "--format", "png", "--paper", "A4", "--portrait", "--dpi", "100", "-o", str(out)]) == 0
    width, height, _ = png_header(out)
    assert (width, height) == (round(210 / 25.4 * 100), round(297 / 25.4 * 100))


def test_a_range_with_nothing_in_it_is_said_and_the_page_still_written(tmp_path, qapp, capsys):
    out = tmp_path / "empty.svg"
    assert main(["export", "--format", "svg", "--range", "2012-01/2012-02", "--lang", "en", "-o", str(out)]) == 0
    assert "nothing in" in capsys.readouterr().err
    texts = svg_texts(ET.parse(out).getroot())
    assert "No milestones in this period" in texts


@pytest.mark.parametrize("args, message", [
    (["--format", "gif"], "invalid choice: 'gif'"),
    (["--format", "pdf", "--paper", "B5"], "invalid choice: 'B5'"),
    (["--format", "png", "--size", "800x600", "--paper", "A4"], "cannot be used together"),
    (["--format", "png", "--select", "no-such-milestone"], "no milestone with id 'no-such-milestone'"),
    (["--format", "png", "--paper", "A0", "--dpi", "2400"], "the limit is"),
])
def test_bad_requests_get_a_clear_error_and_no_file(tmp_path, qapp, capsys, args, message):
    out = tmp_path / "out.file"
    assert main(["export", *args, "--lang", "en", "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_an_unwritable_path_is_named(tmp_path, qapp, capsys):
    out = tmp_path / "missing" / "page.pdf"
    assert main(["export", "--format", "pdf", "-o", str(out)]) == 2
    assert f"{tmp_path / 'missing'}: No such file or directory" in capsys.readouterr().err


def test_a_picture_cannot_go_to_standard_output(qapp, capsys):
    assert main(["export", "--format", "png", "--lang", "en", "-o", "-"]) == 2
    assert "standard output" in capsys.readouterr().err


@pytest.mark.parametrize("part", [(0, 1), (0.1, 0.2), (0.5, 0.52), (0.0, 0.03)])
def test_the_page_cites_the_milestones_its_timeline_shows(page_of, part):
    """The footer's sources and "nothing in this period" go by the milestones in view, counted
    without asking the frame's badges (slow on a big archive): the same ones the frame draws."""
    page = page_of("en")
    x0, x1 = page.session.state.x_range
    page.session.state.x_range = (x0 + part[0] * (x1 - x0), x0 + part[1] * (x1 - x0))
    page = Page(page.session, page.size, page.theme, dt.date(2026, 12, 3))
    frame = page.frame
    drawn = {marker.milestone for marker in frame.markers}
    for badge in frame.badges:
        drawn.update(frame.badge_members(badge))
    assert set(page.shown) == drawn


def test_a_poster_s_sheets_cover_the_page_each_overlapping_the_one_before():
    size = PageSize.of_paper("A4", True, (3, 2))
    (sheet_w, sheet_h), overlap = size.sheet, size.overlap
    assert overlap == pytest.approx(10 / 25.4 * 96 / size.scale)
    windows = size.windows()
    assert len(windows) == 6
    for row in range(2):
        line = windows[3 * row:3 * row + 3]
        assert [start for _, _, start in line] == [0, size.header, size.header]  # headers again after the first
        ends = [x + sheet_w - start for x, _, start in line]
        assert [x for x, _, _ in line[1:]] == pytest.approx([end - overlap for end in ends[:-1]])
        assert ends[-1] == pytest.approx(size.width)
        assert {y for _, y, _ in line} == {row * (sheet_h - overlap)}
    assert windows[-1][1] + sheet_h == pytest.approx(size.height)
    assert size.scale == pytest.approx((420 / 210) ** 0.85)  # type for the poster's short side, 2 sheets high


def test_pdf_pages_tile_the_page_over_sheets_with_the_headers_on_each(tmp_path, qapp, dataset, page_of):
    out = tmp_path / "poster.pdf"
    assert main(["export", "--format", "pdf", "--paper", "A4", "--pages", "3x2", "--lang", "en", "-o", str(out)]) == 0
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 6
    for sheet in reader.pages:
        assert (round(float(sheet.mediabox.width) * MM_PER_PT), round(float(sheet.mediabox.height) * MM_PER_PT)) \
            == (297, 210)
    texts = ["".join(sheet.extract_text().split()) for sheet in reader.pages]
    page = page_of("en", PageSize.of_paper("A4", True, (3, 2)), searchable=True)
    (sheet_w, sheet_h), left, top = page.size.sheet, 32.0, page.frame_top

    def sheets_showing(box, header: bool = False) -> list[int]:
        """The sheets whose part of the page meets ``box`` (frame px); a lane header is shown
        again at the left of every sheet of its row."""
        return [k for k, (x, y, start) in enumerate(page.size.windows())
                if (header or (box.left + left < x + sheet_w - start and box.right + left > x))
                and box.top + top < y + sheet_h and box.bottom + top > y]

    def sheets_holding(text: str) -> list[int]:
        return [k for k, held in enumerate(texts) if "".join(text.split()) in held]

    everything = [page.title, page.summary, page.footer, *(entry.text.text for entry in page.legend),
                  *(t.text for t in page.frame.texts), *(label.text.text for label in page.frame.labels)]

    def unique(text: str) -> bool:
        """Found only where it is drawn: no other text of the page holds it."""
        return sum(text in other for other in everything) == 1

    headers = [t for t in page.frame.texts if t.style == "header" and unique(t.text)]
    assert len(headers) >= 2
    for header in headers:
        assert sheets_holding(header.text) == sheets_showing(header.box, header=True), header.text
        assert len(sheets_holding(header.text)) >= 3  # a whole row of sheets
    labels = [label.text for label in page.frame.labels if unique(label.text.text)]
    assert len(labels) >= 10
    for label in labels:
        assert sheets_holding(label.text) == sheets_showing(label.box), label.text


def test_pages_are_for_pdf_on_paper(tmp_path, qapp, capsys):
    assert main(["export", "--format", "png", "--pages", "2x1", "--paper", "A4", "--lang", "en",
                 "-o", str(tmp_path / "x.png")]) == 2
    assert "--pages is for PDF" in capsys.readouterr().err
    assert main(["export", "--format", "pdf", "--pages", "2x1", "--size", "800x600", "--lang", "en",
                 "-o", str(tmp_path / "x.pdf")]) == 2
    assert "give --paper" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("pages", [(1, 1), (2, 2)])
def test_print_preview_shows_the_page_sheet_by_sheet(qtbot, page_of, pages):
    page = page_of("zh", PageSize.of_paper("A3", False, pages), searchable=True)
    preview = PagePreview(page)
    qtbot.addWidget(preview)
    widget = preview.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() == pages[0] * pages[1]
    size = preview.printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (297, 420)

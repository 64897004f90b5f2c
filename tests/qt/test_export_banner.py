"""A long banner (issue #17): pages measured in millimetres, and PDF pages beyond 200 in written as
PDF 1.6 with /UserUnit — the size asked for, the text extracting, the fonts embedded, and
poppler able to draw it; PDF/A, which has no /UserUnit, refused with the limit named."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtGui import QImage

from pdf_checks import font_names, page_fonts, unembedded_fonts
from timeline_app.cli import main
from timeline_app.qt.export.picture import PageSize, sheet_unit
from timeline_app.qt.export.user_unit import UserUnitError, set_user_unit, user_unit

pypdf = pytest.importorskip("pypdf", reason="pypdf reads the PDFs back (the [test] extra)")

MM_PER_PT = 25.4 / 72


def banner(tmp_path, lang: str, size: str = "6000x900mm", *more: str):
    out = tmp_path / f"banner-{lang}.pdf"
    assert main(["export", "--format", "pdf", "--size", size, "--lang", lang, "-o", str(out), *more]) == 0
    return out


@pytest.mark.parametrize("inches, unit", [((200, 100), 1), ((200.01, 10), 2), ((6000 / 25.4, 900 / 25.4), 2),
                                          ((10, 400), 2), ((401, 10), 3), ((1000, 1000), 5)])
def test_the_unit_is_the_smallest_that_brings_each_side_within_200_in(inches, unit):
    assert user_unit(*inches) == unit


def test_a_page_in_millimetres_is_that_size_with_type_grown_as_paper_s():
    a0 = PageSize.of_paper("A0")
    same = PageSize.of_mm(1189, 841)
    assert same.scale == pytest.approx(a0.scale)
    assert (same.width, same.height) == pytest.approx((a0.width, a0.height), abs=0.5)
    strip = PageSize.of_mm(6000, 900)
    assert [round(side * 25.4) for side in strip.inches] == [6000, 900]
    assert sheet_unit(strip) == 2 and sheet_unit(a0) == 1


@pytest.mark.parametrize("lang, title", [("zh", "重医附二院医联体十年"), ("en", "Ten years of the CQMU Second Hospital")])
def test_a_6_m_banner_is_pdf_1_6_with_a_user_unit_its_text_and_fonts_whole(tmp_path, qapp, lang, title):
    out = banner(tmp_path, lang)
    reader = pypdf.PdfReader(out, strict=True)  # the moved cross-reference table reads without repair
    assert reader.pdf_header == "%PDF-1.6"
    page = reader.pages[0]
    assert page.user_unit == 2
    box = page.mediabox
    assert max(float(box.width), float(box.height)) <= 14_400
    size_mm = [float(side) * page.user_unit * MM_PER_PT for side in (box.width, box.height)]
    assert size_mm == pytest.approx([6000, 900], abs=page.user_unit * MM_PER_PT)  # Qt sizes pages in whole points
    assert "".join(title.split()) in "".join(page.extract_text().split())
    assert page_fonts(page) and not unembedded_fonts(page)
    assert font_names(page) >= {"TimelineNotoSansSC-Regular", "TimelineNotoSansSC-Bold"}
    raw = out.read_bytes()
    assert raw.count(b"/UserUnit") == 1 and b"/UserUnit 2\n" in raw


def test_a_page_within_200_in_keeps_pdf_1_4_and_no_user_unit(tmp_path, qapp):
    out = banner(tmp_path, "en", "5000x900mm")
    raw = out.read_bytes()
    assert raw.startswith(b"%PDF-1.4") and b"/UserUnit" not in raw
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert round(float(box.width) * MM_PER_PT) == 5000


@pytest.mark.skipif(not all(map(shutil.which, ("pdffonts", "pdftotext", "pdftoppm"))), reason="poppler-utils absent")
def test_poppler_reads_and_draws_the_banner(tmp_path, qapp):
    out = banner(tmp_path, "zh")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "重医附二院医联体十年" in text and "巫山分院挂牌" in text
    subprocess.run(["pdftoppm", "-r", "4", "-png", "-singlefile", str(out), str(tmp_path / "look")], check=True)
    image = QImage(str(tmp_path / "look.png"))
    assert image.width() > 5 * image.height()  # the banner's shape, whether poppler honours the unit or not
    corner, middle = image.pixelColor(image.width() - 2, 1), image.pixelColor(image.width() // 2, image.height() // 2)
    assert corner.lightness() > 240 and middle != corner  # a white page with the lanes drawn on it


def test_an_archival_banner_beyond_200_in_is_refused_with_the_limit_named(tmp_path, qapp, capsys):
    out = tmp_path / "banner.pdf"
    assert main(["export", "--format", "pdf", "--pdfa", "--size", "6000x900mm", "--lang", "en", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"timeline-app: {out}: ") and "5080 mm (200 in)" in err and "6000 × 900 mm" in err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("size", ["5x900mm", "60000x900mm", "6000x900cm"])
def test_a_size_in_millimetres_out_of_bounds_is_refused(tmp_path, qapp, capsys, size):
    assert main(["export", "--format", "pdf", "--size", size, "-o", str(tmp_path / "x.pdf")]) == 2
    assert "--size" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_a_file_not_as_qt_writes_it_is_not_touched():
    with pytest.raises(UserUnitError, match="PDF 1.6"):
        set_user_unit(b"%PDF-1.4\n", 2)
    with pytest.raises(UserUnitError, match="startxref"):
        set_user_unit(b"%PDF-1.7\n1 0 obj\n<< /Type /Page >>\nendobj\n", 2)

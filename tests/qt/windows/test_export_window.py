"""File → Export Picture… and Print Preview (Ctrl+P) in the viewer: the page of what the window shows."""

import struct

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog

from archivist import open_window

from timeline_app.qt.export.dialog import ExportPictureDialog
from timeline_app.qt.export.printing import PagePreview
from timeline_app.i18n import tr
from timeline_app.viewmodel.timescale import range_caption

pypdf = pytest.importorskip("pypdf", reason="pypdf reads the PDFs back (the [test] extra)")


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def save_as(monkeypatch, name: str, chosen: str):
    """The file dialog answers ``name`` with filter ``chosen``, as a user would."""
    asked = []

    def dialog(*args, **kwargs):
        asked.append(args)
        return name, chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    return asked


def open_dialog(window, qtbot) -> ExportPictureDialog:
    """File → Export Picture…, as a user opens it: the dialog with its preview."""
    window.action_set.actions["file.export_picture"].trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, ExportPictureDialog) and w.isVisible() for w in window.findChildren(QDialog)))
    return next(w for w in window.findChildren(ExportPictureDialog) if w.isVisible())


def test_export_picture_writes_what_the_window_shows_as_a_pdf(window, monkeypatch, tmp_path, qtbot):
    window.action_set.actions["lang.en"].trigger()
    selected = window.session.dataset.milestones[3]
    window.navigator.select(selected.id)
    window.navigator.set_range((window.session.state.x_range[0], window.session.state.x_range[0] + 900))
    asked = save_as(monkeypatch, str(tmp_path / "view.pdf"), "PDF (*.pdf)")
    dialog = open_dialog(window, qtbot)
    assert not dialog.preview.pixmap().isNull()  # the page, shown before it is written
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert asked and dialog.written == tmp_path / "view.pdf"
    reader = pypdf.PdfReader(tmp_path / "view.pdf")
    assert round(float(reader.pages[0].mediabox.width)) == 842  # A4, landscape
    text = "".join(reader.pages[0].extract_text().split())
    state = window.session.state
    assert "".join(range_caption(*state.x_range, "en").split()) in text
    assert "".join(window.session.dataset.title.en.split()) in text


def test_a_png_slide_is_written_at_twice_its_size_with_its_ending_added(window, monkeypatch, tmp_path, qtbot):
    save_as(monkeypatch, str(tmp_path / "slide"), "PNG (*.png)")
    dialog = open_dialog(window, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    dialog.size.setCurrentIndex(dialog.size.findData(None))  # the slide
    assert not dialog.archival.isEnabled() and not dialog.columns.isEnabled() and dialog.dpi.value() == 192
    dialog.accept()
    data = (tmp_path / "slide.png").read_bytes()
    assert struct.unpack(">II", data[16:24]) == (3200, 1800)  # a 1600x900 slide at 192 dpi


def test_the_dialog_makes_posters_and_archival_pdfs_of_the_whole_decade(window, monkeypatch, tmp_path, qtbot):
    window.navigator.set_range((window.session.state.x_range[0], window.session.state.x_range[0] + 400))
    save_as(monkeypatch, str(tmp_path / "poster.pdf"), "PDF (*.pdf)")
    dialog = open_dialog(window, qtbot)
    before = dialog.preview.pixmap().toImage()
    dialog.size.setCurrentIndex(dialog.size.findData("A3"))
    dialog.columns.setValue(2)
    dialog.decade.setChecked(True)
    assert dialog.preview.pixmap().toImage() != before  # the preview follows the choices
    dialog.archival.setChecked(True)
    dialog.accept()
    reader = pypdf.PdfReader(tmp_path / "poster.pdf")
    assert len(reader.pages) == 2
    metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>1</pdfaid:part>" in metadata
    caption = "".join(range_caption(*window.session.full_range(), window.language()).split())
    assert caption in "".join(reader.pages[0].extract_text().split())  # the decade, not the window's 400 days
    assert dialog.page().session.state.x_range == window.session.full_range()


def test_ctrl_p_opens_the_print_preview_of_the_page(window, qtbot):
    window.action_set.actions["lang.en"].trigger()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, PagePreview) and w.isVisible() for w in QApplication.topLevelWidgets()))
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PagePreview))
    assert preview.page.lang == "en" and preview.page.session is window.session
    widget = preview.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() == 1
    preview.close()


def test_the_page_says_the_filter_in_force_and_shows_only_what_it_lets_through(window, monkeypatch, tmp_path, qtbot):
    from timeline_app.viewmodel.filter_words import describe_filter
    from timeline_app.viewmodel.state import Filter

    hidden = window.session.dataset.branches[0]
    window.session.state.filter = Filter(hidden_branches=frozenset({hidden.id}))
    save_as(monkeypatch, str(tmp_path / "filtered.svg"), "SVG (*.svg)")
    dialog = open_dialog(window, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("svg"))
    dialog.accept()
    svg = (tmp_path / "filtered.svg").read_text(encoding="utf-8")
    lang = window.session.state.language
    assert describe_filter(window.session.state.filter, window.session.dataset, lang) in svg
    hidden_titles = [m.title.get(lang) for m in window.session.dataset.milestones if m.branch == hidden.id]
    assert hidden_titles and not any(f">{title}<" in svg for title in hidden_titles)


def test_the_dialog_s_box_and_the_print_preview_s_toggle_leave_the_rows_out(window, qtbot, monkeypatch, tmp_path):
    """The indicator rows are on where the dataset has some; unticked, the preview and the file lose them."""
    window.action_set.actions["lang.en"].trigger()
    dialog = open_dialog(window, qtbot)
    assert dialog.indicators.isChecked() and dialog.page().indicators
    before = dialog.preview.pixmap().toImage()
    dialog.indicators.setChecked(False)
    assert dialog.preview.pixmap().toImage() != before and not dialog.page().indicators
    save_as(monkeypatch, str(tmp_path / "page.pdf"), "PDF (*.pdf)")
    dialog.accept()
    assert "Indicators" not in pypdf.PdfReader(tmp_path / "page.pdf").pages[0].extract_text()
    preview = PagePreview(dialog.page().with_indicators(True))
    qtbot.addWidget(preview)
    assert preview.indicators.isChecked() and preview.page.indicators
    widget = preview.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    preview.indicators.trigger()
    assert not preview.page.indicators and widget.pageCount() == 1

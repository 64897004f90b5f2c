"""The bundled CJK font, read on a worker thread while the window's modules load."""

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from timeline_app.qt import fonts
from timeline_app.qt.app import create_application
from timeline_app.qt.fonts import BUNDLED_FAMILY, FontInstall


def test_the_fonts_read_on_a_worker_become_the_default_fonts_fallback(qtbot):
    app = create_application(fonts=False)
    install = FontInstall()
    families = install.finish(app)
    assert BUNDLED_FAMILY in families
    assert BUNDLED_FAMILY in QFontDatabase.families()
    assert QApplication.font().families()[1:] == families  # behind the platform's default family
    assert install.finish(app) == families  # waiting again is harmless


def test_a_font_that_cannot_be_read_stops_the_start_with_its_name(qtbot, tmp_path, monkeypatch):
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "Broken.otf").write_bytes(b"not a font")
    monkeypatch.setattr(fonts, "resource_path", lambda name: tmp_path / name)
    app = create_application(fonts=False)
    install = FontInstall()
    with pytest.raises(RuntimeError, match="Broken.otf"):
        install.finish(app)


def test_a_second_start_in_the_process_adds_no_font_and_keeps_the_style(qtbot, monkeypatch):
    """Adding a font again makes Qt drop its font engines under the views' laid-out text."""
    create_application()
    style = QApplication.style()
    added = []

    class Counting(QFontDatabase):
        @staticmethod
        def addApplicationFont(path):
            added.append(path)
            return QFontDatabase.addApplicationFont(path)

    monkeypatch.setattr(fonts, "QFontDatabase", Counting)
    create_application()
    assert added == []
    assert QApplication.style() is style
    assert BUNDLED_FAMILY in QApplication.font().families()

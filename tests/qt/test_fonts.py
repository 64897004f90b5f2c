"""The bundled CJK font, read on a worker thread while the window's modules load."""

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

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

"""The kiosk fits every screen: the scale is chosen from the screen, so from 1280×800 to
3840×2160, in either language, at home, on the tour and after a tap, every widget a visitor can
see lies on the screen; a screenshot is exactly the size asked for."""

import math
import subprocess
import sys

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import open_kiosk
from timeline_app.viewmodel.screen_fit import REFERENCE_SCALE, fitting_scale, smallest_screen

SCREENS = [(1280, 800), (1366, 768), (1920, 1080), (3840, 2160)]


def off_screen(window) -> list[str]:
    """The visible widgets that are not wholly inside the window."""
    frame = window.rect()
    out = []
    for widget in window.findChildren(QWidget):
        if widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0:
            rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
            if not frame.contains(rect):
                out.append(f"{type(widget).__name__} {widget.objectName()} {rect.getRect()}")
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_visible_widget_is_on_the_screen(qtbot, screen, lang):
    window, _ = open_kiosk(qtbot, language=lang)
    try:
        scale = fitting_scale(*screen)
        logical = (math.floor(screen[0] / scale), math.floor(screen[1] / scale))  # what the screen holds
        window.resize(*logical)
        window.session.state.language = lang
        for state in ("home", "tour", "tap"):
            if state == "tour":
                window.kiosk.start_tour()
            elif state == "tap":
                window.kiosk.input()
                window.navigator.select("xiushan-remote-consultation-2023-07-10")  # the longest summary
            for _ in range(3):
                QApplication.processEvents()
            assert (window.width(), window.height()) == logical, (state, window.minimumSizeHint())
            assert not off_screen(window), (state, off_screen(window))
    finally:
        window.leave()


def test_the_scale_is_the_screens_and_a_configured_one_says_what_it_needs():
    assert fitting_scale(1920, 1080) == REFERENCE_SCALE == 1.5 and fitting_scale(3840, 2160) == 3.0
    assert fitting_scale(1280, 800) == 1.0 and fitting_scale(1366, 768) == pytest.approx(768 / 720)
    assert smallest_screen(1.5) == (1920, 1080)


@pytest.mark.parametrize("size", ["1280x800", "1366x768"])
def test_a_screenshot_is_exactly_the_size_asked_for(tmp_path, size):
    out = tmp_path / "kiosk.png"
    result = subprocess.run([sys.executable, "-m", "timeline_app", "--kiosk", "--screenshot", str(out), "--size",
                             size, "--lang", "en"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert f"{image.width()}x{image.height()}" == size


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_exhibitions_title_is_shown_whole(qtbot, lang):
    """The English title is longer than the header's room: it wraps, it is not cut off."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    window, _ = open_kiosk(qtbot)
    window.navigator.set_language(lang)
    QApplication.processEvents()
    heading = window.heading
    room = heading.contentsRect()
    needed = QFontMetrics(heading.font()).boundingRect(room, int(Qt.TextFlag.TextWordWrap), heading.text())
    assert heading.text() == window.session.dataset.title.get(lang)
    assert needed.width() <= room.width() and needed.height() <= room.height()
    window.leave()

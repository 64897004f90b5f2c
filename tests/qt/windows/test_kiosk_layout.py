"""The kiosk at arm's length: large enough to read and to hit, every card whole, the figures
what the sources say, and the screenshot command that renders it."""

import subprocess
import sys

import pytest
from PySide6.QtGui import QFontMetricsF, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk import open_kiosk
from timeline_app.qt.widgets.kiosk.style import MIN_TARGET_MM, physical_mm
from timeline_app.viewmodel.screen_fit import REFERENCE_SCALE as SCALE


@pytest.fixture
def kiosk(qtbot):
    window, clock = open_kiosk(qtbot)
    yield window
    window.leave()


def test_every_target_is_at_least_nine_millimetres(kiosk):
    kiosk.members.open_members([m.id for m in kiosk.session.matches[:3]])
    kiosk.pin_pad.ask("zh")
    buttons = [b for b in kiosk.findChildren(QAbstractButton) if b.isVisibleTo(kiosk)]
    assert len(buttons) >= 2 + 3 + 1 + 12 + 1  # language, home; members and close; the pad's keys and cancel
    for button in buttons:
        assert physical_mm(min(button.width(), button.height()), SCALE) >= MIN_TARGET_MM, button.text()
    assert physical_mm(kiosk.corner.width(), SCALE) >= 15


def test_text_is_large_enough_to_read_from_a_step_back(kiosk):
    """Body text at least 4 mm high on the reference screen (capital letters, the smallest there are)."""
    kiosk.navigator.select("xiushan-remote-consultation-2023-07-10")  # the longest summary
    labels = [label for label in kiosk.findChildren(QLabel) if label.isVisibleTo(kiosk) and label.text().strip()]
    assert len(labels) > 15
    for label in labels:
        cap = QFontMetricsF(label.font()).capHeight()
        assert physical_mm(cap, SCALE) >= 4.0, label.text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_card_shows_its_whole_summary(kiosk, lang):
    kiosk.session.state.language = lang
    for m in kiosk.session.dataset.milestones:
        kiosk.navigator.select(m.id)
        assert kiosk.card.summary_fits(), (m.id, lang)
        assert kiosk.card.title.text() == m.title.get(lang)


def test_the_figures_are_then_and_now_with_qualifiers_kept(kiosk):
    wushan, xiushan = kiosk.figures.branches
    visits = wushan.figures[0]
    assert visits.indicator.measure == "outpatient-emergency-visits"
    assert visits.values.text() == "25万+ → 43万+"
    assert visits.when.text() == "2013年 → 2023年 · ≈ +72%"  # from "more than" figures: approximate
    assert wushan.figures[1].values.text() == "≈2万 → 3万+"  # 近2万: nearly
    assert [f.indicator.measure for f in xiushan.figures] == [f.indicator.measure for f in wushan.figures]
    assert "第 9 段" in wushan.source.text()
    kiosk.toggle_language()
    assert visits.values.text() == "250k+ → 430k+" and "paragraph 9" in wushan.source.text()


def test_a_screenshot_of_the_kiosk_at_1920_by_1080(tmp_path):
    out = tmp_path / "kiosk.png"
    result = subprocess.run([sys.executable, "-m", "timeline_app", "--kiosk", "--screenshot", str(out), "--size",
                             "1920x1080", "--lang", "en", "--tour-step", "2"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)

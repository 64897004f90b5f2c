"""What draws a visitor in: an attract screen plainly unlike the interactive one (the whole
window, the year and title large, sliding in, the picture where there is one), the card's
picture, a home card that says what there is to find, and no jump when the tour comes and goes."""

from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk import idle, open_kiosk
from timeline_app.i18n import tr
from timeline_app.qt.widgets.kiosk.attract import SLIDE_PX

ARCHIVE = Path(__file__).parents[2] / "data" / "archive.yaml"


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_tour_covers_the_window_with_its_stop_in_large_type_and_nothing_moves_beneath(qtbot):
    window, clock = open_kiosk(qtbot)
    try:
        before = {w: w.geometry() for w in (window.timeline, window.card, window.figures, window.heading)}
        idle(window, clock, 91)
        settle()
        attract, tour = window.attract, window.kiosk.tour
        assert tour.running and attract.isVisible() and attract.geometry() == window.rect()
        m = window.session.dataset.milestone_by_id[tour.current]
        assert attract.title.text() == m.title.zh and str(m.date.earliest.year) in attract.year.text()
        assert attract.year.font().pixelSize() > 2 * window.card.title.font().pixelSize() or \
            attract.year.font().pointSizeF() > 2 * window.card.title.font().pointSizeF()
        idle(window, clock, 25)  # the next stop
        assert attract.title.text() == window.session.dataset.milestone_by_id[tour.current].title.zh
        assert {w: w.geometry() for w in before} == before  # the layout under it did not move
        window.kiosk.input()
        settle()
        assert not attract.isVisible() and {w: w.geometry() for w in before} == before
    finally:
        window.leave()


def test_each_stop_slides_in(qtbot):
    from timeline_app.config import KioskConfig
    from timeline_app.qt.windows.kiosk_window import KioskWindow
    from timeline_app.viewmodel import Session
    from timeline_app.viewmodel.clock import ManualClock

    window = KioskWindow(Session.open(ARCHIVE), KioskConfig(), clock=ManualClock(), animate=True)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    try:
        window.kiosk.start_tour()
        content = window.attract.content
        assert 0 < content.y() <= SLIDE_PX  # it starts below its place...
        qtbot.waitUntil(lambda: content.y() == 0, timeout=3000)  # ...and comes up into it
    finally:
        window.leave()


def test_the_card_and_the_attract_screen_show_the_milestones_picture(qtbot):
    window, clock = open_kiosk(qtbot, ARCHIVE)
    try:
        window.navigator.select("east-trusteeship")  # its media: an image beside the dataset
        settle()
        assert window.card.picture.isVisible() and not window.card.picture.pixmap().isNull()
        window.navigator.select("west-agreement")  # none
        assert not window.card.picture.isVisible()
        window.navigator.select("east-trusteeship")
        window.kiosk.start_tour("east-agreement-not-a-stop")
        window.navigator.select("east-trusteeship")
        assert window.attract.picture.isVisible() and not window.attract.picture.pixmap().isNull()
    finally:
        window.leave()


def test_home_says_what_there_is_to_find(qtbot):
    window, _ = open_kiosk(qtbot)
    try:
        summary = window.card.summary.text()
        assert tr("kiosk.overview", "zh") in summary and "巫山分院" in summary and "秀山分院" in summary
        assert window.card.summary_fits()
        window.toggle_language()
        assert "Wushan Branch" in window.card.summary.text()
    finally:
        window.leave()


def test_a_qr_code_takes_the_source_or_the_exhibition_home(qtbot):
    window, _ = open_kiosk(qtbot, ARCHIVE, take_home="https://example.org/exhibit")
    try:
        take_home = window.card.take_home
        assert take_home.isVisible() and take_home.url == "https://example.org/exhibit"  # at home
        assert take_home.caption.text() == tr("kiosk.take_home", "zh")
        window.navigator.select("east-trusteeship")  # cites a source with its own page
        source = window.session.dataset.source_by_id["east-article"]
        assert source.url and take_home.url == source.url and not take_home.code.pixmap().isNull()
        codes = take_home.code.pixmap().cacheKey()
        window.navigator.select(None)
        window.navigator.select("east-trusteeship")
        assert take_home.code.pixmap().cacheKey() == codes  # drawn once, shown again
    finally:
        window.leave()


def test_the_exhibitions_address_is_checked(tmp_path):
    from timeline_app.cli import main

    config = tmp_path / "kiosk.yaml"
    config.write_text("kiosk:\n  take_home: example.org\n", encoding="utf-8")
    assert main(["validate-config", str(config), "--lang", "en"]) == 1

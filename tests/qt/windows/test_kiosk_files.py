"""Never an empty hall: the kiosk starts on whatever it can show (its dataset, the last good
copy, or a notice that the exhibition is being updated), never exits into a restart loop over
its files, and follows its dataset and configuration, showing a change only at the next reset."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from timeline_app.cli import main
from timeline_app.config import load_config
from timeline_app.dataset.last_good import LastGoodCopies
from timeline_app.i18n import tr
from timeline_app.qt.app import KIOSK_LEFT
from timeline_app.qt.windows.kiosk_window import KioskWindow
from timeline_app.viewmodel import Session
from timeline_app.viewmodel.clock import ManualClock
from kiosk import idle

SMALL = (Path(__file__).parents[2] / "data" / "small.yaml").read_text(encoding="utf-8")
BROKEN = SMALL.replace("date: 2013-06-28", "date: 2013-13-28")
RENAMED = SMALL.replace("测试医联体", "改过的医联体")


def shown_branches(window) -> set[str]:
    return {m.branch for m in window.session.matches}


PATHS = [Path(__file__).parents[3], Path(__file__).parents[2]]  # the package, and the tests' helpers


_STARTED = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from timeline_app.cli import main
from timeline_app.qt.app import create_application
from timeline_app.qt.windows.kiosk_window import KioskWindow
from widget_text import visible_texts

seen = {}

def look():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow) and w.isVisible())
    try:
        seen.update(updating=window.pages.currentWidget() is window.updating, title=window.heading.text(),
                    texts=visible_texts(window), branches=sorted({m.branch for m in window.session.matches}))
    finally:
        window.leave()

create_application()
QTimer.singleShot(0, look)
code = main(["--kiosk", *sys.argv[1:]])
print(json.dumps({"code": code, **seen}))
"""


@pytest.fixture
def kiosk_started():
    """Runs the command line's kiosk, in a process of its own, until its window has been looked
    at: (exit code, what it showed, what it said on stderr)."""

    def start(*args: str) -> tuple[int, dict, str]:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join(map(str, PATHS))}
        result = subprocess.run([sys.executable, "-c", _STARTED, *args], capture_output=True, text=True,
                                timeout=120, env=env)
        assert result.stdout.strip(), result.stderr
        seen = json.loads(result.stdout.strip().splitlines()[-1])
        return seen.pop("code"), seen, result.stderr

    return start


def test_a_missing_dataset_starts_on_its_last_good_copy(kiosk_started, tmp_path):
    path = tmp_path / "alliance.yaml"
    path.write_text(SMALL, encoding="utf-8")
    LastGoodCopies().load(path)  # it loaded once: its copy was kept
    path.unlink()
    code, seen, _ = kiosk_started(str(path))
    assert code == KIOSK_LEFT  # it ran until staff left, rather than exiting 2
    assert not seen["updating"] and seen["title"] == "测试医联体"


@pytest.mark.parametrize("text", [None, BROKEN])
def test_with_no_last_good_copy_visitors_are_told_it_is_being_updated(kiosk_started, tmp_path, text):
    path = tmp_path / "never-loaded.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    code, seen, _ = kiosk_started(str(path))
    assert code == KIOSK_LEFT and seen["updating"]
    for lang in ("zh", "en"):
        assert tr("kiosk.updating", lang) in seen["texts"]


def test_a_configuration_naming_a_branch_the_file_lacks_still_opens(kiosk_started, tmp_path):
    path = tmp_path / "alliance.yaml"
    path.write_text(SMALL, encoding="utf-8")
    config = tmp_path / "kiosk.yaml"
    config.write_text("kiosk:\n  dataset: alliance.yaml\n  branches: [north, wushan]\n  tour: highlights\n",
                      encoding="utf-8")
    code, seen, err = kiosk_started("--config", str(config), "--lang", "en")
    assert code == KIOSK_LEFT and not seen["updating"]
    assert seen["branches"] == ["north"]  # what the file has is kept
    assert f"{config}:3:" in err and "wushan" in err and f"{config}:4:" in err  # and what it lacks is said


def test_a_configuration_naming_a_branch_of_a_broken_file_with_no_copy_opens_being_updated(kiosk_started, tmp_path):
    (tmp_path / "alliance.yaml").write_text(BROKEN, encoding="utf-8")
    config = tmp_path / "kiosk.yaml"
    config.write_text("kiosk:\n  dataset: alliance.yaml\n  branches: [north]\n", encoding="utf-8")
    code, seen, _ = kiosk_started("--config", str(config))
    assert code == KIOSK_LEFT and seen["updating"]


def test_a_configuration_naming_a_missing_dataset_starts_on_its_copy(kiosk_started, tmp_path):
    path = tmp_path / "alliance.yaml"
    path.write_text(SMALL, encoding="utf-8")
    LastGoodCopies().load(path)
    path.unlink()
    config = tmp_path / "kiosk.yaml"
    config.write_text("kiosk:\n  dataset: alliance.yaml\n", encoding="utf-8")
    code, seen, _ = kiosk_started("--config", str(config))
    assert code == KIOSK_LEFT and seen["title"] == "测试医联体"
    assert main(["validate-config", str(config)]) == 1  # validate-config still says it is missing


# -- following the files, on a clock the test moves ----------------------------------------

@pytest.fixture
def following(qtbot, tmp_path):
    """A kiosk following its dataset file (and its configuration, when one is written)."""
    windows = []

    def open_following(text: str | None = SMALL, config_text: str | None = None):
        path = tmp_path / "alliance.yaml"
        if text is not None:
            path.write_text(text, encoding="utf-8")
        config_path = None
        if config_text is not None:
            config_path = tmp_path / "kiosk.yaml"
            config_path.write_text(config_text, encoding="utf-8")
        config = load_config(config_path, missing_dataset=True) if config_path else None
        opened = LastGoodCopies(tmp_path / "copies").open(path)
        clock = ManualClock()
        from timeline_app.config import KioskConfig

        window = KioskWindow(Session(opened.dataset), config or KioskConfig(attract_after=90, reset_after=120),
                             clock=clock, animate=False, watch=True, opened=opened, dataset_from_config=True)
        window.files.live.copies = LastGoodCopies(tmp_path / "copies")
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        windows.append(window)
        return window, clock, path

    yield open_following
    for window in windows:
        window.leave()


def test_a_fixed_file_is_shown_at_the_next_reset_never_while_a_visitor_reads(following, qtbot):
    window, clock, path = following()
    window.navigator.select("north-signing")
    path.write_text(RENAMED, encoding="utf-8")
    qtbot.waitUntil(lambda: window.kiosk.pending[0] is not None, timeout=5000)
    idle(window, clock, 60)  # a visitor is still reading
    assert window.heading.text() == "测试医联体" and window.session.state.selection == "north-signing"
    idle(window, clock, 61)  # the reset
    assert window.heading.text() == "改过的医联体" and window.kiosk.pending == (None, None)


def test_a_broken_file_on_reload_leaves_the_exhibit_as_it_was(following, qtbot):
    window, clock, path = following()
    count = len(window.session.dataset.milestones)
    path.write_text(BROKEN, encoding="utf-8")
    qtbot.waitUntil(lambda: bool(window.files.live.problems), timeout=5000)
    idle(window, clock, 121)
    assert window.pages.currentWidget() is window.exhibit and window.heading.text() == "测试医联体"
    assert len(window.session.dataset.milestones) == count
    path.write_text(RENAMED, encoding="utf-8")  # the fix: nobody has touched it since the reset,
    qtbot.waitUntil(lambda: window.heading.text() == "改过的医联体", timeout=5000)  # so it is shown at once


def test_an_empty_hall_opens_as_soon_as_the_file_loads(following, qtbot):
    window, clock, path = following(text=None)
    assert window.pages.currentWidget() is window.updating
    path.write_text(SMALL, encoding="utf-8")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.exhibit, timeout=5000)
    assert window.heading.text() == "测试医联体" and window.timeline.frame.lanes


def test_an_edited_configuration_is_taken_at_the_next_reset(following, qtbot):
    window, clock, path = following(config_text="kiosk:\n  dataset: alliance.yaml\n  exit_pin: '80917'\n")
    assert shown_branches(window) >= {"north", "south"}
    window.files.config_path.write_text("kiosk:\n  dataset: alliance.yaml\n  exit_pin: '80917'\n"
                                        "  language: en\n  branches: [south]\n", encoding="utf-8")
    qtbot.waitUntil(lambda: window.kiosk.pending[1] is not None, timeout=5000)
    assert window.session.state.language == "zh"
    idle(window, clock, 121)
    assert window.session.state.language == "en" and window.heading.text() == "Test alliance"
    assert shown_branches(window) == {"south"}
    assert [branch.branch_id for branch in window.figures.branches] in ([], ["south"])
    window.files.config_path.write_text("kiosk: [broken", encoding="utf-8")  # a bad save: the old one stays
    window.files.reload_config()
    assert window.kiosk.pending[1] is None

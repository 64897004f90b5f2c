"""`timeline-app bad.yaml` opens a window showing the problems, ready for the fix; `validate` still fails."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

import timeline_app.qt.app as app_module
import timeline_app.qt.preferences as preferences_module
from timeline_app.cli import main
from timeline_app.qt.windows.main_window import MainWindow

BROKEN = (Path(__file__).parents[1] / "data" / "small.yaml").read_text(encoding="utf-8").replace(
    "date: 2016-09", "date: 2016-13").replace("format: 1", "format: one")


@pytest.fixture
def started(monkeypatch, tmp_path, crash_log):
    """Runs the command line's viewer until its window has been looked at: what it showed."""
    monkeypatch.setattr(app_module, "install_crash_log", lambda: crash_log[0])

    class OwnSettings(preferences_module.Preferences):  # not the user's settings
        def __init__(self, settings=None):
            super().__init__(settings or QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))

    monkeypatch.setattr(preferences_module, "Preferences", OwnSettings)

    def start(*args: str) -> tuple[int, dict]:
        seen = {}

        def look():
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
            try:
                panel = window.problems_panel
                seen.update(title=window.windowTitle(), panel=panel.isVisible(), watched=window.live.watched(),
                            problems=[panel.list.item(k).text() for k in range(panel.list.count())],
                            reported_by=crash_log[0]._reporter)
            finally:
                window.close()

        QTimer.singleShot(0, look)
        return main(list(args)), seen

    return start


@pytest.mark.parametrize("watch", [True, False])
def test_a_bad_dataset_opens_a_window_with_its_problems_and_reload_ready(started, tmp_path, capsys, watch):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    code, seen = started(str(bad), "--lang", "en", *(() if watch else ("--no-watch",)))
    assert code == 0
    assert seen["panel"] and len(seen["problems"]) == 2 and all(p.startswith(f"{bad}:") for p in seen["problems"])
    assert seen["title"].startswith("bad.yaml (not loaded)")
    assert (str(bad) in seen["watched"]) is watch
    assert seen["reported_by"] is not None  # the window tells the user of errors
    assert capsys.readouterr().err.count(f"{bad}:") == 2  # and a console user sees them too
    assert main(["validate", str(bad)]) == 1  # validate keeps its exit codes


def test_a_started_window_lets_the_collector_go_at_its_first_frame(started, monkeypatch):
    """The viewer resumes the cycle collector (held off while its process starts) once its window
    has been painted, not only when the fallback timer runs out."""
    import time

    resumed = []
    monkeypatch.setattr(app_module, "resume_collection", lambda: resumed.append(time.monotonic()))
    monkeypatch.setattr(app_module, "COLLECT_BY_MS", 600_000)  # no fallback within this test
    deadline = time.monotonic() + 10

    def close_once_resumed():
        if resumed or time.monotonic() > deadline:
            next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()).close()
        else:
            QTimer.singleShot(20, close_once_resumed)

    QTimer.singleShot(0, close_once_resumed)
    assert main([str(Path(__file__).parents[1] / "data" / "small.yaml"), "--lang", "en"]) == 0
    assert resumed and resumed[0] < deadline


GOOD = Path(__file__).parents[1] / "data" / "small.yaml"


def dead_starts(path: Path, n: int) -> None:
    """As if ``n`` starts in a row had died opening ``path`` before their first frame."""
    from timeline_app.dataset.start_guard import StartGuard

    for _ in range(n):
        StartGuard().begin(path.absolute())


def test_after_a_start_that_died_the_dataset_is_read_afresh_past_the_cache(started, monkeypatch, capsys):
    """A cache entry (or last good copy) that kills the app is not trusted on the next start."""
    from timeline_app.dataset import cache
    from timeline_app.dataset.start_guard import MARKER_NAME

    def deadly(*args, **kwargs):
        raise AssertionError("the cache was trusted again")

    monkeypatch.setattr(cache, "load_cached", deadly)
    dead_starts(GOOD, 1)
    code, seen = started(str(GOOD), "--lang", "en")
    assert code == 0 and seen["problems"] == [] and not seen["title"].endswith("(not loaded)")
    assert "the last start stopped while opening" in capsys.readouterr().err
    assert not (cache.cache_dir() / MARKER_NAME).exists()  # this start got through: the next is as usual


def test_after_two_starts_that_died_the_dataset_is_not_opened_and_the_window_says_so(started, tmp_path):
    path = tmp_path / "deadly.yaml"
    path.write_bytes(GOOD.read_bytes())
    dead_starts(path, 2)
    code, seen = started(str(path), "--lang", "en")
    assert code == 0 and seen["panel"]
    assert seen["problems"] == [f"{path}:1:1: timeline-app stopped 2 times in a row while opening this file, so it was "
                                "not opened again; press F5 to try (the log says what happened)"]


def test_a_loader_bug_is_listed_as_a_problem_in_the_window(started, monkeypatch, crash_log):
    """A fault of ours while loading is a problem with a catalog key (its ad-hoc key raised KeyError)."""
    from timeline_app.dataset.last_good import LastGoodCopies

    def broken(self, path):
        raise RuntimeError("a bug in the loader")

    monkeypatch.setattr(LastGoodCopies, "load", broken)
    code, seen = started(str(GOOD), "--lang", "en")
    assert code == 0
    assert seen["problems"] == [f"{GOOD}:1:1: could not be loaded because of a fault in timeline-app (RuntimeError: "
                                "a bug in the loader); the log has the details, please report it"]

"""Crash safety: what an uncaught error, a Qt warning and a segfault leave in the log."""

import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import QObject, QTimer, Signal, qWarning

from timeline_app import __version__
from timeline_app.qt.crash import BACKUPS, LOG_NAME, MAX_BYTES


def test_a_segfault_leaves_a_faulthandler_trace_in_the_log_even_after_a_rotation(tmp_path):
    code = textwrap.dedent(f"""
        import faulthandler, logging
        from timeline_app.qt.crash import install_crash_log
        install_crash_log()
        for n in range({MAX_BYTES // 100 + 10}):  # past the cap: the log rotates first
            logging.getLogger("timeline_app").info("line %d %s", n, "x" * 80)
        def deep_in_the_app():
            faulthandler._sigsegv()
        deep_in_the_app()
    """)
    env = {**__import__("os").environ, "TIMELINE_APP_LOG_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    text = (tmp_path / LOG_NAME).read_text(encoding="utf-8", errors="replace")
    assert "Fatal Python error: Segmentation fault" in text
    assert "deep_in_the_app" in text and "Current thread" in text
    assert (tmp_path / f"{LOG_NAME}.1").exists()  # it did rotate, and the trace went to the new file
    assert sum(1 for p in tmp_path.iterdir()) <= BACKUPS + 1


class _Emitter(QObject):
    fired = Signal()


def test_an_exception_in_a_qt_slot_is_logged_and_reported_and_the_app_goes_on(crash_log, qtbot, tmp_path):
    installed, captured = crash_log
    installed.dataset = tmp_path / "archive.yaml"
    reports = []
    installed.set_reporter(lambda summary, details: reports.append((summary, details)))
    emitter, after = _Emitter(), []

    def broken():
        raise ZeroDivisionError("a view's bug")

    emitter.fired.connect(broken)
    emitter.fired.connect(lambda: after.append(True))
    emitter.fired.emit()
    qtbot.waitUntil(lambda: len(reports) == 1)
    assert after == [True]  # Qt went on to the next slot
    assert reports[0][0] == "ZeroDivisionError: a view's bug" and "broken" in reports[0][1]
    text = installed.path.read_text(encoding="utf-8")
    assert "Uncaught exception" in text and __version__ in text and "archive.yaml" in text
    assert "ZeroDivisionError: a view's bug" in text and 'in broken' in text
    assert [type(e[1]) for e in captured] == [ZeroDivisionError]  # and the previous hook still saw it


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # pytest's hook, chained
def test_an_exception_in_a_thread_is_logged_and_reported_on_the_gui_thread(crash_log, qtbot):
    installed, _ = crash_log
    reported_on = []
    installed.set_reporter(lambda *_: reported_on.append(threading.current_thread()))

    def work():
        raise RuntimeError("worker failed")

    thread = threading.Thread(target=work, name="loader-test")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(reported_on))
    assert reported_on == [threading.main_thread()]
    text = installed.path.read_text(encoding="utf-8")
    assert "in thread loader-test" in text and "RuntimeError: worker failed" in text


def test_without_a_reporter_errors_are_only_logged(crash_log, qtbot):
    installed, captured = crash_log
    installed.set_reporter(lambda *_: pytest.fail("the kiosk shows nothing"))
    installed.set_reporter(None)
    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: len(captured) == 1)
    assert "ZeroDivisionError" in installed.path.read_text(encoding="utf-8")


@pytest.mark.qt_log_ignore("a deliberate warning")
def test_qt_warnings_go_to_the_log(crash_log):
    installed, _ = crash_log
    qWarning("a deliberate warning from Qt")
    assert "WARNING timeline_app.qt: a deliberate warning from Qt" in installed.path.read_text(encoding="utf-8")


def test_a_log_folder_that_cannot_be_written_does_not_stop_the_start(tmp_path):
    """A file where the log folder should be (or a read-only one): the app did not start at all."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    shot = tmp_path / "shot.png"
    env = {**__import__("os").environ, "TIMELINE_APP_LOG_DIR": str(blocker / "log")}
    result = subprocess.run([sys.executable, "-m", "timeline_app", "--screenshot", str(shot), "--size", "640x480"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0
    assert "the log cannot be written" in result.stderr and str(blocker) in result.stderr

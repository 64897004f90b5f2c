import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_folders(tmp_path_factory):
    """The log and the last good copies go to folders of the test run (subprocesses too)."""
    folders = {"TIMELINE_APP_LOG_DIR": tmp_path_factory.mktemp("log"),
               "TIMELINE_APP_CACHE_DIR": tmp_path_factory.mktemp("cache"),
               "TIMELINE_APP_DATA_DIR": tmp_path_factory.mktemp("data")}
    saved = {name: os.environ.get(name) for name in folders}
    os.environ.update({name: str(path) for name, path in folders.items()})
    yield folders
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def crash_log(qtbot, tmp_path):
    """The app's crash log in a folder of this test, installed under pytest-qt's exception capture:
    yields (log, captured exceptions); uninstalled afterwards."""
    from timeline_app.qt.crash import install_crash_log

    with qtbot.capture_exceptions() as captured:
        installed = install_crash_log(tmp_path / "log")
        try:
            yield installed, captured
        finally:
            installed.uninstall()


@pytest.fixture(autouse=True)
def windows_deleted_at_teardown(qtbot):
    """Every window a test left is closed and deleted when the test ends, while nothing is on the
    stack. qtbot holds its widgets weakly: a window whose last reference was a cycle would
    otherwise stay open until the collector freed it, deleting it in the middle of whatever was
    running (its own paint, as pytest-qt processes events after the test, or the next test's).
    So the widgets given to qtbot are also held here until then."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    held = []
    add_widget = qtbot.addWidget

    def add_and_hold(widget, *args, **kwargs):
        held.append(widget)
        add_widget(widget, *args, **kwargs)

    qtbot.addWidget = add_and_hold
    yield
    for widget in QApplication.topLevelWidgets():
        if widget.isWindow() and widget.isVisible():
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    held.clear()
    gc.collect()

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# CI runs the property tests on the same examples every time (.ci/run sets HYPOTHESIS_PROFILE=ci): a
# failure there is one that reproduces; locally each run draws new ones.
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
_CACHE = tempfile.TemporaryDirectory(prefix="timeline-app-test-cache-")  # removed when the tests end
os.environ["TIMELINE_APP_CACHE_DIR"] = _CACHE.name  # the app's cache of datasets, never the user's

DATA = Path(__file__).parent / "data"


@pytest.fixture
def small_path() -> Path:
    return DATA / "small.yaml"


@pytest.fixture
def write_yaml(tmp_path):
    """Writes a dataset text to a file and returns its path."""

    def write(text: str | bytes, name: str = "d.yaml") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path

    return write


@pytest.fixture
def session():
    """A two-branch archive with every date form, people, media and shared measures.

    Test modules about the bundled dataset define their own ``session``."""
    from timeline_app.viewmodel import Session

    return Session.open(DATA / "archive.yaml")


@pytest.fixture
def show(qtbot):
    """Registers a widget with qtbot, sizes it, shows it and waits until it is on screen."""

    def show(widget, width: int, height: int):
        qtbot.addWidget(widget)
        widget.resize(width, height)
        with qtbot.waitExposed(widget):
            widget.show()
        return widget

    return show

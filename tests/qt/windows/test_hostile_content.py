"""Content that is big or strange stays cheap and inert: a ten-megabyte title, a file name with markup."""

import time
from pathlib import Path

import archivist

from timeline_app.dataset.loader import parse_dataset
from timeline_app.viewmodel import Session
from timeline_app.viewmodel.labels import LABEL_MAX

VALID = (Path(__file__).parents[2] / "dataset" / "corpus" / "valid.yaml").read_text(encoding="utf-8")


def test_a_ten_megabyte_title_opens_the_window_in_seconds(qtbot):
    """Qt measured every character of every label before eliding it: a minute and 900 MB."""
    title = "Signing " * 1_310_720
    data = VALID.replace("title: {zh: 签约, en: Signing}", f'title: {{zh: 签约, en: "{title}"}}').encode()
    session = Session(parse_dataset(data, "big.yaml"))
    start = time.perf_counter()
    window = archivist.open_window(qtbot, session, lang="en")
    qtbot.waitUntil(lambda: getattr(window, "milestone_list", None) is not None, timeout=30_000)  # after the first frame
    assert time.perf_counter() - start < 15
    model = window.milestone_list.model
    shown = model.data(model.index(0, 3))
    assert len(shown) == LABEL_MAX and title.startswith(shown[:-1]) and shown.endswith("…")


def test_a_file_name_with_markup_never_reaches_a_tooltip_as_markup(qtbot, tmp_path):
    """Qt takes a tooltip that looks like HTML for HTML: a file named so could draw, or fetch, what it liked."""
    from PySide6.QtGui import QTextDocument

    path = tmp_path / "<img src=x><h1>big<h1>.yaml"
    path.write_text(VALID, encoding="utf-8")
    window = archivist.open_window(qtbot, Session.open(path), lang="en")
    for tip in (window.file_status.toolTip(), window.action_set.actions["file.reload"].toolTip()):
        document = QTextDocument()
        document.setHtml(tip)
        assert path.name in document.toPlainText()  # shown as written, not read as tags


def test_a_window_on_the_ends_of_the_calendar_paints(tmp_path):
    """A day in year 9999 killed the window with a segfault in paint (in a process of its own here)."""
    import os
    import subprocess
    import sys

    corpus = Path(__file__).parents[2] / "dataset" / "corpus"
    shot = tmp_path / "shot.png"
    env = {**os.environ, "TIMELINE_APP_LOG_DIR": str(tmp_path / "log")}
    result = subprocess.run([sys.executable, "-m", "timeline_app", "--screenshot", str(shot), "--size", "1200x700",
                             str(corpus / "last-day.yaml")], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0

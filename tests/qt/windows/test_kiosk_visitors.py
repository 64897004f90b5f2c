"""Visitor counts, opt-in and anonymous: what a visit did, written when the kiosk resets after
it, and kiosk-report's daily table and CSV, on a clock the test moves."""

import csv
import datetime as dt
import json

from PySide6.QtCore import Qt

from kiosk import first_label, idle, open_kiosk
from timeline_app.cli import main
from timeline_app.qt.visitor_log import FILE_NAME
from timeline_app.viewmodel.visitors import daily
from touch import tap


def test_a_visit_is_counted_when_the_kiosk_resets_after_it(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_APP_LOG_DIR", str(tmp_path))
    window, clock = open_kiosk(qtbot, visitor_counts=True)
    try:
        viewport = window.timeline.viewport()
        _, point = first_label(window)
        tap(viewport, point, clock)
        clock.advance(5)
        qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)  # a language chosen
        clock.advance(5)
        tap(viewport, point, clock)
        assert not (tmp_path / FILE_NAME).exists() or not (tmp_path / FILE_NAME).read_text()  # not yet
        idle(window, clock, 130)  # the reset, then the tour
        records = [json.loads(line) for line in (tmp_path / FILE_NAME).read_text().splitlines()]
        visit = next(r for r in records if r["kind"] == "visit")
        assert visit["touches"] == 3 and visit["cards"] >= 1 and visit["languages"] == ["en"]
        assert 10 <= visit["seconds"] <= 11 and visit["day"] == dt.date.today().isoformat()
        assert set(visit) == {"kind", "day", "seconds", "touches", "cards", "languages"}  # nothing else
        assert any(r["kind"] == "tour" for r in records)
    finally:
        window.leave()


def test_without_the_option_nothing_is_written(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_APP_LOG_DIR", str(tmp_path))
    window, clock = open_kiosk(qtbot)
    try:
        tap(window.timeline.viewport(), first_label(window)[1], clock)
        idle(window, clock, 130)
        assert window.visitors is None and not (tmp_path / FILE_NAME).exists()
    finally:
        window.leave()


def test_kiosk_report_prints_a_daily_table_and_writes_csv(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("TIMELINE_APP_LOG_DIR", str(tmp_path))
    records = [{"kind": "visit", "day": "2026-11-30", "seconds": 40, "touches": 7, "cards": 2, "languages": []},
               {"kind": "visit", "day": "2026-12-01", "seconds": 90, "touches": 12, "cards": 4, "languages": ["en"]},
               {"kind": "visit", "day": "2026-12-01", "seconds": 30, "touches": 3, "cards": 1, "languages": []},
               {"kind": "tour", "day": "2026-12-01"}]
    (tmp_path / FILE_NAME).write_text("\n".join(map(json.dumps, records)) + "\nnot a record\n", encoding="utf-8")
    out = tmp_path / "report.csv"
    assert main(["kiosk-report", "--since", "2026-12-01", "-o", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split()[:3] == ["Day", "Visits", "Seconds"] and len(printed) == 2
    assert printed[1].split() == ["2026-12-01", "2", "120", "15", "5", "1", "0", "1"]
    with open(out, encoding="utf-8") as file:
        assert list(csv.reader(file)) == [["day", "visits", "seconds", "touches", "cards", "tours", "zh", "en"],
                                          ["2026-12-01", "2", "120", "15", "5", "1", "0", "1"]]
    assert len(daily(json.dumps(r) for r in records)) == 2
    assert main(["kiosk-report", "--since", "yesterday"]) == 2

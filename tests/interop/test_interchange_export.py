"""Exports: TimelineJS JSON, the sheet CSVs and the workbook, whole or "what I see"."""

import csv
import io
import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from timeline_app.cli import main
from timeline_app.dataset import bundled_dataset_path, load_dataset
from timeline_app.interchange.selection import Selection
from timeline_app.interchange.sheets import INDICATOR_COLUMNS, indicator_rows, milestone_rows
from timeline_app.interchange.timelinejs import to_timelinejs_data
from timeline_app.interchange.xlsx import SHEETS, to_xlsx
from timeline_app.viewmodel.state import Filter


def events_by_id(data):
    return {e["unique_id"]: e for e in data["events"]}


def test_timelinejs_dates_stay_at_their_precision_and_say_in_words_what_parts_cannot(rich_path):
    data = to_timelinejs_data(Selection(load_dataset(rich_path)), "en")
    e = events_by_id(data)
    assert e["north-signing"]["start_date"] == {"year": 2013, "month": 6, "day": 28}
    assert "end_date" not in e["north-signing"] and "display_date" not in e["north-signing"]
    assert e["south-first"]["start_date"] == {"year": 2016, "month": 9}  # a month: no made-up day
    assert e["north-span"]["start_date"] == {"year": 2014, "month": 3, "day": 5}
    assert e["north-span"]["end_date"] == {"year": 2015} and "display_date" not in e["north-span"]
    assert (e["south-season"]["start_date"], e["south-season"]["end_date"]) == (
        {"year": 2015, "month": 3}, {"year": 2015, "month": 5})
    assert e["south-season"]["display_date"] == "Spring 2015"
    assert e["south-uncertain"]["start_date"] == {"year": 2017} and "2017" in e["south-uncertain"]["display_date"]
    assert e["south-uncertain"]["display_date"] != "2017"
    assert e["parent-undated"]["display_date"].startswith("date not stated")
    assert (e["parent-undated"]["start_date"], e["parent-undated"]["end_date"]) == ({"year": 2013}, {"year": 2023})
    assert "end_date" not in e["north-open"] and e["north-open"]["display_date"].startswith("from")


def test_timelinejs_texts_are_escaped_ids_ascii_groups_in_the_datasets_order(rich_path):
    ds = load_dataset(rich_path)
    data = to_timelinejs_data(Selection(ds), "zh")
    e = events_by_id(data)
    assert e["north-span"]["text"]["headline"] == "合作&lt;b&gt;扩大&lt;/b&gt; &amp; 深化"
    text = e["north-span"]["text"]["text"]
    assert text.startswith("<p>第一段。</p><p>第二段 &lt;script&gt;x&lt;/script&gt;</p>") and "<script>" not in text
    assert '<p class="timeline-app-sources">《甲文》' in text and "第 7 段" in text
    assert all(uid.isascii() for uid in e) and set(e) == {m.id for m in ds.milestones}
    assert e["north-span"]["media"] == {"url": "media/photo.png", "alt": "合影", "caption": "合影", "credit": "医院"}
    # TimelineJS lists groups by their first event in date order; within a day, the dataset's order.
    order = {b.id: k for k, b in enumerate(ds.branches)}
    keys = [(ds.milestone_by_id[ev["unique_id"]].date.sort_key, order[ds.milestone_by_id[ev["unique_id"]].branch])
            for ev in data["events"]]
    assert keys == sorted(keys) and {ev["group"] for ev in data["events"]} == {"北院", "南院", "总院"}
    assert data["title"]["text"]["headline"] == "测试医联体"
    assert data["eras"] == [{"start_date": {"year": 2013, "month": 6}, "end_date": {"year": 2015},
                             "text": {"headline": "起步"}}]


def rows_of_csv(raw: bytes) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_the_sheet_has_timelinejs_headers_our_columns_and_a_precision_per_end(tmp_path, rich_path):
    out = tmp_path / "m.csv"
    assert main(["export", str(rich_path), "--format", "csv", "--lang", "en", "-o", str(out)]) == 0
    rows = rows_of_csv(out.read_bytes())
    assert rows == milestone_rows(Selection(load_dataset(rich_path)), "en")
    header = rows[0]
    assert header[:19] == ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                           "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                           "Media Thumbnail", "Alt Text", "Type", "Group", "Background"]
    by_id = {r[header.index("id")]: dict(zip(header, r)) for r in rows[1:]}
    span = by_id["north-span"]
    assert span["precision"] == "day/year"  # it said "year" for a range from a known day
    assert (span["earliest"], span["latest"], span["edtf"]) == ("2014-03-05", "2015-12-31", "2014-03-05/2015")
    assert span["sources"] == "article-a ¶7" and span["citation"].startswith("Article A (")
    assert (span["branch"], span["category"], span["Group"]) == ("north", "agreement", "North")
    assert by_id["parent-undated"]["precision"] == "[year..year]"
    assert by_id["north-open"]["precision"] == "month/.."
    assert by_id["early"]["Type"] == "era" and rows[1][header.index("Type")] == "title"


def test_what_i_see_is_what_is_written_and_the_filter_is_named(tmp_path, rich_path, capsys):
    out = tmp_path / "seen.csv"
    assert main(["export", str(rich_path), "--format", "csv", "--lang", "en", "--branches", "north",
                 "--range", "2014/2016", "-o", str(out)]) == 0
    rows = rows_of_csv(out.read_bytes())
    header = rows[0]
    ids = [r[header.index("id")] for r in rows[1:] if not r[header.index("Type")]]
    assert ids == ["north-span"]
    said = capsys.readouterr().err
    assert "1 of 7 milestones" in said and "only the branches North" in said and "dates 2014–2016" in said
    assert "only the branches North" in rows[1][header.index("Text")]  # the title row says it too
    assert main(["export", str(rich_path), "--format", "indicators-csv", "--lang", "en", "--branches", "north",
                 "-o", str(tmp_path / "i.csv")]) == 0
    assert "i.csv (indicators-csv): 2 figures; Filtered: only the branches North" in capsys.readouterr().err
    indicators = rows_of_csv((tmp_path / "i.csv").read_bytes())
    assert indicators[0] == list(INDICATOR_COLUMNS)
    assert {r[2] for r in indicators[1:]} == {"north"} and indicators[1][5:8] == ["250000", "more_than", "visits"]


def test_the_command_line_offers_every_format():
    from timeline_app.cli import _EXPORT_FORMATS  # spelled out there: the parser is built before any import
    from timeline_app.interchange.formats import FORMATS

    assert _EXPORT_FORMATS == (*FORMATS, "html")


def test_json_refuses_a_filter(tmp_path, rich_path, capsys):
    assert main(["export", str(rich_path), "--format", "json", "--query", "x", "-o", str(tmp_path / "x.json")]) == 2
    assert "--format json is always the whole dataset" in capsys.readouterr().err and not (tmp_path / "x.json").exists()


def test_unknown_branch_is_a_usage_error(tmp_path, rich_path, capsys):
    assert main(["export", str(rich_path), "--format", "csv", "--branches", "east", "-o", str(tmp_path / "x")]) == 2
    assert "--branches: no east" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_workbook_reads_back_equal_to_what_was_written(tmp_path, lang):
    ds = load_dataset(bundled_dataset_path())
    sel = Selection(ds, Filter(query="巫山"))
    path = tmp_path / "book.xlsx"
    assert main(["export", "--format", "xlsx", "--lang", lang, "--query", "巫山", "-o", str(path)]) == 0
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == list(SHEETS)
    for name, rows in zip(SHEETS, (milestone_rows(sel, lang), indicator_rows(sel, lang))):
        read = [["" if v is None else v for v in row] for row in book[name].iter_rows(values_only=True)]
        assert read == rows
    assert book.properties.description == sel.describe(lang) != ""
    assert path.read_bytes() != to_xlsx(Selection(ds), lang)  # the filter made a difference


def test_a_formula_looking_title_stays_text_in_the_workbook(tmp_path, rich_path):
    text = rich_path.read_text(encoding="utf-8").replace('en: "Cooperation <b>widened</b> & deepened"',
                                                         'en: "=HYPERLINK(\\"http://x\\")"')
    rich_path.write_text(text, encoding="utf-8")
    path = tmp_path / "book.xlsx"
    assert main(["export", str(rich_path), "--format", "xlsx", "--lang", "en", "-o", str(path)]) == 0
    sheet = load_workbook(path)["milestones"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")']
    assert cells and all(c.data_type == "s" for c in cells)


def test_every_export_and_the_import_run_without_qt(tmp_path, small_path):
    """The command line's export and import are for machines with no display."""
    from test_model_without_qt import BLOCK_QT

    out = tmp_path / "t.json"
    code = BLOCK_QT + f"""
from timeline_app.cli import main
for fmt in ('csv', 'indicators-csv', 'xlsx', 'timelinejs'):
    assert main(['export', {str(small_path)!r}, '--format', fmt, '--query', 'sign', '-o', {str(out)!r} + fmt]) == 0
assert main(['import', {str(out)!r} + 'timelinejs', '--from', 'timelinejs', '-o', {str(tmp_path / 'd.yaml')!r}]) == 0
assert not any(m.split('.')[0] in ('PySide6', 'pyqtgraph') for m in sys.modules)
print('ok')
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


@pytest.mark.parametrize(("options", "ids"), [
    (["--categories", "first"], ["parent-undated", "south-season", "south-first", "south-uncertain"]),
    (["--range", "2015/2016"], ["parent-undated", "north-span", "south-season", "south-first"]),
    (["--range", "2015/2016", "--no-undated"], ["north-span", "south-season", "south-first"]),
    (["--query", "spring"], ["south-season"]),
    (["--query", "合作"], ["north-span", "north-open"]),
])
def test_each_filter_option_narrows_as_the_filter_bar_would(tmp_path, rich_path, options, ids):
    out = tmp_path / "t.json"
    assert main(["export", str(rich_path), "--format", "timelinejs", "--lang", "en", *options, "-o", str(out)]) == 0
    assert [e["unique_id"] for e in json.loads(out.read_text(encoding="utf-8"))["events"]] == ids

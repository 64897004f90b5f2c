"""Import from TimelineJS JSON and the TimelineJS sheet: stable round trips, and bad input told plainly."""

import json

import pytest

from timeline_app.cli import main
from timeline_app.dataset import bundled_dataset_path, load_dataset


def round_trip(tmp_path, source, fmt: str, lang: str) -> tuple[bytes, bytes]:
    """source → export → import (A) → export → import (B): the bytes of A and B."""
    suffix = "csv" if fmt == "csv" else "json"
    kind = "sheet" if fmt == "csv" else "timelinejs"
    first, second = tmp_path / f"1.{suffix}", tmp_path / f"2.{suffix}"
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert main(["export", str(source), "--format", fmt, "--lang", lang, "-o", str(first)]) == 0
    assert main(["import", str(first), "--from", kind, "-o", str(a), "--lang", lang]) == 0
    assert main(["validate", str(a)]) == 0
    assert main(["export", str(a), "--format", fmt, "--lang", lang, "-o", str(second)]) == 0
    assert main(["import", str(second), "--from", kind, "-o", str(b), "--lang", lang]) == 0
    return a.read_bytes(), b.read_bytes()


@pytest.mark.parametrize(("fmt", "lang"), [("timelinejs", "zh"), ("timelinejs", "en"), ("csv", "zh")])
def test_import_export_import_is_stable_for_the_bundled_dataset(tmp_path, fmt, lang):
    a, b = round_trip(tmp_path, bundled_dataset_path(), fmt, lang)
    assert a == b
    ds, original = load_dataset(tmp_path / "a.yaml"), load_dataset(bundled_dataset_path())
    assert len(ds.milestones) == len(original.milestones)
    if fmt == "csv":  # our columns bring back the ids, EDTF dates, both languages and citations
        assert {m.id: (m.date.text, m.title, m.summary, m.sources) for m in ds.milestones} == {
            m.id: (m.date.text, m.title, m.summary, m.sources) for m in original.milestones}


@pytest.mark.parametrize("fmt", ["timelinejs", "csv"])
def test_import_export_import_is_stable_for_a_thousand_milestones(tmp_path, synth, fmt):
    source = tmp_path / "synth.yaml"
    source.write_text(synth.synthetic_yaml(1000), encoding="utf-8")
    a, b = round_trip(tmp_path, source, fmt, "en")
    assert a == b and len(load_dataset(tmp_path / "a.yaml").milestones) == 1000


def write_timeline(tmp_path, events, **extra) -> str:
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"events": events, **extra}, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_a_timeline_made_elsewhere_is_read_and_the_guesses_reported(tmp_path, capsys):
    events = [
        {"start_date": {"year": "2016", "month": "9"}, "text": {"headline": "开业 &amp; 剪彩", "text": "<p>一</p><p>二 <a href='x'>链接</a></p>"},
         "group": "东院"},
        {"start_date": {"year": 2014}, "end_date": {"year": 2015, "month": 2, "day": 28}, "unique_id": "_2014-Start",
         "text": {"headline": "Start"}, "group": "West", "media": {"url": "https://x/y.jpg", "caption": "A <i>photo</i>"}},
        {"start_date": {"year": 2016, "month": 9}, "text": {"headline": "同月"}, "group": "东院"},
    ]
    source = write_timeline(tmp_path, events, title={"text": {"headline": "外来的时间线"}})
    out = tmp_path / "d.yaml"
    assert main(["import", source, "--from", "timelinejs", "-o", str(out), "--lang", "en"]) == 0
    ds = load_dataset(out)
    assert ds.title.en == "外来的时间线"
    assert [(m.id, m.date.text, m.branch) for m in ds.milestones] == [
        ("2014-start", "2014/2015-02-28", "west"), ("e-2016-09", "2016-09", "group-1"), ("e-2016-09-2", "2016-09", "group-1")]
    first = ds.milestone_by_id["e-2016-09"]
    assert first.title.zh == first.title.en == "开业 & 剪彩" and first.summary.zh == "一\n二 链接"
    assert ds.milestone_by_id["e-2016-09-2"].summary.en == "同月"  # no text: the headline
    assert ds.milestone_by_id["2014-start"].media[0].caption.en == "A photo"
    err = capsys.readouterr().err
    for said in ("groups made branches, in order of first appearance: 东院 → group-1, West → west",
                 "no unique_id: ids made from the dates: event 1, event 3", "markup other than paragraphs",
                 "each text is used for both Chinese and English", "media kept as paths"):
        assert f"{source}: guessed: " in err and said in err, said


@pytest.mark.parametrize(("content", "en", "zh"), [
    ("{not json", "not JSON (line 1, column 2", "不是 JSON（第 1 行第 2 列"),
    ('{"slides": []}', "not a TimelineJS timeline", "不是 TimelineJS 时间线"),
    ('{"events": []}', "no events to import", "没有可导入的事件"),
    ('{"events": [{"start_date": {"year": "2016a"}, "text": {"headline": "x"}}]}',
     "event 1: year '2016a' is not a whole number (TimelineJS would refuse it)", "第 1 个事件：year “2016a” 不是整数"),
    ('{"events": [{"start_date": {"month": 3}, "text": {"headline": "x"}}]}',
     "event 1: the date has no year (TimelineJS would refuse it)", "第 1 个事件：日期没有年份"),
    ('{"events": [{"start_date": {"year": 2015, "month": 2, "day": 30}, "text": {"headline": "x"}}]}',
     "event 1: 2015-02 has no day 30", "第 1 个事件：2015-02 没有第 30 日"),
    ('{"events": [{"start_date": {"year": 2016}, "end_date": {"year": 2015}, "text": {"headline": "x"}}]}',
     "event 1: ", "第 1 个事件："),
    ('{"events": [{"unique_id": "a", "start_date": {"year": 2016}, "text": {"headline": "<b>x</b>"}}]}',
     "event 1 ('a'): the headline holds HTML ('<b>x</b>')", "第 1 个事件（“a”）：标题含 HTML"),
    ("Year,Headline\n2016,x\n", "not a TimelineJS sheet: the columns Month, Day, End Year, End Month, End Day, Text are missing",
     "不是 TimelineJS 表格：缺少列 Month, Day, End Year, End Month, End Day, Text"),
    ("Year,Month,Day,End Year,End Month,End Day,Headline,Text\n2016,13,,,,,x,\n", "row 2: there is no month 13",
     "第 2 行：没有 13 月"),
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_input_is_told_as_file_message_and_nothing_is_written(tmp_path, capsys, content, en, zh, lang):
    source = tmp_path / ("t.csv" if content.startswith("Year") else "t.json")
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "d.yaml"
    out.write_text("old: contents\n", encoding="utf-8")
    fmt = "sheet" if source.suffix == ".csv" else "timelinejs"
    assert main(["import", str(source), "--from", fmt, "-o", str(out), "--lang", lang]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{source}: {en if lang == 'en' else zh}"), err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "old: contents\n"  # the old file is left as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["d.yaml", source.name])  # no temporary left


def test_an_unreadable_or_binary_file_is_told_too(tmp_path, capsys):
    source = tmp_path / "t.json"
    source.write_bytes(b"\xff\xfe{\x00}")
    assert main(["import", str(source), "--from", "timelinejs", "-o", str(tmp_path / "d.yaml"), "--lang", "en"]) == 1
    assert capsys.readouterr().err.startswith(f"{source}: file is not UTF-8: byte 1 cannot be decoded")
    missing = tmp_path / "none.json"
    assert main(["import", str(missing), "--from", "timelinejs", "-o", str(tmp_path / "d.yaml"), "--lang", "zh"]) == 2
    assert capsys.readouterr().err.startswith(f"{missing}: 无法读取文件：")  # like validate: a usage error
    assert not (tmp_path / "d.yaml").exists()


def test_a_sheet_edited_by_hand_keeps_its_ids_valid(tmp_path, capsys):
    """An office's sheet with our columns, ids typed by people: made ids, and the EDTF column wins."""
    header = "Year,Month,Day,End Year,End Month,End Day,Headline,Text,Group,Type," + ",".join(
        ("id", "edtf", "earliest", "latest", "precision", "branch", "category", "title_zh", "title_en",
         "summary_zh", "summary_en", "sources", "citation"))
    rows = [header,
            "2016,9,,,,,Opening,<p>A</p>,North,,Opening Day,2016-09~,,,,North Branch,New Things,开业,Opening,开业。,Opened.,"
            "Local Paper ¶3; Local Paper ¶4,",
            "2017,,,,,,Bad,,North,,bad,2017-13,,,,north,x,坏,Bad,,,,"]
    source = tmp_path / "sheet.csv"
    source.write_text("\n".join(rows[:2]) + "\n", encoding="utf-8-sig")
    out = tmp_path / "d.yaml"
    assert main(["import", str(source), "--from", "sheet", "-o", str(out), "--lang", "en"]) == 0
    m = load_dataset(out).milestones[0]
    assert (m.id, m.branch, m.category, m.date.text) == ("opening-day", "north-branch", "new-things", "2016-09~")
    assert [(c.source, c.paragraph) for c in m.sources] == [("local-paper", 3), ("local-paper", 4)]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    assert main(["import", str(source), "--from", "sheet", "-o", str(out), "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines()[-1].startswith(f"{source}: row 3: ")

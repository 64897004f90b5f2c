"""The command line contract: exit codes, FILE:LINE:COL output, exports."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from timeline_app import __version__
from timeline_app.cli import main
from timeline_app.resources import export_schema_path

DATA = Path(__file__).parent / "data"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "timeline_app", *args], capture_output=True, text=True, timeout=60)


def test_validate_valid(capsys, small_path):
    assert main(["validate", str(small_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "valid: 3 milestones, 2 indicators" in out


def test_validate_five_faults_prints_five_positions():
    result = run_cli("validate", "--lang", "en", str(DATA / "five_faults.yaml"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    name = str(DATA / "five_faults.yaml")
    assert len(lines) == 5
    for line in lines:
        file, line_no, column, message = line.split(":", 3)
        assert file == name and line_no.isdigit() and column.isdigit() and message.strip()
    assert [line.split(": ", 1)[1].split(" ")[0:2] for line in lines] == [
        ["bad", "date:"], ["duplicate", "id"], ["unknown", "branch"], ["unknown", "key"], ["milestone", "'three':"],
    ]
    assert "Traceback" not in result.stderr and "5 problems found" in result.stderr


def test_tours_are_exported_in_their_order(tmp_path):
    out = tmp_path / "archive.json"
    assert main(["export", str(Path(__file__).parent / "data" / "archive.yaml"), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(export_schema_path().read_text(encoding="utf-8")))
    assert data["tours"] == [{"id": "highlights", "title": {"zh": "十年亮点", "en": "Highlights of the decade"},
                              "milestones": ["west-first-pci", "east-trusteeship", "alliance-award", "parent-undated"]}]


def test_bundled_dataset_round_trips_through_the_schema(tmp_path):
    out = tmp_path / "alliance.json"
    assert main(["export", "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(export_schema_path().read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert len(data["milestones"]) >= 50 and len(data["indicators"]) >= 50


@pytest.mark.parametrize("args", [["validate", "/no/such/file.yaml"], ["validate", "/"], ["validate", "--bogus"], ["export", "--format", "xml", "-o", "-"]])
def test_usage_errors_exit_2(args, capsys):
    assert main(args) == 2


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"timeline-app {__version__}"


def test_export_json_round_trip_validates_against_schema(tmp_path, small_path):
    out = tmp_path / "export.json"
    assert main(["export", str(small_path), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(export_schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert list(data)[1:] == ["format", "title", "sources", "branches", "categories", "eras", "milestones", "indicators",
                              "tours"]
    signing = next(m for m in data["milestones"] if m["id"] == "north-signing")
    assert signing["date"] == {
        "edtf": "2013-06-28", "kind": "date", "precision": "day", "earliest": "2013-06-28", "latest": "2013-06-28",
        "uncertain": False, "approximate": False, "label": {"zh": "2013年6月28日", "en": "28 Jun 2013"},
    }
    assert signing["sources"] == ["article-a"] and signing["citations"] == [{"source": "article-a", "paragraph": 3}]
    visits = data["indicators"][0]
    assert visits["points"][0] == {
        "date": visits["points"][0]["date"], "value": 250000, "qualifier": "more_than",
    }
    # A broken export is caught by the schema: the check can fail.
    del signing["title"]["en"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_export_json_to_stdout(small_path):
    result = run_cli("export", str(small_path), "--format", "json", "-o", "-")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"]["zh"] == "测试医联体"


def test_export_csv_has_bom_and_opens_as_utf8(tmp_path, small_path):
    out = tmp_path / "export.csv"
    assert main(["export", str(small_path), "--format", "csv", "--lang", "zh", "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = [r for r in csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")) if not r["Type"]]
    assert [r["id"] for r in rows] == ["parent-undated", "north-signing", "south-first"]
    assert (rows[1]["Year"], rows[1]["Month"], rows[1]["Day"]) == ("2013", "6", "28") and rows[1]["Group"] == "北院"
    assert rows[2]["title_en"] == "NO"


def test_export_of_bad_dataset_writes_nothing(tmp_path):
    out = tmp_path / "x.json"
    assert main(["export", str(DATA / "five_faults.yaml"), "--format", "json", "-o", str(out)]) == 1
    assert not out.exists()


def cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize(("args", "env_lang", "chinese"), [
    (["--lang", "zh"], "en_US.UTF-8", True),
    (["--lang", "en"], "zh_CN.UTF-8", False),
    ([], "zh_CN.UTF-8", True),  # no --lang: the system's language
    ([], "en_GB.UTF-8", False),
])
def test_validate_words_problems_in_the_chosen_language(args, env_lang, chinese):
    env = {**os.environ, "LANG": env_lang, "LC_ALL": "", "LC_MESSAGES": ""}
    result = subprocess.run([sys.executable, "-m", "timeline_app", "validate", *args, str(DATA / "five_faults.yaml")],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    for line in lines:
        file, line_no, column, message = line.split(":", 3)
        assert file == str(DATA / "five_faults.yaml") and line_no.isdigit() and column.isdigit()
        assert cjk(message) == chinese, line
    assert lines[0].endswith("日期有误：“2013-02-30”：2013-02 没有 30 日（这个月有 28 天）" if chinese
                             else "bad date: '2013-02-30': 2013-02 has no day 30 (it has 28 days)")
    assert ("发现 5 个问题" if chinese else "5 problems found") in result.stderr


def test_export_words_its_problems_in_the_chosen_language(tmp_path, capsys):
    out = tmp_path / "x.csv"
    assert main(["export", str(DATA / "five_faults.yaml"), "--lang", "zh", "--format", "csv", "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{DATA / 'five_faults.yaml'}:16:11: 日期有误") and not out.exists()


def test_a_flood_of_one_kind_is_summarised(tmp_path, capsys):
    """Billion laughs: 81 aliases, shown as the first five in full and one line for the rest."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["validate", "--lang", "en", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    aliases = [line for line in out if "aliases" in line]
    assert aliases[0] == f"{path}:2:10: aliases (*a0) are not allowed: write each value out in full"
    assert len(aliases) == 6
    assert aliases[-1] == f"{path}:2:30: aliases (*a0) are not allowed: write each value out in full: 76 more like this at lines 2–10"
    assert len(out) < 40


@pytest.mark.parametrize(("target", "message"), [
    ("absent.yaml", "无法读取文件：文件不存在"),
    (".", "无法读取文件：这是一个文件夹；请指定数据集的 .yaml 文件"),
])
def test_an_unreadable_path_is_told_in_the_language_and_exits_2(tmp_path, capsys, target, message):
    path = tmp_path / target
    assert main(["validate", "--lang", "zh", str(path)]) == 2
    assert capsys.readouterr().err.strip() == f"{path}:1:1: {message}"


@pytest.mark.parametrize("columns, terminal, width", [(None, 120, 118), ("-5", 120, 118), ("100", 120, 98), ("x", None, 78)])
def test_help_is_sized_to_the_terminal(monkeypatch, columns, terminal, width):
    """As argparse sizes it (shutil's rule: $COLUMNS, else the terminal's width, else 80)."""
    from timeline_app.cli import _HelpFormatter

    monkeypatch.delenv("COLUMNS", raising=False)
    if columns is not None:
        monkeypatch.setenv("COLUMNS", columns)

    def size(_fd):
        if terminal is None:
            raise OSError("not a terminal")
        return os.terminal_size((terminal, 40))

    monkeypatch.setattr(os, "get_terminal_size", size)
    assert _HelpFormatter("timeline-app")._width == width

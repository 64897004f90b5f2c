"""The kiosk's configuration file: checked like a dataset (FILE:LINE:COL for every problem, in one
pass, worded in either language), overridden from the command line by the same rules, and checked
against its dataset."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.config import ConfigError, KioskConfig, OptionProblem, dataset_problems, load_config, parse_option
from timeline_app.dataset import Problem
from timeline_app.dataset import load_dataset
from timeline_app.i18n.problems import format_problem

DATA = Path(__file__).parent / "data"


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "kiosk.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path, lang: str = "en") -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert all(isinstance(p, Problem) for p in info.value.problems)
    return [format_problem(p, lang).removeprefix(str(path)) for p in info.value.problems]


def cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_a_full_configuration_is_read_as_written(tmp_path):
    (tmp_path / "data").mkdir()
    dataset = tmp_path / "data" / "archive.yaml"
    dataset.write_bytes((DATA / "archive.yaml").read_bytes())
    config = load_config(write(tmp_path, """\
        kiosk:
          dataset: data/archive.yaml
          language: en
          branches: [east, west]
          attract_after: 60
          reset_after: 150.5
          tour: highlights
          dwell: {min: 6, max: 25}
          exit_pin: 0123
          exit_chord: Ctrl+Alt+F12
          scale: 2
          theme: contrast
          figures: [outpatient-visits]
        """))
    assert config == KioskConfig(dataset=dataset, language="en", branches=("east", "west"), attract_after=60,
                                 reset_after=150.5, tour="highlights", dwell=(6, 25), exit_pin="0123",
                                 exit_chord="Ctrl+Alt+F12", scale=2, theme="contrast", figures=("outpatient-visits",))
    assert dataset_problems(config, load_dataset(dataset)) == []


def test_an_empty_section_is_the_defaults(tmp_path):
    assert load_config(write(tmp_path, "kiosk:\n")) == KioskConfig()


def test_every_problem_is_reported_with_its_position(tmp_path):
    path = write(tmp_path, """\
        kiosk:
          language: fr
          attract_after: 5
          reset_after: 2 minutes
          dwell: {min: 30, max: 10}
          exit_pin: 12a4
          exit_chord: Ctrl+Q
          branches: [wushan, wushan]
          scale: 9
          theme: pink
          dataset: missing.yaml
          tuor: highlights
        extra: 1
        """)
    assert problems_of(path) == [
        ":2:13: language 'fr' is not one of: zh, en",
        ":3:18: attract_after '5' must be a number of seconds from 10 to 86400",
        ":4:16: reset_after '2 minutes' must be a number of seconds from 10 to 86400",
        ":5:10: dwell: max (10 s) is less than min (30 s)",
        ":6:13: exit_pin must be 4 to 12 digits",
        ":7:15: exit_chord 'Ctrl+Q' must be two or more of Ctrl, Alt, Shift, Meta and a letter, digit or "
        "F1–F24, joined by '+' (e.g. Ctrl+Alt+Shift+Q)",
        ":8:22: branches: 'wushan' is listed twice",
        ":9:10: scale '9' must be a number from 0.5 to 4",
        ":10:10: theme 'pink' is not one of: system, light, dark, contrast",
        ":11:12: dataset: missing.yaml is not a file (relative paths start from this file's folder)",
        ":12:3: unknown key 'tuor' in the kiosk section (did you mean 'tour'?)",
        ":13:1: unknown key 'extra' in the configuration; allowed: kiosk",
    ]
    assert problems_of(path, "zh") == [
        ":2:13: language“fr”不是以下之一：zh, en",
        ":3:18: attract_after“5”必须是 10 到 86400 之间的秒数",
        ":4:16: reset_after“2 minutes”必须是 10 到 86400 之间的秒数",
        ":5:10: dwell：max（10 秒）小于 min（30 秒）",
        ":6:13: exit_pin必须是 4 到 12 位数字",
        ":7:15: exit_chord“Ctrl+Q”必须是 Ctrl, Alt, Shift, Meta 中的两个或更多，再加一个字母、数字或 F1–F24，"
        "用“+”连接（例如 Ctrl+Alt+Shift+Q）",
        ":8:22: branches：“wushan”列出了两次",
        ":9:10: scale“9”必须是 0.5 到 4 之间的数",
        ":10:10: theme“pink”不是以下之一：system, light, dark, contrast",
        ":11:12: dataset：missing.yaml 不是文件（相对路径从本文件所在的文件夹算起）",
        ":12:3: kiosk 部分中有未知的键“tuor”（是不是“tour”？）",
        ":13:1: 配置文件中有未知的键“extra”；允许的键：kiosk",
    ]


def test_shapes_are_checked_as_in_a_dataset(tmp_path):
    """Lists, mappings and single values are told apart by the dataset's own checks."""
    path = write(tmp_path, """\
        kiosk:
          branches: wushan
          figures: []
          dwell: [8, 40]
          tour: [a, b]
          exit_pin: {pin: 1234}
          language: ""
        """)
    assert problems_of(path) == [
        ":2:13: branches must be a list",
        ":3:12: figures needs at least 1 item(s)",
        ":4:10: dwell must be a mapping of keys to values",
        ":5:9: tour must be a single value, not a list",
        ":6:13: exit_pin must be a single value, not a mapping",
        ":7:13: language must not be empty",
    ]
    assert problems_of(write(tmp_path, "kiosk:\n  dwell: {min: 1, mx: 9}\n")) == [
        ":2:16: dwell.min '1' must be a number of seconds from 2 to 600",
        ":2:19: unknown key 'mx' in dwell (did you mean 'max'?)",
    ]
    assert problems_of(write(tmp_path, "- kiosk\n")) == [":1:1: the configuration must be a mapping of keys to values"]


def test_yaml_problems_come_from_the_datasets_reader(tmp_path):
    """Anchors, aliases and duplicate keys are refused as in a dataset (worded by its reader)."""
    path = write(tmp_path, "kiosk:\n  tour: &a x\n  language: *a\n  tour: y\n")
    found = problems_of(path)
    assert found[0].startswith(":2:9:") and "&a" in found[0]  # the anchor
    assert any(p.startswith(":3:13:") and "*a" in p for p in found)  # the alias
    assert any(p.startswith(":4:3:") and "tour" in p for p in found)  # the second 'tour'
    assert problems_of(write(tmp_path, "kiosk: [1, 2\n"))[0].startswith(":2:1:")  # unclosed: where it ends


def test_a_file_without_a_kiosk_section(tmp_path):
    path = write(tmp_path, "viewer:\n  theme: dark\n")
    assert problems_of(path) == [
        ":1:1: the configuration has no 'kiosk' section",
        ":1:1: unknown key 'viewer' in the configuration; allowed: kiosk",
    ]
    assert problems_of(path, "zh") == [":1:1: 配置文件中没有“kiosk”部分", ":1:1: 配置文件中有未知的键“viewer”；允许的键：kiosk"]


def test_a_file_too_large_to_be_a_configuration(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"kiosk:\n" + b"# " + b"x" * (1 << 20) + b"\n")
    assert problems_of(path) == [":1:1: larger than 1,048,576 bytes: not a configuration"]
    assert problems_of(path, "zh") == [":1:1: 文件超过 1,048,576 字节，不是配置文件"]


def test_what_the_dataset_lacks_is_reported_where_it_is_named(tmp_path):
    path = write(tmp_path, """\
        kiosk:
          branches: [east, north]
          tour: walk
          figures: [outpatient-visits, beds, smiles]
        """)
    found = dataset_problems(load_config(path), load_dataset(DATA / "archive.yaml"))
    name = str(DATA / "archive.yaml")
    assert all(isinstance(p, Problem) and p.file == str(path) for p in found)
    assert [format_problem(p).removeprefix(str(path)) for p in found] == [
        f":2:20: no branch 'north' in {name}",
        f":4:38: no indicator with the measure 'smiles' in {name}",
        f":3:9: no tour 'walk' in {name} (its tours: highlights)",
    ]
    assert [format_problem(p, "zh").removeprefix(str(path)) for p in found] == [
        f":2:20: {name} 中没有院区“north”",
        f":4:38: {name} 中没有度量为“smiles”的指标",
        f":3:9: {name} 中没有导览“walk”（其导览：highlights）",
    ]


def test_command_line_values_follow_the_files_rules():
    assert parse_option("attract_after", "45") == 45.0
    assert parse_option("exit_pin", "0007") == "0007"
    assert parse_option("scale", "1.25") == 1.25
    with pytest.raises(ValueError, match="^reset_after '3' must be a number of seconds from 10 to 86400$"):
        parse_option("reset_after", "3")
    with pytest.raises(ValueError, match="^--tour“Walk”只能由小写字母、数字和单个“-”组成"):
        parse_option("tour", "Walk", "zh", name="--tour")
    config = KioskConfig(tour="highlights", where={"tour": (3, 9)}).overridden(tour="walk")
    [problem] = dataset_problems(config, load_dataset(DATA / "archive.yaml"))
    assert isinstance(problem, OptionProblem)
    assert str(problem) == f"--tour: no tour 'walk' in {DATA / 'archive.yaml'} (its tours: highlights)"
    assert problem.message_in("zh") == f"{DATA / 'archive.yaml'} 中没有导览“walk”（其导览：highlights）"


def test_validate_config_command(tmp_path, capsys):
    good = write(tmp_path, f"kiosk:\n  dataset: {DATA / 'archive.yaml'}\n  tour: highlights\n  exit_pin: '2580'\n")
    assert main(["validate-config", str(good), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "valid kiosk configuration" in out and "tour 'highlights'" in out
    assert "scale chosen from the screen" in out
    assert main(["validate-config", str(good), "--lang", "zh"]) == 0
    assert "展览模式配置有效" in capsys.readouterr().out  # the summary too is in the chosen language
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"kiosk:\n  dataset: {DATA / 'archive.yaml'}\n  tour: walk\n  scale: big\n", encoding="utf-8")
    assert main(["validate-config", str(bad), "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"{bad}:4:10: scale 'big' must be a number from 0.5 to 4"]  # the file first
    assert captured.err.strip() == "1 problem found"
    bad.write_text(f"kiosk:\n  dataset: {DATA / 'archive.yaml'}\n  tour: walk\n", encoding="utf-8")
    assert main(["validate-config", str(bad), "--lang", "en"]) == 1  # then the dataset
    assert capsys.readouterr().out.startswith(f"{bad}:3:9: no tour 'walk'")
    assert main(["validate-config", str(tmp_path / "none.yaml"), "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'none.yaml'}:1:1: cannot read file: it does not exist"
    assert main(["validate-config", str(tmp_path), "--lang", "zh"]) == 2
    assert capsys.readouterr().err.strip() == f"{tmp_path}:1:1: 无法读取文件：这是一个文件夹；请指定配置的 .yaml 文件"


@pytest.mark.parametrize(("args", "env_lang", "chinese"), [
    (["--lang", "zh"], "en_US.UTF-8", True),
    (["--lang", "en"], "zh_CN.UTF-8", False),
    ([], "zh_CN.UTF-8", True),  # no --lang: the system's language
    ([], "en_GB.UTF-8", False),
])
def test_validate_config_words_problems_in_the_chosen_language(tmp_path, args, env_lang, chinese):
    path = write(tmp_path, f"kiosk:\n  dataset: {DATA / 'archive.yaml'}\n  reset_after: 5\n  tour: walk\n")
    env = {**os.environ, "LANG": env_lang, "LC_ALL": "", "LC_MESSAGES": ""}
    result = subprocess.run([sys.executable, "-m", "timeline_app", "validate-config", str(path), *args],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 1
    [line] = result.stdout.splitlines()
    file, line_no, column, message = line.split(":", 3)
    assert (file, line_no, column) == (str(path), "3", "16") and cjk(message) == chinese
    assert message == (" reset_after“5”必须是 10 到 86400 之间的秒数" if chinese
                       else " reset_after '5' must be a number of seconds from 10 to 86400")
    assert ("发现 1 个问题" if chinese else "1 problem found") in result.stderr
    path.write_text(f"kiosk:\n  dataset: {DATA / 'archive.yaml'}\n  tour: walk\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "timeline_app", "validate-config", str(path), *args],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 1 and result.stdout.startswith(f"{path}:3:9: ")
    assert cjk(result.stdout) == chinese, result.stdout  # what the dataset lacks, in the same language


def test_kiosk_options_need_the_kiosk_and_are_checked():
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    for args, message in (
            (["--config", "x.yaml"], "need --kiosk"),
            (["--kiosk", "--lang", "en", "--attract-after", "1"],
             "error: --attract-after '1' must be a number of seconds from 10 to 86400"),
            (["--kiosk", "--attract-after", "1"], "error: --attract-after“1”必须是 10 到 86400 之间的秒数"),  # the system's
            (["--kiosk", "--lang", "en", "--exit-pin", "12"], "error: --exit-pin must be 4 to 12 digits"),
            (["--kiosk", "--tour-step", "2"], "--tour-step is for")):
        result = subprocess.run([sys.executable, "-m", "timeline_app", *args], capture_output=True, text=True,
                                timeout=60, env=env)
        assert result.returncode == 2 and message in result.stderr, result.stderr


def test_importing_the_configuration_stays_light():
    """The viewer imports it on every start: YAML, the checks' difflib and numpy wait until a file is read."""
    code = ("import sys, timeline_app.config; "
            "print(sorted(m for m in ('yaml', 'difflib', 'numpy', 'timeline_app.dataset.checks') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr


def test_a_value_no_option_sets_is_named_by_its_key():
    [problem] = dataset_problems(KioskConfig(branches=("nope",)), load_dataset(DATA / "archive.yaml"))
    assert isinstance(problem, OptionProblem) and str(problem).startswith("branches: ")


def test_validate_config_says_which_screens_a_scale_fits(tmp_path, capsys):
    path = write(tmp_path, f"kiosk:\n  dataset: {DATA / 'archive.yaml'}\n  scale: 1.5\n")
    assert main(["validate-config", str(path), "--lang", "en"]) == 0
    assert "needs a screen of at least 1920×1080 pixels" in capsys.readouterr().out
    assert main(["validate-config", str(path), "--lang", "zh"]) == 0
    assert "至少 1920×1080 像素" in capsys.readouterr().out


@pytest.mark.parametrize(("keys", "at"), [("  attract_after: 120\n", "3:18"),
                                          ("  attract_after: 60\n  reset_after: 60\n", "3:18"),
                                          ("  reset_after: 30\n", "3:16")])
def test_the_tour_must_start_before_the_reset(tmp_path, capsys, keys, at):
    path = write(tmp_path, f"kiosk:\n  dataset: {DATA / 'archive.yaml'}\n{keys}")
    assert main(["validate-config", str(path), "--lang", "en"]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{path}:{at}: attract_after (") and "must be less than reset_after" in line

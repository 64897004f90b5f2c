"""The kiosk's configuration file: checked like a dataset (FILE:LINE:COL for every problem, in one
pass), overridden from the command line by the same rules, and checked against its dataset."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.config import ConfigError, KioskConfig, dataset_problems, load_config, parse_option
from timeline_app.dataset import load_dataset

DATA = Path(__file__).parent / "data"


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "kiosk.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return [str(p).removeprefix(str(path)) for p in info.value.problems]


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
        ":2:13: language: 'fr' is not one of: zh, en",
        ":3:18: attract_after: '5' must be a number of seconds from 10 to 86400",
        ":4:16: reset_after: '2 minutes' must be a number of seconds from 10 to 86400",
        ":5:10: dwell: max (10 s) is less than min (30 s)",
        ":6:13: exit_pin: the exit PIN must be 4 to 12 digits",
        ":7:15: exit_chord: 'Ctrl+Q' must be two or more of Ctrl, Alt, Shift, Meta and a letter, digit or "
        "F1–F24, joined by '+' (e.g. Ctrl+Alt+Shift+Q)",
        ":8:22: branches: 'wushan' is listed twice",
        ":9:10: scale: '9' must be a number from 0.5 to 4",
        ":10:10: theme: 'pink' is not one of: system, light, dark, contrast",
        ":11:12: dataset: missing.yaml: no such file (paths are relative to this file)",
        ":12:3: unknown key 'tuor' in the kiosk section (did you mean 'tour'?)",
        ":13:1: unknown key 'extra' in the configuration; allowed: kiosk",
    ]


def test_yaml_problems_come_from_the_datasets_reader(tmp_path):
    """Anchors, aliases and duplicate keys are refused as in a dataset (worded by its reader)."""
    path = write(tmp_path, "kiosk:\n  tour: &a x\n  language: *a\n  tour: y\n")
    found = problems_of(path)
    assert found[0].startswith(":2:9:") and "&a" in found[0]  # the anchor
    assert any(p.startswith(":3:13:") and "*a" in p for p in found)  # the alias
    assert any(p.startswith(":4:3:") and "tour" in p for p in found)  # the second 'tour'
    assert problems_of(write(tmp_path, "kiosk: [1, 2\n"))[0].startswith(":2:1:")  # unclosed: where it ends


def test_a_file_without_a_kiosk_section(tmp_path):
    assert problems_of(write(tmp_path, "viewer:\n  theme: dark\n")) == [
        ":1:1: the configuration has no 'kiosk' section",
        ":1:1: unknown key 'viewer' in the configuration; allowed: kiosk",
    ]


def test_what_the_dataset_lacks_is_reported_where_it_is_named(tmp_path):
    path = write(tmp_path, """\
        kiosk:
          branches: [east, north]
          tour: walk
          figures: [outpatient-visits, beds, smiles]
        """)
    found = dataset_problems(load_config(path), load_dataset(DATA / "archive.yaml"))
    name = str(DATA / "archive.yaml")
    assert [p.removeprefix(str(path)) for p in found] == [
        f":2:20: branches: no branch 'north' in {name}",
        f":4:38: figures: no measure 'smiles' in {name}",
        f":3:9: tour: no tour 'walk' in {name} (its tours: highlights)",
    ]


def test_command_line_values_follow_the_files_rules():
    assert parse_option("attract_after", "45") == 45.0
    assert parse_option("exit_pin", "0007") == "0007"
    with pytest.raises(ValueError, match="from 10 to 86400"):
        parse_option("reset_after", "3")
    config = KioskConfig(tour="highlights", where={"tour": (3, 9)}).overridden(tour="walk")
    assert dataset_problems(config, load_dataset(DATA / "archive.yaml")) == [
        f"--tour: no tour 'walk' in {DATA / 'archive.yaml'} (its tours: highlights)"]


def test_validate_config_command(tmp_path, capsys):
    good = write(tmp_path, f"kiosk:\n  dataset: {DATA / 'archive.yaml'}\n  tour: highlights\n  exit_pin: '2580'\n")
    assert main(["validate-config", str(good)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "valid kiosk configuration" in out and "tour 'highlights'" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"kiosk:\n  dataset: {DATA / 'archive.yaml'}\n  tour: walk\n  scale: big\n", encoding="utf-8")
    assert main(["validate-config", str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{bad}:4:10: scale: 'big' must be a number from 0.5 to 4"]  # the file first, then the dataset
    bad.write_text(f"kiosk:\n  dataset: {DATA / 'archive.yaml'}\n  tour: walk\n", encoding="utf-8")
    assert main(["validate-config", str(bad)]) == 1
    assert capsys.readouterr().out.startswith(f"{bad}:3:9: tour: no tour 'walk'")
    assert main(["validate-config", str(tmp_path / "none.yaml")]) == 2


def test_kiosk_options_need_the_kiosk_and_are_checked():
    for args, message in ((["--config", "x.yaml"], "need --kiosk"), (["--kiosk", "--attract-after", "1"], "from 10"),
                          (["--kiosk", "--tour-step", "2"], "--tour-step is for")):
        result = subprocess.run([sys.executable, "-m", "timeline_app", *args], capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 2 and message in result.stderr, result.stderr

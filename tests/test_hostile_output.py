"""What the command line writes cannot be turned against the reader, and big archives stream out."""

import io
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

from timeline_app.cli import main
from timeline_app.interchange.json_export import iter_json, to_json_data

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from synth import synthetic_dataset  # noqa: E402

VALID = (Path(__file__).parent / "dataset" / "corpus" / "valid.yaml").read_text(encoding="utf-8")


def test_control_characters_in_a_value_reach_the_terminal_escaped(tmp_path, capsys):
    """An ESC in a value would recolour or retitle the terminal; a bidi override reorder the line."""
    path = tmp_path / "d.yaml"
    path.write_text(VALID.replace("category: cat\n", 'category: "c\\e]0;owned\\a\\u202eat"\n'), encoding="utf-8")
    assert main(["validate", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "unknown category 'c\\x1b]0;owned\\x07\\u202eat'" in out


def test_a_file_name_that_is_not_utf8_is_printed_without_crashing(tmp_path, capsys):
    """Python gives such a name lone surrogates; print() raised UnicodeEncodeError on them."""
    folder = os.fsencode(tmp_path)
    path = os.fsdecode(folder + b"/caf\xe9.yaml")
    Path(path).write_text(VALID, encoding="utf-8")
    assert main(["validate", path]) == 0
    assert "caf\\udce9.yaml: valid: 1 milestones" in capsys.readouterr().out
    Path(path).write_text(VALID.replace("date: 2013-06-28", "date: 2013-02-30"), encoding="utf-8")
    assert main(["validate", path, "--lang", "en"]) == 1
    assert "caf\\udce9.yaml:14:11: bad date" in capsys.readouterr().out


def test_validate_on_a_fifo_answers_at_once(tmp_path, capsys):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    start = time.perf_counter()
    assert main(["validate", str(fifo), "--lang", "en"]) == 2
    assert time.perf_counter() - start < 5
    assert "it is not a regular file" in capsys.readouterr().err


def test_the_json_export_streams_within_bounded_memory():
    """One milestone at a time: as one tree of dicts first, 450,000 milestones took 4 GB."""
    dataset = synthetic_dataset(5000)
    whole = json.dumps(to_json_data(dataset), ensure_ascii=False, indent=2) + "\n"
    sink = io.StringIO()
    tracemalloc.start()
    try:
        for piece in iter_json(dataset):
            sink.write(piece)
            sink.seek(0)  # (the sink keeps only the last piece: what is measured is the export's own memory)
            sink.truncate()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < len(whole) / 10, (peak, len(whole))
    assert "".join(iter_json(dataset)) == whole  # the same text as the export written at once

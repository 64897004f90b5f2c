"""A corpus of bad inputs, each with its expected answer (``corpus/NAME.expected``), on both paths.

The expected answer is what ``timeline-app validate`` prints, less the file name: ``valid``, or
one ``:LINE:COL: message`` per problem. The fast path (libyaml) and the reference path (pure
parser) must both give it, the same models and the same problems; only where the file ends too
early or nests too deep (``WORDED_BY_PARSER``) may the two parsers word and place the syntax
error each in its own way.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from timeline_app.dataset import DatasetError, files, load_dataset
from timeline_app.i18n.problems import format_problem

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix != ".expected")
WORDED_BY_PARSER = {"truncated.yaml", "deep-nesting.yaml"}  # the parser's own verdict: each words it itself
EXECUTED = Path("/tmp/timeline-corpus-executed")  # what python-tags.yaml would create if it were run


def answer(path: Path, fast: bool = True, name: str | None = None):
    """(lines as validate prints them less the file name, the dataset or the problems)."""
    name = name or str(path)
    try:
        dataset = load_dataset(path, fast=fast, display_name=name)
    except DatasetError as err:
        return [format_problem(p).removeprefix(name) for p in err.problems], err.problems
    return ["valid"], dataset


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_each_file_gets_its_expected_answer(path):
    EXECUTED.unlink(missing_ok=True)
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    lines, _ = answer(path)
    assert lines == expected
    if path.name not in WORDED_BY_PARSER:
        assert answer(path, fast=False)[0] == expected
    assert not EXECUTED.exists()


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_fast_and_reference_paths_agree(path):
    fast_lines, fast = answer(path, fast=True)
    reference_lines, reference = answer(path, fast=False)
    if path.name in WORDED_BY_PARSER:
        assert [p.key for p in fast] == [p.key for p in reference]
        return
    assert fast_lines == reference_lines
    assert fast == reference  # the same records, or the same problems (keys, parameters, positions)


def test_a_bom_is_accepted_and_changes_nothing():
    assert answer(CORPUS / "bom.yaml")[1] == answer(CORPUS / "valid.yaml")[1]


def test_a_50_megabyte_file_is_answered_within_seconds(tmp_path):
    """A valid head, 50 MB of comment lines, and one bad date at the very end: found, with its line."""
    valid = (CORPUS / "valid.yaml").read_text(encoding="utf-8")
    padding = "# " + "x" * 97 + "\n"
    count = 50 * 1024 * 1024 // len(padding)
    path = tmp_path / "large.yaml"
    path.write_text(valid.replace("indicators:", padding * count + "indicators:").replace('date: 2023,', 'date: 2023-02-29,'),
                    encoding="utf-8")
    assert path.stat().st_size > 50 * 1024 * 1024
    start = time.perf_counter()
    lines, _ = answer(path)
    assert time.perf_counter() - start < 10
    at = valid.index("2023,")
    line, column = valid.count("\n", 0, at) + 1 + count, at - valid.rfind("\n", 0, at)
    assert lines == [f":{line}:{column}: bad date: '2023-02-29': 2023-02 has no day 29 (it has 28 days)"]


def test_a_folder(tmp_path):
    assert answer(tmp_path)[0] == [":1:1: cannot read file: it is a folder; name the dataset's .yaml file"]


NOT_REGULAR = [":1:1: cannot read file: it is not a regular file (a pipe, a device or a socket); name the dataset's .yaml file"]


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    """Reading a FIFO blocks until something writes to it: validate hung for ever."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    start = time.perf_counter()
    assert answer(fifo)[0] == NOT_REGULAR
    assert time.perf_counter() - start < 2


def test_a_device_is_refused_before_it_is_read():
    """/dev/zero never ends: it was read until memory ran out."""
    assert answer(Path("/dev/zero"))[0] == NOT_REGULAR


def test_the_size_cap_holds_on_the_bytes_read(tmp_path, monkeypatch):
    """A file that says it is small (or grows while it is read) is still cut at the cap."""
    path = tmp_path / "growing.yaml"
    path.write_bytes((CORPUS / "valid.yaml").read_bytes())
    real_fstat = os.fstat
    monkeypatch.setattr(files.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    monkeypatch.setattr(files, "MAX_BYTES", 100)
    assert answer(path)[0] == [":1:1: file is 101 bytes; the limit is 100"]


def test_a_missing_file(tmp_path):
    assert answer(tmp_path / "absent.yaml")[0] == [":1:1: cannot read file: it does not exist"]


def test_an_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.yaml"
    path.write_text((CORPUS / "valid.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads whatever the mode says: refuse the read the way the OS would
        real_open = os.open

        def refuse(target, *args, **kwargs):
            if str(target) == str(path):
                raise PermissionError(13, "Permission denied", str(target))
            return real_open(target, *args, **kwargs)

        monkeypatch.setattr(files.os, "open", refuse)
    assert answer(path)[0] == [":1:1: cannot read file: permission denied (check who may read it)"]


def test_a_flood_of_problems_is_counted_not_kept(tmp_path):
    """7 MB of '- {}' gave 7 million problems, kept and worded: 52 s and 3.2 GB."""
    import tracemalloc

    head = (CORPUS / "valid.yaml").read_text(encoding="utf-8").split("milestones:")[0]
    path = tmp_path / "flood.yaml"
    path.write_text(head + "milestones:\n" + "  - {}\n" * 30_000, encoding="utf-8")
    tracemalloc.start()
    try:
        with pytest.raises(DatasetError) as info:
            load_dataset(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.total == 210_000 and len(info.value.problems) == 1001
    assert format_problem(info.value.problems[-1]).endswith(":153:5: … and 209000 more problems not shown")
    assert peak < 20_000_000

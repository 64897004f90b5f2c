"""The last good copy: exactly the bytes that loaded, kept atomically, recalled as the original file."""

from pathlib import Path

import pytest

import timeline_app.dataset.last_good as last_good
from timeline_app.dataset.last_good import CACHE_DIR_ENV, LastGoodCopies, cache_dir, holds_nothing

SMALL = (Path(__file__).parents[1] / "data" / "small.yaml").read_bytes()
BROKEN = SMALL.replace(b"date: 2016-09", b"date: 2016-13")


@pytest.fixture
def copies(tmp_path):
    return LastGoodCopies(tmp_path / "copies")


def test_a_good_load_keeps_its_bytes_and_nothing_else(copies, write_yaml):
    path = write_yaml(SMALL)
    assert len(copies.load(path).milestones) == 3
    assert copies.copy_path(path).read_bytes() == SMALL
    assert [p.name for p in copies.folder.iterdir()] == [copies.copy_path(path).name]  # no temporary left
    assert copies.copy_path(path) != copies.copy_path(path.with_name("other.yaml"))


def test_a_file_that_changes_while_it_loads_is_not_kept(copies, write_yaml, monkeypatch):
    path = write_yaml(SMALL)
    real = last_good.load_dataset

    def load_during_a_save(p, *args, **kwargs):
        dataset = real(p, *args, **kwargs)
        p.write_bytes(SMALL.replace(b"Test alliance", b"Being saved alliance"))
        return dataset

    monkeypatch.setattr(last_good, "load_dataset", load_during_a_save)
    copies.load(path)
    assert not copies.copy_path(path).exists()


def test_a_broken_file_opens_on_its_last_good_copy_named_as_the_file(copies, write_yaml):
    path = write_yaml(SMALL)
    assert copies.open(path).problems == []
    path.write_bytes(BROKEN)
    opened = copies.open(path)
    assert [p.line for p in opened.problems] == [47] and opened.problems[0].file == str(path)
    assert opened.copy_saved is not None and not opened.is_empty
    assert opened.dataset.path == path and len(opened.dataset.milestones) == 3
    assert copies.copy_path(path).read_bytes() == SMALL  # the bad file did not replace the copy


def test_without_a_copy_a_broken_file_opens_empty(copies, write_yaml):
    path = write_yaml(BROKEN)
    opened = copies.open(path)
    assert opened.is_empty and holds_nothing(opened.dataset) and opened.dataset.path == path


def test_a_cache_that_cannot_be_written_costs_only_the_copy(tmp_path, write_yaml, caplog):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    copies = LastGoodCopies(blocked / "copies")
    assert len(copies.load(write_yaml(SMALL)).milestones) == 3
    assert "cannot keep the last good copy" in caplog.text


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    assert cache_dir() == tmp_path / "last-good"
    monkeypatch.delenv(CACHE_DIR_ENV)
    assert cache_dir().name == "last-good" and "timeline-app" in str(cache_dir())

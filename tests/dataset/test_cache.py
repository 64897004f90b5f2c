"""The cache of validated datasets: a hit is the cold load; anything stale, broken or foreign is rebuilt."""

import dataclasses
import hashlib
import os
import pickle
import time
from decimal import Decimal

import pytest

from timeline_app.dataset import DatasetError, cache, load_dataset
from timeline_app.dataset.cache import ENV_VAR, cache_dir, cache_file, load_cached
from timeline_app.dataset.files import remove_stale_temporaries
from timeline_app.i18n.problems import format_problem

CORPUS = __import__("pathlib").Path(__file__).parent / "corpus"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def dataset_file(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_bytes((CORPUS / "valid.yaml").read_bytes())
    return path


@pytest.fixture
def parses(monkeypatch):
    """Counts the loads that parse the file (misses), as opposed to cache hits."""
    calls = []
    real = cache.parse_dataset

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(cache, "parse_dataset", counting)
    return calls


def test_a_hit_equals_a_cold_load(folder, dataset_file, parses):
    first = load_cached(dataset_file)
    second = load_cached(dataset_file)
    assert len(parses) == 1 and cache_file(dataset_file).is_file()
    cold = load_dataset(dataset_file)
    assert second == cold and first == cold and second is not first
    assert second.path == dataset_file and second.milestones[0].line == cold.milestones[0].line
    assert list(folder.iterdir()) == [cache_file(dataset_file)]  # nothing temporary left behind


def test_the_bundled_dataset_round_trips(folder, parses):
    from timeline_app.dataset import bundled_dataset_path

    assert load_cached(bundled_dataset_path()) == load_cached(bundled_dataset_path()) == load_dataset(bundled_dataset_path())
    assert len(parses) == 1


def test_an_edited_file_is_read_again(folder, dataset_file, parses):
    load_cached(dataset_file)
    dataset_file.write_text(dataset_file.read_text(encoding="utf-8").replace("Signing", "Signed"), encoding="utf-8")
    assert load_cached(dataset_file).milestones[0].title.en == "Signed"
    assert load_cached(dataset_file).milestones[0].title.en == "Signed"
    assert len(parses) == 2


@pytest.mark.parametrize("spoil", [
    lambda raw: raw[: len(raw) // 2],  # truncated
    lambda raw: raw[:-10] + bytes(10),  # corrupted payload
    lambda raw: b"",  # empty
    lambda raw: b"\x89PNG\r\n\x1a\n" + raw[8:],  # someone else's file
    lambda raw: raw.replace(b"timeline-app validated dataset\n1 ", b"timeline-app validated dataset\n0 ", 1),  # older layout
], ids=["truncated", "corrupted", "empty", "foreign", "older"])
def test_a_spoilt_entry_is_ignored_and_rebuilt(folder, dataset_file, parses, spoil):
    load_cached(dataset_file)
    entry = cache_file(dataset_file)
    entry.write_bytes(spoil(entry.read_bytes()))
    assert load_cached(dataset_file) == load_dataset(dataset_file)
    assert len(parses) == 2
    load_cached(dataset_file)
    assert len(parses) == 2  # the rebuilt entry is good again


def test_a_forged_entry_runs_nothing(folder, dataset_file, parses, tmp_path):
    """A payload with our header and a matching hash that names os.system is refused, not run."""
    load_cached(dataset_file)
    entry = cache_file(dataset_file)
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return os.system, (f"touch {marker}",)

    forge(entry, pickle.dumps(Evil()))
    assert load_cached(dataset_file) == load_dataset(dataset_file)
    assert not marker.exists() and len(parses) == 2


def forge(entry, payload: bytes) -> None:
    """Puts ``payload`` in the entry behind a header and a hash that match: what a forger can write."""
    raw = entry.read_bytes()
    head = raw[: raw.index(b"\n", len(cache.MAGIC)) + 1 + 2 * cache._DIGEST]
    entry.write_bytes(head + hashlib.blake2b(payload, digest_size=cache._DIGEST).digest() + payload)


def self_holding(dataset):
    """A dataset whose milestones hold the dataset itself: hashing or comparing it never ends."""
    forged = dataclasses.replace(dataset)
    object.__setattr__(forged, "milestones", (forged,))
    return forged


@pytest.mark.parametrize("wrong", [
    lambda d: dataclasses.replace(d, milestones=(dataclasses.replace(d.milestones[0], title=42),)),
    lambda d: dataclasses.replace(d, milestones=(dataclasses.replace(d.milestones[0], branch="nowhere"),)),
    lambda d: dataclasses.replace(d, indicators=(dataclasses.replace(
        d.indicators[0], points=(dataclasses.replace(d.indicators[0].points[0], value=Decimal("Infinity")),)),)),
    lambda d: dataclasses.replace(d, sources=d.sources * 2),  # one id twice
    lambda d: d.chronological and d,  # a cached property in the pickled state: not ours to trust
    self_holding,
], ids=["a-number-for-a-title", "unknown-branch", "infinite-figure", "duplicate-id", "cached-property",
        "holds-itself"])
def test_an_entry_whose_model_is_wrong_is_dropped_and_rebuilt(folder, dataset_file, parses, wrong):
    """Our own record types, put together as the loader never would: every start died on one."""
    good = load_cached(dataset_file)
    forge(cache_file(dataset_file), pickle.dumps(wrong(dataclasses.replace(good, path=None))))
    assert load_cached(dataset_file) == load_dataset(dataset_file)
    assert len(parses) == 2
    load_cached(dataset_file)
    assert len(parses) == 2  # the rebuilt entry is good again


def test_temporary_files_left_by_a_killed_write_are_removed(folder, dataset_file):
    load_cached(dataset_file)
    stale, fresh = folder / "abc.dataset1234.tmp", folder / "def.dataset5678.tmp"  # as mkstemp names them
    stale.write_bytes(b"half an entry")
    fresh.write_bytes(b"another process's write under way")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    assert remove_stale_temporaries(folder) == [stale]
    assert not stale.exists() and fresh.exists() and cache_file(dataset_file).exists()


def test_a_file_with_problems_is_never_cached(folder, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes((CORPUS / "unknown-references.yaml").read_bytes())
    expected = (CORPUS / "unknown-references.expected").read_text(encoding="utf-8").splitlines()
    for _ in range(2):
        with pytest.raises(DatasetError) as info:
            load_cached(path)
        assert [format_problem(p).removeprefix(str(path)) for p in info.value.problems] == expected
    assert not folder.exists() or not any(folder.iterdir())


def test_an_unwritable_cache_is_simply_not_used(tmp_path, monkeypatch, dataset_file):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(ENV_VAR, str(blocker / "cache"))
    assert load_cached(dataset_file) == load_dataset(dataset_file)


def test_the_default_folder_is_the_users_cache(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    import platformdirs

    assert cache_dir() == __import__("pathlib").Path(platformdirs.user_cache_dir("timeline-app", appauthor=False))


def test_load_dataset_uses_the_cache_only_when_asked(folder, dataset_file, parses):
    load_dataset(dataset_file)
    assert not parses and not folder.exists()
    load_dataset(dataset_file, cache=True)
    load_dataset(dataset_file, cache=True)
    assert len(parses) == 1

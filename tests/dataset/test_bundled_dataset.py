"""The bundled dataset (data/alliance.yaml): complete, bilingual, traceable to the seed records.

The loader already refuses broken references, bad dates and non-positive values; these tests
state the invariants the bundled dataset must keep on top of that, and tie every citation to the
seed record of its source (seeds/*.yaml), where the article's facts are listed by paragraph.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

from timeline_app.dataset import DatasetError, Kind, Text, bundled_dataset_path, load_dataset

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
# The sources tell of the alliance from its first agreement (2013) to its tenth year (2023).
PERIOD = (dt.date(2013, 1, 1), dt.date(2023, 12, 31))
# Longest run of characters that may coincide with an article's prose (names and figures are
# short; a copied clause is not).
MAX_SHARED_RUN = 16


@pytest.fixture(scope="module")
def dataset():
    try:
        return load_dataset(bundled_dataset_path())
    except DatasetError as err:  # show every problem, not just "it failed"
        pytest.fail("the bundled dataset does not load:\n" + "\n".join(map(str, err.problems)))


@pytest.fixture(scope="module")
def seeds(dataset):
    """Each source's seed record, by source id."""
    records = {}
    for source in dataset.sources:
        assert source.seed, f"source '{source.id}' names no seed record"
        path = ROOT / source.seed
        assert path.is_file(), f"source '{source.id}': seed record {source.seed} is missing"
        records[source.id] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return records


def records(ds):
    """Every record that has an id."""
    return [*ds.sources, *ds.branches, *ds.categories, *ds.eras, *ds.milestones, *ds.indicators]


def cited(ds):
    """(record, citation) for every citation of every milestone and indicator."""
    return [(r, c) for r in (*ds.milestones, *ds.indicators) for c in r.sources]


def test_it_is_the_bundled_dataset_and_not_empty(dataset):
    assert dataset.path == bundled_dataset_path()
    assert dataset.milestones and dataset.indicators
    assert {b.kind.value for b in dataset.branches} == {"branch", "parent", "alliance"}


def test_ids_are_unique(dataset):
    counts = Counter(r.id for r in records(dataset))
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_reference_resolves(dataset):
    branches = {b.id for b in dataset.branches}
    categories = {c.id for c in dataset.categories}
    sources = {s.id for s in dataset.sources}
    for m in dataset.milestones:
        assert m.branch in branches and m.category in categories, m.id
    for i in dataset.indicators:
        assert i.branch in branches, i.id
    for record, citation in cited(dataset):
        assert citation.source in sources, record.id


def test_every_text_is_bilingual(dataset):
    fields = ("title", "summary", "name", "full_name", "label", "note", "outlet", "author", "photos")

    def texts(r):
        yield from (getattr(r, name, None) for name in fields)
        yield from getattr(r, "editors", ())
        for person in getattr(r, "people", ()):
            yield from (person.name, person.role)
        yield from getattr(r, "places", ())

    for r in records(dataset):
        for text in texts(r):
            if text is not None:
                assert text.zh.strip() and text.en.strip(), r.id
    for m in dataset.milestones:
        for text in (m.title, m.summary):
            assert text.zh.strip() and text.en.strip(), m.id


def test_chinese_texts_have_no_stray_spaces(dataset):
    """A folded YAML line break becomes a space, which Chinese does not put between words: write
    Chinese on one line. (Source titles and credits keep the spaces the articles have.)"""
    cjk = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
    stray = [
        where for r in (*dataset.milestones, *dataset.indicators)
        for where, text in dataset_texts(r, r.id) if where.endswith(".zh") and re.search(f"{cjk}\\s{cjk}", text)
    ]
    assert stray == []


def test_every_milestone_and_indicator_cites_a_paragraph(dataset):
    for r in (*dataset.milestones, *dataset.indicators):
        assert r.sources, f"{r.id} cites no source"
        for c in r.sources:
            assert c.paragraph is not None, f"{r.id} cites {c.source} without a paragraph"


def test_seed_records_match_their_sources(dataset, seeds):
    for source in dataset.sources:
        seed = seeds[source.id]
        assert seed["id"] == source.id
        numbers = [p["n"] for p in seed["paragraphs"]["map"]]
        assert numbers == list(range(1, len(numbers) + 1)), f"{source.id}: paragraphs must be numbered 1..N"
        assert source.paragraphs == seed["paragraphs"]["count"] == len(numbers), source.id
        fact_ids = [f["id"] for f in seed["facts"]]
        assert len(fact_ids) == len(set(fact_ids)), f"{source.seed}: duplicate fact ids"
        for fact in seed["facts"]:
            assert fact["paragraph"] in numbers, f"{source.seed}: fact {fact['id']}"
            assert str(fact["en"]).strip() and str(fact["zh"]).strip(), f"{source.seed}: fact {fact['id']}"
            # Each fact is either in the dataset or says why not.
            assert ("dataset" in fact) != ("not_in_dataset" in fact), f"{source.seed}: fact {fact['id']}"


def test_every_citation_points_at_a_fact_of_its_seed_that_names_the_record(dataset, seeds):
    naming = {}  # record id -> {(source, paragraph)} of the facts that name it
    for source_id, seed in seeds.items():
        for fact in seed["facts"]:
            for record_id in fact.get("dataset", ()):
                naming.setdefault(record_id, set()).add((source_id, fact["paragraph"]))
    ids = {r.id for r in records(dataset)}
    assert sorted(set(naming) - ids) == [], "seed facts name records the dataset does not have"
    for record, c in cited(dataset):
        assert (c.source, c.paragraph) in naming.get(record.id, set()), (
            f"{record.id} cites {c.source} paragraph {c.paragraph}, "
            "but no fact of that paragraph in the seed record names it"
        )
    for r in (*dataset.milestones, *dataset.indicators):
        assert naming.get(r.id, set()) <= {(c.source, c.paragraph) for c in r.sources}, (
            f"{r.id}: a seed fact names it from a paragraph it does not cite"
        )


def test_dated_milestones_have_the_date_their_source_gives(dataset, seeds):
    """A day, month or year must be one the article states, never sharper; the rest are one-of dates."""
    stated = {}
    for source_id, seed in seeds.items():
        for fact in seed["facts"]:
            for record_id in fact.get("dataset", ()):
                stated.setdefault(record_id, set()).add(str(fact.get("date", "")))
    for m in dataset.milestones:
        if m.date.kind is Kind.ONE_OF:
            assert m.date.earliest and m.date.latest, f"{m.id}: an undated milestone needs a bounded period"
        else:
            assert m.date.kind is Kind.DATE and m.date.text in stated.get(m.id, set()), (
                f"{m.id}: date {m.date.text} is not a date its seed facts state"
            )


def test_undated_milestones_start_no_earlier_than_their_branch_s_first_agreement(dataset):
    """Both articles credit what they name without a date to the alliance years, so a branch's
    undated milestones lie between its first agreement and 2023, not in the months before it."""
    for branch in dataset.branches:
        agreements = [m.date.earliest for m in dataset.milestones
                      if m.branch == branch.id and m.category == "agreement" and m.date.kind is Kind.DATE]
        if not agreements:
            continue
        start = min(agreements)
        for m in dataset.milestones:
            if m.branch == branch.id and m.date.kind is Kind.ONE_OF:
                assert m.date.earliest == start, f"{m.id}: {m.date.text} should start on {start} (the first agreement)"


def test_everyone_the_seed_records_name_appears_with_their_role(dataset, seeds):
    """People the articles name are in the dataset, as named there and with a role, unless the seed says why not."""
    in_dataset = {}
    for m in dataset.milestones:
        for person in m.people:
            assert person.role.zh.strip() and person.role.en.strip(), m.id
            in_dataset.setdefault(person.name.zh, set()).add(person.name.en)
    for source_id, seed in seeds.items():
        for person in seed.get("people", ()):
            if "not_in_dataset" in person:
                continue
            name = person["name"]
            assert name["zh"] in in_dataset, f"{source_id}: {name['zh']} is named in the article but not in the dataset"
            assert in_dataset[name["zh"]] == {name["en"]}, f"{name['zh']} is translated inconsistently"


def test_indicator_values_are_positive_and_measures_line_up(dataset):
    units = {}
    for i in dataset.indicators:
        assert i.points, i.id
        for p in i.points:
            assert p.value > 0, i.id
        units.setdefault(i.measure, set()).add(i.unit)
    assert {m: u for m, u in units.items() if len(u) > 1} == {}, "a measure is counted in different units"


def test_dates_fall_within_the_sources_period(dataset):
    lo, hi = PERIOD

    def check(what, date):
        bounds = [d for d in (date.earliest, date.latest) if d is not None]
        assert bounds, f"{what}: {date.text} has no known bound"
        # "before 2013" (2013年前: [..2012]) is the one kind of date that ends before the period.
        first = lo.replace(year=lo.year - 1) if date.earliest is None else lo
        for d in bounds:
            assert first <= d <= hi, f"{what}: {date.text} is outside {lo.year}–{hi.year}"

    for m in dataset.milestones:
        check(m.id, m.date)
    for e in dataset.eras:
        check(e.id, e.date)
    for i in dataset.indicators:
        for p in i.points:
            check(i.id, p.date)


def normalised(text):
    """The text as a copy would share it however it is wrapped or typed: NFKC (so the Wushan
    capture's half-width ",;()" match full-width ones) and no whitespace (a folded YAML line
    break turns into a space between two Chinese characters)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def runs(text):
    """Every run of characters one longer than may be shared."""
    text = normalised(text)
    return {text[k:k + MAX_SHARED_RUN + 1] for k in range(len(text) - MAX_SHARED_RUN)}


def article_runs(seed, root):
    """The runs of the article's paragraphs (its headline is kept, as the source's title), or
    None when the captured article is not here."""
    capture = root / seed["capture"]
    if not capture.is_file():
        return None
    lines = capture.read_text(encoding="utf-8").splitlines()
    body = [lines[p["line"] - 1] for p in seed["paragraphs"]["map"] if p["kind"] != "headline"]
    return set().union(*map(runs, body))


def dataset_texts(value, where):
    """(where, text) for both languages of every Text in a loaded dataset, however nested."""
    if isinstance(value, Text):
        yield f"{where}.zh", value.zh
        yield f"{where}.en", value.en
    elif isinstance(value, tuple):
        for k, item in enumerate(value):
            yield from dataset_texts(item, f"{where}[{getattr(item, 'id', k)}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from dataset_texts(getattr(value, f.name), f"{where}.{f.name}")


def seed_texts(value, where):
    """(where, text) for every string of a parsed seed record."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from seed_texts(item, f"{where}.{key}")
    elif isinstance(value, list):
        for k, item in enumerate(value):
            yield from seed_texts(item, f"{where}[{item.get('id', k) if isinstance(item, dict) else k}]")


def comments(path):
    """(where, text) for every YAML comment of a file, which the parser drops."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if found := re.search(r"(?:^|\s)#(.*)", line):
            yield f"{path.name}:{number}", found.group(1)


def copied_prose(ds, root):
    """Where a text of the dataset or of its seed records shares a longer run with an article.
    None when a captured article is not here."""
    shared, texts = set(), list(dataset_texts(ds, ds.path.name))
    for source in ds.sources:
        seed_path = root / source.seed
        seed = yaml.safe_load(seed_path.read_text(encoding="utf-8"))
        article = article_runs(seed, root)
        if article is None:
            return None
        shared |= article
        texts += [*seed_texts(seed, seed_path.name), *comments(seed_path)]
    texts += comments(ds.path)
    copied = []
    for where, text in texts:
        if found := runs(text) & shared:
            copied.append(f"{where}: {min(found)}")
    return copied


def test_no_prose_is_copied_from_the_articles(dataset):
    """Names and figures may coincide with the articles; no longer run of their text may, in
    any text the loader or a reader sees, wrapped across lines or not."""
    copied = copied_prose(dataset, ROOT)
    if copied is None:
        pytest.skip("the captured articles (../shared/seeds/) are not here")
    assert copied == []


def test_a_copy_is_found_even_where_it_wraps_across_lines():
    """A fixture copies a clause of an invented article (tests/data/planted-copy) wrapped across
    the lines of a folded summary and of a folded seed fact, where no line holds it, and into a
    comment: each copy is found, and nothing else."""
    root = DATA / "planted-copy"
    clause = "这一句是为测试而虚构的文章正文里的一个长分句"  # from line 2 of article.txt
    assert clause in (root / "article.txt").read_text(encoding="utf-8")
    for name in ("dataset.yaml", "seed.yaml"):
        assert all(clause not in line for line in (root / name).read_text(encoding="utf-8").splitlines())
    found = copied_prose(load_dataset(root / "dataset.yaml"), root)
    assert [where.split(": ")[0] for where in found] == [
        "dataset.yaml.milestones[planted-copy].summary.zh",
        "seed.yaml.facts[t-02].zh",
        "dataset.yaml:18",
    ]


def test_it_loads_the_same_with_libyaml_and_the_pure_parser(dataset):
    """An installation whose PyYAML has no libyaml opens the same data (the reference path)."""
    assert load_dataset(bundled_dataset_path(), fast=False) == dataset

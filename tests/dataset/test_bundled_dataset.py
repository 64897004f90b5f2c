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
from timeline_app.dataset.edtf import Part
from timeline_app.i18n.dates import describe
from timeline_app.viewmodel.indicators import measure_rows

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
# The sources tell of the alliance from its first agreement (2013) to its tenth year (2023).
PERIOD = (dt.date(2013, 1, 1), dt.date(2023, 12, 31))
# Longest run of characters that may coincide with an article's prose (names and figures are
# short; a copied clause is not): a run of 15 is a copy.
MAX_SHARED_RUN = 14


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


# -- honesty: what the articles say, no more -----------------------------------------------------


def ends(date):
    """The Part a date ends on (its last member's, for a one-of set), or None if open."""
    if date.kind is Kind.ONE_OF:
        last = date.members[-1]
        return last.end if last.is_range else last.start
    return date.end if date.kind is Kind.INTERVAL else date.start


def test_the_inferred_end_of_the_alliance_years_is_marked_uncertain_wherever_it_is_shown(dataset):
    """No article states 2023 as the end of what it names without a date, of its counts over the
    ten years or of the first decade: it is the articles' inferred "at present", so it is 2023?,
    and the words say it is uncertain, in the list as in the detail pane."""
    periods = [(m.id, m.date) for m in dataset.milestones if m.date.kind is Kind.ONE_OF]
    periods += [(i.id, p.date) for i in dataset.indicators for p in i.points if p.date.kind is Kind.INTERVAL]
    periods += [(e.id, e.date) for e in dataset.eras if isinstance(ends(e.date), Part)]
    assert len(periods) >= 42 + 27 + 1  # undated milestones, counts over the years, the first decade
    for what, date in periods:
        end = ends(date)
        assert end.year == 2023 and end.uncertain, f"{what}: {date.text} ends on a plain 2023"
        assert "存疑" in describe(date, "zh") and "uncertain" in describe(date, "en"), what
    undated = dataset.milestone_by_id["wushan-chest-pain-centre"]
    assert describe(undated.date, "zh") == "2013年6月28日至2023年（存疑）间"
    assert describe(undated.date, "en") == "between 28 Jun 2013 and 2023 (uncertain)"


def test_xiushan_s_grade_2a_reads_as_reached_not_as_under_way(dataset):
    """The article's 建二甲 (reached Grade II Class A, unlike 创三甲, still under way): the dataset
    keeps 创建 for efforts not finished, so 二甲 is not 创建."""
    m = dataset.milestone_by_id["xiushan-grade-2a"]
    assert "创建" not in m.title.zh + m.summary.zh
    assert m.title.zh == "建成二级甲等医院"


def figure_words(dataset, indicator_id, lang):
    return [f.words(lang) for row in measure_rows(dataset) for t in row.tracks if t.indicator.id == indicator_id
            for f in t.figures]


def test_a_rate_met_each_year_is_not_shown_as_cumulative(dataset):
    """连续十年…达标90%以上: 90% or more in each of ten years, not a total over them."""
    [point] = indicator(dataset, "wushan-cme-compliance").points
    assert point.each_year
    assert figure_words(dataset, "wushan-cme-compliance", "zh") == ["每年 2013年至2023年（存疑）：≥90"]
    assert figure_words(dataset, "wushan-cme-compliance", "en") == ["each year, 2013 – 2023 (uncertain): ≥90"]


def indicator(dataset, indicator_id):
    return next(i for i in dataset.indicators if i.id == indicator_id)


def test_an_incomplete_count_is_noted_on_every_figure_it_covers(dataset):
    """Xiushan paragraph 12 gives all its figures 据不完全统计: each says so, 余 figures included."""
    covered = [i for i in dataset.indicators if any(c == ("xiushan-article", 12) for c in
                                                    ((c.source, c.paragraph) for c in i.sources))]
    assert len(covered) == 6
    for i in covered:
        assert i.note and "不完全统计" in i.note.zh and "incomplete count" in i.note.en, i.id


def test_a_count_at_present_is_dated_at_present(dataset):
    """现获…立项和在研22项 counts, at present, projects approved or still under way: it is not a
    total over the ten years."""
    i = indicator(dataset, "xiushan-research-projects")
    assert [p.date.text for p in i.points] == ["2023?"]
    assert "目前" in i.note.zh and "at present" in i.note.en


def test_some_critically_ill_patients_are_not_all(dataset):
    m = dataset.milestone_by_id["xiushan-remote-consultation-2023-07-10"]
    assert "一些危重患者" in m.summary.zh and "some critically ill patients" in m.summary.en


def test_the_grade_3a_drive_is_not_said_to_follow_grade_2a(dataset):
    """The article lists 建二甲、创三甲; it does not say the one came after the other was reached."""
    m = dataset.milestone_by_id["xiushan-grade-3a-drive"]
    assert "二甲之后" not in m.summary.zh and "after reaching" not in m.summary.en.lower()


def test_counts_the_article_gives_no_period_for_say_their_period_is_inferred(dataset):
    """Wushan paragraphs 15-16 (experts stationed and visiting, lectures, teaching operations and
    rounds) give counts without a time phrase: their period is inferred at both ends, and noted."""
    counted = [i for i in dataset.indicators if any(c.source == "wushan-article" and c.paragraph in (15, 16)
                                                    for c in i.sources)]
    assert len(counted) == 5
    for i in counted:
        [point] = i.points
        assert point.date.start.uncertain and point.date.end.uncertain, i.id
        assert i.note and "未说明" in i.note.zh and "does not say" in i.note.en, i.id


def english_and_chinese(dataset, seeds):
    """(where, zh or en, text) for every text of the dataset and of the seed records."""
    for where, text in dataset_texts(dataset, "dataset"):
        yield where, where.rsplit(".", 1)[1], text
    for source_id, seed in seeds.items():
        for where, text in seed_texts(seed, source_id):
            yield where, where.rsplit(".", 1)[1], text


@pytest.mark.parametrize(("lang", "wrong"), [
    ("en", "intensive care"), ("en", "intensive-care"), ("en", "tertiary"),  # 重症医学科, 三甲: one term each
    ("en", "clinical key specialt"),  # municipal key clinical specialty
    ("en", "passed acceptance"), ("en", "in succession"), ("en", "rated a level-3"), ("en", "qualified as a level-3"),
    ("zh", "在岗"),  # 进修 is training away from one's post
    ("zh", "市级区域医学"), ("zh", "市级重点学科"),  # the title is 市区域医学重点学科
])
def test_one_term_for_one_thing_and_no_calques(dataset, seeds, lang, wrong):
    found = [where for where, language, text in english_and_chinese(dataset, seeds)
             if language == lang and wrong in text.lower()]
    assert found == []


def test_the_regional_key_discipline_keeps_its_full_title(dataset):
    m = dataset.milestone_by_id["xiushan-key-specialties-in-progress"]
    assert "市区域医学重点学科" in m.title.zh and "市区域医学重点学科" in m.summary.zh


def test_zhang_lin_is_not_among_the_people_of_the_2016_operation(dataset, seeds):
    """The article names 张林 only in the recent case it opens with, not in the 2016 first
    operation: a search for him must not land on it."""
    m = dataset.milestone_by_id["wushan-first-single-port-lung-surgery"]
    texts = [text for _, text in dataset_texts(m, m.id)]
    assert not any("张林" in t or "Zhang Lin" in t for t in texts)
    [person] = [p for p in seeds["wushan-article"]["people"] if p["name"]["zh"] == "张林"]
    assert "not_in_dataset" in person

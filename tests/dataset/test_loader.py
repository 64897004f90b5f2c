"""The loader: what it keeps as written, and each kind of problem it reports with a position."""

import textwrap
from decimal import Decimal

import pytest

from timeline_app.dataset import DatasetError, Kind, Qualifier, load_dataset
from timeline_app.dataset import files, yamltree
from timeline_app.dataset.records import BranchKind
from timeline_app.dataset.units import UNITS
from timeline_app.i18n.problems import format_problem, problem_message

pytestmark = pytest.mark.usefixtures("yaml_parser")  # every test on both parsers

HEAD = textwrap.dedent("""\
    format: 1
    title: {zh: 题, en: Title}
    sources:
      - {id: src, title: {zh: 文, en: Text}, outlet: {zh: 报, en: Paper}, date: "2023", paragraphs: 10}
    branches:
      - {id: north, kind: branch, name: {zh: 北, en: North}, color: "#112233"}
    categories:
      - {id: cat, name: {zh: 类, en: Kind}, marker: o, color: "#445566"}
    """)


def milestone(**overrides) -> str:
    fields = {
        "id": "m1", "branch": "north", "category": "cat", "date": "2013-06-28",
        "title": "{zh: 标题, en: Title}", "summary": "{zh: 摘要, en: Summary}", "sources": "[src]",
    }
    fields.update(overrides)
    body = "".join(f"    {k}: {v}\n" for k, v in fields.items() if v is not None)
    return "milestones:\n  -\n" + body


def problems(write_yaml, text, name="d.yaml"):
    path = write_yaml(text, name)
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    return [format_problem(p).removeprefix(str(path)) for p in info.value.problems]


def test_small_dataset_loads(small_path):
    ds = load_dataset(small_path)
    assert [b.id for b in ds.branches] == ["north", "parent", "south"]
    assert ds.branch_by_id["parent"].kind is BranchKind.PARENT
    m = ds.milestone_by_id["north-signing"]
    assert m.date.text == "2013-06-28" and m.title.en == "Signing"
    assert m.people[0].role.zh == "院长"
    assert m.sources[0].paragraph == 3
    assert ds.milestone_by_id["parent-undated"].date.kind is Kind.ONE_OF
    visits = ds.indicators[0]
    assert visits.points[0].value == Decimal(250000)
    assert visits.points[0].qualifier is Qualifier.MORE_THAN
    assert ds.indicators[1].points[0].qualifier is Qualifier.EXACT
    assert [m.id for m in ds.chronological] == ["parent-undated", "north-signing", "south-first"]


def test_values_stay_as_written(write_yaml):
    ds = load_dataset(write_yaml(HEAD + milestone(title="{zh: 'NO', en: NO}", summary="{zh: 0755, en: '1:30'}", date="2013-06-28")))
    m = ds.milestones[0]
    assert m.title.en == "NO" and m.title.zh == "NO"
    assert m.summary.zh == "0755" and m.summary.en == "1:30"


def test_unquoted_and_quoted_dates_are_ours(write_yaml):
    for date in ("2013-06-28", '"2013-06-28"', "'2013-06-28'"):
        ds = load_dataset(write_yaml(HEAD + milestone(date=date)))
        assert ds.milestones[0].date.precision.value == "day"


def test_bom_is_accepted(write_yaml):
    ds = load_dataset(write_yaml(b"\xef\xbb\xbf" + (HEAD + milestone()).encode()))
    assert ds.milestones[0].id == "m1"


def at(text: str, needle: str, after: str = "milestones:") -> str:
    """':LINE:COL' of the first ``needle`` after ``after``: where a problem must point."""
    offset = text.index(needle, text.index(after))
    line = text.count("\n", 0, offset) + 1
    return f":{line}:{offset - text.rfind(chr(10), 0, offset)}"


@pytest.mark.parametrize(
    ("overrides", "needle", "message"),
    [
        ({"date": "2013-02-30"}, "2013-02-30", "bad date: '2013-02-30': 2013-02 has no day 30"),
        ({"branch": "west"}, "west", "unknown branch 'west'"),
        ({"category": "cta"}, "cta", "unknown category 'cta' (did you mean 'cat'?)"),
        ({"sources": "[nope]"}, "nope", "unknown source 'nope'"),
        ({"sources": "[{source: src, paragraph: 11}]"}, "11", "source 'src' has 10 paragraphs, not 11"),
        ({"sources": "[]"}, "[]", "sources needs at least 1 item"),
        ({"titel": "x"}, "titel", "unknown key 'titel' in milestone (did you mean 'title'?)"),
        ({"summary": None}, "id: m1", "milestone 'm1': missing required key 'summary'"),
        ({"title": "Just English"}, "Just", "title (a text {zh: …, en: …}) must be a mapping of keys to values"),
        ({"title": "{zh: 标题}"}, "{zh: 标题}", "title (a text {zh: …, en: …}): missing required key 'en'"),
        ({"title": "{zh: '', en: x}"}, "''", "title.zh must not be empty"),
        ({"people": "[{name: {zh: 甲, en: A}}]"}, "{name", "person: missing required key 'role'"),
        ({"tags": "x"}, "x", "tags must be a list"),
        ({"id": "Bad_Id"}, "Bad_Id", "id 'Bad_Id' must be lowercase letters, digits and single '-'"),
        ({"date": "[1, 2]"}, "[1, 2]", "date must be a single value, not a list"),
    ],
)
def test_each_problem_kind_has_a_position(write_yaml, overrides, needle, message):
    text = HEAD + milestone(**overrides)
    found = problems(write_yaml, text)
    assert any(p.startswith(f"{at(text, needle)}: {message}") for p in found), found


def test_duplicate_ids_and_keys(write_yaml):
    second = "  -\n" + milestone().split("-\n", 1)[1] + "    title: {zh: 再, en: Again}\n"
    text = HEAD + milestone() + second
    found = problems(write_yaml, text)
    assert f"{at(text, 'm1', after='sources: [src]')}: duplicate id 'm1' (first at line 11)" in found
    assert f"{at(text, 'title: {zh: 再')}: duplicate key 'title' (first at line 23)" in found


QUOTED_1E5 = '"1e5"'


def test_indicator_problems(write_yaml):
    text = HEAD + textwrap.dedent("""\
        indicators:
          - id: visits
            branch: north
            measure: visits
            label: {zh: 门诊, en: Visits}
            unit: furlongs
            sources: [src]
            points:
              - {date: 2013, value: 25万, qualifier: more_than}
              - {date: 2023, value: 0755, qualifier: roughly}
              - {date: 2023, value: "1e5"}
              - {date: 2023, value: 0}
        """)
    found = problems(write_yaml, text)
    assert found == [
        f"{at(text, 'furlongs', 'indicators')}: unit 'furlongs' is not one of: {', '.join(UNITS)}",
        f"{at(text, '25万', 'indicators')}: value '25万' must be plain decimal digits in base units (250000, not 25万, 2.5e5 or 0250000)",
        f"{at(text, '0755', 'indicators')}: value '0755' must be plain decimal digits in base units (250000, not 25万, 2.5e5 or 0250000)",
        f"{at(text, 'roughly', 'indicators')}: qualifier 'roughly' is not one of: exact, more_than, nearly, about, at_least, less_than",
        f"{at(text, QUOTED_1E5, 'indicators')}: value '1e5' must be plain decimal digits in base units (250000, not 25万, 2.5e5 or 0250000)",
        f"{at(text, '0}', QUOTED_1E5)}: value must be positive, not 0",
    ]


def test_all_problems_in_one_pass(write_yaml):
    text = HEAD + milestone(date="2013-02-30", branch="west", titel="x", sources="[nope]")
    assert len(problems(write_yaml, text)) == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x [1]\nb: *x\n", ["1:4: anchors (&x) are not allowed", "2:4: aliases (*x) are not allowed"]),
        ("a: !!python/object:os.system x\n", ["1:4: tags (tag:yaml.org,2002:python/object:os.system) are not allowed"]),
        ("a: 1\na: 2\n", ["2:1: duplicate key 'a' (first at line 1)"]),
        ("a: [1,\n", ["2:1: YAML syntax:"]),
        ("a: 1\n---\nb: 2\n", ["2:1: only one YAML document"]),
        ("", ["1:1: the file holds no YAML document"]),
        ("- 1\n", ["1:1: the dataset must be a mapping"]),
    ],
)
def test_yaml_level_problems(write_yaml, text, expected):
    found = problems(write_yaml, text)
    for e in expected:
        assert any(p.startswith(":" + e) for p in found), found


def test_billion_laughs_is_refused_quickly(write_yaml):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    found = problems(write_yaml, "\n".join(lines) + "\n")
    assert sum("aliases" in p for p in found) == 81


def test_encodings(write_yaml):
    found = problems(write_yaml, "title: 中文\n".encode("gb18030"))
    assert found == [":1:8: file is not UTF-8: byte 0xD6 cannot be decoded (it looks like GBK/GB18030); save it as UTF-8 (in the editor's Save As, choose the encoding UTF-8)"]
    found = problems(write_yaml, "title: x\n".encode("utf-16"))
    assert found == [":1:1: file is UTF-16 or UTF-32; save it as UTF-8 (in the editor's Save As, choose the encoding UTF-8)"]


def test_depth_and_size_caps(write_yaml, monkeypatch):
    found = problems(write_yaml, "a: " + "[" * 40 + "]" * 40 + "\n")
    assert any(f"nesting deeper than {yamltree.MAX_DEPTH} levels" in p for p in found)
    monkeypatch.setattr(files, "MAX_BYTES", 10)
    found = problems(write_yaml, HEAD)
    assert found[0].startswith(":1:1: file is ") and "the limit is 10" in found[0]


def test_missing_file(tmp_path):
    with pytest.raises(DatasetError) as info:
        load_dataset(tmp_path / "absent.yaml")
    assert "cannot read file" in format_problem(info.value.problems[0])


def test_era_must_be_interval(write_yaml):
    text = HEAD + "eras:\n  - {id: e, name: {zh: 期, en: Era}, date: 2013}\n"
    assert problems(write_yaml, text)[0].startswith(f"{at(text, '2013}', 'eras')}: an era's date must be an interval")


def test_a_source_may_name_no_outlet_and_says_its_language(write_yaml):
    """No outlet is a source that names none (a citation says [出版者不详]); a language is zh or en."""
    head = HEAD.replace("outlet: {zh: 报, en: Paper}, ", "language: zh, ")
    source = load_dataset(write_yaml(head + milestone())).source_by_id["src"]
    assert source.outlet is None and source.language == "zh"
    found = problems(write_yaml, head.replace("language: zh", "language: fr") + milestone())
    assert len(found) == 1 and "fr" in found[0] and "zh, en" in found[0]


@pytest.mark.parametrize(
    ("text", "at", "en", "zh"),
    [
        ("a:\n\tb: 1\n", (2, 1), "YAML syntax: a tab cannot indent", "YAML 语法错误：制表符（Tab）不能用于缩进"),
        ("a:\n    b: 1\n  c: 2\n", (3, 3), "YAML syntax: this line is not indented like", "YAML 语法错误：这一行的缩进"),
        ("a: \"abc\n", (2, 1), "YAML syntax: a quotation mark is opened and never closed", "YAML 语法错误：引号只有开头"),
        ("a: @x\n", (1, 4), "YAML syntax: “@” cannot begin a value", "YAML 语法错误：“@”不能出现在"),
    ],
)
def test_syntax_errors_are_told_in_each_language_not_in_the_parsers_english(write_yaml, text, at, en, zh):
    with pytest.raises(DatasetError) as info:
        load_dataset(write_yaml(text, "d.yaml"))
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == at
    assert problem_message(problem, "en").startswith(en)
    assert problem_message(problem, "zh").startswith(zh) and "found" not in problem_message(problem, "zh")

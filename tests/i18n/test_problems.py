"""Problems: a key and parameters, worded in either language; a flood summarised, the total capped."""

import pytest

from timeline_app.dataset import DatasetError, load_dataset
from timeline_app.dataset.edtf import EdtfError, parse_edtf
from timeline_app.dataset.problems import Problem
from timeline_app.i18n.problems import format_problem, message_text, problem_message, report_lines


def test_a_problem_is_worded_in_both_languages(write_yaml):
    path = write_yaml("format: 1\ntitle: {zh: 题, en: T}\nsources: []\nbranches: x\ncategories: [{id: c}]\n")
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    by_key = {p.key: p for p in info.value.problems}
    listing = by_key["problem.shape.list"]
    assert format_problem(listing) == f"{path}:4:11: the branch list must be a list"
    assert format_problem(listing, "zh") == f"{path}:4:11: 院区列表必须是列表"
    missing = by_key["problem.key.missing"]
    assert problem_message(missing, "en") == "category 'c': missing required key 'name'"
    assert problem_message(missing, "zh") == "类别“c”：缺少必需的键“name”"
    assert problem_message(by_key["problem.shape.too_few"], "zh") == "出处列表至少需要 1 项"


def test_an_edtf_reason_is_worded_in_both_languages():
    with pytest.raises(EdtfError) as info:
        parse_edtf("2013-06/2013-13")
    assert message_text(info.value.reason) == "end of interval: '2013-13': there is no month 13 (months are 01–12, seasons 21–24)"
    assert message_text(info.value.reason, "zh") == "区间终点：“2013-13”：没有 13 月（月份为 01–12，季节为 21–24）"


def test_every_problem_key_has_both_wordings():
    from timeline_app.i18n import LANGUAGES, catalog

    keys = {k for lang in LANGUAGES for k in catalog(lang).STRINGS if k.startswith("problem.")}
    for lang in LANGUAGES:
        assert keys <= set(catalog(lang).STRINGS), lang


def test_the_report_is_capped_with_a_count_of_the_rest():
    problems = [Problem("f.yaml", line, 1, f"problem.yaml.{kind}", (("name", "x"),) if kind != "documents" else ())
                for line in range(1, 201) for kind in ("anchor", "alias", "documents")]
    lines = report_lines(problems, "en", max_lines=10)
    assert len(lines) == 10
    assert lines[0] == "f.yaml:1:1: aliases (*x) are not allowed: write each value out in full"
    # shown: lines 1-3 of each kind; hidden: lines 4-5 of each (6) and the three summaries of 195
    assert lines[-1] == "f.yaml:4:1: … and 591 more problems not shown"
    assert all(line.split(":")[1].isdigit() for line in lines)  # FILE:LINE:COL first, also on the last line


def test_a_few_of_a_kind_are_all_shown_in_full():
    problems = [Problem("f.yaml", line, 3, "problem.yaml.alias", (("name", "a"),)) for line in (1, 2, 3)]
    assert report_lines(problems, "zh") == [f"f.yaml:{n}:3: 不允许使用别名（*a）：请把每个值完整写出" for n in (1, 2, 3)]

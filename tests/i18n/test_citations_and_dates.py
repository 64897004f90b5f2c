"""Copy citation (GB/T 7714 in Chinese), copy link, the record as text; dates typed as people write them."""

import datetime as dt

import pytest

from timeline_app.dataset import bundled_dataset_path, load_dataset
from timeline_app.i18n.citations import citations, milestone_link, record_text
from timeline_app.i18n.dates import parse_date_words

ACCESSED = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(bundled_dataset_path())


def test_a_chinese_citation_follows_gb_t_7714(dataset):
    m = dataset.milestone_by_id["wushan-branch-plaque"]
    assert citations(m, dataset, "zh", ACCESSED) == (
        "上游新闻记者 周晋羽. 重医二院·医联体10周年| “联体”更“联心” “巫医” 十年奋进“焕”新姿[N/OL]. "
        "上游新闻（网易号）, [2023][2026-12-01]: 第6段.")  # an inferred year in [brackets], as the standard asks


def test_an_english_citation_names_the_same_parts(dataset):
    m = dataset.milestone_by_id["xiushan-alliance-agreement"]
    text = citations(m, dataset, "en", ACCESSED)
    assert text.startswith("“CQMU Second Hospital Alliance at 10 | Ten years of hard work side by side")
    assert text.endswith("Not stated, [2023], para. 3. Accessed 1 Dec 2026.")


def test_a_link_reopens_the_milestone_at_the_range(dataset):
    m = dataset.milestone_by_id["wushan-branch-plaque"]
    x_range = (float(dt.date(2013, 5, 1).toordinal()), float(dt.date(2014, 2, 1).toordinal()))
    assert milestone_link(m, dataset.path, x_range).splitlines() == [
        "wushan-branch-plaque",
        f"timeline-app {dataset.path} --select wushan-branch-plaque --range 2013-05-01/2014-02-01"]


def test_the_whole_record_as_text(dataset):
    text = record_text(dataset.milestone_by_id["wushan-branch-plaque"], dataset, "zh")
    assert text.startswith("巫山分院挂牌\n") and "日期：2013年8月4日 · 精确到日" in text
    assert "记录编号：wushan-branch-plaque" in text and "[N/OL]" in text


@pytest.mark.parametrize(("typed", "edtf"), [
    ("2016-09", "2016-09"), ("2016年9月", "2016-09"), ("Sep 2016", "2016-09"), ("2016", "2016"),
    ("5 Sep 2016", "2016-09-05"), ("2016年9月5日", "2016-09-05"), ("September 5, 2016", "2016-09-05"),
    (" 2016 年 9 月 ", "2016-09"), ("2016/2018", "2016/2018"),
])
def test_go_to_date_reads_dates_as_people_write_them(typed, edtf):
    assert parse_date_words(typed).text == edtf


@pytest.mark.parametrize("typed", ["", "next week", "2016-13", "Sep", "2016年13月"])
def test_what_is_not_a_date_is_refused(typed):
    assert parse_date_words(typed) is None

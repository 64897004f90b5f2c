"""Copy citation (GB/T 7714 in Chinese), copy link, the record as text; dates typed as people write them."""

import datetime as dt

import pytest

from timeline_app.dataset import bundled_dataset_path, load_dataset
from timeline_app.dataset.edtf import parse_edtf
from timeline_app.dataset.records import Branch, BranchKind, Category, Citation, Dataset, Milestone, Source, Text
from timeline_app.i18n.citations import citations, milestone_link, record_text
from timeline_app.i18n.dates import parse_date_words

ACCESSED = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(bundled_dataset_path())


def cite(source: Source, lang: str, accessed: dt.date, paragraphs: tuple[int, ...] = ()) -> str:
    """The citation of ``source`` from a one-milestone dataset that cites it."""
    m = Milestone("m", "b", "c", parse_edtf("2013"), Text("事", "Event"), Text("事", "Event"),
                  tuple(Citation(source.id, n) for n in paragraphs) or (Citation(source.id),))
    ds = Dataset(Text("集", "Set"), (source,), (Branch("b", BranchKind.BRANCH, Text("院", "B"), "#000000"),),
                 (Category("c", Text("类", "C"), "o", "#000000"),), milestones=(m,))
    return citations(m, ds, lang, accessed)


def newspaper(title: str, author: str, **fields) -> Source:
    """A People's Daily article online, as GB/T 7714-2015's examples of [N/OL] cite them."""
    values = {"outlet": Text("人民日报", "People's Daily"), "date": parse_edtf("2013-01-12"), "language": "zh",
              "url": "http://paper.people.com.cn/rmrb/html/2013-01/12/nw.D110000renmrb_20130112_2-04.htm"} | fields
    return Source("s", Text(title, "(translated title)"), values.pop("outlet"), values.pop("date"),
                  author=Text(author, author), **values)


def test_gb_t_7714_s_own_example_of_a_newspaper_article_online():
    """GB/T 7714-2015's example of an [N/OL] entry, built from our records, reads exactly as the
    standard prints it: author, title[N/OL], paper, date[引用日期], access path, each part's stop."""
    source = newspaper("雾来袭, 如何突围", "刘裕国, 杨柳, 张洋, 等")
    assert cite(source, "zh", dt.date(2013, 11, 6)) == (
        "刘裕国, 杨柳, 张洋, 等. 雾来袭, 如何突围[N/OL]. 人民日报, 2013-01-12[2013-11-06]. "
        "http://paper.people.com.cn/rmrb/html/2013-01/12/nw.D110000renmrb_20130112_2-04.htm.")


def test_the_standard_s_other_example_less_the_page_number_our_records_do_not_keep():
    """The standard's 余建斌 example cites page 2 of the paper as (2) after the date; our records
    cite paragraphs instead, so the rest must match it exactly, and a paragraph stands where a
    locator goes, before the [引用日期]."""
    url = "http://paper.people.com.cn/rmrb/html/2013-01/12/nw.D110000renmrb_20130112_5-02.htm"
    source = newspaper("我们的科技一直在追赶: 访中国工程院院长周济", "余建斌", url=url)
    assert cite(source, "zh", dt.date(2013, 3, 20)) == (
        f"余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N/OL]. 人民日报, 2013-01-12[2013-03-20]. {url}.")
    assert cite(source, "zh", dt.date(2013, 3, 20), (4, 5)) == (
        f"余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N/OL]. 人民日报, 2013-01-12: 第4、5段[2013-03-20]. {url}.")


def test_what_a_source_does_not_say_is_said_not_invented():
    """No publisher named: [出版者不详], as the standard writes it; no date stated: the inferred
    year in [brackets]; no address recorded: said so, not left out or made up."""
    source = newspaper("某文", "某甲", outlet=None, date=parse_edtf("[2023-07-21..]"), url=None)
    assert cite(source, "zh", ACCESSED, (3,)) == "某甲. 某文[N/OL]. [出版者不详], [2023]: 第3段[2026-12-01]. [获取和访问路径不详]."
    assert cite(source, "en", ACCESSED, (3,)) == (
        "某甲. “某文” [(translated title)] (in Chinese). [publisher unknown], [2023], para. 3. Accessed 1 Dec 2026. "
        "[URL unknown].")


def test_a_source_with_no_date_known_says_so():
    source = newspaper("某文", "某甲", date=parse_edtf("[..2012, 2014..]"))
    assert ", [出版日期不详][2013-03-20]. " in cite(source, "zh", dt.date(2013, 3, 20))
    assert ", [n.d.]. Accessed " in cite(source, "en", dt.date(2013, 3, 20))


def test_a_source_s_month_is_cited_as_precisely_as_it_is_stated():
    source = newspaper("某文", "某甲", date=parse_edtf("2013-01"))
    assert ", 2013-01[2013-03-20]. " in cite(source, "zh", dt.date(2013, 3, 20))
    assert ", [2013][2013-03-20]. " in cite(newspaper("某文", "某甲", date=parse_edtf("2013?")), "zh", dt.date(2013, 3, 20))


def test_an_english_citation_gives_the_original_title_and_its_translation():
    """The usual English form: the title as it is, its translation in [brackets], the language;
    the author's own quotation marks turn single inside ours."""
    source = Source("s", Text("“巫医”十年", "Ten years of the “Wushan hospital”"), Text("报", "The Paper"),
                    parse_edtf("2013-01-12"), author=Text("周某", "Zhou Mou"), language="zh", url="https://example.org/a")
    assert cite(source, "en", ACCESSED, (2, 3)) == (
        "Zhou Mou. “‘巫医’十年” [Ten years of the “Wushan hospital”] (in Chinese). The Paper, 12 Jan 2013, "
        "paras. 2, 3. Accessed 1 Dec 2026. https://example.org/a.")
    english = Source("s", Text("某文", "An article"), Text("报", "The Paper"), parse_edtf("2013"), language="en")
    assert cite(english, "en", ACCESSED) == "“An article.” The Paper, 2013. Accessed 1 Dec 2026. [URL unknown]."


def test_a_chinese_citation_of_the_bundled_dataset_follows_gb_t_7714(dataset):
    m = dataset.milestone_by_id["wushan-deep-cooperation-agreement"]
    assert citations(m, dataset, "zh", ACCESSED) == (
        "周晋羽. 重医二院·医联体10周年| “联体”更“联心” “巫医” 十年奋进“焕”新姿[N/OL]. "
        "上游新闻（网易号）, [2023]: 第27、28段[2026-12-01]. [获取和访问路径不详].")


def test_an_english_citation_of_the_bundled_dataset_names_the_person_and_the_original(dataset):
    text = citations(dataset.milestone_by_id["wushan-branch-plaque"], dataset, "en", ACCESSED)
    assert text.startswith("Zhou Jinyu. “重医二院·医联体10周年| ‘联体’更‘联心’ ‘巫医’ 十年奋进‘焕’新姿” "
                           "[CQMU Second Hospital Alliance at 10 | Bound together")
    assert text.endswith("(in Chinese). Shangyou News (Upstream News), on NetEase Hao, [2023], para. 6. "
                         "Accessed 1 Dec 2026. [URL unknown].")
    xiushan = citations(dataset.milestone_by_id["xiushan-alliance-agreement"], dataset, "en", ACCESSED)
    assert xiushan.endswith("(in Chinese). [publisher unknown], [2023], para. 3. Accessed 1 Dec 2026. [URL unknown].")


def test_the_bundled_sources_authors_are_people_not_roles(dataset):
    """A byline's role or outlet (上游新闻记者, "reporter, Shangyou News") is not the author."""
    for source in dataset.sources:
        if source.author:
            assert not any(word in source.author.zh for word in ("记者", "上游新闻", "编辑")), source.id
            assert not any(word in source.author.en.lower() for word in ("reporter", "shangyou", "editor")), source.id


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

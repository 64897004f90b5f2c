"""The detail pane: what it shows of a milestone and its sources, navigation, safety, languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea
from widget_text import assert_language, visible_texts

from timeline_app.viewmodel import Navigator
from timeline_app.viewmodel.state import Filter
from timeline_app.qt.widgets.detail import DetailPane

ARCHIVE = Path(__file__).parents[2] / "data" / "archive.yaml"


@pytest.fixture
def pane(show, session) -> DetailPane:
    return show(DetailPane(Navigator(session)), 360, 640)


def button(pane: DetailPane, text: str) -> QPushButton:
    return next(b for b in pane.findChildren(QPushButton) if b.text() == text)


def test_empty_state_invites_a_selection(pane):
    texts = visible_texts(pane)
    assert "在时间轴或列表中选择一个事件。" in texts
    assert not any("东院" in t for t in texts)


def test_shows_everything_known_and_the_citation(pane, session):
    session.state.selection = "east-trusteeship"
    texts = "\n".join(visible_texts(pane))
    for expected in ("东院托管签约", "总院与东县签订托管协议。", "2013年6月28日 · 精确到日", "东院 · 东县人民医院",
                     "协议", "周晋羽（院长）\n李明（副院长）", "东县", "托管、协议", "签约仪式（东县人民医院）",
                     "东院十年“焕”新姿", "上游新闻 · 2023年（存疑） · 第 3 段", "周晋羽（记者）", "牟小容（编辑）",
                     "图片来源：东县人民医院", "https://example.org/east-article"):
        assert expected in texts, expected


@pytest.mark.parametrize(("milestone", "lang", "wording"), [
    ("west-first-pci", "zh", "2016年9月 · 只知月份"),
    ("west-first-pci", "en", "Sep 2016 · month only"),
    ("east-first-ct", "en", "Spring 2015 · season only"),
    ("east-new-building", "zh", "2017年至2019年 · 持续时段"),
    ("parent-undated", "en", "date not stated; between 2013 and 2023"),
    ("parent-undated", "zh", "日期未载；在2013年至2023年间"),
])
def test_date_says_how_exactly_it_is_known(pane, session, milestone, lang, wording):
    session.state.language = lang
    session.state.selection = milestone
    assert any(text.split("\n")[0] == wording for text in visible_texts(pane))


def test_a_period_that_ends_when_its_sources_were_written_says_so(pane, session):
    session.state.selection = "parent-undated"  # some day in 2013–2023; both articles are of 2023
    assert any(text.endswith("时段止于2023年，是出处成文之时（文中的“目前”），并非出处所载日期") for text in visible_texts(pane))
    session.state.selection = "west-first-pci"
    assert not any("出处成文之时" in text for text in visible_texts(pane))


def test_every_citation_is_listed(pane, session):
    session.state.selection = "parent-undated"
    texts = visible_texts(pane)
    assert "东院十年“焕”新姿" in texts and "西院医联体十年" in texts
    assert "某报 · 2023年7月至2023年12月间 · 第 11 段" in texts


def test_citations_of_one_source_are_gathered(pane, session):
    session.state.selection = "east-new-building"
    texts = visible_texts(pane)
    assert texts.count("东院十年“焕”新姿") == 1
    assert any(t.startswith("上游新闻 · 2023年（存疑） · 第 11、12 段\n") for t in texts)
    session.state.language = "en"
    assert any(t.startswith("Shangyou News · 2023 (uncertain) · paragraphs 11, 12\n") for t in visible_texts(pane))


def test_rows_without_data_are_hidden(pane, session):
    session.state.selection = "west-agreement"
    texts = visible_texts(pane)
    assert "人物" not in texts and "图片" not in texts and "标签" not in texts
    session.state.selection = "east-trusteeship"
    assert {"人物", "图片", "标签"} <= set(visible_texts(pane))


def test_previous_and_next_walk_the_matches_in_time(qtbot, pane, session):
    previous, following = button(pane, "上一个"), button(pane, "下一个")
    qtbot.mouseClick(following, Qt.MouseButton.LeftButton)  # nothing selected: the first match
    assert session.state.selection == "parent-undated"
    assert not previous.isEnabled()
    assert "第 1 / 9 个" in visible_texts(pane)
    qtbot.mouseClick(following, Qt.MouseButton.LeftButton)
    assert session.state.selection == "east-trusteeship"
    qtbot.mouseClick(following, Qt.MouseButton.LeftButton)
    assert session.state.selection == "west-agreement"
    qtbot.mouseClick(previous, Qt.MouseButton.LeftButton)
    assert session.state.selection == "east-trusteeship"
    session.state.selection = "east-award"
    assert not following.isEnabled() and previous.isEnabled()


def test_navigation_skips_what_the_filter_hides(qtbot, pane, session):
    session.state.selection = "east-trusteeship"
    session.state.filter = Filter(hidden_branches=frozenset({"east"}))
    assert "东院托管签约" in visible_texts(pane)  # still shown, but not among the matches
    assert "当前筛选条件隐藏了这个事件：时间轴和列表中都不显示它。" in visible_texts(pane)  # and the pane says so
    assert not any(t.startswith("第 ") and t.endswith(" 个") for t in visible_texts(pane))
    qtbot.mouseClick(button(pane, "下一个"), Qt.MouseButton.LeftButton)
    assert session.state.selection == "west-agreement"
    qtbot.mouseClick(button(pane, "下一个"), Qt.MouseButton.LeftButton)
    assert session.state.selection == "west-first-pci"  # east-first-ct is hidden
    assert "第 3 / 5 个" in visible_texts(pane)
    assert not any(t.startswith("当前筛选条件隐藏") for t in visible_texts(pane))


def test_language_switch_changes_every_string(pane, session):
    session.state.selection = "east-trusteeship"
    assert_language(pane, "zh")
    session.state.language = "en"
    assert_language(pane, "en")
    texts = "\n".join(visible_texts(pane))
    assert "Zhōu Jìnyǔ (President)\nLi Ming (Vice-president)" in texts
    assert "Shangyou News · 2023 (uncertain) · paragraph 3" in texts
    session.state.language = "zh"
    assert_language(pane, "zh")


def test_dataset_text_is_never_html(qtbot, pane, session, write_yaml):
    text = ARCHIVE.read_text(encoding="utf-8").replace(
        "{zh: 东院托管签约, en: East trusteeship signed}",
        "{zh: \"<b>粗</b><a href='file:///etc/passwd'>链接</a>\", en: \"<i>x</i>\"}",
    )
    session.reload(write_yaml(text))
    session.state.selection = "east-trusteeship"
    assert "<b>粗</b><a href='file:///etc/passwd'>链接</a>" in visible_texts(pane)
    for label in pane.findChildren(QLabel):
        if label.isVisibleTo(pane) and label.textFormat() != Qt.TextFormat.PlainText:
            assert label.text() == '<a href="https://example.org/east-article">https://example.org/east-article</a>'
            assert not label.openExternalLinks()


def test_source_link_opens_only_on_click(qtbot, pane, session, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    session.state.selection = "east-trusteeship"
    link = next(lb for lb in pane.findChildren(QLabel) if lb.isVisibleTo(pane) and "href" in lb.text())
    assert not opened
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=QPoint(8, link.height() // 2))
    assert [u.toString() for u in opened] == ["https://example.org/east-article"]


def test_text_is_selectable_and_copyable(qtbot, pane, session):
    session.state.selection = "west-first-pci"
    summary = next(lb for lb in pane.findChildren(QLabel) if lb.text() == "西院开展首例经皮冠状动脉介入治疗。")
    assert summary.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert summary.focusPolicy() & Qt.FocusPolicy.TabFocus
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(summary, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == summary.text()


def test_nothing_is_clipped_in_a_narrow_pane(qtbot, pane, session):
    session.state.language = "en"
    for milestone in ("east-trusteeship", "parent-undated", "west-clinic"):
        session.state.selection = milestone
        qtbot.wait(1)  # let the layout settle
        scroll = pane.findChild(QScrollArea)
        viewport = scroll.viewport()
        assert scroll.widget().minimumSizeHint().width() <= viewport.width()
        for label in viewport.findChildren(QLabel):
            if not label.isVisibleTo(pane) or not label.text():
                continue
            left = label.mapTo(viewport, QPoint(0, 0)).x()
            assert left >= 0 and left + label.width() <= viewport.width(), label.text()
            if label.wordWrap():
                assert label.heightForWidth(label.width()) <= label.height(), label.text()


def test_media_thumbnail_from_beside_the_dataset(qtbot, session, tmp_path):
    shutil.copy(ARCHIVE, tmp_path / "archive.yaml")
    (tmp_path / "media").mkdir()
    picture = QPixmap(400, 300)
    picture.fill(Qt.GlobalColor.darkCyan)
    assert picture.save(str(tmp_path / "media" / "east-signing.png"))
    session.reload(tmp_path / "archive.yaml")
    pane = DetailPane(Navigator(session))
    qtbot.addWidget(pane)
    session.state.selection = "east-trusteeship"
    thumbnails = [lb for lb in pane.findChildren(QLabel) if lb.isVisibleTo(pane) and not lb.pixmap().isNull()
                  and lb.pixmap().width() > 100]
    assert [t.pixmap().width() for t in thumbnails] == [240]
    assert thumbnails[0].accessibleName() == "签约仪式"


def test_reloaded_dataset_refreshes_the_shown_milestone(pane, session, write_yaml):
    session.state.selection = "west-agreement"
    changed = ARCHIVE.read_text(encoding="utf-8").replace("西院加入医联体", "西院正式加入医联体")
    session.reload(write_yaml(changed))
    assert "西院正式加入医联体" in visible_texts(pane)


def _pictures(pane) -> list[QLabel]:
    return [lb for lb in pane.findChildren(QLabel) if lb.isVisibleTo(pane) and not lb.pixmap().isNull()
            and lb.pixmap().width() > 40]


def test_the_archive_picture_of_our_own_is_shown_at_its_size(pane, session):
    session.state.selection = "east-trusteeship"
    assert [(p.pixmap().width(), p.pixmap().height()) for p in _pictures(pane)] == [(64, 48)]


@pytest.mark.parametrize("content, reason", [
    (b"#!/bin/sh\necho not a picture\n", "damaged, or not the kind of file"),
    ((ARCHIVE.parent / "media" / "east-signing.png").read_bytes()[:60], "damaged, or not the kind of file"),
    (None, "points outside the dataset's folder"),
])
def test_a_bad_media_file_shows_a_placeholder_and_a_warning(qtbot, session, tmp_path, caplog, content, reason):
    (tmp_path / "media").mkdir()
    target = tmp_path / "media" / "east-signing.png"
    if content is None:  # a link to a picture elsewhere
        target.symlink_to(ARCHIVE.parent / "media" / "east-signing.png")
    else:
        target.write_bytes(content)
    shutil.copy(ARCHIVE, tmp_path / "archive.yaml")
    session.reload(tmp_path / "archive.yaml")
    session.state.language = "en"
    pane = DetailPane(Navigator(session))
    qtbot.addWidget(pane)
    session.state.selection = "east-trusteeship"
    assert _pictures(pane) == []
    texts = visible_texts(pane)
    assert any(reason in t and "media/east-signing.png" in t for t in texts), texts
    assert "The signing ceremony (East County People's Hospital)" in texts  # the caption stays
    assert any("media/east-signing.png" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)

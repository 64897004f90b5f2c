"""Saved views: Go ▸ Save View… names the range, filter and selection; Go ▸ Saved Views brings
them back, after a restart too (they live in the settings), per dataset, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from archivist import open_window

from timeline_app.qt.preferences import Preferences
from timeline_app.viewmodel.saved_views import SavedView
from timeline_app.viewmodel.state import Filter


@pytest.fixture
def settings(tmp_path):
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def names(window) -> list[str]:
    return [a.text() for a in window.action_set.menus["menu.views"].actions() if a.text()]


def test_a_saved_view_comes_back_after_a_restart(qtbot, settings):
    window = open_window(qtbot, prefs=settings, lang="zh")
    assert names(window) == ["此数据集还没有保存的视图", "清除已保存的视图"]
    window.session.state.filter = Filter(hidden_categories=frozenset({"people"}), date_from=dt.date(2016, 1, 1))
    window.navigator.select("wushan-branch-plaque")
    window.navigator.set_range((736000.0, 736400.0))
    kept = (window.session.state.x_range, window.session.state.filter, window.session.state.selection)
    window.action_set.actions["go.save_view"].trigger()
    dialog = window.saved_views.dialog
    assert dialog.textValue() == "2016年—2017年"  # the years shown, offered as the name
    dialog.setTextValue("巫山挂牌前后")
    dialog.accept()
    assert names(window)[0] == "巫山挂牌前后"
    window.close()
    settings.sync()

    again = open_window(qtbot, prefs=Preferences(QSettings(settings.settings.fileName(), QSettings.Format.IniFormat)),
                        lang="en")
    assert names(again)[0] == "巫山挂牌前后" and again.session.state.filter == Filter()
    next(a for a in again.action_set.menus["menu.views"].actions() if a.text() == "巫山挂牌前后").trigger()
    state = again.session.state
    assert (state.x_range, state.filter, state.selection) == kept
    again.action_set.actions["go.clear_views"].trigger()
    assert names(again) == ["No views saved on this dataset", "Forget the Saved Views"]


def test_an_entry_that_is_not_a_view_is_skipped():
    assert SavedView.from_json({"name": "x"}) is None
    view = SavedView("v", "/d.yaml", (1.0, 2.0), Filter(query="q", hidden_branches=frozenset({"a"}), person="周晋羽"), None)
    assert SavedView.from_json(view.to_json()) == view

"""--kiosk takes what it can use and refuses the rest, with a message; a theme has one spelling."""

import pytest

import timeline_app.cli as cli
import timeline_app.qt.app as app_module
from timeline_app.cli import main
from timeline_app.viewmodel.commands import THEMES


@pytest.fixture
def started(monkeypatch):
    calls = []
    monkeypatch.setattr(app_module, "run_kiosk", lambda config, path, **options: calls.append((config, options)) or 0)
    return calls


def test_theme_and_no_watch_are_honoured(started):
    assert main(["--kiosk", "--theme", "contrast", "--no-watch"]) == 0
    [(config, options)] = started
    assert config.theme == "contrast" and options["watch"] is False
    assert main(["--kiosk"]) == 0
    assert started[1][0].theme == "light" and started[1][1]["watch"] is True


@pytest.mark.parametrize("option", [["--range", "2016"], ["--startup-report"]])
def test_what_the_kiosk_does_not_use_is_refused(started, capsys, option):
    assert main(["--kiosk", *option]) == 2
    assert option[0] in capsys.readouterr().err and not started


def test_one_spelling_of_each_theme(capsys):
    assert cli._THEMES == THEMES
    assert main(["--theme", "high-contrast"]) == 2
    assert "invalid choice" in capsys.readouterr().err

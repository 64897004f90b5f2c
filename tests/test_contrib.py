"""What ships for running the kiosk unattended: the systemd user unit, the Windows restart loop
and the example configuration agree with the program."""

import configparser
from pathlib import Path

from timeline_app.cli import main
from timeline_app.qt.app import KIOSK_LEFT

CONTRIB = Path(__file__).parents[1] / "contrib"


def test_the_user_unit_restarts_a_crashed_or_hung_kiosk_but_not_one_left_by_staff():
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str
    unit.read(CONTRIB / "systemd" / "timeline-kiosk.service", encoding="utf-8")
    service = unit["Service"]
    assert service["Type"] == "notify"  # READY=1 when the window is up; WATCHDOG=1 from then on
    assert service["Restart"] == "always" and int(service["WatchdogSec"]) > 0
    assert service["RestartPreventExitStatus"] == str(KIOSK_LEFT)
    command = service["ExecStart"].split()
    assert command[1:3] == ["--kiosk", "--config"] and command[0].endswith("timeline-app")
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


def test_the_cage_unit_boots_into_the_kiosk_alone_and_restarts_it_but_not_after_staff_left():
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str
    unit.read(CONTRIB / "systemd" / "timeline-kiosk-cage.service", encoding="utf-8")
    service = unit["Service"]
    assert service["Type"] == "notify" and service["NotifyAccess"] == "all"  # the kiosk is cage's child
    assert service["Restart"] == "always" and int(service["WatchdogSec"]) > 0
    assert service["RestartPreventExitStatus"] == str(KIOSK_LEFT)
    assert service["User"] != "root" and service["Environment"] == "QT_QPA_PLATFORM=wayland"
    cage, separator, app, *options = service["ExecStart"].split()
    assert cage == "/usr/bin/cage" and separator == "--" and app.endswith("timeline-app")
    assert options[:2] == ["--kiosk", "--config"]
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_the_windows_loop_stops_when_staff_leave():
    script = (CONTRIB / "windows" / "timeline-kiosk.cmd").read_text(encoding="utf-8")
    assert "timeline-app --kiosk --config" in script
    assert f"if %ERRORLEVEL% EQU {KIOSK_LEFT} goto :eof" in script


def test_the_example_configuration_is_valid(capsys):
    assert main(["validate-config", str(CONTRIB / "kiosk.example.yaml"), "--lang", "en"]) == 0
    assert "valid kiosk configuration" in capsys.readouterr().out

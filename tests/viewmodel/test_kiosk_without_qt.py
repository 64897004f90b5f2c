"""The kiosk's behaviour (gestures, glide, tour, idle timing), its configuration and sd_notify
run where Qt is absent: only the thin drivers are Qt."""

import subprocess
import sys

from test_model_without_qt import BLOCK_QT


def test_kiosk_model_imports_and_runs_without_qt(small_path):
    code = BLOCK_QT + f"""
from timeline_app.config import KioskConfig
from timeline_app.viewmodel import Navigator, Session
from timeline_app.viewmodel.clock import ManualClock
from timeline_app.viewmodel.gestures import TouchGestures
from timeline_app.viewmodel.kiosk import Kiosk
from timeline_app.viewmodel.figures import kiosk_figures
import timeline_app.sd_notify
from timeline_app.cli import main
session = Session.open({str(small_path)!r})
clock = ManualClock()
kiosk = Kiosk(Navigator(session), clock, KioskConfig(attract_after=10, reset_after=20))
clock.advance(11)
kiosk.tick()
assert kiosk.tour.running
TouchGestures(kiosk.navigator, clock, lambda: 800.0, lambda x, y: None)
kiosk_figures(session.dataset)
assert not any(m.split('.')[0] in ('PySide6', 'pyqtgraph') for m in sys.modules)
print('ok')
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")

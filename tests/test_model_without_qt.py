"""The dataset, the view model, the wording and the CLI commands must run where Qt is absent."""

import subprocess
import sys

BLOCK_QT = """
import builtins, sys
real_import = builtins.__import__
def guarded(name, *args, **kwargs):
    if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6'):
        raise ImportError('Qt is blocked in this test: ' + name)
    return real_import(name, *args, **kwargs)
builtins.__import__ = guarded
"""


def test_model_and_cli_commands_import_without_qt(small_path):
    code = BLOCK_QT + f"""
import timeline_app.dataset, timeline_app.interchange.json_export, timeline_app.viewmodel, timeline_app.i18n.wording
from timeline_app.cli import main
ds = timeline_app.dataset.load_dataset({str(small_path)!r})
timeline_app.interchange.json_export.to_json(ds)
timeline_app.viewmodel.Session(ds)
assert main(['validate', {str(small_path)!r}]) == 0
assert not any(m.split('.')[0] in ('PySide6', 'pyqtgraph') for m in sys.modules)
print('ok')
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_blocking_works():
    result = subprocess.run([sys.executable, "-c", BLOCK_QT + "import PySide6"], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "Qt is blocked" in result.stderr

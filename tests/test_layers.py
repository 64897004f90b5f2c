"""The import contracts of pyproject.toml hold, and they do catch a back-import, Qt below the
windows and a cycle (planted in a copy of the package, each inside a function, as a lazy import)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"


def lint(project: Path) -> subprocess.CompletedProcess:
    """import-linter on ``project``'s package, with its pyproject.toml (it imports from its cwd)."""
    return subprocess.run([sys.executable, "-c", LINT], cwd=project, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "COLUMNS": "200", "NO_COLOR": "1"})


def test_the_contracts_hold():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(("module", "planted", "broken", "where"), [
    ("dataset/media.py", "from ..viewmodel.state import Filter",
     "timeline_app.dataset is not allowed to import timeline_app.viewmodel", "timeline_app.dataset.media -> "),
    ("i18n/dates.py", "from ..qt.preferences import Preferences",
     "timeline_app.i18n is not allowed to import timeline_app.qt", "timeline_app.i18n.dates -> "),
    ("viewmodel/state.py", "from PySide6.QtCore import QObject",
     "timeline_app.viewmodel is not allowed to import PySide6", "timeline_app.viewmodel.state -> PySide6"),
    ("dataset/records.py", "from .loader import load_dataset",
     "No cycles are allowed in timeline_app.dataset", "- .records -> .loader (1 import)"),
])
def test_a_planted_import_breaks_a_contract(tmp_path, module, planted, broken, where):
    shutil.copytree(ROOT / "timeline_app", tmp_path / "timeline_app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "timeline_app" / module
    lines = target.read_text(encoding="utf-8").splitlines()
    lines += ["", "", "def _planted():", f"    {planted}"]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = lint(tmp_path)
    assert result.returncode == 1, result.stdout
    assert broken in result.stdout, result.stdout
    assert where in result.stdout, result.stdout
    if where.startswith("timeline_app."):  # an import named by its line: the copy was the one read
        assert f"(l.{len(lines)})" in result.stdout, result.stdout

"""`pip install .` (not editable) gives a timeline-app that finds its bundled files from anywhere."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The project built as a wheel and installed (without its dependencies) into a folder of its own."""
    tmp = tmp_path_factory.mktemp("pkg")
    wheels, target = tmp / "wheels", tmp / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    wheel = next(wheels.glob("timeline_app-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True, capture_output=True, timeout=600,
    )
    return wheel, target


def test_wheel_carries_data_resources_and_schema(installed):
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert "timeline_app/_bundled/data/alliance.yaml" in names
    assert "timeline_app/_bundled/schema/export.schema.json" in names
    assert any(n.startswith("timeline_app/_bundled/resources/") for n in names)


def test_installed_app_validates_bundled_dataset_from_elsewhere(installed, tmp_path):
    _, target = installed
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    code = "import sys, timeline_app.cli as c; print(c.__file__); sys.exit(c.main(['validate']))"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(str(target)), "the installed copy must be the one that ran"
    assert "_bundled" in result.stdout and "valid:" in result.stdout

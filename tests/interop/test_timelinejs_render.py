"""The TimelineJS export, rendered by TimelineJS itself (its npm package) in Debian's headless
Chromium, driven by playwright-core: no errors, no request off the machine, one slide per milestone.

The packages are installed into tests/interop/node/ (git-ignored) on the first run (the
``node_dir`` fixture); the test is skipped, saying why, where node, npm, Chromium or the packages
cannot be had.
"""

import json
import subprocess
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.dataset import bundled_dataset_path, load_dataset

HERE = Path(__file__).parent


def render(node_dir: Path, timeline: Path) -> dict:
    done = subprocess.run(["node", str(HERE / "render_timelinejs.mjs"), str(timeline)], cwd=node_dir,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bundled_dataset_renders_in_timelinejs(tmp_path, node_dir, lang):
    out = tmp_path / "timeline.json"
    assert main(["export", "--format", "timelinejs", "--lang", lang, "-o", str(out)]) == 0
    seen = render(node_dir, out)
    assert seen["errors"] == [] and seen["messages"] == [] and seen["requests"] == []
    ds = load_dataset(bundled_dataset_path())
    assert len(seen["slides"]) == len(ds.milestones) + 1  # the title slide, then one per milestone
    assert seen["slides"][0] == "title" and sorted(seen["slides"][1:]) == sorted(m.id for m in ds.milestones)
    titles = sorted(m.title.get(lang) for m in ds.milestones)
    assert sorted(seen["headlines"][1:]) == titles and seen["headlines"][0] == ds.title.get(lang)
    lanes = [b.name.get(lang) for b in ds.branches if any(m.branch == b.id for m in ds.milestones)]
    assert seen["groups"] == lanes  # the bundled branches' first events come in the dataset's order


def test_an_escaped_headline_shows_as_text_not_markup(tmp_path, node_dir, rich_path):
    out = tmp_path / "timeline.json"
    assert main(["export", str(rich_path), "--format", "timelinejs", "--lang", "en", "-o", str(out)]) == 0
    seen = render(node_dir, out)
    assert seen["errors"] == [] and len(seen["slides"]) == 8
    assert "Cooperation <b>widened</b> & deepened" in seen["headlines"]


def test_the_sheet_renders_in_timelinejs_as_a_published_sheet(tmp_path, node_dir):
    """TimelineJS reads the CSV by its column headers: the BOM, our extra columns and the title and
    era rows must not trouble it."""
    out = tmp_path / "sheet.csv"
    assert main(["export", "--format", "csv", "--lang", "zh", "-o", str(out)]) == 0
    seen = render(node_dir, out)
    assert seen["errors"] == [] and seen["messages"] == [] and seen["requests"] == []
    ds = load_dataset(bundled_dataset_path())
    assert len(seen["slides"]) == len(ds.milestones) + 1
    assert sorted(seen["headlines"][1:]) == sorted(m.title.zh for m in ds.milestones)
    assert seen["headlines"][0] == ds.title.zh

import importlib.util
import shutil
from pathlib import Path

import pytest



ROOT = Path(__file__).parents[2]
DATA = ROOT / "tests" / "data"
# Milestones with every date form the mapping treats differently, and text TimelineJS would read as HTML.
EXTRA = """\
  - id: north-span
    branch: north
    category: agreement
    date: 2014-03-05/2015
    title: {zh: "合作<b>扩大</b> & 深化", en: "Cooperation <b>widened</b> & deepened"}
    summary: {zh: "第一段。\\n第二段 <script>x</script>", en: "First.\\nSecond <script>x</script>"}
    sources: [{source: article-a, paragraph: 7}]
    media: [{path: media/photo.png, caption: {zh: 合影, en: Group photo}, credit: {zh: 医院, en: The hospital}}]
  - id: south-season
    branch: south
    category: first
    date: 2015-21
    title: {zh: 春季义诊, en: Spring clinic}
    summary: {zh: 春季。, en: In spring.}
    sources: [article-a]
  - id: south-uncertain
    branch: south
    category: first
    date: 2017?
    title: {zh: 或为2017年, en: Perhaps 2017}
    summary: {zh: 年份推定。, en: Year inferred.}
    sources: [article-a]
  - id: north-open
    branch: north
    category: agreement
    date: 2018-05/..
    title: {zh: 长期合作, en: Ongoing cooperation}
    summary: {zh: 至今。, en: Still running.}
    sources: [article-a]
"""


@pytest.fixture
def rich_path(tmp_path) -> Path:
    """The small dataset with the milestones of ``EXTRA`` added."""
    text = (DATA / "small.yaml").read_text(encoding="utf-8").replace("milestones:\n", "milestones:\n" + EXTRA, 1)
    path = tmp_path / "rich.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def synth():
    """benchmarks/synth.py, which makes datasets of any size."""
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def node_dir() -> Path:
    """Where node finds playwright-core and TimelineJS (installed on the first run), for tests
    that drive Debian's Chromium; they are skipped, saying why, where that cannot be."""
    from node_setup import NODE_DIR, install

    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("node and npm are not installed (apt install nodejs npm; .ci/run does)")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium is missing (apt install chromium; .ci/run does)")
    reason = install()
    if reason:
        pytest.skip(reason)
    return NODE_DIR

"""The web page export: one file, no network, opened from file:// in Debian's headless Chromium
with every request blocked; every milestone there, a click shows its detail, the keyboard and
search work, the language switch too; screenshots in both languages."""

import json
import re
import subprocess
from pathlib import Path

from timeline_app.cli import main
from timeline_app.dataset import bundled_dataset_path, load_dataset

HERE = Path(__file__).parent


def test_the_page_is_one_small_file_with_both_pictures_and_the_font(tmp_path):
    out = tmp_path / "timeline.html"
    assert main(["export", "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert out.stat().st_size < 3_000_000
    assert page.count("<svg") == 2 and 'lang="zh"' in page and 'lang="en"' in page
    assert re.search(r"@font-face\{font-family:\"Timeline Noto Sans SC\";src:url\(data:font/woff;base64,", page)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # nothing to fetch
    ds = load_dataset(bundled_dataset_path())
    assert all(f'"id": "{m.id}"' in page for m in ds.milestones)


def test_html_refuses_a_filter(tmp_path, capsys):
    assert main(["export", "--format", "html", "--query", "巫山", "-o", str(tmp_path / "x.html")]) == 2
    assert "--format html is always the whole dataset" in capsys.readouterr().err


def test_the_page_works_offline_in_chromium(tmp_path, node_dir):
    out = tmp_path / "timeline.html"
    assert main(["export", "--format", "html", "-o", str(out)]) == 0
    done = subprocess.run(["node", str(HERE / "render_page.mjs"), str(out), str(tmp_path)], cwd=node_dir,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["errors"] == [] and seen["requests"] == []  # no request leaves the file
    assert seen["font"]  # the embedded face draws Chinese
    assert seen["a11y"] == {"drawingHidden": True, "targetsReachable": True}  # a screen reader gets buttons
    ds = load_dataset(bundled_dataset_path())
    assert seen["list"] == [m.id for m in ds.chronological]  # every milestone, in date order
    clicked = ds.milestone_by_id[seen["clicked"]]
    assert seen["detail"]["id"] == clicked.id and seen["detail"]["title"] == clicked.title.zh
    assert "来源" in seen["detail"]["text"] and "段" in seen["detail"]["text"]  # its sources, by paragraph
    members = seen["badge"]["members"]
    assert members and set(members) <= set(ds.milestone_by_id) and seen["badge"]["listed"] == len(members)
    assert seen["badge"]["heading"] == f"此处 {len(members)} 条里程碑"
    assert seen["keyed"] == ds.chronological[3].id  # Enter on the fourth in the list
    assert seen["found"] and all("秀山" in (m := ds.milestone_by_id[i]).title.zh + m.summary.zh for i in seen["found"])
    assert seen["lang"]["lang"] == "en" and seen["lang"]["picture"] == "en"
    assert seen["lang"]["title"] == ds.title.en and seen["lang"]["detail"] == ds.chronological[3].title.en
    assert seen["lang"]["first"].endswith(ds.chronological[0].title.en)
    assert "scale(1.25)" in seen["zoomed"]
    for lang in ("zh", "en"):
        assert (tmp_path / f"page-{lang}.png").stat().st_size > 20_000

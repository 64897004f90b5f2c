"""An archival PDF: PDF/A-1b says who and what it is in its XMP metadata, embeds its fonts and
holds no transparency (date bars and legend swatches are blended onto what is under them)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import timeline_app
from pdf_checks import page_fonts, unembedded_fonts

pypdf = pytest.importorskip("pypdf")


def export(tmp_path, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(Path(timeline_app.__file__).parents[1]))  # this checkout's package
    return subprocess.run([sys.executable, "-m", "timeline_app", "export", *options], capture_output=True, text=True,
                          timeout=180, cwd=tmp_path, env=env)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdfa_identifies_itself_embeds_its_fonts_and_is_opaque(tmp_path, lang):
    out = tmp_path / "archive.pdf"
    result = export(tmp_path, "--format", "pdf", "--pdfa", "--lang", lang, "-o", str(out))
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    reader = pypdf.PdfReader(out)
    xmp = reader.xmp_metadata
    assert xmp is not None
    metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>1</pdfaid:part>" in metadata and "<pdfaid:conformance>B</pdfaid:conformance>" in metadata
    assert ("zh-CN" if lang == "zh" else ">en<") in metadata
    title = "重医附二院医联体十年" if lang == "zh" else "Ten years of the CQMU Second Hospital"
    assert title in metadata and "timeline-app" in metadata
    assert "/OutputIntents" in reader.trailer["/Root"]
    alphas = [float(v) for v in re.findall(rb"/(?:ca|CA) ([0-9.]+)", raw)]
    assert alphas and all(a == 1.0 for a in alphas)  # nothing translucent
    assert set(re.findall(rb"/SMask\s*/(\w+)", raw)) <= {b"None"}
    for page in reader.pages:
        assert page_fonts(page) and not unembedded_fonts(page)


def test_pdfa_is_for_pdf_only(tmp_path):
    result = export(tmp_path, "--format", "png", "--pdfa", "--lang", "en", "-o", str(tmp_path / "x.png"))
    assert result.returncode == 2 and "--pdfa" in result.stderr
    assert not list(tmp_path.iterdir())  # nothing half-written

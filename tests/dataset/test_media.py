"""Media paths stay inside the dataset's folder, under the size cap, and are what they claim."""

import os
import shutil
from pathlib import Path

import pytest

from timeline_app.dataset import load_dataset
from timeline_app.dataset.media import MediaFault, MediaKind, media_paths, resolve_media

DATA = Path(__file__).parents[1] / "data"
PNG = DATA / "media" / "east-signing.png"  # 64×48, drawn with QPainter for these tests


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "media").mkdir()
    shutil.copy(PNG, tmp_path / "media" / "photo.png")
    return tmp_path


def test_an_image_beside_the_dataset_is_found_and_confirmed(folder):
    found = resolve_media(folder, "media/photo.png")
    assert found.path == (folder / "media" / "photo.png").resolve()
    assert (found.kind, found.format, found.fault) == (MediaKind.IMAGE, "png", None)


@pytest.mark.parametrize("name, fault", [
    ("/etc/passwd", MediaFault.ABSOLUTE),
    ("C:\\Windows\\win.ini", MediaFault.ABSOLUTE),
    ("C:photo.png", MediaFault.ABSOLUTE),
    ("../secret.png", MediaFault.OUTSIDE),
    ("media/../../secret.png", MediaFault.OUTSIDE),
    ("media\\..\\..\\secret.png", MediaFault.OUTSIDE),
    ("media/none.png", MediaFault.MISSING),
    ("media", MediaFault.NOT_A_FILE),
])
def test_paths_that_leave_the_folder_or_lead_nowhere_are_refused(folder, name, fault):
    found = resolve_media(folder, name)
    assert (found.path, found.fault) == (None, fault)


def test_a_symbolic_link_out_of_the_folder_is_refused(folder, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "photo.png"
    shutil.copy(PNG, outside)
    os.symlink(outside, folder / "media" / "link.png")
    assert resolve_media(folder, "media/link.png").fault is MediaFault.OUTSIDE
    os.symlink(folder / "media" / "photo.png", folder / "media" / "inside.png")  # a link within is fine
    assert resolve_media(folder, "media/inside.png").fault is None


def test_content_must_match_the_name_and_size_is_capped(folder):
    (folder / "media" / "script.png").write_bytes(b"#!/bin/sh\nrm -rf ~\n")
    (folder / "media" / "photo.jpg").write_bytes(PNG.read_bytes())  # a PNG that says JPEG
    (folder / "media" / "notes.txt").write_text("hello")
    (folder / "media" / "report.pdf").write_bytes(b"%PDF-1.7\n")
    assert resolve_media(folder, "media/script.png").fault is MediaFault.WRONG_CONTENT
    assert resolve_media(folder, "media/photo.jpg").fault is MediaFault.WRONG_CONTENT
    assert resolve_media(folder, "media/notes.txt").fault is MediaFault.UNSUPPORTED
    pdf = resolve_media(folder, "media/report.pdf")
    assert (pdf.kind, pdf.format, pdf.fault) == (MediaKind.DOCUMENT, "pdf", None)
    assert resolve_media(folder, "media/photo.png", max_bytes=100).fault is MediaFault.TOO_LARGE


def test_media_paths_lists_the_files_worth_watching(tmp_path):
    shutil.copy(DATA / "archive.yaml", tmp_path / "archive.yaml")
    dataset = load_dataset(tmp_path / "archive.yaml")
    assert media_paths(dataset) == []  # referred to, but not there
    (tmp_path / "media").mkdir()
    shutil.copy(PNG, tmp_path / "media" / "east-signing.png")
    assert media_paths(dataset) == [(tmp_path / "media" / "east-signing.png").resolve()]

"""``timeline-app export --format png|svg|pdf``: the page for a view given on the command line.

Runs without a display (Qt's offscreen platform) and with the bundled fonts, so a server or CI
writes the same page as a desktop.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from ...dataset.records import Dataset
from ...i18n import tr
from ...viewmodel.session import Session
from ...viewmodel.timescale import range_caption, span_of
from ...viewmodel.state import ViewState

__all__ = ["PictureRequest", "export_picture"]

EXIT_OK, EXIT_USAGE = 0, 2
THEMES = {"light": "light", "dark": "dark", "contrast": "contrast"}  # the command line's, the menus' names


class PictureRequest:
    """What the command line asked for, checked: a named file, a page size, a view."""

    def __init__(self, output: str, fmt: str, lang: str, size: tuple[int, int] | None = None,
                 paper: str | None = None, landscape: bool = True, dpi: float | None = None, show_range=None,
                 theme: str = "light", select: str | None = None, pages: tuple[int, int] | None = None,
                 archival: bool = False, size_unit: str = "px", indicators: bool = True):
        self.output, self.format, self.lang = output, fmt, lang
        self.size, self.paper, self.landscape = size, paper, landscape
        self.size_unit = size_unit  # "px": logical pixels; "mm": a page measured, its type sized as paper's
        self.dpi = dpi if dpi is not None else (150.0 if paper else 96.0)
        self.range, self.theme, self.select = show_range, theme, select
        self.pages = pages or (1, 1)
        self.archival = archival  # a PDF/A-1b
        self.indicators = indicators  # the indicator rows under the timeline


def export_picture(dataset: Dataset, request: PictureRequest) -> int:
    """Writes the page (the application, with the bundled fonts, must exist); says on stderr why it cannot, or that the range holds nothing (the page
    is written all the same). Returns the exit code."""
    lang = request.lang
    problem = _problem(dataset, request)
    if problem:
        print(f"timeline-app: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from ..colors import Theme
    from ..palettes import palette_for
    from .picture import ExportError, Page, PageSize, write_page

    session = Session(dataset, ViewState())
    session.state.language = lang
    if request.range is not None:
        session.state.x_range = session.clamp_range(*span_of(request.range))
    session.state.selection = request.select
    if request.paper:
        size = PageSize.of_paper(request.paper, request.landscape, request.pages)
    elif request.size_unit == "mm":
        size = PageSize.of_mm(*request.size)
    else:
        size = PageSize(*(request.size or (1600, 900)))
    palette = THEMES[request.theme]
    page = Page(session, size, Theme(palette_for(palette), palette == "contrast", dataset), dt.date.today(),
                dataset.path.name if dataset.path else "", searchable=request.format == "pdf",
                indicators=request.indicators)
    try:
        write_page(page, Path(request.output), request.format, request.dpi, archival=request.archival)
    except ExportError as err:
        print(f"timeline-app: {request.output}: {err}", file=sys.stderr)
        return EXIT_USAGE
    if not page.shown:
        print(f"timeline-app: {tr('export.nothing', lang, range=range_caption(*session.state.x_range, lang))}",
              file=sys.stderr)
    return EXIT_OK


def _problem(dataset: Dataset, request: PictureRequest) -> str:
    """Why the request cannot be met before anything is drawn, or ""."""
    lang = request.lang
    if request.output == "-":
        return tr("export.error.stdout", lang)
    if request.size and request.paper:
        return tr("export.error.size_and_paper", lang)
    if request.pages != (1, 1) and not request.paper:
        return tr("export.error.pages_paper", lang)
    if request.archival and request.format != "pdf":
        return tr("export.error.pdfa", lang)
    if request.select and request.select not in dataset.milestone_by_id:
        return tr("export.error.select", lang, id=request.select)
    folder = Path(request.output).absolute().parent
    if not folder.is_dir():
        return f"{folder}: {os.strerror(2)}"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{folder}: {os.strerror(13)}"
    return ""

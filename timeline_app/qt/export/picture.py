"""A page of the timeline for a report, a slide or the wall: the dataset's title, what the page
shows, the timeline itself, and a footer with the sources cited and the export date; written as
PNG, SVG or PDF.

The page is laid out once, in logical pixels (1/96 in on a sheet of paper of type A4 and in
proportion beyond), and every device draws that layout scaled: a 600 dpi PNG, an SVG and a PDF
are the same picture. Big paper is laid out on a page smaller than the sheet and drawn enlarged,
so that type grows with the sheet (a poster is read from metres away) while more of the decade
still finds room. Text stays text: labels are ``<text>`` in SVG and embedded, searchable fonts in
PDF (the painter draws them with the bundled face).
"""

from __future__ import annotations

import datetime as dt
from html import escape
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QLineF, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (QFont, QFontMetricsF, QImage, QPageLayout, QPagedPaintDevice, QPageSize, QPainter,
                           QPdfWriter, QPen)
from PySide6.QtSvg import QSvgGenerator

from ...i18n import tr
from ...i18n.wording import citation_parts, group_citations, join_clauses
from ...viewmodel.filter_words import describe_filter
from ...viewmodel.legend import legend_entries, place_legend
from ...viewmodel.frame import HEADER_WIDTH, MARKER_RADIUS, LabelTexts, Snapshot, TimelineFrame, compute_frame
from ...viewmodel.session import Session
from ...viewmodel.shapes import Box
from ...viewmodel.timescale import range_caption
from ..fonts import BUNDLED_FAMILY
from ..colors import Theme
from ..widgets.timeline.painter import TimelineFonts, TimelinePainter
from .indicator_band import BAND_SHARE, IndicatorBand
from .user_unit import MAX_INCHES, UserUnitError, set_user_unit, user_unit

__all__ = ["FORMATS", "PAPERS", "ExportError", "Page", "PageSize", "image_limit", "page_layout", "paint_sheets",
           "sheet_unit", "write_page"]

FORMATS = ("png", "svg", "pdf")
PAPERS = {"A0": QPageSize.PageSizeId.A0, "A1": QPageSize.PageSizeId.A1, "A2": QPageSize.PageSizeId.A2,
          "A3": QPageSize.PageSizeId.A3, "A4": QPageSize.PageSizeId.A4}
LABEL_PX = 13.0  # milestone titles, in logical px: 9.75 pt on A4
TYPE_GROWTH = 0.85  # type grows as the sheet's side to this power: A0's titles are 3.25 times A4's
PDF_DPI = 1200  # the PDF's coordinate grid: vector, so only precision depends on it
# Qt maps each glyph of a PDF's font back to text through the font's cmap; a glyph that an OpenType
# substitution chose has no entry there and extracts as a control character. In Latin text the
# bundled face's "locl" swaps digits and the ellipsis, and "liga" makes fi, fl, ff one glyph: with
# both off, "10th", "level-3", "first" and "…" extract exactly (Chinese text is drawn the same).
PLAIN_SHAPING = ("liga", "locl")
_A4_SHORT_MM = 210.0
_MARK = 12.0  # length of an alignment mark at a sheet's edge
_OVERLAP_MM = 10.0  # what a sheet of a poster repeats of the one before it
_MARGIN = 32.0
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
_BAND_GAP = 12.0  # between the timeline's axis and the indicator rows
_FOOTER_SHARE = 0.28  # of the page's height, at most, for the sources (the rest are counted)


def _type_scale(width_mm: float, height_mm: float) -> float:
    """How many 1/96 in a logical px is on a page of this size: type grows with its short side."""
    return (min(width_mm, height_mm) / _A4_SHORT_MM) ** TYPE_GROWTH


class ExportError(Exception):
    """A page that cannot be written, with the reason in words for the user."""


@dataclass(frozen=True)
class PageSize:
    """A page's layout size in logical px, and ``scale``: how many 1/96 in each logical px is.

    A poster of ``sheets`` (columns, rows) sheets of ``paper`` is one page laid out across them:
    each sheet after the first in its row repeats the lane headers (``header`` px at its left)
    and shows the picture from ``overlap`` px before where the sheet to its left ended, which
    alignment marks at the sheets' edges show.
    """

    width: float
    height: float
    scale: float = 1.0
    paper: str | None = None
    landscape: bool = True
    sheets: tuple[int, int] = (1, 1)
    sheet: tuple[float, float] | None = None  # one sheet, in logical px (paper only)
    overlap: float = 0.0
    header: float = 0.0

    @classmethod
    def of_paper(cls, paper: str, landscape: bool = True, sheets: tuple[int, int] = (1, 1)) -> PageSize:
        size = QPageSize(PAPERS[paper]).size(QPageSize.Unit.Millimeter)
        short, long = sorted((size.width(), size.height()))
        width, height = (long, short) if landscape else (short, long)
        cols, rows = sheets
        scale = _type_scale(width * cols, height * rows)  # type for the whole poster
        sheet_w, sheet_h = width / 25.4 * 96 / scale, height / 25.4 * 96 / scale
        overlap, header = _OVERLAP_MM / 25.4 * 96 / scale, _MARGIN + HEADER_WIDTH
        return cls(sheet_w + (cols - 1) * (sheet_w - header - overlap), sheet_h + (rows - 1) * (sheet_h - overlap),
                   scale, paper, landscape, sheets, (sheet_w, sheet_h), overlap if sheets != (1, 1) else 0.0, header)

    @classmethod
    def of_mm(cls, width: float, height: float) -> PageSize:
        """A page of its own size in mm (a banner, a roll-up), its type grown as paper's is."""
        scale = _type_scale(width, height)
        return cls(width / 25.4 * 96 / scale, height / 25.4 * 96 / scale, scale)

    @property
    def inches(self) -> tuple[float, float]:
        return self.width * self.scale / 96, self.height * self.scale / 96

    def pixels(self, dpi: float) -> tuple[int, int]:
        """The size of an image of this page at ``dpi``."""
        w, h = self.inches
        return max(round(w * dpi), 1), max(round(h * dpi), 1)

    def windows(self) -> list[tuple[float, float, float]]:
        """For each sheet, row by row: (x, y) of the page at the left of its picture, and where
        on the sheet the picture starts (0, or after the repeated headers)."""
        if self.sheet is None or self.sheets == (1, 1):
            return [(0.0, 0.0, 0.0)]
        (cols, rows), (sheet_w, sheet_h) = self.sheets, self.sheet
        xs = [0.0] + [sheet_w - self.overlap + k * (sheet_w - self.header - self.overlap) for k in range(cols - 1)]
        return [(x, row * (sheet_h - self.overlap), self.header if col else 0.0)
                for row in range(rows) for col, x in enumerate(xs)]


class Page:
    """The whole page for a session's view state, laid out at ``size``; :meth:`paint` draws it in
    logical px on any painter (the caller scales it to the device)."""

    def __init__(self, session: Session, size: PageSize, theme: Theme, exported: dt.date, source_name: str = "",
                 searchable: bool = False, indicators: bool = True):
        """``searchable``: text shaped so that a PDF's text extracts as it was written (see :data:`PLAIN_SHAPING`);
        ``indicators``: the indicator rows under the timeline (where the dataset has any)."""
        self.session, self.size, self.theme = session, size, theme
        self.exported, self.source_name, self.searchable = exported, source_name, searchable
        state = session.state
        self.lang = lang = state.language
        base = QFont()
        base.setFamilies([])  # the timeline's fonts put the bundled face first: it is then the only one named
        for feature in PLAIN_SHAPING if searchable else ():
            base.setFeature(QFont.Tag(feature), 0)
        self.fonts = TimelineFonts(base, LABEL_PX)
        self.legend_painter = TimelinePainter(TimelineFonts(base, LABEL_PX * 0.85))
        base.setFamilies([BUNDLED_FAMILY])
        self.title_font = self._font(base, LABEL_PX * 2.1, bold=True)
        self.note_font = self._font(base, LABEL_PX)
        self.small_font = self._font(base, LABEL_PX * 0.85)
        width = size.width - 2 * _MARGIN
        self.title = session.dataset.title.get(lang)
        summary = [range_caption(*state.x_range, lang)]
        if describe_filter(state.filter, session.dataset, lang):
            summary.append(describe_filter(state.filter, session.dataset, lang))
        self.summary = tr("sep.dot", lang).join(summary)
        self.title_box = QRectF(_MARGIN, _MARGIN, width, self._text_height(self.title_font, self.title, width))
        self.summary_box = QRectF(_MARGIN, self.title_box.bottom() + 4, width,
                                  self._text_height(self.note_font, self.summary, width))
        self.legend = place_legend(legend_entries(session.dataset, lang), width, self.legend_painter.fonts,
                                   left=_MARGIN, top=self.summary_box.bottom() + 10)
        top = (self.legend[-1].text.box.bottom if self.legend else self.summary_box.bottom()) + 14
        self.shown = _in_view(session)
        self.footer = self._footer(self.shown, exported, source_name, width)
        footer_height = self._text_height(self.small_font, self.footer, width)
        self.footer_box = QRectF(_MARGIN, size.height - _MARGIN - footer_height, width, footer_height)
        self.frame_top = top
        room = self.footer_box.top() - 16 - top
        self.band = IndicatorBand(session, self._font(base, LABEL_PX * 0.92), theme, HEADER_WIDTH,
                                  room * BAND_SHARE if indicators else 0.0)
        gap = _BAND_GAP if self.band.height else 0.0
        self.frame = self._compute(width, room - self.band.height - gap)
        self.band.top = top + self.frame.height + gap
        self.painter = TimelinePainter(self.fonts)

    @property
    def headed_bottom(self) -> float:
        """Where the rows with a header at the left end: the lanes', or the indicator rows' under them."""
        return self.band.top + self.band.height if self.band.height else self.frame_top + self.frame.height

    @property
    def indicators(self) -> bool:
        """Whether the page shows indicator rows (asked for, and the dataset has some)."""
        return bool(self.band.layouts)

    def with_indicators(self, shown: bool) -> Page:
        """The same page with or without the indicator rows."""
        return Page(self.session, self.size, self.theme, self.exported, self.source_name, self.searchable, shown)

    @staticmethod
    def _font(base: QFont, px: float, bold: bool = False) -> QFont:
        font = QFont(base)
        font.setPixelSize(round(px))
        font.setBold(bold)
        return font

    def _compute(self, width: float, height: float) -> TimelineFrame:
        state = self.session.state
        snapshot = Snapshot(tuple(state.x_range), state.selection, self.lang, None, state.filter, width,
                            max(height, 120.0))
        return compute_frame(self.session, snapshot, self.fonts, LabelTexts(self.fonts))

    def _footer(self, shown: list[str], exported: dt.date, source_name: str, width: float) -> str:
        """The sources the shown milestones cite (title, outlet, date, paragraphs), as many as fit
        in a share of the page, then the export's date and file."""
        dataset, lang = self.session.dataset, self.lang
        cited = group_citations(tuple(c for i in shown for c in dataset.milestone_by_id[i].sources))
        entries = [tr("export.source", lang, title=title, details=details)
                   for title, details in (citation_parts(source, paragraphs, dataset, lang)
                                          for source, paragraphs in cited)]
        end = tr("export.exported", lang, date=exported.isoformat(), file=source_name) if source_name \
            else tr("export.exported_on", lang, date=exported.isoformat())
        room = self.size.height * _FOOTER_SHARE
        for count in range(len(entries), -1, -1):
            listed = entries[:count]
            if count < len(entries):
                listed.append(tr("export.more_sources", lang, n=len(entries) - count))
            text = (tr("export.sources", lang, sources=join_clauses(listed, lang)) + "\n" if listed else "") + end
            if count == 0 or self._text_height(self.small_font, text, width) <= room:
                return text
        return end

    @staticmethod
    def _text_height(font: QFont, text: str, width: float) -> float:
        return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), _WRAP, text).height()

    def paint(self, painter: QPainter, view: QRectF | None = None) -> None:
        """Draws the page; with ``view`` (a sheet's part of it), only what meets it, so that a
        poster's PDF holds each text once, on the sheets that show it, not hidden on every one."""
        theme = self.theme
        view = view if view is not None else QRectF(0, 0, self.size.width, self.size.height)
        painter.fillRect(view, theme.base)
        painter.setPen(theme.text)
        painter.setFont(self.title_font)
        if view.intersects(self.title_box):
            painter.drawText(self.title_box, _WRAP, self.title)
        painter.setFont(self.note_font)
        painter.setPen(theme.muted)
        if view.intersects(self.summary_box):
            painter.drawText(self.summary_box, _WRAP, self.summary)
        self.legend_painter.paint_legend(painter, [e for e in self.legend if view.intersects(
            QRectF(e.swatch.left, e.text.box.top, e.text.box.right - e.swatch.left, e.text.box.height))], theme)
        painter.save()
        painter.translate(_MARGIN, self.frame_top)
        # Nothing over the title or footer; sideways the margins are room for a badge at the very end.
        painter.setClipRect(QRectF(-_MARGIN, 0, self.frame.width + 2 * _MARGIN, self.frame.height),
                            Qt.ClipOperation.IntersectClip)  # and within a sheet of a poster
        self.painter.paint(painter, _within(self.frame, view.translated(-_MARGIN, -self.frame_top)), theme)
        if not self.shown:
            painter.setFont(self.title_font)
            painter.setPen(theme.muted)
            painter.drawText(self.frame.plot.left, 0, self.frame.plot.width, self.frame.plot.height,
                             Qt.AlignmentFlag.AlignCenter, tr("export.empty", self.lang))
        painter.restore()
        self.band.paint(painter, self.frame, _MARGIN, view)
        if view.intersects(self.footer_box.adjusted(0, -8, 0, 0)):
            painter.setPen(QPen(theme.rule, 1))
            rule = self.footer_box.top() - 8
            painter.drawLine(QLineF(self.footer_box.left(), rule, self.footer_box.right(), rule))
            painter.setPen(theme.muted)
            painter.setFont(self.small_font)
            painter.drawText(self.footer_box, _WRAP, self.footer)


def _within(frame: TimelineFrame, rect: QRectF) -> TimelineFrame:
    """The frame's texts, labels, badges and markers that meet ``rect`` (frame px); fills, lines
    and bars stay whole (they are cut by the clip, and carry no text)."""
    view = Box(rect.left(), rect.top(), rect.right(), rect.bottom())
    if view.left <= 0 and view.top <= 0 and view.right >= frame.width and view.bottom >= frame.height:
        return frame
    reach = MARKER_RADIUS + 4  # a selected marker's ring
    return replace(frame, labels=[label for label in frame.labels if label.text.box.intersects(view)],
                   texts=[text for text in frame.texts if text.box.intersects(view)],
                   badges=[badge for badge in frame.badges if badge.box.intersects(view)],
                   markers=[m for m in frame.markers if view.contains(m.x, m.y, reach)])


def _in_view(session: Session) -> list[str]:
    """Ids of the milestones the page shows, drawn one by one or counted in a badge: those the
    filter lets through whose time (or period, undated) meets the range, in date order."""
    index, (x0, x1) = session.index, session.state.x_range
    rows = np.flatnonzero(session.match_mask & (index.lo < x1) & (index.hi > x0))
    return index.ids[rows].tolist()


def image_limit() -> int:
    """The most bytes an image may take: a quarter of this machine's memory, and at most 2 GiB
    (Qt keeps an image in one block, and the PNG encoder needs room beside it)."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        memory = 8 << 30
    return min(memory // 4, 2 << 30)


def write_page(page: Page, path: Path, fmt: str, dpi: float = 96, archival: bool = False) -> None:
    """Writes ``page`` to ``path`` as ``fmt`` (PNG at ``dpi``; with ``archival``, a PDF/A-1b),
    through a temporary file beside it, so that a failure never leaves half a file under the name
    asked for."""
    if fmt not in FORMATS:
        raise ExportError(tr("export.error.format", page.lang, format=fmt, formats=", ".join(FORMATS)))
    path = Path(path)
    if fmt != "pdf" and page.size.sheets != (1, 1):
        raise ExportError(tr("export.error.pages", page.lang))
    if archival and fmt == "pdf" and sheet_unit(page.size) > 1:
        width, height = (round(side * 25.4) for side in _sheet_inches(page.size))
        raise ExportError(tr("export.error.pdfa_size", page.lang, width=width, height=height,
                             limit=round(MAX_INCHES * 25.4)))
    if fmt == "png":
        width, height = page.size.pixels(dpi)
        need, limit = width * height * 4, image_limit()
        if need > limit:
            raise ExportError(tr("export.error.memory", page.lang, width=width, height=height, need=need >> 20,
                                 limit=limit >> 20))
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    except OSError as err:
        raise ExportError(err.strerror or str(err)) from None
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's owner-only
    try:
        if archival and fmt == "pdf":
            _write_pdf(page, temp, dpi, archival=True)
        else:
            _WRITERS[fmt](page, temp, dpi)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _draw(page: Page, painter: QPainter, device_width: float) -> None:
    if not painter.isActive():
        raise ExportError(tr("export.error.start", page.lang))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        factor = device_width / page.size.width
        painter.scale(factor, factor)
        page.paint(painter)
    finally:
        painter.end()


def _write_png(page: Page, temp: str, dpi: float) -> None:
    width, height = page.size.pixels(dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ExportError(tr("export.error.memory", page.lang, width=width, height=height,
                             need=width * height * 4 >> 20, limit=image_limit() >> 20))
    image.fill(page.theme.base)
    dots = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    _draw(page, QPainter(image), width)
    if not image.save(temp, "PNG"):
        raise ExportError(tr("export.error.write", page.lang))


def _write_svg(page: Page, temp: str, _dpi: float) -> None:
    generator = QSvgGenerator()
    generator.setFileName(temp)
    width, height = page.size.pixels(96)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(96)
    generator.setTitle(page.title)
    generator.setDescription(page.summary)
    _draw(page, QPainter(generator), width)


def _write_pdf(page: Page, temp: str, _dpi: float, archival: bool = False) -> None:
    """A vector PDF; ``archival``: PDF/A-1b (ISO 19005-1, level B: fonts embedded, no transparency;
    the page paints nothing translucent) with XMP metadata naming its title, subject, language,
    sources and creator."""
    writer = QPdfWriter(temp)
    writer.setResolution(PDF_DPI)
    writer.setTitle(page.title)
    writer.setCreator("timeline-app")
    if archival:
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
        writer.setDocumentXmpMetadata(archival_metadata(page))
    unit = sheet_unit(page.size)
    if unit > 1:  # a banner: drawn at 1/unit, its pages then given /UserUnit (PDF 1.6)
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_1_6)
    if not writer.setPageLayout(page_layout(page.size, unit)):
        raise ExportError(tr("export.error.page", page.lang))
    paint_sheets(page, writer)
    del writer  # the file is complete and closed
    if unit > 1:
        data = Path(temp).read_bytes()
        try:
            data = set_user_unit(data, unit)
        except UserUnitError as err:
            raise ExportError(tr("export.error.user_unit", page.lang, reason=str(err))) from None
        Path(temp).write_bytes(data)


def _sheet_inches(size: PageSize) -> tuple[float, float]:
    """One sheet's width and height in inches: the paper's, or the page's own."""
    width, height = size.sheet or (size.width, size.height)
    return width * size.scale / 96, height * size.scale / 96


def sheet_unit(size: PageSize) -> int:
    """The /UserUnit a PDF of this page needs: 1 up to 200 in a side, more for a banner."""
    return user_unit(*_sheet_inches(size))


def archival_metadata(page: Page) -> bytes:
    """The XMP packet of a PDF/A-1b page: Dublin Core title, subject, language and sources, the
    creator tool, and the PDF/A identification (part 1, conformance B)."""
    dataset, lang = page.session.dataset, page.lang
    sources = "".join(f"<rdf:li>{escape(source.title.get(lang))}</rdf:li>" for source in dataset.sources)
    language = {"zh": "zh-CN", "en": "en"}.get(lang, lang)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(page.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(page.summary)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <dc:source>{escape(dataset.path.name) if dataset.path else ""}</dc:source>
   <dc:relation><rdf:Bag>{sources}</rdf:Bag></dc:relation>
   <xmp:CreatorTool>timeline-app</xmp:CreatorTool>
   <pdf:Producer>timeline-app (Qt)</pdf:Producer>
   <pdfaid:part>1</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")


def page_layout(size: PageSize, unit: int = 1) -> QPageLayout:
    """One sheet's paper (or the page's own size, in points of ``unit``/72 in), without margins:
    the page has its own."""
    if size.paper is not None:
        orientation = QPageLayout.Orientation.Landscape if size.landscape else QPageLayout.Orientation.Portrait
        return QPageLayout(QPageSize(PAPERS[size.paper]), orientation, QMarginsF())
    w, h = size.inches
    return QPageLayout(QPageSize(QSizeF(w * 72 / unit, h * 72 / unit), QPageSize.Unit.Point, "",
                                 QPageSize.SizeMatchPolicy.ExactMatch), QPageLayout.Orientation.Portrait, QMarginsF())


def paint_sheets(page: Page, device: QPagedPaintDevice) -> None:
    """Draws the page on a PDF writer or a printer set to :func:`page_layout`: one sheet, or each
    sheet of a poster on a page of its own. A printer that keeps margins gets it a little smaller."""
    size = page.size
    sheet_w, sheet_h = size.sheet or (size.width, size.height)
    painter = QPainter(device)
    if not painter.isActive():
        raise ExportError(tr("export.error.start", page.lang))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        factor = min(device.width() / sheet_w, device.height() / sheet_h)
        painter.scale(factor, factor)
        windows = size.windows()
        for number, window in enumerate(windows, 1):
            if number > 1:
                device.newPage()
            _draw_sheet(page, painter, window, number, len(windows))
    finally:
        painter.end()


def _draw_sheet(page: Page, painter: QPainter, window: tuple[float, float, float], number: int, count: int) -> None:
    """One sheet of a poster: its part of the page, the lane headers again where it does not
    start the row, alignment marks where the next sheet takes over, and its number."""
    x, y, start = window
    size, theme = page.size, page.theme
    (cols, rows), (width, height) = size.sheets, size.sheet or (size.width, size.height)
    col, row = (number - 1) % cols, (number - 1) // cols
    painter.save()
    painter.setClipRect(QRectF(start, 0, width - start, height))
    painter.translate(start - x, -y)
    page.paint(painter, QRectF(x, y, width - start, height))
    painter.restore()
    if start:  # the lane headers, as at the left of the page
        painter.save()
        headers = QRectF(0, page.frame_top, start, page.headed_bottom - page.frame_top).intersected(
            QRectF(0, y, start, height))
        painter.translate(0, -y)
        painter.setClipRect(headers)
        page.paint(painter, headers)
        painter.restore()
    painter.setPen(QPen(theme.text, 0.75))
    marks = []
    for mark_x in ([start] if start else []) + ([width - size.overlap] if col < cols - 1 else []):
        marks += [QLineF(mark_x, 0, mark_x, _MARK), QLineF(mark_x, height - _MARK, mark_x, height)]
    if row < rows - 1:
        mark_y = height - size.overlap
        marks += [QLineF(0, mark_y, _MARK, mark_y), QLineF(width - _MARK, mark_y, width, mark_y)]
    painter.drawLines(marks)
    if count == 1:
        return
    painter.setPen(theme.muted)
    painter.setFont(page.small_font)
    painter.drawText(QRectF(0, height - _MARGIN, width - _MARGIN / 2, _MARGIN), Qt.AlignmentFlag.AlignRight
                     | Qt.AlignmentFlag.AlignVCenter, tr("export.sheet", page.lang, n=number, count=count))


_WRITERS = {"png": _write_png, "svg": _write_svg, "pdf": _write_pdf}

"""The timeline as one self-contained web page: the app's own picture of it (the one painter,
drawn into SVG) in both languages, with zoom and pan, a click or Enter on a milestone for its
detail and sources, search over a list of every milestone, and a 中文/English switch.

No network: the pictures, the data, the script and the font are all in the file, so it opens
from file:// or a USB stick. Chinese renders on a machine with no CJK font: the bundled face is
embedded, subset (fontTools) to the characters the page uses.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
from importlib import resources

from PySide6.QtCore import QBuffer, QIODevice, QRect, QSize
from PySide6.QtGui import QFont, QPainter
from PySide6.QtSvg import QSvgGenerator

from ..dataset.records import Dataset
from ..i18n import LANGUAGES, tr
from ..i18n.dates import date_in_words, describe
from ..interchange.common import readable_citation
from ..interchange.formats import ExportFormat
from ..interchange.selection import Selection
from ..resources import resource_path
from ..viewmodel import Session
from ..viewmodel.frame import LabelTexts, Snapshot, TimelineFrame, compute_frame
from .fonts import BUNDLED_FAMILY
from .theme import Theme
from .themes import palette_for
from .widgets.timeline.painter import TimelineFonts, TimelinePainter

__all__ = ["HTML_FORMAT", "html_page"]

SIZE = (1100, 640)  # the picture's logical pixels: about a laptop's page, so its text reads at 1:1
LABEL_PX = 13.0
_UI_KEYS = ("html.search", "html.switch", "html.zoom_in", "html.zoom_out", "html.fit", "html.list", "html.hint",
            "html.members", "html.sources", "html.picture", "html.shown", "detail.date", "detail.branch",
            "detail.category", "detail.record_id")


def html_page(ds: Dataset) -> bytes:
    """The page for ``ds``, the whole time span in view, in both languages."""
    session = Session(ds)  # its own: the window's view state stays as it is
    session.state.x_range = session.full_range()
    fonts = TimelineFonts(QFont(), LABEL_PX)
    theme = Theme(palette_for("light"), False, ds)
    pictures = {}
    for lang in LANGUAGES:
        session.state.language = lang
        frame = compute_frame(session, Snapshot.of(session.state, *SIZE), fonts, LabelTexts(fonts))
        pictures[lang] = _svg(frame, fonts, theme, ds, lang)
    data = {
        "title": {lang: ds.title.get(lang) for lang in LANGUAGES},
        "ui": {lang: {key: tr(key, lang) for key in _UI_KEYS} for lang in LANGUAGES},
        "milestones": [_record(m, ds) for m in ds.chronological],
    }
    script = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    template = resources.files(__package__).joinpath("html_page.html").read_text(encoding="utf-8")
    page = (template.replace("{{title}}", html.escape(ds.title.zh))
            .replace("{{zh}}", pictures["zh"]).replace("{{en}}", pictures["en"]).replace("{{data}}", script))
    return page.replace("{{font}}", _font_face(page)).encode("utf-8")


def _write(selection: Selection, lang: str) -> bytes:
    """The page is both languages and the whole dataset (a web page to browse, not a filtered list)."""
    return html_page(selection.dataset)


HTML_FORMAT = ExportFormat("html", "html", False, _write)  # for the command line and the Export dialog


def _record(m, ds: Dataset) -> dict:
    branch, category = ds.branch_by_id[m.branch], ds.category_by_id[m.category]
    return {"id": m.id, **{key: {lang: value(lang) for lang in LANGUAGES} for key, value in (
        ("title", m.title.get), ("summary", m.summary.get), ("date", lambda lang: date_in_words(m.date, lang)),
        ("when", lambda lang: describe(m.date, lang)),
        ("branch", branch.name.get), ("category", category.name.get),
        ("sources", lambda lang: readable_citation(m.sources, ds, lang)))}}


def _svg(frame: TimelineFrame, fonts: TimelineFonts, theme: Theme, ds: Dataset, lang: str) -> str:
    """The painter's picture as inline SVG, with a layer of targets over markers, labels and
    badges that a click, a tap or the keyboard reaches (``data-id``, ``data-members``)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(*SIZE))
    generator.setViewBox(QRect(0, 0, *SIZE))
    painter = QPainter(generator)
    TimelinePainter(fonts).paint(painter, frame, theme)
    painter.end()
    svg = bytes(buffer.data()).decode("utf-8")
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r'<svg width="[^"]*" height="[^"]*"', f'<svg class="picture" lang="{lang}" role="group" '
                 f'aria-label="{html.escape(tr("html.picture", lang))}"', svg, count=1)
    svg = re.sub(r"<title>.*?</title>\s*<desc>.*?</desc>", "", svg, count=1, flags=re.DOTALL)
    # The drawing is for eyes; a screen reader gets the targets (and the list) instead of its fragments.
    svg = svg.replace("<g ", '<g aria-hidden="true" ', 1)
    svg = re.sub(r'font-family="[^"]*"', f"font-family=\"'{BUNDLED_FAMILY}', sans-serif\"", svg)
    targets = []
    titles = {m.id: m.title.get(lang) for m in ds.milestones}
    for marker in frame.markers:
        r = marker.radius + 4
        targets.append(_target(marker.milestone, titles, marker.x - r, marker.y - r, 2 * r, 2 * r))
    for label in frame.labels:
        box = label.text.box
        targets.append(_target(label.milestone, titles, box.left, box.top, box.right - box.left, box.bottom - box.top))
    for badge in frame.badges:
        box, members = badge.box, frame.badge_members(badge)
        label = tr("html.members", lang, n=len(members))
        targets.append(f'<rect class="target badge" tabindex="0" role="button" aria-label="{html.escape(label)}" '
                       f'data-members="{" ".join(members)}" x="{box.left:.1f}" y="{box.top:.1f}" '
                       f'width="{box.right - box.left:.1f}" height="{box.bottom - box.top:.1f}"/>')
    return svg.replace("</svg>", f'<g class="targets">{"".join(targets)}</g></svg>')


def _target(milestone: str, titles: dict[str, str], x: float, y: float, w: float, h: float) -> str:
    return (f'<rect class="target" tabindex="0" role="button" aria-label="{html.escape(titles[milestone])}" '
            f'data-id="{milestone}" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"/>')


def _font_face(page: str) -> str:
    """The bundled face as a WOFF data URL, subset to the characters of ``page``."""
    from fontTools import subset  # only for this export

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    face = resource_path("fonts", "NotoSansCJKsc-Regular-subset.otf").read_bytes()  # read whole: no file left open
    font = subset.load_font(io.BytesIO(face), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(set(html.unescape(page)))))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    encoded = base64.b64encode(out.getvalue()).decode("ascii")
    return f'@font-face{{font-family:"{BUNDLED_FAMILY}";src:url(data:font/woff;base64,{encoded}) format("woff");}}'

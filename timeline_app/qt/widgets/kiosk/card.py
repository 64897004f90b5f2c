"""The kiosk's card: the selected milestone in large type — title, date in words, branch,
summary and source — for a visitor reading at arm's length.

Only what a visitor reads: no links to open, nothing to select or copy, no people or tags lists
(the archivist's detail pane has those), and the milestone's first picture where it has one. Its
labels are made once and given new text; a summary too long for the card at body size is set a
little smaller, never cut. With nothing selected it invites a tap and says what the exhibition
holds: each branch's milestones and years, and the articles they come from.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ....i18n import tr
from ....i18n.dates import date_in_words, year_words
from ....i18n.wording import citation_parts, group_citations
from ....viewmodel.navigator import Navigator
from ...model_signals import follow
from ..swatch import BRANCH_MARK, swatch_pixmap
from .pictures import Pictures
from .style import BODY, CAPTION, HEADING, SMALL_BODY, TITLE, font
from .take_home import TakeHome

__all__ = ["KioskCard", "plain_label"]

_MARGIN = 24
PICTURE_SHARE = 0.3  # of the card's height, at most, for a picture


def plain_label(parent: QWidget, px: int, bold: bool = False, wrap: bool = True) -> QLabel:
    """A label for the public: plain text, not selectable, no context menu."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    label.setWordWrap(wrap)
    label.setFont(font(parent, px, bold))
    return label


class KioskCard(QFrame):
    """Follows the selection and the language; with nothing selected, it invites a tap."""

    def __init__(self, navigator: Navigator, parent: QWidget | None = None, pictures: Pictures | None = None,
                 take_home: str | None = None):
        """``take_home``: the exhibition's web address, for a QR code (a milestone's source's own first)."""
        super().__init__(parent)
        self.navigator = navigator
        self.take_home_url = take_home
        self.pictures = pictures or Pictures()
        self.session = session = navigator.session
        self.setObjectName("kioskCard")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

        self.title = plain_label(self, TITLE, bold=True)
        self.date = plain_label(self, BODY)
        self.mark = QLabel(self)
        self.branch = plain_label(self, BODY, wrap=False)
        self.summary = plain_label(self, BODY)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)  # what is left
        self.source_heading = plain_label(self, CAPTION, bold=True)
        self.source = plain_label(self, CAPTION)
        self.take_home = TakeHome(self, plain_label(self, CAPTION, bold=True))
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._marks: dict[tuple[str, float], QPixmap] = {}

        branch_row = QHBoxLayout()
        branch_row.setSpacing(10)
        branch_row.addWidget(self.mark)
        branch_row.addWidget(self.branch, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(_MARGIN, _MARGIN, _MARGIN, _MARGIN)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.date)
        layout.addLayout(branch_row)
        layout.addSpacing(6)
        layout.addWidget(self.picture)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.source_heading)
        layout.addWidget(self.source)
        layout.addWidget(self.take_home)

        follow(self, session.state.events.selection, self._on_selection_changed)
        follow(self, session.state.events.language, self._on_language_changed)
        self.show_selected()

    def show_selected(self) -> None:
        m, lang, ds = self.session.selected, self.session.state.language, self.session.dataset
        self.setAccessibleName(tr("kiosk.card", lang))
        for widget in (self.date, self.mark, self.branch, self.source_heading, self.source):
            widget.setVisible(m is not None)
        self._show_picture(m)
        self.take_home.show_url(self._url(m), lang)
        if m is None:  # the invitation, then what there is to find, right under it
            self.title.setText(tr("kiosk.card_title", lang))
            self.summary.setText(f"{tr('kiosk.card_hint', lang)}\n\n{tr('kiosk.overview', lang)}\n{self._overview(lang)}")
            self._fit_summary()
            return
        self.title.setText(m.title.get(lang))
        self.date.setText(date_in_words(m.date, lang))
        branch = ds.branch_by_id[m.branch]
        self.mark.setPixmap(self._mark(branch.color))
        self.branch.setText(branch.name.get(lang))
        self.summary.setText(m.summary.get(lang))
        self.source_heading.setText(tr("detail.source", lang))
        cited = []
        for source_id, paragraphs in group_citations(m.sources):
            title, where = citation_parts(source_id, paragraphs, ds, lang)
            cited.append(f"{title}\n{where}")
        self.source.setText("\n".join(cited))
        self._fit_summary()

    def _url(self, m) -> str | None:
        """The first cited source's web page, else the exhibition's."""
        by_id = self.session.dataset.source_by_id
        for citation in m.sources if m is not None else ():
            url = by_id[citation.source].url
            if url and url.startswith(("https://", "http://")):
                return url
        return self.take_home_url

    def _show_picture(self, m) -> None:
        width = self.width() - 2 * _MARGIN
        picture = self.pictures.first(m, self.session.dataset.path, max(width, 1))
        too_tall = picture is not None and self.height() > 0 and \
            picture.height() / picture.devicePixelRatio() > self.height() * PICTURE_SHARE
        self.picture.setVisible(picture is not None and not too_tall)
        if picture is not None and not too_tall:
            self.picture.setPixmap(picture)

    def _overview(self, lang: str) -> str:
        """What the exhibition holds: each branch shown, its milestones and their years; the sources."""
        ds, lines = self.session.dataset, []
        by_branch: dict[str, list] = {}
        for milestone in self.session.matches:
            by_branch.setdefault(milestone.branch, []).append(milestone)
        for branch in ds.branches:
            years = sorted(m.date.earliest.year for m in by_branch.get(branch.id, ()) if m.date.earliest)
            if not years:
                continue
            n = len(by_branch[branch.id])
            count = tr("kiosk.milestones_one", lang) if n == 1 else tr("kiosk.milestones_many", lang, n=n)
            first, last = year_words(years[0], lang), year_words(years[-1], lang)
            lines.append(tr("kiosk.overview_branch_year", lang, branch=branch.name.get(lang), count=count, year=first)
                         if first == last else
                         tr("kiosk.overview_branch", lang, branch=branch.name.get(lang), count=count, first=first,
                            last=last))
        lines.append(tr("kiosk.overview_sources", lang, n=len(ds.sources)))
        return "\n".join(lines)

    def _mark(self, color: str) -> QPixmap:
        """A branch's mark, drawn once: a new picture for every card would pile up in Qt's pixmap
        cache (a label caches what it shows by the picture's key) over days of touring."""
        key = (color, self.devicePixelRatioF())
        if key not in self._marks:
            self._marks[key] = swatch_pixmap(BRANCH_MARK, color, HEADING, key[1])
        return self._marks[key]

    def summary_fits(self) -> bool:
        """Whether the whole summary shows at its current size (for tests and the soak)."""
        return self._needed(self.summary.font()) <= self.summary.height()

    def _needed(self, f) -> int:
        rect = QRect(0, 0, max(self.summary.width(), 1), 100_000)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        return QFontMetrics(f).boundingRect(rect, flags, self.summary.text()).height()

    def _fit_summary(self) -> None:
        """Body size if it fits, else the largest size down to SMALL_BODY that does."""
        self.layout().activate()  # the other labels' new heights first
        for px in range(BODY, SMALL_BODY - 1, -1):
            candidate = font(self, px)
            if self._needed(candidate) <= self.summary.height() or px == SMALL_BODY:
                self.summary.setFont(candidate)
                return

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_summary()

    def _on_selection_changed(self, _) -> None:
        self.show_selected()

    def _on_language_changed(self, _) -> None:
        self.show_selected()

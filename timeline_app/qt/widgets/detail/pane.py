"""The detail pane: everything known about the selected milestone, and where each fact comes from."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QStyle, QToolButton, QVBoxLayout,
    QWidget,
)

from ....dataset.edtf import Kind
from ....i18n import tr
from ....i18n.dates import date_in_words
from ....i18n.wording import group_citations, join_names
from ....viewmodel.commands import COMMANDS
from ....viewmodel.navigator import Navigator
from ...actions import run_on_click
from ...model_signals import follow
from ...colors import Theme
from ...focus_order import chain_in_layout_order
from ..swatch import BRANCH_MARK
from .labels import SwatchValue, plain_label, text_label
from .media import media_widget
from .sources import source_widget

__all__ = ["DetailPane"]

_MARGIN = 10


class DetailPane(QWidget):
    """Shows ``session.selected`` in full, with Previous/Next through the matches in date order
    (the registry's commands, as the window's Alt+←/→ are, run against this pane's Navigator)."""

    def __init__(self, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(parent)
        self.navigator = navigator
        self._session = session = navigator.session

        self._previous = QPushButton(self)
        self._previous.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        run_on_click(self._previous, COMMANDS["go.previous"], self)
        self._next = QPushButton(self)
        self._next.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self._next.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after the word
        run_on_click(self._next, COMMANDS["go.next"], self)
        self._position = plain_label(self)
        self._position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav = QHBoxLayout()
        nav.setContentsMargins(_MARGIN, _MARGIN, _MARGIN, 0)
        nav.addWidget(self._previous)
        nav.addWidget(self._position, 1)
        nav.addWidget(self._next)

        self._empty = text_label()
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._title = text_label()
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        self._title.setFont(title_font)
        self._summary = text_label()
        self._hidden = text_label()  # the record is kept in view, but the filter hides it everywhere else
        hidden_font = QFont(self.font())
        hidden_font.setItalic(True)
        self._hidden.setFont(hidden_font)

        self._form = QGridLayout()  # captions at the top of their rows, which QFormLayout cannot do
        self._form.setColumnStretch(1, 1)
        self._form.setHorizontalSpacing(12)
        self._date = text_label()
        self._branch = SwatchValue()
        self._category = SwatchValue()
        self._people = text_label()
        self._places = text_label()
        self._tags = text_label()
        self._record_id = text_label()
        self._media_box = QWidget()
        self._media = QVBoxLayout(self._media_box)
        self._media.setContentsMargins(0, 0, 0, 0)
        self._captions: dict[str, QLabel] = {}
        self._caption_of: dict[QWidget, QLabel] = {}
        for row, (key, field) in enumerate((
            ("detail.date", self._date), ("detail.branch", self._branch), ("detail.category", self._category),
            ("detail.people", self._people), ("detail.places", self._places), ("detail.tags", self._tags),
            ("detail.record_id", self._record_id),
            ("detail.media", self._media_box),
        )):
            caption = plain_label()
            caption.setBuddy(field)
            self._captions[key] = caption
            self._caption_of[field] = caption
            self._form.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self._form.addWidget(field, row, 1)

        self._source_heading = plain_label()
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        self._source_heading.setFont(heading_font)
        self._sources = QVBoxLayout()
        self._sources.setContentsMargins(0, 0, 0, 0)
        self._sources.setSpacing(10)

        self._details = QWidget()
        details = QVBoxLayout(self._details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self._hidden)
        details.addWidget(self._title)
        details.addWidget(self._summary)
        details.addSpacing(6)
        details.addLayout(self._form)
        details.addSpacing(6)
        details.addWidget(self._source_heading)
        details.addLayout(self._sources)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(_MARGIN, _MARGIN, _MARGIN, _MARGIN)
        page_layout.addWidget(self._empty)
        page_layout.addWidget(self._details)
        page_layout.addStretch(1)
        self._scroll = QScrollArea(self)
        self._scroll.setWidget(page)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(nav)
        layout.addWidget(self._scroll, 1)
        self._tools = QHBoxLayout()  # the window's copy commands, as buttons
        self._tools.setContentsMargins(_MARGIN, 4, _MARGIN, _MARGIN)
        self._tools.addStretch(1)
        layout.addLayout(self._tools)
        self.setMinimumWidth(240)

        state = session.state
        follow(self, state.events.selection, self._on_selection_changed)
        follow(self, state.events.language, self._on_language_changed)
        follow(self, session.matches_changed, self._on_matches_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self._retranslate()

    # -- navigation ------------------------------------------------------------------------

    def _update_navigation(self) -> None:
        before, after = self.navigator.neighbours()
        self._previous.setEnabled(before)
        self._next.setEnabled(after)
        rows, session = self._session.match_rows, self._session
        row = session.index.row_of.get(session.state.selection or "")
        k = int(np.searchsorted(rows, row)) if row is not None else rows.size
        shown = k < rows.size and rows[k] == row
        self._position.setText(tr("detail.position", self._lang, n=k + 1, total=rows.size) if shown else "")
        self._hidden.setVisible(row is not None and not shown)

    # -- showing ---------------------------------------------------------------------------

    @property
    def _lang(self) -> str:
        return self._session.state.language

    def _retranslate(self) -> None:
        """Re-sets every string of the pane in the current language."""
        lang = self._lang
        self.setAccessibleName(tr("detail.name", lang))
        self._previous.setText(tr("detail.previous", lang))
        self._previous.setAccessibleName(tr("detail.previous", lang))
        self._previous.setAccessibleDescription(tr("detail.previous_desc", lang))
        self._next.setText(tr("detail.next", lang))
        self._next.setAccessibleName(tr("detail.next", lang))
        self._next.setAccessibleDescription(tr("detail.next_desc", lang))
        self._position.setAccessibleDescription(tr("detail.position_desc", lang))
        self._empty.setText(tr("detail.none", lang))
        self._hidden.setText(tr("detail.filtered_out", lang))
        for key, caption in self._captions.items():
            caption.setText(tr(key, lang))
            caption.buddy().setAccessibleDescription(tr(key, lang))
        self._source_heading.setText(tr("detail.source", lang))
        self._scroll.setAccessibleName(tr("a11y.detail_content", lang))
        self._show_selected()

    def _show_selected(self) -> None:
        m = self._session.selected
        self._update_navigation()
        self._empty.setVisible(m is None)
        self._details.setVisible(m is not None)
        if m is None:
            return
        lang, ds = self._lang, self._session.dataset
        self._title.setText(m.title.get(lang))
        self._summary.setText(m.summary.get(lang))
        self._date.setText(date_in_words(m.date, lang) + self._period_note(m, lang))
        branch = ds.branch_by_id[m.branch]
        names = [branch.name.get(lang)] + ([branch.full_name.get(lang)] if branch.full_name else [])
        theme = Theme.of(self, ds)
        self._branch.show_value(BRANCH_MARK, theme.branch(m.branch), tr("sep.dot", lang).join(names))
        category = ds.category_by_id[m.category]
        self._category.show_value(category.marker, theme.category(m.category), category.name.get(lang))
        people = [tr("detail.person", lang, name=p.name.get(lang), role=p.role.get(lang)) for p in m.people]
        self._people.setText("\n".join(people))
        self._places.setText(join_names([p.get(lang) for p in m.places], lang))
        self._tags.setText(join_names([t.get(lang) for t in m.tags], lang))
        self._record_id.setText(m.id)
        for field, shown in ((self._people, m.people), (self._places, m.places), (self._tags, m.tags)):
            self._show_row(field, bool(shown))
        self._show_row(self._media_box, bool(m.media))
        ds_path = self._session.dataset.path
        _refill(self._media, [media_widget(item, ds_path, lang, self.style()) for item in m.media])
        _refill(self._sources, [source_widget(s, p, ds, lang, self.font()) for s, p in group_citations(m.sources)])
        self._scroll.verticalScrollBar().setValue(0)
        chain_in_layout_order(self)  # the new sources before the copy buttons below them

    def _period_note(self, m, lang: str) -> str:
        """An undated milestone's period that ends in the year its sources were written ends there
        by inference (the articles' "at present"), not because they say so: the pane says that."""
        if m.date.kind is not Kind.ONE_OF or m.date.latest is None:
            return ""
        sources = [self._session.dataset.source_by_id[c.source].date.earliest for c in m.sources]
        years = {d.year for d in sources if d is not None}
        if years == {m.date.latest.year}:
            return "\n" + tr("detail.period_ends_at_source", lang, year=m.date.latest.year)
        return ""

    def _show_row(self, field: QWidget, visible: bool) -> None:
        """Shows or hides a form row: the field and its caption (an empty grid row takes no space)."""
        field.setVisible(visible)
        self._caption_of[field].setVisible(visible)

    # -- handlers --------------------------------------------------------------------------

    def _on_selection_changed(self, _: str | None) -> None:
        self._show_selected()

    def _on_language_changed(self, _: str) -> None:
        self._retranslate()

    def _on_matches_changed(self) -> None:
        self._update_navigation()

    def focus_title(self) -> None:
        """Puts the keyboard on the selected milestone's title (or the hint, with none): a screen
        reader starts reading there, not on the pane's unnamed frame."""
        target = self._title if self._session.selected is not None else self._empty
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_section(self, widget: QWidget) -> None:
        """A part of the record's view after its sources (the private notes)."""
        self._details.layout().addWidget(widget)

    def add_actions(self, actions) -> None:
        """Buttons for ``actions`` (the window's, so the menu and the pane share one command)."""
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self._tools.addWidget(button)
        chain_in_layout_order(self)

    def paintEvent(self, event) -> None:
        """Shows that the keyboard is in the pane (after Enter on the timeline, or Tab)."""
        super().paintEvent(event)
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self or self.isAncestorOf(focus)):
            painter = QPainter(self)
            try:
                painter.setPen(QPen(Theme.of(self).focus, 2))
                painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
            finally:
                painter.end()

    def _on_focus_changed(self, old, new) -> None:
        if any(w is not None and (w is self or self.isAncestorOf(w)) for w in (old, new)):
            self.update()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_details"):
            self._show_selected()  # the swatches' colours follow the theme

    def _on_dataset_changed(self, _: object) -> None:
        """The selected id may now hold different content, and sources may have changed."""
        self._show_selected()


def _refill(layout: QVBoxLayout, widgets: list[QWidget]) -> None:
    """Replaces the widgets of ``layout``; the old ones are hidden at once and deleted later."""
    while layout.count():
        old = layout.takeAt(0).widget()
        if old is not None:
            old.hide()
            old.deleteLater()
    for widget in widgets:
        layout.addWidget(widget)
        widget.show()  # now, not on the next event loop turn, so the pane is complete at once

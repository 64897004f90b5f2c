"""The search field and filters: query as you type, branch toggles, category chips, years, counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from operator import methodcaller

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QToolButton,
    QVBoxLayout, QWidget,
)

from ..actions import run_on_click
from ..model_signals import follow
from ...i18n import tr
from ...dataset.records import Dataset
from ...viewmodel.commands import COMMANDS
from ...viewmodel.navigator import Navigator
from ...viewmodel.state import Filter
from ...viewmodel.filter_words import describe_filter
from .chip import Chip
from .facets import FacetBox
from .flow_layout import FlowLayout
from .swatch import BRANCH_MARK
from .tooltips import plain_tooltip

__all__ = ["FilterBar", "SEARCH_DELAY_MS"]

SEARCH_DELAY_MS = 150  # typing pauses this long before the views refilter
_GROUP_GAP = 10  # extra space before the category chips, after the branch toggles


class FilterBar(QWidget):
    """Edits the filter, through the window's Navigator, and says how many milestones pass it.

    The window's Find action calls :meth:`focus_search`; tests call :meth:`flush` to apply a
    query without waiting for the typing pause.
    """

    def __init__(self, navigator: Navigator, parent: QWidget | None = None):
        super().__init__(parent)
        self.navigator = navigator
        self._session = session = navigator.session
        self._toggles: dict[tuple[str, str], Chip] = {}  # ("branch"|"category", id) -> chip
        self._trailing: list[QWidget] = []  # widgets that flow after the chips (the legend)
        self._showing = False  # True while the controls are set from the state: do not write back

        self._search = QLineEdit(self)
        self._search.setClearButtonEnabled(True)
        self._search.setMinimumWidth(200)
        self._search.textChanged.connect(self._on_text_changed)
        self._search.returnPressed.connect(self.flush)
        self._search.installEventFilter(self)  # Esc clears it
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self.flush)

        self._from_label = QLabel(self)
        self._from = QComboBox(self)
        self._from_label.setBuddy(self._from)
        self._to_label = QLabel(self)
        self._to = QComboBox(self)
        self._to_label.setBuddy(self._to)
        for combo in (self._from, self._to):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._on_toggled)
        self._facets = (FacetBox("person", self), FacetBox("place", self))
        self._facet_labels = (QLabel(self), QLabel(self))
        for label, facet in zip(self._facet_labels, self._facets):
            label.setBuddy(facet)
            facet.currentIndexChanged.connect(self._on_toggled)
        self._undated = QCheckBox(self)  # with a year range: keep undated milestones of an overlapping period
        self._undated.setChecked(True)
        self._undated.setVisible(False)
        policy = self._undated.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # its room kept: To does not move under the pointer when it shows
        self._undated.setSizePolicy(policy)
        self._undated.toggled.connect(self._on_toggled)
        self._clear = QPushButton(self)
        run_on_click(self._clear, COMMANDS["view.clear_filters"], self)
        self._status = QLabel(self)
        self._status.setObjectName("filter-status")
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setWordWrap(True)
        self._status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(self._search, 3)
        top.addSpacing(8)
        for widget in (self._from_label, self._from, self._to_label, self._to, self._undated, self._clear):
            top.addWidget(widget)
        top.addSpacing(8)
        top.addWidget(self._status, 2)

        self._branch_caption = QLabel(self)
        self._category_caption = QLabel(self)
        self._category_caption.setContentsMargins(_GROUP_GAP, 0, 0, 0)
        self._chips = FlowLayout()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 3)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addLayout(self._chips)
        facets = QWidget(self)  # after the chips, on their line when it fits (a narrow window wraps it)
        row = QHBoxLayout(facets)
        row.setContentsMargins(_GROUP_GAP, 0, 0, 0)
        for label, facet in zip(self._facet_labels, self._facets):
            row.addWidget(label)
            row.addWidget(facet)
        self.add_trailing(facets)

        state = session.state
        follow(self, state.events.filter, self._on_filter_changed)
        follow(self, state.events.language, self._on_language_changed)
        follow(self, session.matches_changed, self._on_matches_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self._build(session.dataset)

    # -- public ----------------------------------------------------------------------------

    def flush(self) -> None:
        """Applies the typed query now instead of after the typing pause."""
        self._typing.stop()
        if self._search.text() != self._session.state.filter.query:
            self._apply()

    def add_trailing(self, widget: QWidget) -> None:
        """Lets ``widget`` flow after the chips, on their line when it fits (saves a row of height)."""
        self._trailing.append(widget)
        self._chips.addWidget(widget)

    def focus_search(self) -> None:
        """Puts the cursor in the search field with its text selected, ready to type over."""
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    # -- building --------------------------------------------------------------------------

    def _build(self, ds: Dataset) -> None:
        """Makes one toggle per branch and category, and the year choices, for ``ds``."""
        for chip in self._toggles.values():
            self._chips.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self._chips.removeWidget(self._branch_caption)
        self._chips.removeWidget(self._category_caption)
        self._toggles.clear()
        self._chips.addWidget(self._branch_caption)
        for branch in ds.branches:
            self._add_toggle("branch", branch.id, BRANCH_MARK, ds)
        self._chips.addWidget(self._category_caption)
        for category in ds.categories:
            self._add_toggle("category", category.id, category.marker, ds)
        for widget in self._trailing:  # after the new chips
            self._chips.removeWidget(widget)
            self._chips.addWidget(widget)
        chip_height = max((chip.sizeHint().height() for chip in self._toggles.values()), default=0)
        for caption in (self._branch_caption, self._category_caption):
            caption.setMinimumHeight(chip_height)  # captions centred on the chips' line
        previous = self._clear
        for chip in self._toggles.values():
            QWidget.setTabOrder(previous, chip)
            previous = chip

        index = self._session.index
        known = np.concatenate([index.earliest, index.latest])
        known = known[~np.isnan(known)]
        years = (list(range(dt.date.fromordinal(int(known.min())).year, dt.date.fromordinal(int(known.max())).year + 1))
                 if known.size else [])
        self._showing = True
        for facet in self._facets:
            facet.fill(ds, self._session.state.language)
        for combo in (self._from, self._to):
            combo.clear()
            combo.addItem("", None)
            for year in years:
                combo.addItem(str(year), year)
        self._showing = False
        self._retranslate()
        self._show_filter(self._session.state.filter)

    def _add_toggle(self, kind: str, record_id: str, mark: str, ds: Dataset) -> None:
        chip = Chip(mark, methodcaller(kind, record_id), self)  # theme.branch(id) or theme.category(id)
        chip.setObjectName(record_id)
        chip.dataset = ds
        chip.toggled.connect(self._on_toggled)
        chip.only_requested.connect(self._on_only_requested)
        chip.all_requested.connect(self._on_all_requested)
        self._toggles[(kind, record_id)] = chip
        self._chips.addWidget(chip)
        chip.show()  # now, not on the next event loop turn

    # -- showing ---------------------------------------------------------------------------

    def _retranslate(self) -> None:
        """Re-sets every string of the bar in the current language."""
        lang, ds = self._session.state.language, self._session.dataset
        self.setAccessibleName(tr("filter.name", lang))
        self._search.setPlaceholderText(tr("search.placeholder", lang))
        self._search.setAccessibleName(tr("search.name", lang))
        self._search.setAccessibleDescription(tr("search.desc", lang))
        for button in self._search.findChildren(QToolButton):  # the clear button
            button.setAccessibleName(tr("a11y.search_clear", lang))
        for label, combo, key, description in (
            (self._from_label, self._from, "filter.from", "filter.from_desc"),
            (self._to_label, self._to, "filter.to", "filter.to_desc"),
        ):
            label.setText(tr(key, lang))
            combo.setItemText(0, tr("filter.any", lang))
            combo.setAccessibleName(tr(key, lang))
            combo.setAccessibleDescription(tr(description, lang))
        for label, facet in zip(self._facet_labels, self._facets):
            label.setText(tr(f"filter.{facet.kind}", lang))
            facet.retranslate(lang)
        self._undated.setText(tr("filter.undated", lang))
        self._undated.setToolTip(tr("filter.undated_desc", lang))
        self._undated.setAccessibleDescription(tr("filter.undated_desc", lang))
        self._clear.setText(tr("filter.clear", lang))
        self._clear.setAccessibleName(tr("filter.clear", lang))
        self._clear.setAccessibleDescription(tr("filter.clear_desc", lang))
        self._branch_caption.setText(tr("filter.branches", lang))
        self._category_caption.setText(tr("filter.categories", lang))
        for (kind, record_id), chip in self._toggles.items():
            record = ds.branch_by_id[record_id] if kind == "branch" else ds.category_by_id[record_id]
            name = record.name.get(lang)
            chip.setText(name)
            chip.language = lang
            chip.setAccessibleName(name)
            chip.setToolTip(tr("filter.chip_tip", lang))
            description = "filter.branch_desc" if kind == "branch" else "filter.category_desc"
            chip.setAccessibleDescription(tr(description, lang, name=name))
        self._show_status()

    def _show_filter(self, f: Filter) -> None:
        """Makes every control show ``f`` without writing it back."""
        self._showing = True
        if f.query != self._search.text():
            self._typing.stop()
            self._search.setText(f.query)
        for (kind, record_id), chip in self._toggles.items():
            hidden = f.hidden_branches if kind == "branch" else f.hidden_categories
            chip.setChecked(record_id not in hidden)
        for combo, day in ((self._from, f.date_from), (self._to, f.date_to)):
            combo.setCurrentIndex(max(combo.findData(day.year), 0) if day else 0)
        self._offer_years(f)
        for facet, key in zip(self._facets, (f.person, f.place)):
            facet.show_value(key)
        self._undated.setChecked(f.include_undated)
        self._undated.setVisible(bool(f.date_from or f.date_to))  # it matters only with a range
        self._showing = False
        self._clear.setEnabled(f.is_active)
        self._show_status()

    def _show_status(self) -> None:
        """Shows the count, or a plain "no match" that stands out; the tooltip says what is hidden."""
        lang = self._session.state.language
        shown, total = self._session.match_count, len(self._session.dataset.milestones)
        no_match = shown == 0 and total > 0
        font = QFont(self._status.font())
        font.setBold(no_match)
        self._status.setFont(font)
        count = tr("status.showing", lang, shown=shown, total=total)
        text = tr("filter.no_match", lang) if no_match else count
        self._status.setText(text)
        # While a query is typed, the field's description is what it found: a screen reader speaks
        # a change of the focused field's description (Orca 43 hears no announcement).
        self._search.setAccessibleDescription(text if self._session.state.filter.query else tr("search.desc", lang))
        what = describe_filter(self._session.state.filter, self._session.dataset, lang)
        self._status.setToolTip(plain_tooltip(what))
        self._status.setAccessibleDescription(what)

    # -- writing the filter ------------------------------------------------------------------

    def _apply(self) -> None:
        """Writes every control's value to the state as one new Filter."""
        self._typing.stop()
        hidden = {kind: frozenset(i for (k, i), chip in self._toggles.items() if k == kind and not chip.isChecked())
                  for kind in ("branch", "category")}
        year_from, year_to = self._from.currentData(), self._to.currentData()
        self.navigator.set_filter(dataclasses.replace(
            self._session.state.filter,
            query=self._search.text(),
            hidden_branches=hidden["branch"],
            hidden_categories=hidden["category"],
            date_from=dt.date(year_from, 1, 1) if year_from else None,
            date_to=dt.date(year_to, 12, 31) if year_to else None,
            include_undated=self._undated.isChecked(),
            person=self._facets[0].currentData(),
            place=self._facets[1].currentData(),
        ))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in a search field with text clears it, at once (an empty field lets Esc pass on)."""
        if (watched is self._search and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape and self._search.text()):
            self._search.clear()
            self.flush()
            return True
        return super().eventFilter(watched, event)

    # -- handlers --------------------------------------------------------------------------

    def _on_text_changed(self, _: str) -> None:
        if not self._showing:
            self._typing.start()

    def _on_toggled(self, _: bool | int) -> None:
        if not self._showing:
            self._apply()

    def _on_only_requested(self) -> None:
        """Shows only the chip's own branch or category (a double-click, or its menu)."""
        self._set_kind(self.sender(), only=True)

    def _on_all_requested(self) -> None:
        self._set_kind(self.sender(), only=False)

    def _set_kind(self, chip: Chip, only: bool) -> None:
        kind = next(k for (k, _), c in self._toggles.items() if c is chip)
        self._showing = True
        for (k, _), other in self._toggles.items():
            if k == kind:
                other.setChecked(other is chip or not only)
        self._showing = False
        self._apply()

    def _offer_years(self, f: Filter) -> None:
        """To offers no year before From, nor From one after To: no choice moves the other end."""
        low, high = (f.date_from.year if f.date_from else None), (f.date_to.year if f.date_to else None)
        for combo, allowed in ((self._from, lambda year: high is None or year <= high),
                               (self._to, lambda year: low is None or year >= low)):
            model = combo.model()
            for row in range(1, combo.count()):
                model.item(row).setEnabled(allowed(combo.itemData(row)))

    def clear_filters(self) -> None:
        """The Clear button's command (the registry's, as the window's Ctrl+Shift+X is)."""
        self.navigator.clear_filter()

    def _on_filter_changed(self, f: Filter) -> None:
        self._show_filter(f)

    def _on_matches_changed(self) -> None:
        self._show_status()

    def _on_language_changed(self, _: str) -> None:
        self._retranslate()

    def _on_dataset_changed(self, ds: Dataset) -> None:
        self._build(ds)

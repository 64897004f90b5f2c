"""The archivist's window's arrangement: the filter bar above the timeline, the indicator rows and
the list in one column, the detail pane beside it.

The panels come a frame after the timeline (their modules, building and first paint are about a
third of what the window adds to a start), into room kept for them, so nothing moves when they
arrive. Splitter sizes are kept in the preferences; a first start shares the height out by what
each part needs (:func:`~.panel_sizes.first_sizes`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from ..preferences import Preferences
from ..widgets.filter_bar import FilterBar
from ..widgets.timeline import TimelineView
from .panel_sizes import DETAIL_MIN, INDICATORS_MIN, LEFT_SHARES, LIST_MIN, TIMELINE_MIN, first_sizes

if TYPE_CHECKING:
    from ..widgets.detail import DetailPane
    from ..widgets.detail.notes_box import NotesBox
    from ..widgets.indicators import IndicatorPanel
    from ..widgets.milestone_list import MilestoneList

__all__ = ["ArchivistLayout"]


class ArchivistLayout:
    """Lays ``filter_bar`` and ``timeline`` out in ``window``, with room for the panels."""

    def __init__(self, window: QMainWindow, filter_bar: FilterBar, timeline: TimelineView):
        self._timeline = timeline
        self.panels: tuple[IndicatorPanel, MilestoneList, DetailPane] | None = None  # see add_panels
        self.notes: NotesBox | None = None  # the detail pane's private notes, with the panels
        self._sized = False  # the splitters have their sizes (restored, or shared out once)
        timeline.setMinimumHeight(TIMELINE_MIN)
        self.left_splitter = _splitter(Qt.Orientation.Vertical, "leftSplitter")
        self.main_splitter = _splitter(Qt.Orientation.Horizontal, "mainSplitter")
        self.left_splitter.addWidget(timeline)
        for minimum in (INDICATORS_MIN, LIST_MIN):
            self.left_splitter.addWidget(_room(minimum=(0, minimum)))
        for index, stretch in enumerate(LEFT_SHARES):
            self.left_splitter.setStretchFactor(index, stretch)
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(_room(minimum=(DETAIL_MIN, 0)))
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(filter_bar)
        layout.addWidget(self.main_splitter, 1)
        window.setCentralWidget(central)

    def restore(self, prefs: Preferences) -> None:
        """The splitters' saved sizes; without them the column's height is shared out when the
        panels arrive."""
        self._sized = True
        for splitter in (self.main_splitter, self.left_splitter):
            state = prefs.state(splitter.objectName())
            self._sized &= state is not None and splitter.restoreState(state)

    def save(self, prefs: Preferences) -> None:
        for splitter in (self.main_splitter, self.left_splitter):
            prefs.set_state(splitter.objectName(), splitter.saveState())

    def add_panels(self, session, navigator, copy_actions: list[QAction]) -> None:
        """The indicator panel, the list and the detail pane (given the copy actions for its
        menu), into the room kept for them. Idempotent."""
        if self.panels is not None:
            return
        from ..widgets.detail import DetailPane
        from ..widgets.indicators import IndicatorPanel
        from ..widgets.milestone_list import MilestoneList

        indicators, listing, detail = self.panels = (IndicatorPanel(session), MilestoneList(navigator),
                                                     DetailPane(navigator))
        listing.setMinimumHeight(LIST_MIN)
        detail.setMinimumWidth(DETAIL_MIN)
        detail.add_actions(copy_actions)
        for splitter, index, panel in ((self.left_splitter, 1, indicators), (self.left_splitter, 2, listing),
                                       (self.main_splitter, 1, detail)):
            splitter.replaceWidget(index, panel).deleteLater()  # the room's size stays the panel's
        from ..widgets.detail.notes_box import NotesBox

        self.notes = NotesBox(navigator)
        detail.add_section(self.notes)
        self.show_indicators_if_any(session.dataset)  # in its room now: shown there, not as a window
        QWidget.setTabOrder(self._timeline, listing)
        QWidget.setTabOrder(listing, detail)
        if not self._sized:  # a first start: share the room out by what each needs
            self._sized = True
            rows = indicators.height_for_rows
            self.left_splitter.setSizes(first_sizes(sum(self.left_splitter.sizes()), rows(6),
                                                    rows(len(indicators.strips.rows)),
                                                    self._timeline.height_wanted()))
            width = sum(self.main_splitter.sizes())
            detail_width = max(DETAIL_MIN, width // 4)
            self.main_splitter.setSizes([width - detail_width, detail_width])

    def show_indicators_if_any(self, dataset) -> None:
        """A dataset without indicators gets no empty band for them."""
        self.panels[0].setVisible(bool(dataset.indicators))


def _splitter(orientation: Qt.Orientation, name: str) -> QSplitter:
    splitter = QSplitter(orientation)
    splitter.setObjectName(name)
    splitter.setChildrenCollapsible(False)
    return splitter


def _room(minimum: tuple[int, int]) -> QWidget:
    """A blank stand-in, as large as its panel may be small, until the panel replaces it."""
    room = QWidget()
    room.setMinimumSize(*minimum)
    return room

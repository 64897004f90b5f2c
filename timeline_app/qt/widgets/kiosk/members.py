"""The members of a "+N" badge that zooming cannot part (one day, or date not stated), as a list
of large buttons: a visitor taps one to read it. The kiosk's own answer to the timeline's
``members_requested``, where the archivist's window pops up a menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QScroller, QVBoxLayout, QWidget

from ....i18n import tr
from ....i18n.dates import date_in_words
from ....viewmodel.navigator import Navigator
from .card import plain_label
from .overlay import MARGIN, Overlay
from .style import BODY, BUTTON_HEIGHT, HEADING, font

__all__ = ["MemberList"]

_WIDTH = 640


class MemberList(Overlay):
    def __init__(self, navigator: Navigator, parent: QWidget):
        super().__init__(parent, _WIDTH)
        self.navigator = navigator
        self.heading = plain_label(self.panel, HEADING, bold=True)
        self._buttons: list[QPushButton] = []  # a pool, grown to the largest badge seen
        self._list = QWidget()
        self._rows = QVBoxLayout(self._list)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(10)
        self._rows.addStretch(1)
        self.scroll = QScrollArea(self.panel)
        self.scroll.setWidget(self._list)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.close_button = QPushButton(self.panel)
        self.close_button.setFont(font(self, BODY, bold=True))
        self.close_button.setMinimumHeight(BUTTON_HEIGHT)
        self.close_button.clicked.connect(self.dismiss)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.scroll, 1)
        self.body.addWidget(self.close_button)

    @property
    def shown_ids(self) -> list[str]:
        return [b.property("milestone") for b in self._buttons if not b.isHidden()]

    def open_members(self, ids: list[str]) -> None:
        lang, by_id = self.navigator.state.language, self.navigator.session.dataset.milestone_by_id
        self.heading.setText(tr("kiosk.members", lang, n=len(ids)))
        self.close_button.setText(tr("kiosk.close", lang))
        while len(self._buttons) < len(ids):
            self._add_button()
        room = _WIDTH - 2 * MARGIN - 40  # the button's padding and the scroll bar
        for button, milestone_id in zip(self._buttons, ids):
            m = by_id[milestone_id]
            title = QFontMetrics(button.font()).elidedText(m.title.get(lang), Qt.TextElideMode.ElideRight, room)
            button.setText(f"{title}\n{date_in_words(m.date, lang)}")
            button.setProperty("milestone", milestone_id)
            button.show()
        for button in self._buttons[len(ids):]:
            button.hide()
        rows = min(len(ids), 5)
        self.scroll.setFixedHeight(rows * (BUTTON_HEIGHT + BODY + 10) + 4)
        self.open()

    def _add_button(self) -> None:
        button = QPushButton(self._list)
        button.setFont(font(self, BODY))
        button.setMinimumHeight(BUTTON_HEIGHT + BODY)
        button.setStyleSheet("text-align: left; padding: 6px 16px;")
        button.clicked.connect(self._on_chosen)
        self._rows.insertWidget(len(self._buttons), button)
        self._buttons.append(button)

    def _on_chosen(self) -> None:
        milestone_id = self.sender().property("milestone")
        self.hide()
        self.navigator.select(milestone_id)

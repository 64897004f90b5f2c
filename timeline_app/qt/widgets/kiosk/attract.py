"""The attract screen: while the tour runs, the whole window shows the stop in type readable
across the room (its year very large, its title, its branch), its picture where it has one, and
the invitation to touch in every language. Each stop slides in, so the screen is seen to move
from afar. It is made once and given new text (the kiosk runs for days); a touch on it is a
touch like any other: the tour stops, and the visitor finds the same milestone on its card.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRect, Qt, QVariantAnimation
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ....i18n.dates import describe, year_words
from ....viewmodel.navigator import Navigator
from ...model_signals import follow
from .card import plain_label
from .invitation import Invitation
from .pictures import Pictures
from .style import FIGURE, HEADING, TITLE

__all__ = ["AttractScreen"]

SLIDE_MS = 900  # each stop comes in from below this long
SLIDE_PX = 60
YEAR = FIGURE * 3  # the year, seen from across the room
PICTURE_SHARE = 0.42  # of the width, for a stop's picture


class AttractScreen(QWidget):
    def __init__(self, navigator: Navigator, pictures: Pictures, parent: QWidget, animate: bool = True):
        super().__init__(parent)
        self.setObjectName("kioskAttract")
        self.session = navigator.session
        self.pictures = pictures
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.content = QWidget(self)
        self.year = plain_label(self.content, YEAR, bold=True, wrap=False)
        self.year.setForegroundRole(QPalette.ColorRole.Highlight)
        self.title = plain_label(self.content, round(TITLE * 1.6), bold=True)
        self.branch = plain_label(self.content, HEADING)
        self.picture = QLabel(self.content)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        words = QVBoxLayout()
        words.setSpacing(16)
        words.addStretch(1)
        words.addWidget(self.year)
        words.addWidget(self.title)
        words.addWidget(self.branch)
        words.addStretch(1)
        row = QHBoxLayout(self.content)
        row.setContentsMargins(64, 32, 64, 32)
        row.setSpacing(48)
        row.addLayout(words, 1)
        row.addWidget(self.picture)
        self.invitation = Invitation(self)
        self.invitation.show()
        self._shift = 0
        self.slide = QVariantAnimation(self)
        self.slide.setDuration(SLIDE_MS if animate else 0)
        self.slide.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.slide.valueChanged.connect(self._on_slide)
        follow(self, self.session.state.events.selection, self._on_selection_changed)
        self.hide()

    def begin(self) -> None:
        """The tour started: over everything, showing its stop."""
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.show_stop()

    def show_stop(self) -> None:
        m, lang = self.session.selected, self.session.state.language
        if m is None:
            return
        date = m.date
        self.year.setText(year_words(date.earliest.year, lang) if date.earliest and date.latest
                          and date.earliest.year == date.latest.year else describe(date, lang))
        self.title.setText(m.title.get(lang))
        self.branch.setText(self.session.dataset.branch_by_id[m.branch].name.get(lang))
        picture = self.pictures.first(m, self.session.dataset.path, int(self.width() * PICTURE_SHARE))
        self.picture.setVisible(picture is not None)
        if picture is not None:
            self.picture.setPixmap(picture)
        self.slide.stop()
        self.slide.setStartValue(SLIDE_PX)
        self.slide.setEndValue(0)
        self.slide.start()
        self._on_slide(self.slide.currentValue() if self.slide.duration() else 0)

    def _on_slide(self, shift) -> None:
        self._shift = int(shift)
        self._place()

    def _on_selection_changed(self, _) -> None:
        if self.isVisible():
            self.show_stop()

    def _place(self) -> None:
        invitation = self.invitation.sizeHint().height()
        self.invitation.setGeometry(QRect(48, self.height() - invitation - 32, self.width() - 96, invitation))
        self.content.setGeometry(QRect(0, self._shift, self.width(), self.height() - invitation - 48))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

"""The exhibit: the same timeline, Navigator and commands as the archivist's window, arranged for
a visitor at a touch screen, running unattended for days.

A heading with two buttons (language, home), the dual-branch timeline, a large card for the
selected milestone, and each branch's figures then and now. The window is a thin Qt driver of
:class:`~timeline_app.viewmodel.kiosk.Kiosk` (idle timing, the attract tour, the reset home):
every input is reported to it, and a timer ticks it on the window's clock. It keeps no
preferences of its own (in-memory :class:`Preferences`: the archivist's settings are neither
read nor changed) and has nothing to open, export, print or quit: the configured key chord, or
a long press in the top-left corner, asks for the exit PIN.

With ``watch`` it follows its dataset and configuration files (:class:`~..kiosk_files.KioskFiles`);
what changed is shown from the next reset on. While there is nothing to show at all, a notice
that the exhibition is being updated stands in the exhibit's place.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QSizePolicy, QStackedLayout, QToolButton, QVBoxLayout, QWidget

from ...config import KioskConfig
from ...dataset.last_good import Opened
from ...i18n import next_language, tr
from ...viewmodel.clock import Clock, MonotonicClock
from ...viewmodel.commands import KIOSK_COMMANDS
from ...viewmodel.gestures import KIOSK_TAP_HOLD, drift_px
from ...viewmodel.kiosk import Kiosk
from ...viewmodel.visitors import VisitorCounts
from ...viewmodel.navigator import Navigator
from ...viewmodel.screen_fit import REFERENCE_SCALE
from ...viewmodel.session import Session
from ..actions import ActionSet
from ..animator import RangeAnimator
from ..model_signals import follow
from ..preferences import Preferences
from ..palettes import apply_theme
from ..widgets.kiosk.card import KioskCard, plain_label
from ..widgets.kiosk.corner import CORNER, HiddenCorner
from ..widgets.kiosk.front import FrontGuard, cover
from ..widgets.kiosk.figures import FigureBoard
from ..widgets.kiosk.attract import AttractScreen
from ..widgets.kiosk.lockdown import Lockdown
from ..widgets.kiosk.members import MemberList
from ..widgets.kiosk.pictures import Pictures
from ..widgets.kiosk.pin_pad import PinPad
from ..widgets.kiosk.style import BUTTON_HEIGHT, HEADING, MIN_TEXT_MM, TIMELINE_TEXT, TITLE, font, px_for_cap_mm
from ..widgets.kiosk.updating import BeingUpdated
from ..widgets.timeline import TimelineView

__all__ = ["KioskWindow"]

TICK_MS = 200  # how often idle time, the tour, the hidden corner and the pointer are looked at
GLIDE_MS = 700  # a jump (tour stop, home) glides this long: slow enough to follow
CARD_SHARE = 0.35  # of the width, for the card


class KioskWindow(QWidget):
    def __init__(self, session: Session, config: KioskConfig, clock: Clock | None = None, animate: bool = True,
                 prefs: Preferences | None = None, watch: bool = False, opened: Opened | None = None,
                 dataset_from_config: bool = False):
        super().__init__()
        self.session = session
        self.clock = clock or MonotonicClock()
        self.prefs = prefs or Preferences.ephemeral()
        self.prefs.theme = config.theme
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.animator = RangeAnimator(GLIDE_MS if animate else 0, self)
        self.navigator = Navigator(session, self.animator)
        self.kiosk = Kiosk(self.navigator, self.clock, config)
        config = self.config
        self.left = False  # staff left kiosk mode (the PIN, or the chord without one)

        self.timeline = TimelineView(self.navigator, clock=self.clock,
                                     min_text_px=px_for_cap_mm(MIN_TEXT_MM, config.scale or REFERENCE_SCALE))
        self.timeline.setFont(font(self.timeline, TIMELINE_TEXT))
        self.timeline.shows_focus = False  # visitors touch; a keyboard focus frame would only puzzle them
        self._view_tap = self.timeline.touch.on_tap
        self.timeline.touch.on_tap = self._on_tap
        self.timeline.touch.tap_hold = KIOSK_TAP_HOLD
        self.pictures = Pictures()  # decoded once, shared by the card and the attract screen
        self.card = KioskCard(self.navigator, pictures=self.pictures, take_home=config.take_home)
        self.figures = FigureBoard(session, config.branches, config.figures)
        self.updating = BeingUpdated(self)
        self.heading = plain_label(self, TITLE, bold=True, wrap=True)
        self.attract = AttractScreen(self.navigator, self.pictures, self, animate=animate)  # over all, on tour
        self.invitation = self.attract.invitation
        commands = dict(KIOSK_COMMANDS)
        commands["kiosk.leave"] = replace(commands["kiosk.leave"], keys=(config.exit_chord,))
        self.action_set = ActionSet(self, self, commands)
        self.action_set.install_timeline(self.timeline)
        self.language_button = self._button("lang.toggle")
        self.home_button = self._button("kiosk.home")
        self._build_layout()

        self.members = MemberList(self.navigator, self)
        self.pin_pad = PinPad(config.exit_pin or "", self.clock, self)
        self.pin_pad.accepted.connect(self.leave)
        self.corner = HiddenCorner(self.clock, self)
        self.corner.long_pressed.connect(self._on_corner_held)
        self.timeline.members_requested.connect(self._on_members_requested)
        follow(self, self.kiosk.touring, self._on_touring)
        follow(self, self.kiosk.was_reset, self._on_reset)
        follow(self, self.kiosk.renewed, self._on_renewed)
        follow(self, session.state.events.language, self._on_language_changed)

        self._apply_theme()
        self.kiosk.reset()  # the kiosk's filter and language, the whole range
        self._retranslate()
        self._show_page()
        self.files = None
        if watch:
            from ..kiosk_files import KioskFiles

            config_path = Path(config.file) if config.file else None
            self.files = KioskFiles(self.kiosk, opened, config_path, dataset_from_config, parent=self)
        self.visitors: VisitorCounts | None = None
        if config.visitor_counts:
            from ..crash import log_dir
            from ..visitor_log import writer

            self.visitors = VisitorCounts(self.kiosk, writer(log_dir()))
        self.lockdown = Lockdown(self._on_input, self.clock, self, on_touch=self._on_touch)
        self.front: FrontGuard | None = None  # keep_in_front() makes it
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def _button(self, command_id: str) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(self.action_set.actions[command_id])
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFont(font(self, HEADING, bold=True))
        button.setMinimumSize(BUTTON_HEIGHT * 3, BUTTON_HEIGHT)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reached by Tab or a switch; a tap leaves the keys on the timeline
        return button

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.setContentsMargins(CORNER + 16, 4, 16, 4)  # nothing to touch over the hidden corner
        header.setSpacing(16)
        header.addWidget(self.heading, 1)
        header.addWidget(self.language_button)
        header.addWidget(self.home_button)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._left = left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self.timeline, 1)
        left.addWidget(self.figures)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addLayout(left, 1)
        body.addWidget(self.card)  # the whole height: a long summary still shows whole
        self.exhibit = QWidget(self)
        layout = QVBoxLayout(self.exhibit)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.exhibit)
        self.pages.addWidget(self.updating)

    @property
    def config(self) -> KioskConfig:
        """The configuration in force (fitted to the dataset shown)."""
        return self.kiosk.config

    # -- what the commands act on (viewmodel.commands.KioskTarget) -------------------------

    def language(self) -> str:
        return self.session.state.language

    def set_language(self, lang: str) -> None:
        self.navigator.set_language(lang)

    def toggle_language(self) -> None:
        self.set_language(next_language(self.language()))

    def theme(self) -> str:
        return self.prefs.theme

    def go_home(self) -> None:
        """The whole range, nothing selected; a glide under way gives way to it."""
        self.timeline.stop_glide()
        self.members.hide()
        self.kiosk.home()

    def ask_to_leave(self) -> None:
        """The exit chord: the PIN pad, or out at once when no PIN is configured."""
        if self.config.exit_pin:
            self.pin_pad.ask(self.language())
        else:
            self.leave()

    def keep_in_front(self) -> FrontGuard:
        """Full screen, and back in front whenever the desktop takes it away (the real kiosk)."""
        self.front = FrontGuard(self, self.clock)
        cover(self)
        return self.front

    def leave(self) -> None:
        """Leaves kiosk mode: the only way this window closes."""
        self.left = True
        if self.front is not None:
            self.front.stop()
        self.close()

    # -- the driver ------------------------------------------------------------------------

    def tick(self) -> None:
        """What the timer does: idle time and the tour, the hidden corner, the pointer."""
        self.kiosk.tick()
        self.corner.check()
        self.lockdown.tick()
        if self.front is not None:
            self.front.check()

    def _on_input(self) -> None:
        self.kiosk.input()

    def _on_touch(self) -> None:
        if self.visitors is not None:
            self.visitors.touched()

    def _on_tap(self, x: float, y: float) -> None:
        """The timeline's tap, except that one finding nothing right after the tour keeps its card."""
        before = self.session.state.selection
        self._view_tap(x, y)
        if before is not None and self.session.state.selection is None:
            self.kiosk.tap_found_nothing()
        else:
            self.kiosk.handed_over = None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_touch()

    def _fit_touch(self) -> None:
        """How far a tap may drift, in this screen's logical pixels (its physical size, where it
        gives one, and the scale)."""
        screen = self.screen()
        mm = screen.physicalSize().width()
        self.timeline.touch.tap_drift_px = drift_px(screen.geometry().width() / mm if mm > 0 else None)

    def _on_touring(self, touring: bool) -> None:
        """The attract screen over everything while the tour runs; the layout under it stays as it is."""
        if touring:
            self.attract.begin()
            self.corner.raise_()
        else:
            self.attract.hide()

    def _on_reset(self) -> None:
        self.members.hide()
        self.pin_pad.hide()

    def _on_renewed(self) -> None:
        """A new dataset or configuration was taken: what is built from them is built again."""
        config = self.config
        figures = FigureBoard(self.session, config.branches, config.figures)
        self._left.replaceWidget(self.figures, figures)
        self.figures.deleteLater()
        self.figures = figures
        self.pin_pad.set_pin(config.exit_pin or "")
        self.card.take_home_url = config.take_home
        self._apply_theme()
        self._retranslate()
        self._show_page()

    def _show_page(self) -> None:
        self.pages.setCurrentWidget(self.updating if self.kiosk.empty else self.exhibit)
        self.corner.raise_()

    def _on_corner_held(self) -> None:
        if self.config.exit_pin:  # without a PIN the corner does nothing: staff use the chord
            self.pin_pad.ask(self.language())

    def _on_members_requested(self, ids: list[str], _: QPointF) -> None:
        self.members.open_members(ids)

    def _on_language_changed(self, _) -> None:
        self._retranslate()

    def _retranslate(self) -> None:
        lang = self.language()
        self.action_set.retranslate(lang)
        self.heading.setText(self.session.dataset.title.get(lang))
        self.setWindowTitle(self.session.dataset.title.get(lang))
        self.timeline.setAccessibleDescription(tr("a11y.kiosk_timeline", lang))  # touch, no detail pane

    def _apply_theme(self) -> None:
        """The configured palette, for the whole application (every view follows its palette)."""
        apply_theme(QApplication.instance(), self.config.theme)

    # -- geometry --------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.card.setFixedWidth(int(self.width() * CARD_SHARE))
        self.attract.setGeometry(self.rect())
        self.corner.move(0, 0)
        self.corner.raise_()

    def closeEvent(self, event) -> None:
        """Alt+F4, the window manager, a session's close: refused, unless leaving kiosk mode."""
        if not self.left:
            event.ignore()
            return
        self.timer.stop()
        if self.visitors is not None:
            self.visitors.end_visit()
        if self.files is not None:
            self.files.shutdown()
        self.animator.stop()
        self.timeline.stop_glide()
        self.lockdown.release()
        super().closeEvent(event)

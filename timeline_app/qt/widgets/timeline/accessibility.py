"""The timeline as a screen reader meets it: one accessible child per milestone on screen.

The timeline draws its milestones on a canvas, which Qt alone exposes as one unnamed object. Here
the view's accessible interface lists what the frame shows, lane by lane and left to right: each
milestone (named by its title, described by its date in words, branch, category and place among
the matches), each "+N" badge as a group, and each lane's "date not stated" strip as a group of
its own milestones. The selected milestone is the focused, selected child; every change of the
selection is spoken: a focus event on its child while the timeline has the keyboard, else an
announcement (the milestone list, which speaks its own rows, excepted).

Only :func:`visible_items` reads the timeline's frame: a new frame model is re-pointed there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleEvent, QAccessibleInterface
from shiboken6 import VoidPtr
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from ....i18n import tr
from ....viewmodel.spoken import badge_words, milestone_words, strip_words
from ...announce import announce
from ...model_signals import follow

__all__ = ["TimelineAccessibility", "Visible", "install_factory", "visible_items"]

_FACTORY_CLASS = "TimelineView"  # the class whose interface this module makes


@dataclass(frozen=True)
class Visible:
    """One thing the timeline shows: a milestone (``milestone`` set) or a "+N" badge (``count``)."""

    key: tuple  # what it is, the same from frame to frame while it stays on screen
    rect: QRectF  # frame pixels
    lane: str
    in_strip: bool
    milestone: str | None = None
    count: int = 0


def visible_items(view) -> list[Visible]:
    """What ``view``'s frame shows, in reading order: per lane, the dated row left to right, then
    the lane's strip of undated milestones. A milestone's rectangle holds its marker and its label."""
    frame = view.frame
    if frame is None:
        return []
    labels = {label.milestone: label.text.box for label in frame.labels}
    shown: list[Visible] = []
    for k, layout in enumerate(frame.lanes):
        lane = layout.lane
        row: list[tuple[float, Visible]] = []
        strip: list[tuple[float, Visible]] = []
        for m in frame.markers:
            items = lane.undated if m.hollow else lane.dated
            if m.milestone not in items.position:
                continue
            rect = QRectF(m.x - m.radius, m.y - m.radius, 2 * m.radius, 2 * m.radius)
            if (box := labels.get(m.milestone)) is not None:
                rect = rect.united(_rect(box))
            (strip if m.hollow else row).append((m.x, Visible(("milestone", m.milestone), rect, lane.id, m.hollow,
                                                              m.milestone)))
        for badge in frame.badges:
            if badge.lane == k:
                key = ("badge", lane.id, badge.in_strip, badge.lo, badge.hi)
                (strip if badge.in_strip else row).append(((badge.box.left + badge.box.right) / 2, Visible(
                    key, _rect(badge.box), lane.id, badge.in_strip, count=badge.count)))
        for part in (row, strip):
            part.sort(key=lambda pair: pair[0])
            shown += [item for _, item in part]
    return shown


def _rect(box) -> QRectF:
    return QRectF(box.left, box.top, box.width, box.height)


class TimelineAccessibility(QObject):
    """The accessible side of one timeline view: its items, their interfaces, and what is spoken
    when the selection changes."""

    def __init__(self, view: QWidget):
        super().__init__(view)
        self.view = view
        self.session = view.session
        self._nodes: dict[tuple, _Node] = {}  # kept alive while Qt may hold them
        self._shown: tuple[object, str, list[Visible]] | None = None
        # A closure, not the bound method: PySide registers a bound method of a QObject as a
        # dynamic slot of its class, which a later instance's teardown can find missing.
        view.destroyed.connect(lambda *_: self._forget())
        follow(self, self.session.state.events.selection, self._on_selection_changed)

    # -- what is on screen -----------------------------------------------------------------

    def shown(self) -> list[Visible]:
        """The visible items, worked out once per frame."""
        frame, lang = self.view.frame, self.session.state.language
        if self._shown is None or self._shown[0] is not frame or self._shown[1] != lang:
            self._shown = (frame, lang, visible_items(self.view))
        return self._shown[2]

    def top_level(self) -> list[tuple]:
        """Keys of the timeline's own children: dated milestones and badges, and one strip per lane."""
        keys: list[tuple] = []
        for item in self.shown():
            if not item.in_strip:
                keys.append(item.key)
            elif ("strip", item.lane) not in keys:
                keys.append(("strip", item.lane))
        return keys

    def in_strip(self, lane: str) -> list[tuple]:
        return [item.key for item in self.shown() if item.in_strip and item.lane == lane]

    def item(self, key: tuple) -> Visible | None:
        return next((item for item in self.shown() if item.key == key), None)

    def global_rect(self, plot: QRectF) -> QRect:
        """Screen pixels of a rectangle in frame pixels."""
        view = self.view
        top_left = view.viewport().mapToGlobal(view.map_to_widget(plot.left(), plot.top()).toPoint())
        bottom_right = view.viewport().mapToGlobal(view.map_to_widget(plot.right(), plot.bottom()).toPoint())
        return QRect(top_left, bottom_right)

    def node(self, key: tuple) -> _Node:
        """The interface of ``key``, the same one each time (a screen reader keeps hold of it)."""
        if key not in self._nodes:
            kind = _StripNode if key[0] == "strip" else _MilestoneNode if key[0] == "milestone" else _BadgeNode
            self._nodes[key] = kind(self, key)
        return self._nodes[key]

    def parent_of(self, key: tuple) -> QAccessibleInterface | None:
        item = self.item(key)
        if item is not None and item.in_strip:
            return self.node(("strip", item.lane))
        return QAccessible.queryAccessibleInterface(self.view)

    def choose(self, milestone_id: str) -> None:
        """A screen reader's "press" on a milestone: selected, with the keys on the timeline."""
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.view.navigator.select(milestone_id, reveal=False)

    def selected_key(self) -> tuple | None:
        selection = self.session.state.selection
        return ("milestone", selection) if selection else None

    def alive(self) -> bool:
        return self.view is not None and shiboken6.isValid(self.view)

    def _forget(self) -> None:
        """The view is gone: Qt lets go of the interfaces before Python does."""
        for node in self._nodes.values():
            if shiboken6.isValid(node):
                QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(node))
        self._nodes.clear()
        self.view = None

    # -- speaking the selection ------------------------------------------------------------

    def _on_selection_changed(self, _) -> None:
        if QAccessible.isActive():
            QTimer.singleShot(0, self, self.speak_selection)  # once the frame shows it

    def speak_selection(self) -> None:
        """Tells a screen reader of the selected milestone: focus on its child while the timeline has
        the keyboard, else an announcement, unless the focus is in a list that speaks its own rows."""
        key = self.selected_key()
        if key is None or not self.alive():
            return
        if self.view.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(self.node(key), QAccessible.Event.Focus))
        elif not isinstance(QApplication.focusWidget(), QAbstractItemView):
            name, description = milestone_words(self.session, key[1])
            announce(self.view, name + tr("sep.clause", self.session.state.language) + description)


class _Actions(QAccessibleActionInterface):
    """What a screen reader can do with a part of the timeline: each action name with its deed."""

    def __init__(self, deeds: dict[str, Callable[[], None]]):
        super().__init__()
        self.deeds = deeds

    def actionNames(self) -> list[str]:
        return list(self.deeds)

    def doAction(self, name: str) -> None:
        if name in self.deeds:
            self.deeds[name]()

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []


class _Base(QAccessibleInterface):
    """What the timeline and its parts share: children listed by key, no text to set."""

    def __init__(self):
        super().__init__()
        self.actions: _Actions | None = None

    def owner(self) -> TimelineAccessibility | None:
        raise NotImplementedError

    def children_keys(self) -> list[tuple]:
        return []

    def _keys(self) -> list[tuple]:
        return self.children_keys() if self.owner() is not None else []

    def childCount(self) -> int:
        return len(self._keys())

    def child(self, index: int):
        keys = self._keys()
        return self.owner().node(keys[index]) if 0 <= index < len(keys) else None

    def indexOfChild(self, child) -> int:
        keys, key = self._keys(), getattr(child, "key", None)
        return keys.index(key) if key in keys else -1

    def childAt(self, x: int, y: int):
        for index in range(self.childCount()):
            child = self.child(index)
            if child.rect().contains(x, y):
                return child
        return None

    def relations(self, match=QAccessible.RelationFlag.AllRelations):
        return []

    def setText(self, kind, text) -> None:
        pass  # names come from the dataset

    def interface_cast(self, kind):
        """The action interface, where there are actions (the only other interface offered)."""
        if kind == QAccessible.InterfaceType.ActionInterface and self.actions is not None:
            return VoidPtr(shiboken6.getCppPointer(self.actions)[0])
        return VoidPtr(0)  # none: a null pointer (None, or the base class's answer, crash here)


class _Node(_Base):
    """A part of the timeline without a QObject of its own: a milestone, a badge or a strip."""

    role_of = QAccessible.Role.Grouping

    def __init__(self, owner: TimelineAccessibility, key: tuple):
        super().__init__()
        self._owner, self.key = owner, key

    def owner(self) -> TimelineAccessibility | None:
        return self._owner if self._owner.alive() else None

    def isValid(self) -> bool:
        return self.owner() is not None

    def object(self):
        return None

    def window(self):
        owner = self.owner()
        return owner.view.window().windowHandle() if owner is not None else None

    def parent(self):
        owner = self.owner()
        return owner.parent_of(self.key) if owner is not None else None

    def focusChild(self):
        return None

    def role(self):
        return self.role_of

    def plot_rect(self) -> QRectF | None:
        owner = self.owner()
        item = owner.item(self.key) if owner is not None else None
        return item.rect if item is not None else None

    def rect(self) -> QRect:
        plot = self.plot_rect()
        return self._owner.global_rect(plot) if plot is not None else QRect()

    def state(self):
        state = QAccessible.State()
        state.invisible = state.offscreen = self.plot_rect() is None
        return state

    def words(self) -> tuple[str, str]:
        return "", ""

    def text(self, kind):
        if self.owner() is None:
            return ""
        name, description = self.words()
        return name if kind == QAccessible.Text.Name else description if kind == QAccessible.Text.Description else ""


class _MilestoneNode(_Node):
    role_of = QAccessible.Role.ListItem

    def __init__(self, owner: TimelineAccessibility, key: tuple):
        super().__init__(owner, key)
        choose = lambda: owner.choose(key[1])  # noqa: E731 (one deed, two names)
        self.actions = _Actions({QAccessibleActionInterface.pressAction(): choose,
                                 QAccessibleActionInterface.setFocusAction(): choose})

    def words(self) -> tuple[str, str]:
        return milestone_words(self._owner.session, self.key[1])

    def state(self):
        state = super().state()
        state.focusable = state.selectable = True
        state.selected = self.key == self._owner.selected_key()
        state.focused = state.selected and self._owner.alive() and self._owner.view.hasFocus()
        return state


class _BadgeNode(_Node):
    def words(self) -> tuple[str, str]:
        item = self._owner.item(self.key)
        return badge_words(self._owner.session, self.key[1], item.count if item else 0)


class _StripNode(_Node):
    def children_keys(self) -> list[tuple]:
        return self._owner.in_strip(self.key[1])

    def plot_rect(self) -> QRectF | None:
        rects = [self._owner.item(key).rect for key in self._keys()]
        if not rects:
            return None
        united = rects[0]
        for rect in rects[1:]:
            united = united.united(rect)
        return united

    def words(self) -> tuple[str, str]:
        return strip_words(self._owner.session, self.key[1]), ""

    def parent(self):
        return QAccessible.queryAccessibleInterface(self._owner.view) if self.owner() is not None else None


class TimelineInterface(_Base):
    """The timeline view itself: named as the widget is, its children what :func:`visible_items` lists."""

    def __init__(self, view: QWidget):
        super().__init__()
        self.view = view
        self.actions = _Actions({QAccessibleActionInterface.setFocusAction(): self._focus})

    def owner(self) -> TimelineAccessibility | None:
        """The view's accessibility, once it is made (Qt may ask while the view is being built)."""
        return getattr(self.view, "accessibility", None) if shiboken6.isValid(self.view) else None

    def children_keys(self) -> list[tuple]:
        return self.owner().top_level()

    def _focus(self) -> None:
        self.view.activateWindow()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def isValid(self) -> bool:
        return shiboken6.isValid(self.view)

    def object(self):
        return self.view

    def window(self):
        return self.view.window().windowHandle()

    def parent(self):
        parent = self.view.parentWidget()
        return QAccessible.queryAccessibleInterface(parent if parent is not None else QApplication.instance())

    def focusChild(self):
        """The selected milestone, while the keys act on the timeline and it is on screen."""
        owner = self.owner()
        key = owner.selected_key() if owner is not None and self.view.hasFocus() else None
        if key is None or owner.item(key) is None:
            return None
        return owner.node(key)

    def role(self):
        return QAccessible.Role.List

    def rect(self) -> QRect:
        return QRect(self.view.mapToGlobal(self.view.rect().topLeft()), self.view.size())

    def state(self):
        state = QAccessible.State()
        state.focusable = True
        state.focused = self.view.hasFocus() and self.focusChild() is None
        state.invisible = not self.view.isVisible()
        return state

    def text(self, kind):
        if kind == QAccessible.Text.Name:
            return self.view.accessibleName()
        return self.view.accessibleDescription() if kind == QAccessible.Text.Description else ""


def _factory(key: str, obj: QObject):
    return TimelineInterface(obj) if key == _FACTORY_CLASS else None


_installed = False


def install_factory() -> None:
    """Has Qt ask this module for the timeline's interface (once per process; before a view is
    made, or Qt keeps the plain widget's)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True

"""Focus you can see: Tab through the whole window, in every theme, and at each stop compare the
focused control with itself unfocused. Enough of its pixels must change by 3:1 or more (WCAG 2.2's
focus appearance: an area at least a 1 px ring round the control)."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from archivist import open_window

from timeline_app.qt.colors import contrast
from timeline_app.qt.palettes import apply_theme

SHOTS = os.environ.get("TIMELINE_APP_FOCUS_SHOTS")  # a folder: also save each stop's picture there, to look at


def changed_by_3_to_1(before, after) -> int:
    """How many pixels differ by a contrast of 3:1 or more between two images of one size."""
    count = 0
    for y in range(0, before.height()):
        for x in range(0, before.width()):
            a, b = before.pixel(x, y), after.pixel(x, y)
            if a != b and contrast(QColor(a), QColor(b)) >= 3.0:
                count += 1
    return count


def stops(window, qtbot, limit: int = 80):
    """The widgets Tab visits, from the search field round to it again."""
    first = window.filter_bar._search
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [first]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is first or widget in seen:
            break
        seen.append(widget)
    return seen


def area_of(widget, window) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size()).adjusted(-4, -4, 4, 4)


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_every_tab_stop_shows_its_focus_at_3_to_1(qtbot, theme):
    window = open_window(qtbot, theme=theme)
    window.session.state.language = "en"
    apply_theme(QApplication.instance(), theme)
    window.navigator.select(next(m.id for m in window.session.matches if m.sources and m.people))
    QApplication.processEvents()
    visited = stops(window, qtbot)
    assert len(visited) > 25, "Tab goes through the whole window"
    QApplication.focusWidget().clearFocus()
    QApplication.processEvents()
    unfocused = [window.grab(area_of(widget, window)).toImage() for widget in visited]
    visited[-1].setFocus()
    weak = []
    for n, (widget, before) in enumerate(zip(visited, unfocused)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # as a user moves it: the ring shows
        QApplication.processEvents()
        assert QApplication.focusWidget() is widget
        focused = window.grab(area_of(widget, window)).toImage()
        if SHOTS:
            focused.save(str(Path(SHOTS) / f"{theme}-{n:02d}-{type(widget).__name__}.png"))
        needed = 2 * (widget.width() + widget.height())  # a 1 px ring round it
        if changed_by_3_to_1(before, focused) < needed:
            weak.append((n, type(widget).__name__, widget.accessibleName() or widget.objectName(),
                         changed_by_3_to_1(before, focused), needed))
    window.close()
    apply_theme(QApplication.instance(), "light")
    assert not weak, weak

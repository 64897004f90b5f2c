"""Tab order that follows the screen: a container's focusable widgets, chained in layout order.

Qt puts a new widget at the end of its window's focus chain, so widgets made again for each
selection (a detail pane's sources and media) would be reached after everything else.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QScrollArea, QWidget

__all__ = ["chain_in_layout_order"]


def _in_layout(layout: QLayout | None) -> Iterator[QWidget]:
    """The widgets of ``layout`` and of the layouts and widgets inside it, as laid out."""
    if layout is None:
        return
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            yield from _widget_and_inner(item.widget())
        elif item.layout() is not None:
            yield from _in_layout(item.layout())


def _widget_and_inner(widget: QWidget) -> Iterator[QWidget]:
    yield widget
    if isinstance(widget, QScrollArea):
        if widget.widget() is not None:
            yield from _widget_and_inner(widget.widget())
    else:
        yield from _in_layout(widget.layout())


def chain_in_layout_order(container: QWidget) -> None:
    """Makes Tab visit ``container``'s focusable widgets in the order its layouts place them."""
    stops = [w for w in _in_layout(container.layout()) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    for before, after in zip(stops, stops[1:]):
        QWidget.setTabOrder(before, after)

"""Words for a screen reader to say now: Qt's announcement event (AT-SPI ``object:announcement``).

For what changes without the focus moving: a search's match count, an error while typing, a kiosk
card that a tap or the tour brought.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

__all__ = ["announce"]


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Has a screen reader say ``text``, as said by ``widget`` (``assertive``: interrupting it)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)

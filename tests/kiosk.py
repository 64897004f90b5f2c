"""Helpers for the kiosk tests: a kiosk window on a clock the test moves, and where to aim on it."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from timeline_app.config import KioskConfig
from timeline_app.dataset import bundled_dataset_path
from timeline_app.qt.app import create_application
from timeline_app.qt.windows.kiosk_window import KioskWindow
from timeline_app.viewmodel import Session
from timeline_app.viewmodel.clock import ManualClock

PIN = "2580"


def open_kiosk(qtbot, path=None, **config):
    """A kiosk at 1280×720 (1920×1080 at its default scale), not animated; leave() it when done."""
    create_application()
    clock = ManualClock()
    window = KioskWindow(Session.open(path or bundled_dataset_path()),
                         KioskConfig(**{"exit_pin": PIN, **config}), clock=clock, animate=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)  # 1920×1080 at the default scale
    with qtbot.waitExposed(window):
        window.show()
    for _ in range(3):  # layouts settle (heights that depend on widths) before fingers aim
        QApplication.processEvents()
    return window, clock


def plot_point(window, px: float, py: float) -> QPoint:
    """Frame pixels of the timeline to its viewport, where its touch events land."""
    return window.timeline.map_to_widget(px, py).toPoint()


def first_label(window):
    """The first labelled milestone of the top lane, and where its label is in the viewport."""
    layout = window.timeline.frame.lanes[0]
    box = layout.dated.labels[0]
    g = layout.geometry
    return str(layout.lane.dated.ids[box.index]), plot_point(window, (box.left + box.right) / 2,
                                                             g.label_y(box.row) + g.row_height / 2)


def idle(window, clock, seconds: float) -> None:
    """Seconds pass without input; the window's timer ticks meanwhile."""
    while seconds > 0:
        step = min(seconds, 0.5)
        clock.advance(step)
        window.tick()
        seconds -= step

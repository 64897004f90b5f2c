"""One frame of the timeline: where every lane, label, marker and badge goes, in plot pixels.

Computed from the session and the plot size whenever the range, the size, the filter, the
language or the selection changes; the drawing items only read it, and hit tests use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ....viewmodel.lanes import Lane
from ....viewmodel.placement import Cluster, LaneFrame, LaneGeometry, badge_width, lane_geometry, place_lane
from ....viewmodel.session import Session

__all__ = ["Frame", "LabelCache", "LaneLayout", "compute_frame"]


def max_label_px(plot_width: float) -> float:
    """Longest label before it is elided: wider screens show more of each title."""
    return min(max(plot_width * 0.16, 150.0), 320.0)

MARKER_RADIUS = 6.0
ERA_STRIP = 18.0  # px at the top for era names, when the dataset has eras


class LabelCache:
    """Elided titles and their widths per language, measured once per milestone."""

    def __init__(self, font: QFont, max_width: float = max_label_px(1200)):
        self.font = font
        self.max_width = max_width
        self.metrics = QFontMetricsF(font)
        self._cache: dict[tuple[str, str], tuple[str, float]] = {}
        self._widths: dict[tuple[int, str], tuple[object, np.ndarray]] = {}

    def set_max_width(self, max_width: float) -> None:
        if max_width != self.max_width:
            self.max_width = max_width
            self.clear()

    def clear(self, font: QFont | None = None) -> None:
        if font is not None:
            self.font = font
            self.metrics = QFontMetricsF(font)
        self._cache.clear()
        self._widths.clear()

    def forget_lanes(self) -> None:
        """Drops the per-lane width arrays (the lanes were rebuilt); titles stay measured."""
        self._widths.clear()

    def get(self, session: Session, milestone_id: str) -> tuple[str, float]:
        lang = session.state.language
        key = (lang, milestone_id)
        hit = self._cache.get(key)
        if hit is None:
            text = session.dataset.milestone_by_id[milestone_id].title.get(lang)
            width = self.metrics.horizontalAdvance(text)
            if width > self.max_width:  # most titles fit: measure once, elide only the long ones
                text = self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.max_width)
                width = self.metrics.horizontalAdvance(text)
            hit = self._cache[key] = (text, width)
        return hit

    def widths(self, session: Session, items, indices: np.ndarray) -> np.ndarray:
        """Label widths of ``items`` at ``indices``, measured once per language and kept per lane."""
        lang = session.state.language
        key = (id(items), lang)
        cached = self._widths.get(key)
        if cached is None or cached[0] is not items:
            cached = self._widths[key] = (items, np.full(len(items), np.nan))
        widths = cached[1]
        missing = indices[np.isnan(widths[indices])]
        for index in missing.tolist():
            widths[index] = self.get(session, items.ids[index])[1]
        return widths[indices]


@dataclass
class LaneLayout:
    lane: Lane
    geometry: LaneGeometry
    dated: LaneFrame
    undated: LaneFrame


@dataclass
class Frame:
    x0: float
    x1: float
    width: float  # plot pixels
    height: float
    lanes: list[LaneLayout] = field(default_factory=list)

    def px(self, x: float) -> float:
        return (x - self.x0) * self.width / (self.x1 - self.x0)

    def hit(self, pos: QPointF) -> tuple[str, object] | None:
        """What is under ``pos`` (plot pixels): ("milestone", id), ("cluster", Cluster) or None."""
        for layout in self.lanes:
            g = layout.geometry
            if not g.top <= pos.y() < g.top + g.height:
                continue
            for items, part, strip_y in ((layout.lane.dated, layout.dated, None),
                                         (layout.lane.undated, layout.undated, g.undated_y)):
                for box in part.labels:
                    y = label_y(g, box.row) if strip_y is None else strip_y - 8
                    if QRectF(box.left, y - 2, box.right - box.left, g.row_height).contains(pos):
                        return "milestone", items.ids[box.index]
                marker_y = g.marker_y if strip_y is None else strip_y
                for index in [b.index for b in part.labels] + part.singles:
                    x = part.moved.get(index, self.px(float(items.x[index])))
                    if abs(x - pos.x()) <= MARKER_RADIUS + 3 and abs(marker_y - pos.y()) <= MARKER_RADIUS + 3:
                        return "milestone", items.ids[index]
                cluster_y = g.badge_y if strip_y is None else strip_y
                for cluster in part.clusters:
                    if cluster_rect(cluster, cluster_y).contains(pos):
                        return "cluster", cluster
        return None


def label_y(g: LaneGeometry, row: int) -> float:
    """Top of a label row: row 0 sits just above the marker line, later rows higher."""
    return g.marker_y - 8 - (row + 1) * g.row_height


def cluster_rect_size(count: int) -> tuple[float, float]:
    return badge_width(count), 16


def cluster_rect(cluster: Cluster, y: float) -> QRectF:
    width, height = cluster_rect_size(cluster.count)
    return QRectF(cluster.center - width / 2, y - height / 2, width, height)


def compute_frame(session: Session, width: float, height: float, labels: LabelCache) -> Frame:
    x0, x1 = session.state.x_range
    frame = Frame(x0, x1, width, height)
    lanes = session.lanes
    selection = session.state.selection
    # Room for labels follows what each lane holds: a lane with few milestones needs few rows.
    busiest = max((len(lane.dated) for lane in lanes), default=0) or 1
    weights = [0.25 + 0.75 * len(lane.dated) / busiest for lane in lanes]
    top = ERA_STRIP if session.dataset.eras else 0.0
    strips = [len(lane.undated) > 0 for lane in lanes]
    marks = [lane.founding is not None for lane in lanes]
    for lane, geometry in zip(lanes, lane_geometry(height, weights, strips, top, marks=marks)):
        parts = []
        for items, rows, inline in ((lane.dated, geometry.rows, False), (lane.undated, 1, True)):
            pinned = items.position.get(selection)

            def width_of(indices, items=items):
                return labels.widths(session, items, indices)

            parts.append(place_lane(items, x0, x1, 0.0, width, rows, width_of, pinned, inline=inline))
        frame.lanes.append(LaneLayout(lane, geometry, *parts))
    return frame

"""One frame of the timeline: where every lane, label, marker and badge goes, in plot pixels.

Computed from the session and the plot size whenever the range, the size, the filter, the
language or the selection changes; the drawing items only read it, and hit tests use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ....viewmodel.geometry import LaneGeometry, lane_geometry, lanes_height
from ....viewmodel.lanes import Lane
from ....viewmodel.labels import label_text
from ....viewmodel.placement import Cluster, LaneFrame, StripFrame, badge_width, place_lane, place_strip
from ....viewmodel.session import Session

__all__ = ["BADGE_HEIGHT", "ERA_STRIP", "MARKER_RADIUS", "Frame", "Hit", "LabelCache", "LaneLayout",
           "cluster_rect", "compute_frame", "lanes_room", "max_label_px"]

MARKER_RADIUS = 6.0
BADGE_HEIGHT = 16.0
ERA_STRIP = 18.0  # px at the top for era names, when the dataset has eras


def max_label_px(plot_width: float) -> float:
    """Longest label before it is elided: wider screens show more of each title."""
    return min(max(plot_width * 0.16, 150.0), 320.0)


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
            text = label_text(session.dataset.milestone_by_id[milestone_id].title.get(lang))
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
            widths[index] = self.get(session, str(items.ids[index]))[1]
        return widths[indices]


@dataclass
class LaneLayout:
    lane: Lane
    geometry: LaneGeometry
    dated: LaneFrame
    strip: StripFrame


@dataclass(frozen=True)
class Hit:
    """What a point of the plot holds: a milestone, or a badge (with its lane and whether it is the
    strip's), or nothing."""

    milestone: str | None = None
    cluster: Cluster | None = None
    layout: LaneLayout | None = None
    in_strip: bool = False


@dataclass
class Frame:
    x0: float
    x1: float
    width: float  # plot pixels
    height: float
    lanes: list[LaneLayout] = field(default_factory=list)

    def px(self, x: float) -> float:
        return (x - self.x0) * self.width / (self.x1 - self.x0)

    def hit(self, pos: QPointF) -> Hit:
        for layout in self.lanes:
            g = layout.geometry
            if g.top <= pos.y() < g.top + g.height:
                return self._hit_dated(layout, pos) or self._hit_strip(layout, pos) or Hit()
        return Hit()

    def _hit_dated(self, layout: LaneLayout, pos: QPointF) -> Hit | None:
        g, items, part = layout.geometry, layout.lane.dated, layout.dated
        for box in part.labels:
            if QRectF(box.left, g.label_y(box.row) - 2, box.right - box.left, g.row_height).contains(pos):
                return Hit(str(items.ids[box.index]))
        if abs(g.marker_y - pos.y()) <= MARKER_RADIUS + 3:
            for cluster in part.clusters:
                if cluster_rect(cluster, g.marker_y).contains(pos):
                    return Hit(cluster=cluster, layout=layout)
            for index in [b.index for b in part.labels] + part.singles:
                if abs(self.px(float(items.x[index])) - pos.x()) <= MARKER_RADIUS + 3:
                    return Hit(str(items.ids[index]))
        return None

    def _hit_strip(self, layout: LaneLayout, pos: QPointF) -> Hit | None:
        g, items, strip = layout.geometry, layout.lane.undated, layout.strip
        if abs(g.undated_y - pos.y()) > g.row_height / 2 + 2:
            return None
        for box in strip.boxes:
            if box.marker - MARKER_RADIUS - 3 <= pos.x() <= box.right:
                return Hit(str(items.ids[box.index]))
        for cluster in strip.clusters:
            if cluster_rect(cluster, g.undated_y).contains(pos):
                return Hit(cluster=cluster, layout=layout, in_strip=True)
        return None

    def cluster_members(self, hit: Hit) -> list[str]:
        """The ids a badge stands for, in priority order."""
        cluster, layout = hit.cluster, hit.layout
        if hit.in_strip:
            items = layout.lane.undated
            shown = {b.index for b in layout.strip.boxes}
            start, stop = next((a, b) for lo, hi, a, b in items.groups if (lo, hi) == (cluster.lo, cluster.hi))
            members = [i for i in range(start, stop) if i not in shown]
        else:
            items, part = layout.lane.dated, layout.dated
            shown = {b.index for b in part.labels} | set(part.singles)
            visible = range(part.visible.start, part.visible.stop)
            members = [i for i in visible if i not in shown
                       and cluster.left <= self.px(float(items.x[i])) < cluster.right]
        members.sort(key=lambda i: int(items.rank[i]))
        return [str(items.ids[i]) for i in members]


def cluster_rect(cluster: Cluster, y: float) -> QRectF:
    width = badge_width(cluster.count)
    return QRectF(cluster.center - width / 2, y - BADGE_HEIGHT / 2, width, BADGE_HEIGHT)


def _lanes_needs(session: Session) -> tuple[float, list[bool], list[bool]]:
    """The era strip's height, and which lanes have an undated strip and anniversary marks."""
    lanes = session.lanes
    return (ERA_STRIP if session.dataset.eras else 0.0, [len(lane.undated) > 0 for lane in lanes],
            [lane.founding is not None for lane in lanes])


def lanes_room(session: Session) -> float:
    """Plot height at which no lane is compact (every one has a label row, marks and caption)."""
    top, strips, marks = _lanes_needs(session)
    return top + lanes_height(strips, marks)


def _unlabelled(indices: np.ndarray) -> np.ndarray:
    """Label widths of a strip with no room for labels: its markers stand one after another."""
    return np.zeros(len(indices))


def compute_frame(session: Session, width: float, height: float, labels: LabelCache) -> Frame:
    x0, x1 = session.state.x_range
    frame = Frame(x0, x1, width, height)
    lanes = session.lanes
    selection = session.state.selection
    # Room for labels follows what each lane holds: a lane with few milestones needs few rows.
    busiest = max((len(lane.dated) for lane in lanes), default=0) or 1
    weights = [0.25 + 0.75 * len(lane.dated) / busiest for lane in lanes]
    top, strips, marks = _lanes_needs(session)

    def widths_of(items):
        return lambda indices: labels.widths(session, items, indices)

    for lane, geometry in zip(lanes, lane_geometry(height, weights, strips, top, marks=marks)):
        dated = place_lane(lane.dated, x0, x1, 0.0, width, geometry.rows, widths_of(lane.dated),
                           lane.dated.position.get(selection) if selection else None)
        strip_widths = widths_of(lane.undated) if geometry.strip_labels else _unlabelled
        strip = place_strip(lane.undated, x0, x1, width, strip_widths,
                            lane.undated.position.get(selection) if selection else None)
        frame.lanes.append(LaneLayout(lane, geometry, dated, strip))
    return frame

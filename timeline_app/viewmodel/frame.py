"""One frame of the timeline, everything in it placed: the picture the screen, paper and touch share.

Computed without Qt from a :class:`Snapshot` (range, selection, language, keyboard lane, the
filter's years, size in logical pixels) and a :class:`~.shapes.TextMeasure`: lane headers, lanes,
"date not stated" strips, eras, anniversaries, bars, markers, labels with their leaders, "+N"
badges, the axis and its caption. A painter draws exactly this list on any device; hit tests
answer from the same geometry, so what is drawn and what is hit cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

from ..i18n import catalog, tr
from .geometry import ROW_HEIGHT, LaneGeometry, lane_geometry, lanes_height
from .index import DrawStyle
from .labels import label_text
from .lanes import MIDDLE, Lane
from .placement import (BADGE_HEIGHT, LABEL_PAD, Cluster, LaneFrame, StripFrame, badge_text, badge_width,
                        place_lane, place_strip)
from .session import Session
from .shapes import Badge, Bar, Box, Fill, Label, Line, Marker, Text, TextMeasure, TextStyle
from .state import Filter, ViewState
from .timescale import day_of, range_caption, ticks

__all__ = ["AXIS_HEIGHT", "ERA_STRIP", "HEADER_WIDTH", "MARKER_RADIUS", "RIGHT_MARGIN", "Hit", "LabelTexts",
           "LaneLayout", "Snapshot", "TimelineFrame", "compute_frame", "lanes_room", "max_label_px"]

HEADER_WIDTH = 180.0  # the lane headers left of the plot (views on the same time axis keep it too)
RIGHT_MARGIN = 16.0  # right of the plot, where the views below have their scroll bar
AXIS_HEIGHT = 44.0
ERA_STRIP = 18.0  # px at the top for era names, when the dataset has eras
MARKER_RADIUS = 6.0
_HIT_SLOP = 3.0  # px round a marker that still counts as on it


def max_label_px(plot_width: float) -> float:
    """Longest label before it is elided: wider screens show more of each title."""
    return min(max(plot_width * 0.16, 150.0), 320.0)


@dataclass(frozen=True)
class Snapshot:
    """What a frame shows: the view state at one moment, and the size it is drawn at."""

    x_range: tuple[float, float]
    selection: str | None
    language: str
    lane: str | None
    filter: Filter
    width: float
    height: float
    focus: bool = False  # the keyboard acts on the timeline: its lane and frame are shown
    reading: str = ""  # the name of the file being read, while one is

    @classmethod
    def of(cls, state: ViewState, width: float, height: float, focus: bool = False, reading: str = "") -> Snapshot:
        return cls(tuple(state.x_range), state.selection, state.language, state.lane, state.filter, width, height,
                   focus, reading)


class LabelTexts:
    """Titles elided to the label width and measured, once per milestone and language."""

    def __init__(self, measure: TextMeasure):
        self.measure = measure
        self.max_width = max_label_px(1200)
        self._titles: dict[tuple[str, str], tuple[str, float]] = {}
        self._widths: dict[tuple[int, str], tuple[object, np.ndarray]] = {}

    def reset(self, measure: TextMeasure | None = None, max_width: float | None = None) -> None:
        """Forgets what was measured: the fonts, or the label width, changed."""
        if measure is not None:
            self.measure = measure
        if max_width is not None:
            self.max_width = max_width
        self._titles.clear()
        self._widths.clear()

    def forget_lanes(self) -> None:
        """Drops the per-lane width arrays (the lanes were rebuilt); titles stay measured."""
        self._widths.clear()

    def get(self, session: Session, milestone_id: str, lang: str) -> tuple[str, float]:
        key = (lang, milestone_id)
        hit = self._titles.get(key)
        if hit is None:
            text = label_text(session.dataset.milestone_by_id[milestone_id].title.get(lang))
            width = self.measure.width(text, TextStyle.LABEL)
            if width > self.max_width:  # most titles fit: measure once, elide only the long ones
                text = self.measure.elide(text, TextStyle.LABEL, self.max_width)
                width = self.measure.width(text, TextStyle.LABEL)
            hit = self._titles[key] = (text, width)
        return hit

    def widths(self, session: Session, items, indices: np.ndarray, lang: str) -> np.ndarray:
        """Label widths of ``items`` at ``indices``, measured once per language and kept per lane."""
        key = (id(items), lang)
        cached = self._widths.get(key)
        if cached is None or cached[0] is not items:
            cached = self._widths[key] = (items, np.full(len(items), np.nan))
        widths = cached[1]
        missing = indices[np.isnan(widths[indices])]
        for index in missing.tolist():
            widths[index] = self.get(session, str(items.ids[index]), lang)[1]
        return widths[indices]


@dataclass
class LaneLayout:
    lane: Lane
    geometry: LaneGeometry
    dated: LaneFrame
    strip: StripFrame


@dataclass(frozen=True)
class Hit:
    """What a point of the frame holds: a milestone, a badge, or nothing."""

    milestone: str | None = None
    badge: Badge | None = None


@dataclass
class TimelineFrame:
    snapshot: Snapshot
    plot: Box  # where time is drawn: x0 at its left, x1 at its right
    lanes: list[LaneLayout] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    badges: list[Badge] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)  # headers, captions, eras, anniversaries, the axis

    @property
    def x0(self) -> float:
        return self.snapshot.x_range[0]

    @property
    def x1(self) -> float:
        return self.snapshot.x_range[1]

    @property
    def width(self) -> float:
        return self.snapshot.width

    @property
    def height(self) -> float:
        return self.snapshot.height

    def px(self, x: float) -> float:
        """The horizontal position of day ``x``."""
        return self.plot.left + (x - self.x0) * self.plot.width / (self.x1 - self.x0)

    def day_at(self, px: float) -> float:
        return self.x0 + (px - self.plot.left) * (self.x1 - self.x0) / max(self.plot.width, 1.0)

    def hit(self, x: float, y: float, reach: float = 0.0) -> Hit:
        """What is at (x, y): a marker first, then a label, then a badge; failing those, within
        ``reach`` px (a fingertip), the nearest marker, label or badge, in that order."""
        for slop in (0.0, reach) if reach else (0.0,):
            marker = min(self.markers, key=lambda m: (m.x - x) ** 2 + (m.y - y) ** 2, default=None)
            if marker is not None and ((marker.x - x) ** 2 + (marker.y - y) ** 2) ** 0.5 <= marker.radius + _HIT_SLOP + slop:
                return Hit(marker.milestone)
            for label in sorted(self.labels, key=lambda label: not label.selected):  # the one drawn on top
                if label.text.box.contains(x, y, slop):
                    return Hit(label.milestone)
            badge = min(self.badges, key=lambda b: b.box.distance(x, y), default=None)
            if badge is not None and badge.box.distance(x, y) <= slop:
                return Hit(badge=badge)
        return Hit()

    def badge_members(self, badge: Badge) -> list[str]:
        """The ids a badge stands for, in priority order."""
        layout = self.lanes[badge.lane]
        if badge.in_strip:
            items = layout.lane.undated
            shown = {b.index for b in layout.strip.boxes}
            start, stop = next((a, b) for lo, hi, a, b in items.groups if (lo, hi) == (badge.lo, badge.hi))
            members = [i for i in range(start, stop) if i not in shown]
        else:
            items, part = layout.lane.dated, layout.dated
            shown = {b.index for b in part.labels}
            members = [int(i) for i, px in zip(part.visible.tolist(), part.anchors.tolist())
                       if i not in shown and (badge.left <= px < badge.right or self._edge_bin(badge, px))]
        members.sort(key=lambda i: int(items.rank[i]))
        return [str(items.ids[i]) for i in members]

    def _edge_bin(self, badge: Badge, px: float) -> bool:
        """Whether ``px`` falls to the first or last bin at the plot's edges (bins clip there)."""
        return (px < badge.left and badge.left <= self.plot.left + 1) or (px >= badge.right and badge.right >= self.plot.right - 1)


def _needs(session: Session) -> tuple[float, list[bool], list[bool]]:
    """The era strip's height, and which lanes have an undated strip and anniversary marks."""
    lanes = session.lanes
    return (ERA_STRIP if session.dataset.eras else 0.0, [len(lane.undated) > 0 for lane in lanes],
            [lane.founding is not None for lane in lanes])


def lanes_room(session: Session, row_height: float = ROW_HEIGHT) -> float:
    """Frame height at which no lane is compact (every one has a label row, marks and caption)."""
    top, strips, marks = _needs(session)
    return top + lanes_height(strips, marks, row_height) + AXIS_HEIGHT


def compute_frame(session: Session, snapshot: Snapshot, measure: TextMeasure, titles: LabelTexts) -> TimelineFrame:
    """Places everything the timeline shows at ``snapshot``."""
    plot = Box(HEADER_WIDTH, 0.0, max(snapshot.width - RIGHT_MARGIN, HEADER_WIDTH + 1),
               max(snapshot.height - AXIS_HEIGHT, 1.0))
    frame = TimelineFrame(snapshot, plot)
    if snapshot.x_range[1] <= snapshot.x_range[0]:
        return frame
    _Builder(session, frame, measure, titles).build()
    return frame


class _Builder:
    """Fills one frame, layer by layer."""

    def __init__(self, session: Session, frame: TimelineFrame, measure: TextMeasure, titles: LabelTexts):
        self.session, self.frame, self.measure, self.titles = session, frame, measure, titles
        self.snap = frame.snapshot
        self.lang = self.snap.language
        self.row_height = max(ROW_HEIGHT, measure.height(TextStyle.LABEL) + 6)

    def build(self) -> None:
        session, frame, snap, plot = self.session, self.frame, self.snap, self.frame.plot
        titles = self.titles
        if titles.max_width != max_label_px(plot.width):
            titles.reset(max_width=max_label_px(plot.width))
        lanes = session.lanes
        busiest = max((len(lane.dated) for lane in lanes), default=0) or 1
        weights = [0.25 + 0.75 * len(lane.dated) / busiest for lane in lanes]
        top, strips, marks = _needs(session)
        geometries = lane_geometry(plot.bottom, weights, strips, top, self.row_height, marks)
        x0, x1 = snap.x_range
        f = snap.filter
        kept = (f.date_from.toordinal() if f.date_from else -math.inf,
                f.date_to.toordinal() + 1 if f.date_to else math.inf)  # the years not shaded
        for k, (lane, g) in enumerate(zip(lanes, geometries)):
            dated_pin = lane.dated.position.get(snap.selection) if snap.selection else None
            strip_pin = lane.undated.position.get(snap.selection) if snap.selection else None
            dated = place_lane(lane.dated, x0, x1, plot.left, plot.width, g.rows, self._widths(lane.dated), dated_pin)
            strip = place_strip(lane.undated, x0, x1, plot.left, plot.width,
                                self._widths(lane.undated) if g.strip_labels else None, strip_pin, kept)
            layout = LaneLayout(lane, g, dated, strip)
            frame.lanes.append(layout)
            self._lane(k, layout)
        self._outside_years()
        self._eras(top)
        self._headers()
        self._axis()
        self._why_empty()
        if snap.focus:
            b = Box(1, 1, snap.width - 1, snap.height - 1)
            frame.lines += [Line(b.left, b.top, b.right, b.top, ("focus",), 2), Line(b.right, b.top, b.right, b.bottom, ("focus",), 2),
                            Line(b.right, b.bottom, b.left, b.bottom, ("focus",), 2), Line(b.left, b.bottom, b.left, b.top, ("focus",), 2)]

    def _why_empty(self) -> None:
        """A dataset with no milestone (a file still being read, a broken one with no last good
        copy, an empty one) says so across the lanes, rather than leave a bare axis."""
        if self.session.dataset.milestones:
            return
        snap, plot = self.snap, self.frame.plot
        text = (tr("empty.reading", self.lang, file=snap.reading) if snap.reading
                else tr("empty.no_milestones", self.lang))
        middle = (plot.top + plot.bottom) / 2
        self.frame.texts.append(Text(text, Box(plot.left, middle - 12, plot.right, middle + 12), TextStyle.LABEL,
                                     ("muted",), "center"))

    def _widths(self, items):
        lang, session, titles = self.lang, self.session, self.titles
        return lambda indices: titles.widths(session, items, indices, lang)

    # -- a lane ------------------------------------------------------------------------------

    def _lane(self, k: int, layout: LaneLayout) -> None:
        frame, plot, g, lane = self.frame, self.frame.plot, layout.geometry, layout.lane
        branch = lane.branches[0] if len(lane.branches) == 1 else None
        frame.fills.append(Fill(Box(plot.left, g.top, plot.right, g.top + g.height), ("tint", branch or "")))
        frame.lines.append(Line(plot.left, g.top + g.height, plot.right, g.top + g.height, ("rule",)))
        frame.lines.append(Line(plot.left, g.marker_y, plot.right, g.marker_y, ("rule",)))
        obstacles = self._dated(k, layout) + self._strip(k, layout)
        self._anniversaries(layout, obstacles)

    def _dated(self, k: int, layout: LaneLayout) -> list[Box]:
        frame, g, items, part = self.frame, layout.geometry, layout.lane.dated, layout.dated
        categories, selection = self.session.dataset.categories, self.snap.selection
        branches = layout.lane.branches
        lane_tint = ("tint", branches[0] if len(branches) == 1 else "")
        boxes = []
        for box in part.labels:
            milestone = str(items.ids[box.index])
            text, width = self.titles.get(self.session, milestone, self.lang)
            top = g.label_y(box.row)
            bottom = top + g.row_height - 4
            left = box.left + (0 if box.flipped else LABEL_PAD)
            text_box = Box(left, top, left + width, bottom)
            boxes.append(Box(box.left, top, box.right, bottom))
            leader = Line(box.anchor, bottom, box.anchor, g.marker_y - MARKER_RADIUS - 1, ("leader",), 1.2)
            selected = milestone == selection
            frame.labels.append(Label(milestone, Text(text, text_box, TextStyle.LABEL, ("text",),
                                                      "right" if box.flipped else "left"), leader, selected))
            category = categories[int(items.category[box.index])]
            style = int(items.style[box.index])
            if style in (DrawStyle.BAR, DrawStyle.SPAN):
                lo, hi = self.frame.px(float(items.lo[box.index])), self.frame.px(float(items.hi[box.index]))
                half = 5 if style == DrawStyle.BAR else 2.5
                shown = Box(max(lo, frame.plot.left), g.marker_y - half, min(max(hi, lo + 2), frame.plot.right), g.marker_y + half)
                frame.bars.append(Bar(milestone, shown, category.id, "bar" if style == DrawStyle.BAR else "span",
                                      style == DrawStyle.BAR and hi - lo > MARKER_RADIUS * 2, lane_tint))
            frame.markers.append(Marker(milestone, box.anchor, g.marker_y, MARKER_RADIUS, category.marker, category.id,
                                        False, selected))
        for cluster in part.clusters:
            boxes.append(self._badge(k, cluster, g.marker_y, False, items))
        return boxes

    def _strip(self, k: int, layout: LaneLayout) -> list[Box]:
        frame, g, items, strip = self.frame, layout.geometry, layout.lane.undated, layout.strip
        categories, selection = self.session.dataset.categories, self.snap.selection
        boxes = []
        for lo, hi in strip.bands:
            frame.fills.append(Fill(Box(lo, g.undated_y - 9, hi, g.undated_y + 9), ("band",)))
        for box in strip.boxes:
            milestone = str(items.ids[box.index])
            text, width = self.titles.get(self.session, milestone, self.lang)
            text_box = Box(box.left, g.undated_y - g.row_height / 2 + 2, box.left + width, g.undated_y + g.row_height / 2 - 2)
            boxes.append(text_box)
            selected = milestone == selection
            frame.labels.append(Label(milestone, Text(text, text_box, TextStyle.LABEL, ("text",)), None, selected))
            category = categories[int(items.category[box.index])]
            frame.markers.append(Marker(milestone, box.marker, g.undated_y, MARKER_RADIUS, category.marker, category.id,
                                        True, selected))
        for cluster in strip.clusters:
            boxes.append(self._badge(k, cluster, g.undated_y, True, items))
        # The periods' ends (whiskers), clear of the titles and badges laid over them.
        for lo, hi, _, _ in layout.lane.undated.groups:
            for x in (frame.px(lo), frame.px(hi)):
                if frame.plot.left <= x <= frame.plot.right:
                    frame.lines += _cut(Line(x, g.undated_y - 9, x, g.undated_y + 9, ("muted",)), boxes)
        return boxes

    def _badge(self, k: int, cluster: Cluster, y: float, in_strip: bool, items) -> Box:
        width = badge_width(cluster.count)
        box = Box(cluster.center - width / 2, y - BADGE_HEIGHT / 2, cluster.center + width / 2, y + BADGE_HEIGHT / 2)
        self.frame.badges.append(Badge(box, cluster.count, k, in_strip, cluster.lo, cluster.hi, cluster.left,
                                       cluster.right, str(items.ids[cluster.first])))
        self.frame.texts.append(Text(badge_text(cluster.count), box, TextStyle.BADGE, ("text",), "center"))
        return box

    def _anniversaries(self, layout: LaneLayout, obstacles: list[Box]) -> None:
        """Each year since the branch's signing, a dashed mark down to the marker line, cut where it
        would cross a title; named every fifth year, or every year when years are wide."""
        founding = self.session.dataset.milestone_by_id.get(layout.lane.founding or "")
        g, frame = layout.geometry, self.frame
        if founding is None or not g.annotated:  # a compact lane has no room for them
            return
        start, plot = founding.date.earliest, frame.plot
        px_per_year = plot.width / (frame.x1 - frame.x0) * 365.25
        height = self.measure.height(TextStyle.SMALL)
        for n in range(1, 101):
            try:
                day = start.replace(year=start.year + n)
            except ValueError:  # 29 February, or past the calendar's end
                if start.year + n > dt.MAXYEAR:
                    break
                day = dt.date(start.year + n, 3, 1)
            x = frame.px(day_of(day))
            if x > plot.right:
                break
            if x < plot.left:
                continue
            frame.lines += _cut(Line(x, g.top + 2, x, g.marker_y, ("anniversary", founding.branch), 1, "dash"), obstacles)
            if n % 5 == 0 or px_per_year > 400:
                text = tr("timeline.anniversary", self.lang, nth=catalog(self.lang).ordinal(n))
                width = self.measure.width(text, TextStyle.SMALL)
                left = x + 3 if x + 3 + width <= plot.right else x - 3 - width  # stay inside
                frame.texts.append(Text(text, Box(left, g.top + 1, left + width, g.top + 1 + height), TextStyle.SMALL,
                                        ("branch_text", founding.branch)))

    # -- across the lanes ----------------------------------------------------------------------

    def _outside_years(self) -> None:
        """Shades what lies outside the years the filter chose."""
        frame, f, plot = self.frame, self.snap.filter, self.frame.plot
        if f.date_from:
            right = min(frame.px(f.date_from.toordinal()), plot.right)
            if right > plot.left:
                frame.fills.append(Fill(Box(plot.left, plot.top, right, plot.bottom), ("outside",)))
        if f.date_to:
            left = max(frame.px(f.date_to.toordinal() + 1), plot.left)
            if left < plot.right:
                frame.fills.append(Fill(Box(left, plot.top, plot.right, plot.bottom), ("outside",)))

    def _eras(self, top: float) -> None:
        frame, plot = self.frame, self.frame.plot
        texts = [label.text.box for label in frame.labels] + [b.box for b in frame.badges] + [t.box for t in frame.texts]
        for era in self.session.dataset.eras:
            lo, hi = era.date.earliest, era.date.latest
            left = max(frame.px(day_of(lo)) if lo else plot.left, plot.left)
            right = min(frame.px(day_of(hi) + 1) if hi else plot.right, plot.right)
            if right <= left:
                continue
            frame.fills.append(Fill(Box(left, 0, right, top), ("era", era.color or "")))
            for x, inside in ((left, lo is not None), (right, hi is not None)):
                if inside and plot.left < x < plot.right:  # the era's limits run down through the lanes
                    frame.lines += _cut(Line(x, top, x, plot.bottom, ("rule",), 1, "dot"), texts)
            room = right - left - 8
            name = self.measure.elide(era.name.get(self.lang), TextStyle.SMALL, room) if room > 0 else ""
            if name:
                frame.texts.append(Text(name, Box(left + 4, 1, left + 4 + room, top - 1), TextStyle.SMALL, ("muted",)))

    def _headers(self) -> None:
        """Branch names beside their lanes, and the caption of each "date not stated" strip."""
        frame, snap, lang, measure = self.frame, self.snap, self.lang, self.measure
        dataset = self.session.dataset
        for layout in frame.lanes:
            g, lane = layout.geometry, layout.lane
            if lane.id == MIDDLE:
                name, color = tr("timeline.alliance_band", lang), ("text",)
            else:
                name, color = dataset.branch_by_id[lane.id].name.get(lang), ("branch", lane.id)
            bottom = g.top + g.height
            frame.fills.append(Fill(Box(0, g.top + 6, 5, bottom - 6), color))
            if lane.id == snap.lane and snap.focus:  # where the keys act
                frame.fills.append(Fill(Box(6, g.top + 4, HEADER_WIDTH - 2, bottom - 4), ("current_row",)))
                frame.fills.append(Fill(Box(6, g.top + 6, 9, bottom - 6), ("focus",)))
            if g.annotated:  # the name above the strip's caption
                room = Box(14, g.top + 6, HEADER_WIDTH - 6, g.marker_y)
            else:  # a compact lane: the name alone, centred on it
                room = Box(14, g.top + 2, HEADER_WIDTH - 6, bottom - 2)
            frame.texts += _wrapped(measure, name, TextStyle.HEADER, room, ("text",))
            if len(lane.undated) and g.annotated:
                caption = measure.elide(tr("timeline.undated", lang), TextStyle.SMALL, room.width)
                frame.texts.append(Text(caption, Box(14, g.undated_y - 9, HEADER_WIDTH - 6, g.undated_y + 9),
                                        TextStyle.SMALL, ("muted",)))

    def _axis(self) -> None:
        """Ticks under the lanes (major ones longer, their labels bold) and the span in words."""
        frame, plot, lang, measure = self.frame, self.frame.plot, self.lang, self.measure
        y = plot.bottom
        frame.lines.append(Line(plot.left, y + 0.5, plot.right, y + 0.5, ("text",)))
        height = measure.height(TextStyle.TICK)
        for tick in ticks(frame.x0, frame.x1, plot.width, lang):
            x = frame.px(tick.x)
            if not plot.left <= x <= plot.right:
                continue
            style = TextStyle.MAJOR_TICK if tick.major else TextStyle.TICK
            frame.lines.append(Line(x, y, x, y + (7 if tick.major else 4), ("text",)))
            width = measure.width(tick.label, style)
            left = min(max(x - width / 2, plot.left), plot.right - width)
            frame.texts.append(Text(tick.label, Box(left, y + 8, left + width, y + 8 + height), style, ("text",)))
        caption = range_caption(frame.x0, frame.x1, lang)
        frame.texts.append(Text(caption, Box(plot.left, y + 24, plot.right, y + 42), TextStyle.CAPTION, ("text",), "center"))


def _cut(line: Line, boxes: list[Box], pad: float = 2.0) -> list[Line]:
    """A vertical ``line`` without the parts that would cross ``boxes`` (titles, badges)."""
    spans = sorted((b.top - pad, b.bottom + pad) for b in boxes if b.left - pad <= line.x1 <= b.right + pad)
    pieces, y = [], line.y1
    for top, bottom in spans:
        if top > y:
            pieces.append((y, min(top, line.y2)))
        y = max(y, bottom)
        if y >= line.y2:
            break
    if y < line.y2:
        pieces.append((y, line.y2))
    return [Line(line.x1, a, line.x2, b, line.color, line.width, line.dash) for a, b in pieces if b - a > 1]


def _wrapped(measure: TextMeasure, text: str, style: str, room: Box, color) -> list[Text]:
    """``text`` on as many lines as ``room`` holds, broken between words (or, in Chinese, between
    characters), vertically centred; elided on one line when it does not fit so."""
    height = measure.height(style)
    lines: list[str] = []
    if measure.width(text, style) <= room.width:
        lines = [text]
    else:
        tokens = text.split(" ") if " " in text else list(text)
        joiner = " " if " " in text else ""
        current = ""
        for token in tokens:
            trial = current + joiner + token if current else token
            if measure.width(trial, style) <= room.width or not current:
                current = trial
            else:
                lines.append(current)
                current = token
        lines.append(current)
        if len(lines) * height > room.height or any(measure.width(line, style) > room.width for line in lines):
            lines = [measure.elide(text, style, room.width)]
    top = room.top + (room.height - len(lines) * height) / 2
    return [Text(line, Box(room.left, top + i * height, room.right, top + (i + 1) * height), style, color)
            for i, line in enumerate(lines)]

"""What makes a timeline picture read right, checked on its frame (the geometry the painter draws
and hit tests answer from): no label over another label, another milestone's marker, a badge, a
leader, or an era, anniversary or period line; every milestone in view labelled or counted in a
badge; nothing outside the frame."""

from __future__ import annotations

from timeline_app.viewmodel.frame import TimelineFrame
from timeline_app.viewmodel.placement import visible_items
from timeline_app.viewmodel.session import Session
from timeline_app.viewmodel.shapes import Box, TextStyle


def _marker_box(m) -> Box:
    return Box(m.x - m.radius, m.y - m.radius, m.x + m.radius, m.y + m.radius)


def picture_problems(frame: TimelineFrame, session: Session) -> list[str]:
    problems = []
    labels = frame.labels
    for i, a in enumerate(labels):
        box = a.text.box
        if box.left < frame.plot.left - 0.5 or box.right > frame.plot.right + 0.5:
            problems.append(f"label {a.milestone} leaves the plot")
        for b in labels[i + 1:]:
            if box.intersects(b.text.box):
                problems.append(f"labels {a.milestone} and {b.milestone} overlap")
        for m in frame.markers:
            if m.milestone != a.milestone and box.intersects(_marker_box(m)):
                problems.append(f"label {a.milestone} covers the marker of {m.milestone}")
        for badge in frame.badges:
            if box.intersects(badge.box):
                problems.append(f"label {a.milestone} covers a badge")
        for b in labels:
            if b is not a and b.leader is not None and box.intersects(
                    Box(b.leader.x1 - 0.5, b.leader.y1, b.leader.x1 + 0.5, b.leader.y2)):
                problems.append(f"the leader of {b.milestone} runs through the label of {a.milestone}")
        for line in frame.lines:
            vertical = line.x1 == line.x2 and line.y2 > frame.plot.top and line.y1 < frame.plot.bottom
            if vertical and line.color != ("focus",) and box.intersects(Box(line.x1 - 0.5, line.y1, line.x1 + 0.5, line.y2)):
                problems.append(f"a {line.color[0]} line runs through the label of {a.milestone}")
    for badge in frame.badges:
        for m in frame.markers:
            if badge.box.intersects(_marker_box(m)):
                problems.append(f"a badge covers the marker of {m.milestone}")
    problems += [f"{m} is in view but neither labelled nor in a badge" for m in unaccounted(frame, session)]
    shaded = [fill.box for fill in frame.fills if fill.color == ("outside",)]
    undated = [(m.milestone, _marker_box(m)) for m in frame.markers if m.hollow]
    undated += [("a strip badge", b.box) for b in frame.badges if b.in_strip]
    problems += [f"{name} is laid out in the years the filter leaves out"
                 for name, box in undated for fill in shaded if box.intersects(fill)]
    return problems


def unaccounted(frame: TimelineFrame, session: Session) -> set[str]:
    """Milestones in view (worked out here, not taken from the frame) with no label and no badge."""
    shown = {label.milestone for label in frame.labels}
    for badge in frame.badges:
        shown.update(frame.badge_members(badge))
    in_view = set()
    for layout in frame.lanes:
        indices, _ = visible_items(layout.lane.dated, frame.x0, frame.x1)
        in_view.update(str(layout.lane.dated.ids[i]) for i in indices.tolist())
        for lo, hi, start, stop in layout.lane.undated.groups:
            left, right = frame.px(lo), frame.px(hi)
            if min(right, frame.plot.right) - max(left, frame.plot.left) >= 24:  # a period wide enough to hold one
                in_view.update(str(i) for i in layout.lane.undated.ids[start:stop])
    return in_view - shown


def assert_picture_reads_right(frame: TimelineFrame, session: Session) -> None:
    problems = picture_problems(frame, session)
    assert not problems, "\n".join(problems[:20])


def axis_caption(view) -> str:
    return next(t.text for t in view.frame.texts if t.style == TextStyle.CAPTION)


def axis_ticks(view, major: bool | None = None) -> list[str]:
    styles = {True: {TextStyle.MAJOR_TICK}, False: {TextStyle.TICK}, None: {TextStyle.TICK, TextStyle.MAJOR_TICK}}[major]
    return [t.text for t in view.frame.texts if t.style in styles]

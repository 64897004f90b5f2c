"""Label placement and badges, dated (at their dates) and undated (in the strip, by order only)."""

import numpy as np

from timeline_app.viewmodel.geometry import ROW_HEIGHT, lane_geometry, lanes_height
from timeline_app.viewmodel.lanes import LaneItems, StripItems
from timeline_app.viewmodel.index import DrawStyle
from timeline_app.viewmodel.placement import (LABEL_GAP, MARKER_CLEAR, MARKER_SPACING, MAX_CANDIDATES, badge_width, place_lane,
                                             place_strip, visible_items)

import pytest


def items(xs, ranks=None):
    n = len(xs)
    xs = np.asarray(xs, dtype=float)
    return LaneItems(np.arange(n), np.array([f"m{i}" for i in range(n)], dtype=object), xs, xs + 1,
                     np.asarray(ranks if ranks is not None else range(n)), np.zeros(n, dtype=np.int32),
                     x=xs, style=np.zeros(n, dtype=np.int8))


def strip(periods, ranks=None):
    n = len(periods)
    lo = np.array([p[0] for p in periods], dtype=float)
    hi = np.array([p[1] for p in periods], dtype=float)
    return StripItems(np.arange(n), np.array([f"u{i}" for i in range(n)], dtype=object), lo, hi,
                      np.asarray(ranks if ranks is not None else range(n)), np.zeros(n, dtype=np.int32))


def fixed(width):
    return lambda indices: np.full(len(indices), float(width))


def test_labels_by_priority_in_rows_without_overlap():
    lane = items([0, 2, 4, 4.5, 50], ranks=[4, 0, 1, 2, 3])
    frame = place_lane(lane, 0, 100, 0, 1000, rows=2, label_width=fixed(100))
    placed = {b.index: b.row for b in frame.labels}
    # 1 takes the top row, leaving the row under it to the markers it stands over: 2 goes there;
    # 3's marker would overlap 2's, 0 finds no row; 4 stands apart, on top.
    assert placed == {1: 1, 2: 0, 4: 1}
    assert sum(c.count for c in frame.clusters) == 2


def test_a_leader_never_runs_through_a_label_below():
    lane = items([10, 10.5], ranks=[0, 1])  # 1's marker lies under 0's label: its leader could not pass
    frame = place_lane(lane, 0, 100, 0, 1000, rows=3, label_width=fixed(100))
    assert [b.index for b in frame.labels] == [0] and frame.clusters[0].count == 1
    rng = np.random.default_rng(2)
    lane = items(np.sort(rng.uniform(0, 100, 300)), ranks=rng.permutation(300))
    frame = place_lane(lane, 0, 100, 0, 1600, rows=4, label_width=lambda i: rng.uniform(30, 200, len(i)))
    for high in frame.labels:
        for low in frame.labels:
            if low.row < high.row:  # ``high``'s leader passes ``low``'s row
                assert not low.left - LABEL_GAP / 2 < high.anchor < low.right + LABEL_GAP / 2


def test_labels_keep_a_gap_between_them():
    """Two labels that would touch ("创伤中心" + "扩建…" reading as one) never do."""
    rng = np.random.default_rng(1)
    lane = items(np.sort(rng.uniform(0, 100, 400)), ranks=rng.permutation(400))
    frame = place_lane(lane, 0, 100, 0, 1600, rows=4, label_width=lambda i: rng.uniform(30, 200, len(i)))
    for row in range(4):
        boxes = sorted((b.left, b.right) for b in frame.labels if b.row == row)
        assert all(b[0] - a[1] >= LABEL_GAP for a, b in zip(boxes, boxes[1:]))


def test_pinned_label_wins_room():
    lane = items([0, 1, 2], ranks=[0, 1, 2])
    frame = place_lane(lane, 0, 100, 0, 1000, rows=1, label_width=fixed(100))
    assert [b.index for b in frame.labels] == [0]
    frame = place_lane(lane, 0, 100, 0, 1000, rows=1, label_width=fixed(100), pinned=2)
    assert [b.index for b in frame.labels][0] == 2


def test_labels_flip_left_at_the_right_edge_and_stay_inside():
    lane = items([99])
    frame = place_lane(lane, 0, 100, 0, 1000, rows=1, label_width=fixed(100))
    box = frame.labels[0]
    assert box.flipped and box.right <= 1000 and box.left >= 0


def test_labels_and_badges_account_for_every_visible_item():
    rng = np.random.default_rng(0)
    lane = items(np.sort(rng.uniform(0, 1000, 100_000)), ranks=rng.permutation(100_000))
    frame = place_lane(lane, 200, 700, 0, 1200, rows=3, label_width=fixed(90))
    assert len(frame.labels) + sum(c.count for c in frame.clusters) == len(frame.visible)
    for a, b in zip(frame.clusters, frame.clusters[1:]):  # badges never overlap
        assert b.center - a.center >= (badge_width(a.count) + badge_width(b.count)) / 2
    assert len(frame.labels) <= MAX_CANDIDATES


def test_a_badge_never_covers_a_labelled_marker():
    lane = items([50, 50.2, 80], ranks=[0, 1, 2])  # two on (almost) the same day, one label row
    frame = place_lane(lane, 0, 100, 0, 1000, rows=1, label_width=fixed(100))
    assert [b.index for b in frame.labels] == [0, 2]
    [badge] = frame.clusters
    assert (badge.count, badge.first) == (1, 1)
    assert abs(badge.center - 500) >= badge_width(1) / 2 + MARKER_CLEAR


def test_a_month_is_in_view_wherever_any_of_it_is():
    """Zoomed in on 3 September, a milestone known to September is there, spanning the view."""
    lo = np.array([100.0])
    lane = LaneItems(np.arange(1), np.array(["sep"], dtype=object), lo, lo + 30, np.zeros(1, dtype=np.int64),
                     np.zeros(1, dtype=np.int32), x=lo + 15, style=np.array([DrawStyle.BAR], dtype=np.int8))
    indices, days = visible_items(lane, 102, 103)
    assert indices.tolist() == [0] and 102 <= days[0] <= 103
    frame = place_lane(lane, 102, 103, 0, 1000, rows=1, label_width=fixed(100))
    assert [b.index for b in frame.labels] == [0]
    assert visible_items(lane, 131, 140)[0].size == 0  # October: not there


def test_strip_lays_undated_items_out_by_order_not_by_date():
    period = (0.0, 3650.0)
    undated = strip([period] * 6)
    wide = place_strip(undated, 0, 3650, 0, 1000, fixed(100))
    zoomed = place_strip(undated, 1800, 1900, 0, 1000, fixed(100))
    assert [b.index for b in wide.boxes] == [b.index for b in zoomed.boxes]
    # Zoomed into the middle of the period, the run starts at the screen's left edge again:
    # where an item stands follows the screen, never a day of the period.
    assert [round(b.marker) for b in wide.boxes] == [round(b.marker) for b in zoomed.boxes]
    for a, b in zip(wide.boxes, wide.boxes[1:]):
        assert b.marker - (a.right) >= LABEL_GAP


def test_strip_runs_start_at_the_period_and_end_in_a_badge():
    undated = strip([(100.0, 200.0)] * 30, ranks=list(range(29, -1, -1)))
    frame = place_strip(undated, 0, 400, 0, 1000, fixed(60), pinned=3)
    assert frame.boxes[-1].index == 3  # the selection, behind the badge in order, takes the last place shown
    assert frame.boxes[0].marker >= 250  # the period starts a quarter of the way in
    assert all(b.right <= 500 for b in frame.boxes)  # and ends half way
    [badge] = frame.clusters
    assert badge.count == 30 - len(frame.boxes) and badge.center + badge_width(badge.count) / 2 <= 500
    assert place_strip(undated, 300, 400, 0, 1000, fixed(60)).boxes == []  # the period is out of view
    bare = place_strip(undated, 0, 400, 0, 1000, None)  # no room for titles: the run is its badge
    assert bare.boxes == [] and [c.count for c in bare.clusters] == [30]


def test_lane_geometry_fills_the_height():
    lanes = lane_geometry(600, [1, 0.7, 1], [True, False, True], top=18)
    assert lanes[0].top == 18 and lanes[-1].top + lanes[-1].height == pytest.approx(600)
    assert lanes[1].height < lanes[0].height
    assert all(g.top < g.marker_y < g.undated_y < g.top + g.height for g in (lanes[0], lanes[2]))
    assert lanes[1].marker_y < lanes[1].top + lanes[1].height < lanes[1].undated_y  # no strip of its own
    tight = lane_geometry(200, [1, 0.5, 1], [True, False, True])
    assert all(g.rows == 1 and g.marker_y < g.top + g.height for g in tight)  # every lane keeps a row
    assert tight[-1].top + tight[-1].height == pytest.approx(200)  # and none is cut off


def test_lanes_short_of_room_give_up_annotations_then_labels_never_legibility():
    strips, marks = [True] * 9, [True] * 9
    full = lanes_height(strips, marks)
    assert all(g.annotated and g.rows == 1 for g in lane_geometry(full, [1] * 9, strips, marks=marks))
    compact = lane_geometry(full * 0.8, [1] * 9, strips, marks=marks)
    assert all(not g.annotated and g.rows == 1 and g.row_height == ROW_HEIGHT for g in compact)
    bare = lane_geometry(full * 0.5, [1] * 9, strips, marks=marks)
    assert all(g.rows == 0 and g.row_height == ROW_HEIGHT for g in bare)  # markers and badges only
    for lanes in (compact, bare):
        assert lanes[-1].top + lanes[-1].height == pytest.approx(full * (0.8 if lanes is compact else 0.5))
        for g in lanes:  # what each lane draws stays inside it
            assert g.top < g.marker_y < g.undated_y - ROW_HEIGHT / 2 and g.undated_y + ROW_HEIGHT / 2 <= g.top + g.height
            assert g.rows == 0 or g.label_y(0) >= g.top
    markers = lane_geometry(full * 0.41, [1] * 9, strips, marks=marks)
    assert all(g.rows == 0 and not g.strip_labels and g.row_height == ROW_HEIGHT for g in markers)
    tiny = lane_geometry(100, [1] * 9, strips, marks=marks)  # shrunk alike, with no text to squeeze
    assert all(g.rows == 0 and not g.strip_labels for g in tiny) and tiny[-1].top + tiny[-1].height == pytest.approx(100)


def test_labelled_markers_never_overlap():
    rng = np.random.default_rng(3)
    lane = items(np.sort(rng.uniform(0, 100, 500)), ranks=rng.permutation(500))
    frame = place_lane(lane, 0, 100, 0, 1600, rows=4, label_width=lambda i: rng.uniform(30, 120, len(i)))
    anchors = sorted(b.anchor for b in frame.labels)
    assert len(anchors) > 10 and all(b - a >= MARKER_SPACING for a, b in zip(anchors, anchors[1:]))


def test_stepping_through_a_strip_keeps_the_order_of_what_is_shown():
    undated = strip([(100.0, 200.0)] * 30)
    shown = [b.index for b in place_strip(undated, 0, 400, 0, 1000, fixed(60)).boxes]
    assert len(shown) >= 2
    for pinned in shown:  # the selection walks the items shown: nothing moves
        assert [b.index for b in place_strip(undated, 0, 400, 0, 1000, fixed(60), pinned=pinned).boxes] == shown
    beyond = place_strip(undated, 0, 400, 0, 1000, fixed(60), pinned=len(shown) + 2).boxes
    assert [b.index for b in beyond] == shown[:-1] + [len(shown) + 2]  # one behind the badge takes the last place

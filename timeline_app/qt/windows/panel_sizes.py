"""How the archivist's window shares its height out on a first start (no saved sizes yet)."""

from __future__ import annotations

__all__ = ["DETAIL_MIN", "INDICATORS_MIN", "LEFT_SHARES", "LIST_MIN", "TIMELINE_MIN", "first_sizes"]

LEFT_SHARES = (6, 2, 2)  # timeline, indicators, list: how extra height goes when the window grows
TIMELINE_MIN, LIST_MIN = 230, 80  # px: three lanes with a label row each; the header and two rows
INDICATORS_MIN = 110  # px: the panel's header and a few rows
DETAIL_MIN = 300  # px: the detail pane's width


def first_sizes(total: int, six_measures: int, all_measures: int, timeline_wanted: int = TIMELINE_MIN) -> list[int]:
    """Heights of the timeline, the indicators and the list in a column ``total`` px high.

    The indicators get room for six measures (``six_measures`` px; or all they have), the list a
    few rows, the timeline the rest but never much more than half: in a tall window the extra
    goes to the indicators (up to ``all_measures`` px) and the list rather than a towering timeline.
    A timeline of many lanes gets the height they want (``timeline_wanted``), up to three fifths.
    """
    least = max(TIMELINE_MIN, min(timeline_wanted, int(total * 0.6)))
    indicators = min(six_measures, max(total - least - LIST_MIN, 0))
    listing = max(LIST_MIN, int(total * 0.22))
    timeline = total - indicators - listing
    if timeline < least:
        listing = max(LIST_MIN, listing - (least - timeline))
        timeline = total - indicators - listing
    extra = timeline - max(int(total * 0.55), least)
    if extra > 0:
        more = max(min(extra // 2, all_measures - indicators), 0)
        indicators += more
        listing += extra - more
        timeline = total - indicators - listing
    return [timeline, indicators, listing]

"""What a screen reader says of a milestone on the timeline: its title as the name, and the date
in words, branch, category and place among the matches as the description."""

from __future__ import annotations

import numpy as np

from ..i18n import tr
from ..i18n.dates import date_in_words
from .lanes import MIDDLE
from .session import Session

__all__ = ["badge_words", "lane_name", "milestone_words", "place_among_matches", "strip_words"]


def place_among_matches(session: Session, milestone_id: str) -> tuple[int, int] | None:
    """(n, m): the milestone is the n-th of the m matches, in time order; None if it does not match."""
    rows = session.match_rows
    row = session.index.row_of.get(milestone_id)
    k = int(np.searchsorted(rows, row)) if row is not None else rows.size
    return (k + 1, int(rows.size)) if k < rows.size and rows[k] == row else None


def milestone_words(session: Session, milestone_id: str) -> tuple[str, str]:
    """(name, description) of a milestone, in the interface's language."""
    lang, ds = session.state.language, session.dataset
    m = ds.milestone_by_id[milestone_id]
    n, total = place_among_matches(session, milestone_id) or (0, session.match_count)
    description = tr("a11y.milestone", lang, date=date_in_words(m.date, lang),
                     branch=ds.branch_by_id[m.branch].name.get(lang),
                     category=ds.category_by_id[m.category].name.get(lang), n=n, m=total)
    return m.title.get(lang), description


def lane_name(session: Session, lane_id: str) -> str:
    lang = session.state.language
    return tr("timeline.alliance_band", lang) if lane_id == MIDDLE else session.dataset.branch_by_id[lane_id].name.get(lang)


def badge_words(session: Session, lane_id: str, count: int) -> tuple[str, str]:
    """(name, description) of a "+N" badge: how many it stands for, in which lane."""
    return tr("a11y.badge", session.state.language, n=count), lane_name(session, lane_id)


def strip_words(session: Session, lane_id: str) -> str:
    """The name of a lane's "date not stated" strip."""
    return tr("a11y.strip", session.state.language, name=lane_name(session, lane_id))

"""What visitors did, counted locally and anonymously (opt-in: ``visitor_counts: on``).

One record per visit, written when the kiosk resets after it: the day, how long it lasted
(whole seconds), how many touches, how many cards were opened, which languages were chosen; and
one record per attract tour that started. Nothing else: no times of day, no positions, nothing a
visitor typed, nothing that tells one visitor from another. A visit begins with the first input
after a reset and lasts until its last input. ``daily`` sums the records by day for
``timeline-app kiosk-report``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable

from .kiosk import Kiosk

__all__ = ["COLUMNS", "VisitorCounts", "daily"]

SAME_TOUCH = 0.05  # s: touches closer than this are one
COLUMNS = ("day", "visits", "seconds", "touches", "cards", "tours", "zh", "en")


class VisitorCounts:
    def __init__(self, kiosk: Kiosk, write: Callable[[str], None], today: Callable[[], dt.date] = dt.date.today):
        """``write`` takes one JSON line; ``today`` the day it is (tests pass their own)."""
        self.kiosk = kiosk
        self.write = write
        self.today = today
        self._visit: dict | None = None
        self._started = self._last = 0.0
        state = kiosk.navigator.session.state
        state.events.selection.connect(self._on_selection)
        state.events.language.connect(self._on_language)
        kiosk.touring.connect(self._on_touring)
        kiosk.was_reset.connect(self.end_visit)

    def touched(self) -> None:
        """A finger or the mouse came down (a visitor, not the tour)."""
        now = self.kiosk.clock.now()
        if self._visit is not None and now - self._last < SAME_TOUCH:
            return  # the same touch, seen again on its way to a widget (or as the mouse press made of it)
        if self._visit is None:
            self._visit = {"touches": 0, "cards": 0, "languages": []}
            self._started = now
        self._visit["touches"] += 1
        self._last = now

    def end_visit(self) -> None:
        """The kiosk went home: the visit, if there was one, is written."""
        if self._visit is None:
            return
        visit, self._visit = self._visit, None
        self.write(json.dumps({"kind": "visit", "day": self.today().isoformat(),
                               "seconds": round(self._last - self._started), **visit}))

    def _on_selection(self, milestone_id) -> None:
        if self._visit is not None and milestone_id is not None and not self.kiosk.tour.running:
            self._visit["cards"] += 1

    def _on_language(self, lang: str) -> None:
        reset = self.kiosk.idle >= self.kiosk.config.reset_after  # the reset's own return to its language
        if self._visit is not None and not reset and lang not in self._visit["languages"]:
            self._visit["languages"].append(lang)

    def _on_touring(self, touring: bool) -> None:
        if touring:
            self.write(json.dumps({"kind": "tour", "day": self.today().isoformat()}))


def daily(lines: Iterable[str], since: dt.date | None = None) -> list[dict]:
    """The records summed by day (from ``since`` on), oldest first; lines that are not records are skipped."""
    days: dict[str, dict] = {}
    for line in lines:
        try:
            record = json.loads(line)
            day = dt.date.fromisoformat(record["day"])
        except (ValueError, KeyError, TypeError):
            continue
        if since is not None and day < since:
            continue
        row = days.setdefault(day.isoformat(), dict.fromkeys(COLUMNS, 0) | {"day": day.isoformat()})
        if record.get("kind") == "tour":
            row["tours"] += 1
        elif record.get("kind") == "visit":
            row["visits"] += 1
            for key in ("seconds", "touches", "cards"):
                row[key] += int(record.get(key, 0))
            for lang in record.get("languages", ()):
                if lang in row:
                    row[lang] += 1
    return [days[day] for day in sorted(days)]

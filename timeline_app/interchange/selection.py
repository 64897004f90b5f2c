"""What an export holds: everything, or "what I see" (the window's filter and visible period).

The command line builds the same :class:`~timeline_app.viewmodel.state.Filter` the filter bar
does (``--query``, ``--branches``, ``--categories``, ``--range``, ``--no-undated``), so the
window's export and the command line's agree on what a filter lets through.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..dataset.records import Dataset, Indicator, Milestone
from ..i18n import tr
from ..i18n.wording import describe_filter, join_clauses
from ..viewmodel.filtering import Matcher
from ..viewmodel.index import MilestoneIndex
from ..viewmodel.state import Filter
from ..viewmodel.timescale import date_of

__all__ = ["Selection"]


@dataclass(frozen=True)
class Selection:
    """A dataset and the filter its export goes through (the default filter: everything)."""

    dataset: Dataset
    filter: Filter = Filter()

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        """The milestones the filter lets through, in date order (as ``dataset.chronological``)."""
        if not self.filter.is_active:
            return self.dataset.chronological
        index = MilestoneIndex(self.dataset)
        keep = Matcher(index).mask(self.filter)
        return tuple(m for m, k in zip(index.milestones, keep.tolist()) if k)

    @property
    def indicators(self) -> tuple[tuple[Indicator, tuple[int, ...]], ...]:
        """Each indicator of a shown branch with the positions of its points in the date range
        (the query and the categories are for milestones: figures have neither)."""
        f, out = self.filter, []
        for indicator in self.dataset.indicators:
            if indicator.branch in f.hidden_branches:
                continue
            points = tuple(k for k, p in enumerate(indicator.points) if _overlaps(p.date, f))
            if points:
                out.append((indicator, points))
        return tuple(out)

    @classmethod
    def seen(cls, dataset: Dataset, f: Filter, x_range: tuple[float, float]) -> Selection:
        """What the window shows: the filter, narrowed to the visible period where that hides
        more (a timeline zoomed in on 2016); undated milestones stay when their period overlaps
        it, as their strip shows them."""
        first, last = (date_of(x) for x in x_range)
        narrowed = replace(f, date_from=max(f.date_from or first, first), date_to=min(f.date_to or last, last))
        within = cls(dataset, narrowed)
        return within if len(within.milestones) < len(cls(dataset, f).milestones) else cls(dataset, f)

    def confirmation(self, file: str, fmt: str, lang: str, figures: bool = False) -> str:
        """What was written: the file, how many milestones of all (or ``figures``: how many
        indicator figures), and the filter if any."""
        if figures:
            count = tr("export.figures", lang, n=sum(len(points) for _, points in self.indicators))
        else:
            count = tr("export.tljs.count", lang, n=len(self.milestones), total=len(self.dataset.milestones))
        said = tr("export.written", lang, file=file, format=fmt, count=count)
        return join_clauses([said, self.describe(lang)], lang) if self.filter.is_active else said

    def describe(self, lang: str) -> str:
        """The filter in words (``Filtered: …``), empty for everything."""
        return describe_filter(self.filter, self.dataset, lang)


def _overlaps(date, f: Filter) -> bool:
    if f.date_from and date.latest and date.latest < f.date_from:
        return False
    return not (f.date_to and date.earliest and date.earliest > f.date_to)

"""The dataset's records: plain immutable values, built only by the loader."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from .edtf import EdtfDate

__all__ = [
    "FORMAT_VERSION", "MARKERS",
    "Branch", "BranchKind", "Category", "Citation", "Dataset", "Era", "Indicator", "IndicatorPoint",
    "Media", "Milestone", "Person", "Qualifier", "Source", "Text", "Tour",
]

FORMAT_VERSION = 1  # of the dataset format this version reads (docs/dataset-format.md)
MARKERS = ("o", "s", "d", "t", "star", "p", "h", "+", "x")  # the shapes a category may take


@dataclass(frozen=True, slots=True)
class Text:
    """A text in the dataset's two languages; any other interface language reads the English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class BranchKind(enum.Enum):
    BRANCH = "branch"  # a lane of its own
    PARENT = "parent"  # the parent hospital: middle band
    ALLIANCE = "alliance"  # the alliance as a whole: middle band


class Qualifier(enum.Enum):
    """What a source says of a figure's exactness (余 is MORE_THAN, 近 is NEARLY)."""

    EXACT = "exact"
    MORE_THAN = "more_than"
    NEARLY = "nearly"
    ABOUT = "about"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A cited article. ``outlet`` is None where the source names no publisher; ``author`` is the
    person (or persons) as named, without role or outlet; ``language`` is the one it is written
    in, ``zh`` or ``en`` (so a citation knows which of the title's two texts is the original)."""

    id: str
    title: Text
    outlet: Text | None
    date: EdtfDate
    author: Text | None = None
    editors: tuple[Text, ...] = ()
    photos: Text | None = None
    url: str | None = None
    seed: str | None = None
    paragraphs: int | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Branch:
    id: str
    kind: BranchKind
    name: Text
    color: str
    full_name: Text | None = None

    @property
    def has_lane(self) -> bool:
        return self.kind is BranchKind.BRANCH


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: Text
    marker: str
    color: str
    weight: int = 50


@dataclass(frozen=True, slots=True)
class Era:
    id: str
    name: Text
    date: EdtfDate
    color: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    name: Text
    role: Text


@dataclass(frozen=True, slots=True)
class Media:
    path: str
    caption: Text
    credit: Text | None = None


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    branch: str
    category: str
    date: EdtfDate
    title: Text
    summary: Text
    sources: tuple[Citation, ...]
    people: tuple[Person, ...] = ()
    places: tuple[Text, ...] = ()
    tags: tuple[Text, ...] = ()
    media: tuple[Media, ...] = ()
    line: int = 0  # where it stands in its file, for messages and "edit here"


@dataclass(frozen=True, slots=True)
class IndicatorPoint:
    """A figure at its date. Over a period (``2013/2023``) it is a count over the whole period,
    unless ``each_year``: then it holds in each year of it (a yearly rate met every year)."""

    date: EdtfDate
    value: Decimal
    qualifier: Qualifier = Qualifier.EXACT
    each_year: bool = False


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    branch: str
    measure: str
    label: Text
    unit: str
    points: tuple[IndicatorPoint, ...]
    sources: tuple[Citation, ...]
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class Tour:
    """A curated path through the milestones, for an exhibit's attract tour: ids in showing order."""

    id: str
    milestones: tuple[str, ...]
    title: Text | None = None


@dataclass(frozen=True)
class Dataset:
    """A whole validated dataset; references between records are known to resolve."""

    title: Text
    sources: tuple[Source, ...]
    branches: tuple[Branch, ...]
    categories: tuple[Category, ...]
    eras: tuple[Era, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    path: Path | None = field(default=None, compare=False)
    tours: tuple[Tour, ...] = ()

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def branch_by_id(self) -> dict[str, Branch]:
        return {b.id: b for b in self.branches}

    @cached_property
    def category_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    @cached_property
    def milestone_by_id(self) -> dict[str, Milestone]:
        return {m.id: m for m in self.milestones}

    @cached_property
    def tour_by_id(self) -> dict[str, Tour]:
        return {t.id: t for t in self.tours}

    @cached_property
    def chronological(self) -> tuple[Milestone, ...]:
        """Milestones by date, then by id so the order is stable."""
        return tuple(sorted(self.milestones, key=lambda m: (m.date.sort_key, m.id)))


def _positional(self):
    """Pickles a record as its class and field values: unpickling calls the constructor, which is
    several times faster than restoring slots one by one (it matters for the cache of 100,000)."""
    return type(self), tuple(getattr(self, name) for name in self.__slots__)


for _cls in (Text, Citation, Person, Media, Milestone, IndicatorPoint):
    _cls.__reduce__ = _positional
del _cls

"""Loads and validates a dataset file, collecting every problem in one pass.

The format is documented in ``docs/dataset-format.md``; the record types in :mod:`.dataset`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from .records import (
    Branch, BranchKind, Category, Citation, Dataset, Era, Indicator, IndicatorPoint, Media,
    Milestone, Person, Qualifier, Source, Text, Tour,
)
from .edtf import EdtfDate, EdtfError, Kind, parse_edtf
from .problems import DatasetError, Problem
from .units import UNITS
from .yamltree import Mapping, Node, Scalar, Sequence, read_yaml

__all__ = ["FORMAT_VERSION", "MARKERS", "load_dataset"]

FORMAT_VERSION = 1
MARKERS = ("o", "s", "d", "t", "star", "p", "h", "+", "x")

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOR_RE = re.compile(r"#[0-9a-fA-F]{6}")
_NUMBER_RE = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")

T = TypeVar("T")


def load_dataset(path: str | Path, display_name: str | None = None) -> Dataset:
    """Reads and validates ``path``; raises :class:`DatasetError` with every problem found."""
    path = Path(path)
    name = display_name or str(path)
    root, yaml_problems = read_yaml(path, name)
    reader = _Reader(name)
    reader.problems.extend(yaml_problems)
    dataset = reader.dataset(root, path)
    if reader.problems or dataset is None:
        raise DatasetError(reader.problems)
    return dataset


class _Reader:
    """Checks nodes against the format, turning them into records or recording problems."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self._ids: dict[str, int] = {}
        self._sources: dict[str, Source] = {}
        self._branches: set[str] = set()
        self._categories: set[str] = set()
        self._milestones: set[str] = set()
        self._tour_stops: set[str] = set()  # of the tour being read

    # -- reporting -------------------------------------------------------------------------

    def fail(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.name, node.line, node.column, message))

    # -- the document ----------------------------------------------------------------------

    def dataset(self, root: Node, path: Path) -> Dataset | None:
        fields = self.fields(root, "the dataset", {
            "format": True, "title": True, "sources": True, "branches": True, "categories": True,
            "eras": False, "milestones": False, "indicators": False, "tours": False,
        })
        if fields is None:
            return None
        if "format" in fields:
            version = self.integer(fields["format"], 1, 1_000_000)
            if version is not None and version != FORMAT_VERSION:
                self.fail(fields["format"], f"format {version} is not supported (this version reads format {FORMAT_VERSION})")
        title = self.text(fields.get("title"), "title")
        sources = self.records(fields.get("sources"), "source", self.source, min_items=1)
        self._sources = {s.id: s for s in sources}
        branches = self.records(fields.get("branches"), "branch", self.branch, min_items=1)
        self._branches = {b.id for b in branches}
        categories = self.records(fields.get("categories"), "category", self.category, min_items=1)
        self._categories = {c.id for c in categories}
        eras = self.records(fields.get("eras"), "era", self.era)
        milestones = self.records(fields.get("milestones"), "milestone", self.milestone)
        indicators = self.records(fields.get("indicators"), "indicator", self.indicator)
        self._milestones = {m.id for m in milestones}
        tours = self.records(fields.get("tours"), "tour", self.tour)
        if title is None:
            return None
        return Dataset(title, sources, branches, categories, eras, milestones, indicators, path, tours=tours)

    def records(self, node: Node | None, what: str, read: Callable[[Node], T | None], min_items: int = 0) -> tuple[T, ...]:
        if node is None:
            return ()
        items = self.sequence(node, f"the {what} list", min_items)
        return tuple(r for r in (read(item) for item in items) if r is not None)

    # -- records ---------------------------------------------------------------------------

    def source(self, node: Node) -> Source | None:
        f = self.fields(node, "source", {
            "id": True, "title": True, "outlet": True, "date": True, "author": False, "editors": False,
            "photos": False, "url": False, "seed": False, "paragraphs": False,
        })
        if f is None:
            return None
        values = dict(
            id=self.new_id(f.get("id")),
            title=self.text(f.get("title"), "title"),
            outlet=self.text(f.get("outlet"), "outlet"),
            date=self.date(f.get("date")),
        )
        optional = dict(
            author=self.text(f.get("author"), "author"),
            editors=self.list_of(f.get("editors"), "editors", lambda n: self.text(n, "editor")),
            photos=self.text(f.get("photos"), "photos"),
            url=self.string(f.get("url"), "url"),
            seed=self.string(f.get("seed"), "seed"),
            paragraphs=self.integer(f.get("paragraphs"), 1, 100_000),
        )
        return self.build(Source, values, optional)

    def branch(self, node: Node) -> Branch | None:
        f = self.fields(node, "branch", {"id": True, "kind": True, "name": True, "color": True, "full_name": False})
        if f is None:
            return None
        values = dict(
            id=self.new_id(f.get("id")),
            kind=self.choice(f.get("kind"), "kind", {k.value: k for k in BranchKind}),
            name=self.text(f.get("name"), "name"),
            color=self.color(f.get("color")),
        )
        return self.build(Branch, values, dict(full_name=self.text(f.get("full_name"), "full_name")))

    def category(self, node: Node) -> Category | None:
        f = self.fields(node, "category", {"id": True, "name": True, "marker": True, "color": True, "weight": False})
        if f is None:
            return None
        values = dict(
            id=self.new_id(f.get("id")),
            name=self.text(f.get("name"), "name"),
            marker=self.choice(f.get("marker"), "marker", {m: m for m in MARKERS}),
            color=self.color(f.get("color")),
        )
        return self.build(Category, values, dict(weight=self.integer(f.get("weight"), 1, 100)))

    def era(self, node: Node) -> Era | None:
        f = self.fields(node, "era", {"id": True, "name": True, "date": True, "color": False})
        if f is None:
            return None
        date = self.date(f.get("date"))
        if date is not None and date.kind is not Kind.INTERVAL:
            self.fail(f["date"], f"an era's date must be an interval (e.g. 2013/2018), not '{date.text}'")
            date = None
        values = dict(id=self.new_id(f.get("id")), name=self.text(f.get("name"), "name"), date=date)
        return self.build(Era, values, dict(color=self.color(f.get("color"))))

    def milestone(self, node: Node) -> Milestone | None:
        f = self.fields(node, "milestone", {
            "id": True, "branch": True, "category": True, "date": True, "title": True, "summary": True,
            "sources": True, "people": False, "places": False, "tags": False, "media": False,
        })
        if f is None:
            return None
        values = dict(
            id=self.new_id(f.get("id")),
            branch=self.ref(f.get("branch"), "branch", self._branches),
            category=self.ref(f.get("category"), "category", self._categories),
            date=self.date(f.get("date")),
            title=self.text(f.get("title"), "title"),
            summary=self.text(f.get("summary"), "summary"),
            sources=self.citations(f.get("sources")),
        )
        optional = dict(
            people=self.list_of(f.get("people"), "people", self.person),
            places=self.list_of(f.get("places"), "places", lambda n: self.text(n, "place")),
            tags=self.list_of(f.get("tags"), "tags", lambda n: self.text(n, "tag")),
            media=self.list_of(f.get("media"), "media", self.media),
            line=node.line,
        )
        return self.build(Milestone, values, optional)

    def indicator(self, node: Node) -> Indicator | None:
        f = self.fields(node, "indicator", {
            "id": True, "branch": True, "measure": True, "label": True, "unit": True, "points": True,
            "sources": True, "note": False,
        })
        if f is None:
            return None
        values = dict(
            id=self.new_id(f.get("id")),
            branch=self.ref(f.get("branch"), "branch", self._branches),
            measure=self.ident(f.get("measure"), "measure"),
            label=self.text(f.get("label"), "label"),
            unit=self.choice(f.get("unit"), "unit", {u: u for u in UNITS}),
            points=self.list_of(f.get("points"), "points", self.point, min_items=1),
            sources=self.citations(f.get("sources")),
        )
        return self.build(Indicator, values, dict(note=self.text(f.get("note"), "note")))

    def tour(self, node: Node) -> Tour | None:
        """An exhibit's curated tour: milestone ids in showing order, each known and named once."""
        f = self.fields(node, "tour", {"id": True, "title": False, "milestones": True})
        if f is None:
            return None
        self._tour_stops.clear()
        stops = self.list_of(f.get("milestones"), "milestones", self.tour_stop, min_items=1)
        values = dict(id=self.new_id(f.get("id")), milestones=stops)
        return self.build(Tour, values, dict(title=self.text(f.get("title"), "title")))

    def tour_stop(self, node: Node) -> str | None:
        stop = self.ref(node, "milestone", self._milestones)
        if stop in self._tour_stops:
            self.fail(node, f"milestone '{stop}' is already on this tour")
            return None
        if stop is not None:
            self._tour_stops.add(stop)
        return stop

    def point(self, node: Node) -> IndicatorPoint | None:
        f = self.fields(node, "point", {"date": True, "value": True, "qualifier": False})
        if f is None:
            return None
        values = dict(date=self.date(f.get("date")), value=self.number(f.get("value")))
        qualifier = self.choice(f.get("qualifier"), "qualifier", {q.value: q for q in Qualifier})
        return self.build(IndicatorPoint, values, dict(qualifier=qualifier))

    def person(self, node: Node) -> Person | None:
        f = self.fields(node, "person", {"name": True, "role": True})
        if f is None:
            return None
        return self.build(Person, dict(name=self.text(f.get("name"), "name"), role=self.text(f.get("role"), "role")), {})

    def media(self, node: Node) -> Media | None:
        f = self.fields(node, "media item", {"path": True, "caption": True, "credit": False})
        if f is None:
            return None
        values = dict(path=self.string(f.get("path"), "path"), caption=self.text(f.get("caption"), "caption"))
        return self.build(Media, values, dict(credit=self.text(f.get("credit"), "credit")))

    def citations(self, node: Node | None) -> tuple[Citation, ...] | None:
        return self.list_of(node, "sources", self.citation, min_items=1)

    def citation(self, node: Node) -> Citation | None:
        if isinstance(node, Scalar):
            source = self.ref(node, "source", self._sources)
            return Citation(source) if source else None
        f = self.fields(node, "citation", {"source": True, "paragraph": False})
        if f is None:
            return None
        source = self.ref(f.get("source"), "source", self._sources)
        paragraph = self.integer(f.get("paragraph"), 1, 100_000)
        if source and paragraph:
            known = self._sources[source].paragraphs
            if known is not None and paragraph > known:
                self.fail(f["paragraph"], f"source '{source}' has {known} paragraphs, not {paragraph}")
                return None
        return self.build(Citation, dict(source=source), dict(paragraph=paragraph))

    @staticmethod
    def build(cls: type[T], required: dict, optional: dict) -> T | None:
        """Builds a record when every required value was read; absent optionals keep defaults."""
        if any(v is None for v in required.values()):
            return None
        return cls(**required, **{k: v for k, v in optional.items() if v is not None})

    # -- shapes ----------------------------------------------------------------------------

    def fields(self, node: Node | None, what: str, spec: dict[str, bool]) -> dict[str, Node] | None:
        """The mapping's values by key, after reporting unknown and missing keys."""
        if not isinstance(node, Mapping):
            self.fail(node, f"{what} must be a mapping of keys to values")
            return None
        for key, (key_node, _) in node.items.items():
            if key not in spec:
                close = difflib.get_close_matches(key, spec, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f"; allowed: {', '.join(spec)}"
                self.fail(key_node, f"unknown key '{key}' in {what}{hint}")
        label = what
        id_node = node.get("id")
        if isinstance(id_node, Scalar) and id_node.value:
            label = f"{what} '{id_node.value}'"
        result = {}
        for key, required in spec.items():
            value = node.get(key)
            if value is None or (isinstance(value, Scalar) and value.is_null):
                if required:
                    self.fail(node, f"{label}: missing required key '{key}'")
                continue
            result[key] = value
        return result

    def sequence(self, node: Node, what: str, min_items: int = 0) -> list[Node]:
        if not isinstance(node, Sequence):
            self.fail(node, f"{what} must be a list")
            return []
        if len(node.items) < min_items:
            self.fail(node, f"{what} needs at least {min_items} item{'s' if min_items > 1 else ''}")
        return node.items

    def list_of(self, node: Node | None, what: str, read: Callable[[Node], T | None], min_items: int = 0) -> tuple[T, ...] | None:
        if node is None:
            return None
        items = self.sequence(node, what, min_items)
        values = [read(item) for item in items]
        if any(v is None for v in values) or (min_items and not values):
            return None
        return tuple(values)

    def scalar(self, node: Node | None, what: str) -> Scalar | None:
        if node is None:
            return None
        if not isinstance(node, Scalar):
            kind = "a list" if isinstance(node, Sequence) else "a mapping"
            self.fail(node, f"{what} must be a single value, not {kind}")
            return None
        return node

    def string(self, node: Node | None, what: str) -> str | None:
        scalar = self.scalar(node, what)
        if scalar is None:
            return None
        if not scalar.value.strip():
            self.fail(scalar, f"{what} must not be empty")
            return None
        return scalar.value

    def text(self, node: Node | None, what: str) -> Text | None:
        if node is None:
            return None
        f = self.fields(node, f"{what} (a text {{zh: …, en: …}})", {"zh": True, "en": True})
        if f is None or len(f) < 2:
            return None
        zh, en = self.string(f["zh"], f"{what}.zh"), self.string(f["en"], f"{what}.en")
        return Text(zh, en) if zh is not None and en is not None else None

    def ident(self, node: Node | None, what: str) -> str | None:
        value = self.string(node, what)
        if value is not None and not _ID_RE.fullmatch(value):
            self.fail(node, f"{what} '{value}' must be lowercase letters, digits and single '-' (e.g. wushan-agreement)")
            return None
        return value

    def new_id(self, node: Node | None) -> str | None:
        value = self.ident(node, "id")
        if value is None:
            return None
        if value in self._ids:
            self.fail(node, f"duplicate id '{value}' (first at line {self._ids[value]})")
            return None
        self._ids[value] = node.line
        return value

    def ref(self, node: Node | None, what: str, known) -> str | None:
        value = self.string(node, what)
        if value is None:
            return None
        if value not in known:
            close = difflib.get_close_matches(value, list(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            self.fail(node, f"unknown {what} '{value}'{hint}")
            return None
        return value

    def choice(self, node: Node | None, what: str, choices: dict[str, T]) -> T | None:
        value = self.string(node, what)
        if value is None:
            return None
        if value not in choices:
            self.fail(node, f"{what} '{value}' is not one of: {', '.join(choices)}")
            return None
        return choices[value]

    def date(self, node: Node | None) -> EdtfDate | None:
        value = self.string(node, "date")
        if value is None:
            return None
        try:
            return parse_edtf(value)
        except EdtfError as err:
            self.fail(node, f"bad date: {err}")
            return None

    def color(self, node: Node | None) -> str | None:
        value = self.string(node, "color")
        if value is not None and not _COLOR_RE.fullmatch(value):
            self.fail(node, f"color '{value}' must be written #rrggbb")
            return None
        return value

    def integer(self, node: Node | None, low: int, high: int) -> int | None:
        value = self.string(node, "number")
        if value is None:
            return None
        if not re.fullmatch(r"0|[1-9][0-9]*", value) or not low <= int(value) <= high:
            self.fail(node, f"'{value}' must be a whole number from {low} to {high}")
            return None
        return int(value)

    def number(self, node: Node | None) -> Decimal | None:
        value = self.string(node, "value")
        if value is None:
            return None
        if not _NUMBER_RE.fullmatch(value):
            self.fail(node, f"value '{value}' must be plain decimal digits in base units (250000, not 25万, 2.5e5 or 0250000)")
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            self.fail(node, f"value '{value}' is not a number")
            return None
        if number <= 0:
            self.fail(node, f"value must be positive, not {value}")
            return None
        return number

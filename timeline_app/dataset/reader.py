"""Turns the nodes of a dataset file into records, one top-level list item at a time.

Items arrive in file order, either as the parser finishes each one (a large file never has to be
one tree in memory) or from a whole tree; the answer is the same. A reference to a branch,
category or source not read yet is checked when the file has been read, so the sections may
come in any order. Ids are unique across the file; a duplicate names the first, earlier one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path

from .checks import Checks, kind_name
from .edtf import EdtfDate, Kind
from .problems import Message
from .records import (
    FORMAT_VERSION, MARKERS,
    Branch, BranchKind, Category, Citation, Dataset, Era, Indicator, IndicatorPoint, Media,
    Milestone, Person, Qualifier, Source, Text, Tour,
)
from .units import UNITS
from .nodes import Mapping, Node, Scalar, Sequence

__all__ = ["Reader"]

_TOP = {"format": True, "title": True, "sources": True, "branches": True, "categories": True,
        "eras": False, "milestones": False, "indicators": False, "tours": False}
_SOURCE = {"id": True, "title": True, "outlet": False, "date": True, "author": False, "editors": False,
           "photos": False, "url": False, "seed": False, "paragraphs": False, "language": False}
_BRANCH = {"id": True, "kind": True, "name": True, "color": True, "full_name": False}
_CATEGORY = {"id": True, "name": True, "marker": True, "color": True, "weight": False}
_ERA = {"id": True, "name": True, "date": True, "color": False}
_MILESTONE = {"id": True, "branch": True, "category": True, "date": True, "title": True, "summary": True,
              "sources": True, "people": False, "places": False, "tags": False, "media": False}
_INDICATOR = {"id": True, "branch": True, "measure": True, "label": True, "unit": True, "points": True,
              "sources": True, "note": False}
_POINT = {"date": True, "value": True, "qualifier": False, "span": False}
_PERSON = {"name": True, "role": True}
_MEDIA = {"path": True, "caption": True, "credit": False}
_CITATION = {"source": True, "paragraph": False}
_TOUR = {"id": True, "title": False, "milestones": True}
_BRANCH_KINDS = {k.value: k for k in BranchKind}
_MARKERS = {m: m for m in MARKERS}
_UNITS = {u: u for u in UNITS}
_QUALIFIERS = {q.value: q for q in Qualifier}
_SPANS = {"total": False, "each_year": True}  # a point's span: is it each year's figure?
_LANGUAGES = {"zh": "zh", "en": "en"}  # a source's language: one of the two a text holds
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _source(id_: str, title: Text, date: EdtfDate, outlet: Text | None = None, **optional) -> Source:
    """A source whose outlet may be absent (the source names none)."""
    return Source(id_, title, outlet, date, **optional)


class Reader(Checks):
    """Reads records from nodes, collecting every problem; :meth:`finish` gives the dataset."""

    # top-level key -> (record kind, at least one needed)
    SECTIONS = {"sources": ("source", 1), "branches": ("branch", 1), "categories": ("category", 1),
                "eras": ("era", 0), "milestones": ("milestone", 0), "indicators": ("indicator", 0),
                "tours": ("tour", 0)}

    def __init__(self, name: str):
        super().__init__(name)
        self._ids: dict[str, int] = {}
        self._known: dict[str, dict[str, object]] = {"source": {}, "branch": {}, "category": {}, "milestone": {}}
        self._later: list[tuple[Node, str, str]] = []  # references to check once the file is read
        self._later_paragraphs: list[tuple[Node, str, int]] = []
        self._records: dict[str, list] = {key: [] for key in self.SECTIONS}
        self._citations: dict[object, object] = {}
        self._read: dict[str, Callable[[Node], object]] = {
            "sources": self.source, "branches": self.branch, "categories": self.category, "eras": self.era,
            "milestones": self.milestone, "indicators": self.indicator, "tours": self.tour,
        }

    def item(self, section: str, node: Node) -> None:
        """One item of a top-level list (items of unknown sections are left to :meth:`finish`)."""
        read = self._read.get(section)
        if read is None:
            return
        record = read(node)
        if record is not None:
            self._records[section].append(record)

    def feed_tree(self, root: Node) -> None:
        """Every item of a whole tree's top-level lists, in file order."""
        if type(root) is Mapping:
            for key, (_, value) in root.items.items():
                if key in self.SECTIONS and type(value) is Sequence:
                    for item in value.items:
                        self.item(key, item)

    def finish(self, root: Node, path: Path | None) -> Dataset | None:
        """The dataset, once every item has been read; ``None`` (with problems) when it has faults."""
        fields = self.fields(root, "dataset", _TOP)
        self._check_later()
        if fields is None:
            return None
        if "format" in fields:
            version = self.integer(fields["format"], "format", 1, 1_000_000)
            if version is not None and version != FORMAT_VERSION:
                self.fail(fields["format"], "problem.format.unsupported", version=version, supported=FORMAT_VERSION)
        title = self.text(fields.get("title"), "title")
        for key, (kind, min_items) in self.SECTIONS.items():
            if key in fields:
                self.sequence(fields[key], Message.of("problem.what.list", kind=kind_name(kind)), min_items)
        if title is None or self.problems:
            return None
        r = self._records
        return Dataset(title, tuple(r["sources"]), tuple(r["branches"]), tuple(r["categories"]), tuple(r["eras"]),
                       tuple(r["milestones"]), tuple(r["indicators"]), path, tours=tuple(r["tours"]))

    def _check_later(self) -> None:
        for node, kind, value in self._later:
            if value not in self._known[kind]:
                close = difflib.get_close_matches(value, list(self._known[kind]), n=1)
                if close:
                    self.fail(node, "problem.ref.unknown_close", what=kind_name(kind), value=value, close=close[0])
                else:
                    self.fail(node, "problem.ref.unknown", what=kind_name(kind), value=value)
        for node, source, paragraph in self._later_paragraphs:
            if source in self._known["source"]:
                self._check_paragraph(node, source, paragraph)

    # -- records ---------------------------------------------------------------------------

    def source(self, node: Node) -> Source | None:
        f = self.fields(node, "source", _SOURCE)
        if f is None:
            return None
        record = self._build(
            _source, self.new_id(f.get("id")), self.text(f.get("title"), "title"), self.date(f.get("date")),
            outlet=self.text(f.get("outlet"), "outlet"),
            author=self.text(f.get("author"), "author"),
            editors=self.list_of(f.get("editors"), "editors", lambda n: self.text(n, "editor")),
            photos=self.text(f.get("photos"), "photos"),
            url=self.string(f.get("url"), "url"),
            seed=self.string(f.get("seed"), "seed"),
            paragraphs=self.integer(f.get("paragraphs"), "paragraphs", 1, 100_000),
            language=self.choice(f.get("language"), "language", _LANGUAGES),
        )
        return self._know("source", record)

    def branch(self, node: Node) -> Branch | None:
        f = self.fields(node, "branch", _BRANCH)
        if f is None:
            return None
        record = self._build(
            Branch, self.new_id(f.get("id")), self.choice(f.get("kind"), "kind", _BRANCH_KINDS),
            self.text(f.get("name"), "name"), self.color(f.get("color")),
            full_name=self.text(f.get("full_name"), "full_name"),
        )
        return self._know("branch", record)

    def category(self, node: Node) -> Category | None:
        f = self.fields(node, "category", _CATEGORY)
        if f is None:
            return None
        record = self._build(
            Category, self.new_id(f.get("id")), self.text(f.get("name"), "name"),
            self.choice(f.get("marker"), "marker", _MARKERS), self.color(f.get("color")),
            weight=self.integer(f.get("weight"), "weight", 1, 100),
        )
        return self._know("category", record)

    def era(self, node: Node) -> Era | None:
        f = self.fields(node, "era", _ERA)
        if f is None:
            return None
        date = self.date(f.get("date"))
        if date is not None and date.kind is not Kind.INTERVAL:
            self.fail(f["date"], "problem.era.not_interval", date=date.text)
            date = None
        return self._build(Era, self.new_id(f.get("id")), self.text(f.get("name"), "name"), date,
                           color=self.color(f.get("color")))

    def milestone(self, node: Node) -> Milestone | None:
        f = self.fields(node, "milestone", _MILESTONE)
        if f is None:
            return None
        get = f.get
        record = self._build(
            Milestone, self.new_id(get("id")), self.ref(get("branch"), "branch"), self.ref(get("category"), "category"),
            self.date(get("date")), self.text(get("title"), "title"), self.text(get("summary"), "summary"),
            self.citations(get("sources")),
            people=self.list_of(get("people"), "people", self.person),
            places=self.list_of(get("places"), "places", lambda n: self.text(n, "place")),
            tags=self.list_of(get("tags"), "tags", lambda n: self.text(n, "tag")),
            media=self.list_of(get("media"), "media", self.media),
            line=node.line,
        )
        return self._know("milestone", record)

    def indicator(self, node: Node) -> Indicator | None:
        f = self.fields(node, "indicator", _INDICATOR)
        if f is None:
            return None
        return self._build(
            Indicator, self.new_id(f.get("id")), self.ref(f.get("branch"), "branch"),
            self.ident(f.get("measure"), "measure"), self.text(f.get("label"), "label"),
            self.choice(f.get("unit"), "unit", _UNITS),
            self.list_of(f.get("points"), "points", self.point, min_items=1), self.citations(f.get("sources")),
            note=self.text(f.get("note"), "note"),
        )

    def tour(self, node: Node) -> Tour | None:
        """An exhibit's curated tour: milestone ids in showing order, each known and named once."""
        f = self.fields(node, "tour", _TOUR)
        if f is None:
            return None
        stops: set[str] = set()

        def stop(item: Node) -> str | None:
            milestone = self.ref(item, "milestone")
            if milestone in stops:
                self.fail(item, "problem.tour.repeated", milestone=milestone)
                return None
            stops.add(milestone)
            return milestone

        return self._build(Tour, self.new_id(f.get("id")), self.list_of(f.get("milestones"), "milestones", stop, 1),
                           title=self.text(f.get("title"), "title"))

    def point(self, node: Node) -> IndicatorPoint | None:
        f = self.fields(node, "point", _POINT)
        if f is None:
            return None
        return self._build(IndicatorPoint, self.date(f.get("date")), self.number(f.get("value")),
                           qualifier=self.choice(f.get("qualifier"), "qualifier", _QUALIFIERS),
                           each_year=self.choice(f.get("span"), "span", _SPANS))

    def person(self, node: Node) -> Person | None:
        f = self.fields(node, "person", _PERSON)
        if f is None:
            return None
        return self._build(Person, self.text(f.get("name"), "name"), self.text(f.get("role"), "role"))

    def media(self, node: Node) -> Media | None:
        f = self.fields(node, "media item", _MEDIA)
        if f is None:
            return None
        path = self.string(f.get("path"), "path")
        if path is not None and _CONTROL.search(path):  # a NUL ends a path in the OS's hands: no file has it
            self.fail(f["path"], "problem.media.control", path=path)
            path = None
        return self._build(Media, path, self.text(f.get("caption"), "caption"),
                           credit=self.text(f.get("credit"), "credit"))

    def citations(self, node: Node | None) -> tuple[Citation, ...] | None:
        citations = self.list_of(node, "sources", self.citation, min_items=1)
        return citations and self._shared(citations)

    def citation(self, node: Node) -> Citation | None:
        if type(node) is Scalar:
            source = self.ref(node, "source")
            return self._shared(Citation(source)) if source else None
        f = self.fields(node, "citation", _CITATION)
        if f is None:
            return None
        source = self.ref(f.get("source"), "source")
        paragraph = self.integer(f.get("paragraph"), "paragraph", 1, 100_000)
        if source and paragraph:
            if source in self._known["source"]:
                if not self._check_paragraph(f["paragraph"], source, paragraph):
                    return None
            else:
                self._later_paragraphs.append((f["paragraph"], source, paragraph))
        citation = self._build(Citation, source, paragraph=paragraph)
        return citation and self._shared(citation)

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _build(cls, *required, **optional):
        """The record when every required value was read; absent optionals keep their defaults."""
        if None in required:
            return None
        return cls(*required, **{k: v for k, v in optional.items() if v is not None})

    def _shared(self, value):
        """One object for equal citations and citation lists, however often they are written."""
        return self._citations.setdefault(value, value)

    def _know(self, kind: str, record):
        if record is not None:
            self._known[kind][record.id] = record
        return record

    def new_id(self, node: Node | None) -> str | None:
        value = self.ident(node, "id")
        if value is None:
            return None
        if value in self._ids:
            self.fail(node, "problem.id.duplicate", id=value, line=self._ids[value])
            return None
        self._ids[value] = node.line
        return value

    def ref(self, node: Node | None, kind: str) -> str | None:
        """The id of a branch, category, source or milestone; one not read yet is checked at the end."""
        value = self.string(node, kind)
        if value is not None and value not in self._known[kind]:
            self._later.append((node, kind, value))
        return value

    def _check_paragraph(self, node: Node, source: str, paragraph: int) -> bool:
        known = self._known["source"][source].paragraphs
        if known is not None and paragraph > known:
            self.fail(node, "problem.citation.paragraph", source=source, known=known, n=paragraph)
            return False
        return True

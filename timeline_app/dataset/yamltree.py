"""Reads YAML into a tree of plain nodes that remember where they stand in the file.

PyYAML's own constructors guess types (``NO`` becomes ``False``, ``0755`` becomes 493,
``2013-02-30`` raises a bare ``ValueError``), keep the last of duplicate keys and expand aliases.
We only take its parser's events (with the C parser where present) and build the tree
ourselves: every scalar stays the text the archivist wrote, and anchors, aliases, tags,
duplicate keys, excessive nesting and oversized files become problems with a position.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import DatasetError, Problem

try:  # libyaml's parser is an order of magnitude faster; the pure one behaves the same
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Loader

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Mapping", "Node", "Scalar", "Sequence", "read_yaml"]

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32


@dataclass(slots=True)
class Node:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(slots=True)
class Scalar(Node):
    value: str = ""
    plain: bool = True  # written without quotes

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


@dataclass(slots=True)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Mapping(Node):
    items: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)  # key -> (key node, value)

    def get(self, key: str) -> Node | None:
        pair = self.items.get(key)
        return pair[1] if pair else None


def read_yaml(path: Path, display_name: str | None = None) -> tuple[Node, list[Problem]]:
    """Reads one YAML document: the tree and the problems that still let it be checked further.

    Raises :class:`DatasetError` when no tree can be had (unreadable, not UTF-8, bad syntax).
    """
    name = display_name or str(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise DatasetError([Problem(name, 1, 1, f"cannot read file: {err.strerror or err}")]) from None
    if size > MAX_BYTES:
        raise DatasetError([Problem(name, 1, 1, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")])
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DatasetError([Problem(name, 1, 1, f"cannot read file: {err.strerror or err}")]) from None
    return parse_yaml(data, name)


def parse_yaml(data: bytes, name: str) -> tuple[Node, list[Problem]]:
    text = _decode(data, name)
    builder = _TreeBuilder(name)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
        if builder.root is None:
            raise DatasetError([Problem(name, 1, 1, "the file holds no YAML document")])
        return builder.root, builder.problems
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = err.problem or err.context or "invalid YAML"
        if err.context and err.problem:
            message = f"{err.problem} ({err.context})"
        builder.problems.append(Problem(name, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                                        f"YAML syntax: {message}"))
    except yaml.YAMLError as err:  # reader errors: control characters and the like
        builder.problems.append(Problem(name, 1, 1, f"YAML: {err}"))
    raise DatasetError(builder.problems)


def _decode(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise DatasetError([Problem(name, 1, 1, "file is UTF-16 or UTF-32; save it as UTF-8")])
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = " (it looks like GBK/GB18030)"
        except UnicodeDecodeError:
            pass
        raise DatasetError([Problem(
            name, line, column,
            f"file is not UTF-8: byte 0x{data[err.start]:02X} cannot be decoded{hint}; save it as UTF-8",
        )]) from None


class _TreeBuilder:
    """Turns parser events into nodes, recording problems instead of raising."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self.root: Node | None = None
        self._stack: list[Mapping | Sequence] = []
        self._pending_key: list[Scalar | None] = []
        self._documents = 0
        self._too_deep = False

    def _problem(self, mark, message: str) -> None:
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, message))

    def feed(self, event: yaml.Event) -> None:
        handler = self._handlers.get(type(event))
        if handler is not None:
            handler(self, event)

    def _check_node_event(self, event) -> None:
        if event.anchor is not None:
            self._problem(event.start_mark, f"anchors (&{event.anchor}) are not allowed in a dataset")
        if event.tag is not None and not (type(event) is yaml.ScalarEvent and event.tag == "!"):
            self._problem(event.start_mark, f"tags ({event.tag}) are not allowed in a dataset")

    def _on_scalar(self, event: yaml.ScalarEvent) -> None:
        if event.anchor is not None or event.tag is not None:
            self._check_node_event(event)
        mark = event.start_mark
        self._add(Scalar(mark.line + 1, mark.column + 1, event.value, not event.style))

    def _on_collection_start(self, event) -> None:
        if event.anchor is not None or event.tag is not None:
            self._check_node_event(event)
        cls = Sequence if type(event) is yaml.SequenceStartEvent else Mapping
        node = cls(event.start_mark.line + 1, event.start_mark.column + 1)
        self._add(node)
        self._stack.append(node)
        self._pending_key.append(None)
        if len(self._stack) > MAX_DEPTH and not self._too_deep:
            self._too_deep = True
            self._problem(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")

    def _on_collection_end(self, _) -> None:
        self._stack.pop()
        self._pending_key.pop()

    def _on_document_start(self, event) -> None:
        self._documents += 1
        if self._documents == 2:
            self._problem(event.start_mark, "only one YAML document is allowed per file")

    def _on_alias(self, event: yaml.AliasEvent) -> None:
        self._problem(event.start_mark, f"aliases (*{event.anchor}) are not allowed in a dataset")
        self._add(Scalar(event.start_mark.line + 1, event.start_mark.column + 1, "", True))

    _handlers = {
        yaml.ScalarEvent: _on_scalar,
        yaml.SequenceStartEvent: _on_collection_start,
        yaml.MappingStartEvent: _on_collection_start,
        yaml.SequenceEndEvent: _on_collection_end,
        yaml.MappingEndEvent: _on_collection_end,
        yaml.DocumentStartEvent: _on_document_start,
        yaml.AliasEvent: _on_alias,
    }

    def _add(self, node: Node) -> None:
        if not self._stack:
            if self.root is None:
                self.root = node
            return
        parent = self._stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = self._pending_key[-1]
        if key is None:
            if not isinstance(node, Scalar):
                self.problems.append(Problem(self.name, node.line, node.column, "a key must be plain text"))
                node = Scalar(node.line, node.column, "\0invalid", True)
            self._pending_key[-1] = node
            return
        self._pending_key[-1] = None
        if key.value in parent.items:
            first = parent.items[key.value][0]
            self.problems.append(Problem(self.name, key.line, key.column,
                                         f"duplicate key '{key.value}' (first at line {first.line})"))
            return
        parent.items[key.value] = (key, node)

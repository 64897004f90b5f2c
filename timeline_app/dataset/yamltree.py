"""Reads YAML into plain nodes that remember where they stand in the file.

PyYAML's own constructors guess types (``NO`` becomes ``False``, ``0755`` becomes 493,
``2013-02-30`` raises a bare ``ValueError``), keep the last of duplicate keys and expand aliases.
We only take a parser's events and build the nodes ourselves: every scalar stays the text the
archivist wrote, and anchors, aliases, tags, duplicate keys, excessive nesting and oversized
files become problems with a position.

Two parsers read the same grammar here. libyaml (PyYAML's C parser) is the fast one; PyYAML's
pure-Python parser is the reference, and the only one on an installation without libyaml. Where
they differ, the loader refuses what either cannot read: a plain value with ``?`` inside ``{…}``
or ``[…]``, and a block scalar's header followed at once by ``#`` (``>#note``), are problems in
both; an escape that names no character (``"\ud800"``, a lone surrogate) is a syntax error in
both. A file holding a tab, a byte-order mark after the start, a line break other than LF and
CRLF (a lone CR, NEL, LS, PS) is handed to the pure parser, whose answer then stands. Lines are
counted at LF alone, as editors and ``grep -n`` count them, whichever parser read the file.

The items of the top-level lists can be handed to a ``sink`` as each one ends, instead of being
kept in the tree: a large file then never exists as one big tree in memory.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Callable
from pathlib import Path

import yaml

from .nodes import Mapping, Node, Scalar, Sequence
from .problems import DatasetError, Message, Problem, ProblemList

try:
    from yaml import CBaseLoader as _FastLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = None

__all__ = [
    "MAX_DEPTH", "Mapping", "Node", "Scalar", "Sequence", "Sink", "has_fast_parser", "parse_yaml",
]

MAX_DEPTH = 32
# Bytes where libyaml and the pure parser read a file differently: tab, NEL, LS, PS, and a BOM.
_DIVERGENT = (b"\t", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9", codecs.BOM_UTF8)
_LINE_BREAKS = ("\r", "\x85", "\u2028", "\u2029")  # what both parsers count as a line, besides LF
_BLOCK_STYLES = ("|", ">")
# In UTF-8, the characters YAML refuses (PyYAML's Reader.NON_PRINTABLE): C0 controls but tab, LF
# and CR, DEL, C1 controls but NEL, U+FFFE and U+FFFF (NUL is told apart as binary; surrogates are
# not UTF-8 at all).
_NOT_PRINTABLE = [re.compile(rb"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]"), re.compile(rb"\xc2[\x80-\x84\x86-\x9f]"),
                  re.compile(rb"\xef\xbf[\xbe\xbf]")]  # searched only where a quick pass finds their bytes
_PLAIN, _HIGH = bytes(range(0x20, 0x7f)) + b"\t\n\r", bytes(range(0x80, 0x100))
_LONE_CR = re.compile(rb"\r(?!\n)")
_BLOCK_HEADER = re.compile(r"[|>](?:[-+][1-9]?|[1-9][-+]?)?#")  # "#" must be apart from the header
# An escape of a character that cannot be: a surrogate, or past U+10FFFF.
_BAD_ESCAPE = re.compile(r"\\(?:u(?=[dD][89a-fA-F])|U(?=0000[dD][89a-fA-F]|00(?:1[1-9a-fA-F]|[2-9a-fA-F])|"
                         r"0[1-9a-fA-F]|[1-9a-fA-F]))")


Sink = Callable[[str, Node], None]  # (top-level key, one finished item of its list)


def has_fast_parser() -> bool:
    return _FastLoader is not None


def parse_yaml(data: bytes, name: str, fast: bool = True, sink: Sink | None = None) -> tuple[Node, list[Problem]]:
    """Reads one YAML document: the tree and the problems that still let it be checked further.

    ``fast`` picks libyaml where it is installed and the file holds nothing it reads differently
    from the pure parser. Raises :class:`DatasetError` when no tree can be had (not UTF-8, bad
    syntax, no document).
    """
    _check_encoding(data, name)
    _check_characters(data, name)
    parser = lines = None
    if fast and _FastLoader is not None and not _diverges(data):
        text = None  # libyaml decodes the bytes itself
        builder = _TreeBuilder(name, sink, data)
    else:
        text = data.decode("utf-8").removeprefix("\ufeff")
        builder = _TreeBuilder(name, sink)
        if any(c in text for c in _LINE_BREAKS):
            lines = _Lines(text)
    try:
        parser = _FastLoader(data) if text is None else _PureLoader(text)
        builder.run(parser if lines is None else lines.follow(parser))
    except _Stop:
        pass
    except yaml.MarkedYAMLError as err:
        if lines is not None:
            lines.place(err.problem_mark)
            lines.place(err.context_mark)
        builder.problems.append(_syntax_problem(err, name, data))
    else:
        if builder.root is None:
            raise DatasetError([Problem(name, 1, 1, "problem.file.no_document")])
        return builder.root, builder.problems
    finally:
        if parser is not None:
            parser.dispose()
    raise DatasetError(builder.problems)


def _diverges(data: bytes) -> bool:
    return (any(data.find(b, 1 if b == codecs.BOM_UTF8 else 0) >= 0 for b in _DIVERGENT) or data.startswith(b"\t")
            or (b"\r" in data and _LONE_CR.search(data) is not None))


def _check_characters(data: bytes, name: str) -> None:
    """Refuses the first character YAML does not allow, wherever it is: the pure parser checks the
    whole text before it parses, libyaml only as far as it has read (it would report a syntax error
    before it, and the two would disagree)."""
    residue = data.translate(None, _PLAIN)  # what is not printable ASCII: a few bytes, or the text's own
    if not residue:
        return
    patterns = [pattern for pattern, there in zip(_NOT_PRINTABLE, (
        residue.translate(None, _HIGH), b"\xc2" in residue, b"\xef\xbf" in residue)) if there]
    found = [m for m in (pattern.search(data) for pattern in patterns) if m is not None]
    if found:
        bad = min(found, key=lambda m: m.start())
        line, column = _byte_position(data, bad.start())
        character = bad[0].decode("utf-8")
        raise DatasetError([Problem(name, line, column, "problem.yaml.character", (("code", _code(character)),))])


class _PureLoader(yaml.BaseLoader):
    """The pure parser, refusing escapes of characters that cannot be, as libyaml does.

    It would give a lone surrogate (``"\\ud800"``), which no file can hold and no terminal can
    print, and raise a bare ``ValueError`` past U+10FFFF.
    """

    def scan_flow_scalar(self, style):
        start = self.get_mark()
        try:
            token = super().scan_flow_scalar(style)
        except ValueError:
            token = None
        if token is not None and (style != '"' or token.value.isascii() or not _has_surrogate(token.value)):
            return token
        at = _BAD_ESCAPE.search(self.buffer, start.index)
        index = at.end() if at else start.index
        line, column = _position(self.buffer, index)
        mark = yaml.Mark(start.name, index, line - 1, column - 1, None, None)
        raise yaml.scanner.ScannerError("while parsing a quoted scalar", start,
                                        "found invalid Unicode character escape code", mark)


def _has_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class _Lines:
    """Where each LF-counted line of a text starts, to place the pure parser's marks as editors do:
    it also counts a lone CR, NEL, LS and PS as line breaks."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def place(self, mark) -> None:
        if mark is not None:
            line = bisect.bisect_right(self.starts, mark.index) - 1
            mark.line, mark.column = line, mark.index - self.starts[line]

    def follow(self, parser):
        """The parser, its events' marks placed by LF."""
        get_event = parser.get_event
        place = self.place

        def placed():
            event = get_event()
            place(event.start_mark)
            return event

        parser.get_event = placed
        return parser


def _syntax_problem(err: yaml.MarkedYAMLError, name: str, data: bytes) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    last = data.count(b"\n") + 1
    if line > last:  # libyaml places "end of file" on a line after a last one that has no line break
        line, column = last, len(data[data.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
    if err.problem and err.problem.endswith("but got '?'"):  # the pure parser on "{date: 2013?}"
        return Problem(name, line, column, "problem.yaml.flow_question", ())
    if err.problem and "maximum nesting depth" in err.problem:  # libyaml, looking ahead through "[[[[…"
        return Problem(name, line, column, "problem.yaml.depth", (("max", MAX_DEPTH),))
    detail = err.problem or err.context or "invalid YAML"
    if err.context and err.problem:
        detail = f"{err.problem} ({err.context})"
    character = data.split(b"\n")[line - 1].decode("utf-8", "replace")[column - 1:column] if line <= last else ""
    said = Message.of("problem.yaml.said", said=detail, character=character)  # worded by i18n.syntax_wording
    return Problem(name, line, column, "problem.yaml.syntax", (("detail", said),))


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of a character index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters, from 1) of a byte offset in UTF-8."""
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[start:offset].decode("utf-8", "replace")) + 1


def _code(character: str) -> str:
    return f"#x{ord(character):04X}"


def _check_encoding(data: bytes, name: str) -> None:
    """Refuses what is not UTF-8, saying how to save it as UTF-8."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DatasetError([Problem(name, 1, 1, "problem.file.utf16")])
    if b"\0" in data:
        zero = data.index(b"\0")
        raise DatasetError([Problem(name, data.count(b"\n", 0, zero) + 1, 1, "problem.file.binary")])
    if data.isascii():
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        try:
            data.decode("gb18030")
            key = "problem.file.gb18030"
        except UnicodeDecodeError:
            key = "problem.file.not_utf8"
        raise DatasetError([Problem(name, line, column, key, (("byte", f"0x{data[err.start]:02X}"),))]) from None


class _Stop(Exception):
    """A fault the pure parser stops at (nesting past MAX_DEPTH, a flow "?"): the file is read no further."""


class _TreeBuilder:
    """Turns parser events into nodes, recording problems instead of raising."""

    def __init__(self, name: str, sink: Sink | None, source: bytes | None = None):
        self.name = name
        self.sink = sink
        self.problems = ProblemList()
        self.root: Node | None = None
        self.source = source  # the bytes libyaml reads: block scalars' headers are checked in them
        self._line_starts: list[int] | None = None

    def _problem(self, mark, key: str, /, **params: object) -> None:
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, key, tuple(params.items())))

    def run(self, parser) -> None:
        """Reads every event. The hot loop: one branch per event kind, no calls it can avoid."""
        stack: list[Mapping | Sequence] = []
        pending: list[Scalar | None] = []  # per open mapping: the key waiting for its value
        flow: list[bool] = []  # per open collection: written in {…} / […]
        streamed: list[str | None] = []  # per open collection: the top-level key it streams to a sink
        documents = 0
        get_event = parser.get_event
        ScalarEvent, AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
        SequenceStart, MappingStart = yaml.SequenceStartEvent, yaml.MappingStartEvent
        SequenceEnd, MappingEnd = yaml.SequenceEndEvent, yaml.MappingEndEvent
        DocumentStart, StreamEnd = yaml.DocumentStartEvent, yaml.StreamEndEvent
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                mark = event.start_mark
                if event.anchor is not None or event.tag is not None:
                    self._check_node_event(event)
                value = event.value
                plain = not event.style
                if plain and flow and flow[-1] and "?" in value:
                    self._flow_question(mark, value)
                elif event.style in _BLOCK_STYLES and self.source is not None:
                    self._check_block_header(mark)
                node = Scalar(mark.line + 1, mark.column + 1, value, plain)
            elif kind is MappingEnd or kind is SequenceEnd:
                node = stack.pop()
                pending.pop()
                flow.pop()
                streamed.pop()
                if streamed and streamed[-1] is not None:  # an item of a top-level list is complete
                    self.sink(streamed[-1], node)
                continue
            elif kind is MappingStart or kind is SequenceStart:
                mark = event.start_mark
                if event.anchor is not None or event.tag is not None:
                    self._check_node_event(event)
                cls = Mapping if kind is MappingStart else Sequence
                node = cls(mark.line + 1, mark.column + 1)
                if len(stack) >= MAX_DEPTH:  # libyaml stops at 1000 levels, the pure parser never: stop here
                    self._problem(mark, "problem.yaml.depth", max=MAX_DEPTH)
                    raise _Stop
            elif kind is AliasEvent:
                mark = event.start_mark
                self._problem(mark, "problem.yaml.alias", name=event.anchor)
                node = Scalar(mark.line + 1, mark.column + 1, "", True)
            elif kind is DocumentStart:
                documents += 1
                if documents == 2:
                    self._problem(event.start_mark, "problem.yaml.documents")
                continue
            elif kind is StreamEnd:
                return
            else:
                continue
            self._place(node, stack, pending, streamed)
            if kind is MappingStart or kind is SequenceStart:
                streamed.append(self._streams(stack, pending, node))
                stack.append(node)
                pending.append(None)
                flow.append(bool(event.flow_style))

    def _place(self, node: Node, stack, pending, streamed) -> None:
        """Puts a scalar, or a collection just opened, into its parent (or a scalar item to the sink)."""
        if not stack:
            if self.root is None:
                self.root = node
            return
        parent = stack[-1]
        if type(parent) is Sequence:
            parent.count += 1
            if streamed[-1] is None:
                parent.items.append(node)
            elif type(node) is Scalar:
                self.sink(streamed[-1], node)
            return
        key = pending[-1]
        if key is None:
            if type(node) is not Scalar:
                self.problems.append(Problem(self.name, node.line, node.column, "problem.yaml.key_not_text"))
                node = Scalar(node.line, node.column, "\0invalid", True)
            pending[-1] = node
            return
        pending[-1] = None
        items = parent.items
        if key.value in items:
            first = items[key.value][0]
            self.problems.append(Problem(self.name, key.line, key.column, "problem.yaml.duplicate_key",
                                         (("key", key.value), ("line", first.line))))
            return
        items[key.value] = (key, node)

    def _streams(self, stack, pending, node: Node) -> str | None:
        """The top-level key whose list items go to the sink, for a list just opened under it."""
        if self.sink is None or len(stack) != 1 or type(node) is not Sequence or type(stack[0]) is not Mapping:
            return None
        if not stack[0].items:  # the list is a key, not a value
            return None
        key = next(reversed(stack[0].items))  # _place has just stored this list under its key
        return key if stack[0].items[key][1] is node else None

    def _check_node_event(self, event) -> None:
        if event.anchor is not None:
            self._problem(event.start_mark, "problem.yaml.anchor", name=event.anchor)
        if event.tag is not None and not (type(event) is yaml.ScalarEvent and event.tag == "!"):
            self._problem(event.start_mark, "problem.yaml.tag", tag=event.tag)

    def _check_block_header(self, mark) -> None:
        """libyaml takes ``>#note`` for a header and a comment; the pure parser, as YAML says, wants a
        space before the ``#``. Refused as the pure parser refuses it."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer(b"\n", self.source)]
        start = self._line_starts[mark.line]
        end = self.source.find(b"\n", start)
        line = self.source[start:end if end >= 0 else len(self.source)].decode("utf-8")
        header = _BLOCK_HEADER.match(line, mark.column)
        if header is not None:
            at = yaml.Mark(self.name, 0, mark.line, header.end() - 1, None, None)
            raise yaml.scanner.ScannerError("while scanning a block scalar", mark,
                                            "expected chomping or indentation indicators, but found '#'", at)

    def _flow_question(self, mark, value: str) -> None:
        """libyaml reads ``{date: 2013?}``; the pure parser stops at the ``?``. Points at it, as that one does."""
        offset = value.index("?") if "\n" not in value else 0
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1 + offset, "problem.yaml.flow_question"))
        raise _Stop  # where the pure parser stops

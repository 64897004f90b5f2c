"""The checks every value of a dataset passes: shapes (mapping, list, single value) and value kinds.

Each check records a problem at the node and returns ``None`` when the value fails, so one pass
finds every fault. Values that repeat across a large archive are read once: equal strings are
shared, and a date, a text or a citation written many times is one object.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from .edtf import EdtfDate, EdtfError, parse_edtf
from .problems import Message, Problem, ProblemList, cut
from .records import Text
from .nodes import Mapping, Node, Scalar, Sequence

__all__ = ["Checks", "kind_name"]

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOR_RE = re.compile(r"#[0-9a-fA-F]{6}")
_NUMBER_RE = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_INTEGER_RE = re.compile(r"0|[1-9][0-9]*")
_TEXT_SPEC = {"zh": True, "en": True}
_KINDS = ("dataset", "source", "branch", "category", "era", "milestone", "indicator", "point", "person", "media item",
          "citation", "tour")
_KIND_NAMES = {kind: Message.of(f"problem.kind.{kind.replace(' ', '_')}") for kind in _KINDS}

MAX_DIGITS = 15  # before the point: figures are drawn as floats, exact to 15 digits (and finite)
T = TypeVar("T")


def kind_name(what: str | Message) -> str | Message:
    """A record kind's name in the reader's language (``milestone``, ``source``…); a field name as given."""
    return _KIND_NAMES.get(what, what) if isinstance(what, str) else what


class Checks:
    """Shape and value checks over nodes; problems go to ``problems``."""

    def __init__(self, name: str):
        self.name = name
        self.problems = ProblemList()
        self._strings: dict[str, str] = {}
        self._dates: dict[str, EdtfDate | EdtfError] = {}
        self._texts: dict[tuple[str, str], Text] = {}
        self._text_labels: dict[str, Message] = {}

    def fail(self, node: Node, key: str, /, **params: object) -> None:
        """Records a problem; a long value it quotes is cut (a megabyte of id is named by its start)."""
        if self.problems.beyond(node.line, node.column):
            return
        self.problems.append(Problem(self.name, node.line, node.column, key,
                                     tuple((k, cut(v)) for k, v in params.items())))

    # -- shapes ----------------------------------------------------------------------------

    def fields(self, node: Node | None, what: str | Message, spec: dict[str, bool]) -> dict[str, Node] | None:
        """The mapping's values by key, after reporting unknown and missing keys.

        ``what`` names the record for messages: a kind (``milestone``) or a ready message.
        """
        if type(node) is not Mapping:
            self.fail(node, "problem.shape.mapping", what=kind_name(what))
            return None
        items = node.items
        for key in items:
            if key not in spec:
                self._unknown_key(items[key][0], key, what, spec)
        result, missing = {}, []
        for key, required in spec.items():
            pair = items.get(key)
            if pair is None or (type(pair[1]) is Scalar and pair[1].is_null):
                if required:
                    missing.append(key)
                continue
            result[key] = pair[1]
        if missing and not self.problems.beyond(node.line, node.column, len(missing)):
            label = self._label(node, what)
            for key in missing:
                self.fail(node, "problem.key.missing", what=label, key=key)
        return result

    def _unknown_key(self, key_node: Scalar, key: str, what: str | Message, spec: dict[str, bool]) -> None:
        close = difflib.get_close_matches(key, spec, n=1)
        if close:
            self.fail(key_node, "problem.key.unknown_close", key=key, what=kind_name(what), close=close[0])
        else:
            self.fail(key_node, "problem.key.unknown", key=key, what=kind_name(what), allowed=", ".join(spec))

    @staticmethod
    def _label(node: Mapping, what: str | Message) -> str | Message:
        """``milestone 'm1'`` where the record has an id, else its kind."""
        id_node = node.get("id")
        if type(id_node) is Scalar and id_node.value:
            return Message.of("problem.what.named", what=kind_name(what), id=id_node.value)
        return kind_name(what)

    def sequence(self, node: Node, what: str | Message, min_items: int = 0) -> list[Node]:
        if type(node) is not Sequence:
            self.fail(node, "problem.shape.list", what=what)
            return []
        if node.count < min_items:
            self.fail(node, "problem.shape.too_few", what=what, n=min_items)
        return node.items

    def list_of(self, node: Node | None, what: str, read: Callable[[Node], T | None], min_items: int = 0) -> tuple[T, ...] | None:
        if node is None:
            return None
        items = self.sequence(node, what, min_items)
        values = [read(item) for item in items]
        if None in values or (min_items and not values):
            return None
        return tuple(values)

    def scalar(self, node: Node | None, what: str) -> Scalar | None:
        if node is None or type(node) is Scalar:
            return node
        shape = "list" if type(node) is Sequence else "mapping"
        self.fail(node, f"problem.shape.scalar_not_{shape}", what=what)
        return None

    # -- values ----------------------------------------------------------------------------

    def string(self, node: Node | None, what: str) -> str | None:
        """The text of a single value, shared with every equal one already read."""
        scalar = self.scalar(node, what)
        if scalar is None:
            return None
        value = scalar.value
        if not value.strip():
            self.fail(scalar, "problem.value.empty", what=what)
            return None
        return self._strings.setdefault(value, value)

    def text(self, node: Node | None, what: str) -> Text | None:
        if node is None:
            return None
        label = self._text_labels.get(what) or self._text_labels.setdefault(what, Message.of("problem.what.text", field=what))
        f = self.fields(node, label, _TEXT_SPEC)
        if f is None or len(f) < 2:
            return None
        zh, en = self.string(f["zh"], f"{what}.zh"), self.string(f["en"], f"{what}.en")
        if zh is None or en is None:
            return None
        pair = (zh, en)
        return self._texts.get(pair) or self._texts.setdefault(pair, Text(zh, en))

    def ident(self, node: Node | None, what: str) -> str | None:
        value = self.string(node, what)
        if value is not None and not _ID_RE.fullmatch(value):
            self.fail(node, "problem.value.id", what=what, value=value)
            return None
        return value

    def choice(self, node: Node | None, what: str, choices: dict[str, T]) -> T | None:
        value = self.string(node, what)
        if value is None:
            return None
        if value not in choices:
            self.fail(node, "problem.value.choice", what=what, value=value, choices=", ".join(choices))
            return None
        return choices[value]

    def date(self, node: Node | None) -> EdtfDate | None:
        value = self.string(node, "date")
        if value is None:
            return None
        date = self._dates.get(value)
        if date is None:
            try:
                date = parse_edtf(value)
            except EdtfError as err:
                date = err
            self._dates[value] = date
        if type(date) is EdtfError:
            self.fail(node, "problem.date.bad", reason=date.reason)
            return None
        return date

    def color(self, node: Node | None) -> str | None:
        value = self.string(node, "color")
        if value is not None and not _COLOR_RE.fullmatch(value):
            self.fail(node, "problem.value.color", value=value)
            return None
        return value

    def integer(self, node: Node | None, what: str, low: int, high: int) -> int | None:
        value = self.string(node, what)
        if value is None:
            return None
        if len(value) > len(str(high)) or not _INTEGER_RE.fullmatch(value) or not low <= int(value) <= high:
            # (the length first: int() refuses more than 4,300 digits with a ValueError)
            self.fail(node, "problem.value.integer", value=value, low=low, high=high)
            return None
        return int(value)

    def number(self, node: Node | None) -> Decimal | None:
        value = self.string(node, "value")
        if value is None:
            return None
        if not _NUMBER_RE.fullmatch(value):
            self.fail(node, "problem.value.number", value=value)
            return None
        if value.find(".") > MAX_DIGITS or ("." not in value and len(value) > MAX_DIGITS):
            self.fail(node, "problem.value.too_large", value=value, digits=MAX_DIGITS)
            return None
        number = Decimal(value)  # the pattern admits only valid decimals
        if number <= 0:
            self.fail(node, "problem.value.positive", value=value)
            return None
        return number

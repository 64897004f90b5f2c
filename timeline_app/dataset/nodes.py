"""The nodes a YAML file is read into: plain values that remember where they stand in the file.

Apart from the parsing (:mod:`.yamltree`), so that what only walks nodes (the checks, the kiosk's
configuration) does not import YAML itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Mapping", "Node", "Scalar", "Sequence"]

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


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
        return self.plain and self.value in _NULLS


@dataclass(slots=True)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)
    count: int = 0  # items seen, also those handed to a sink


@dataclass(slots=True)
class Mapping(Node):
    items: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)  # key -> (key node, value)

    def get(self, key: str) -> Node | None:
        pair = self.items.get(key)
        return pair[1] if pair else None

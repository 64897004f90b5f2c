"""What a frame of the timeline is made of: boxes, lines, texts, markers, bars, labels and badges.

Plain floats in logical pixels, with colours named by role (``("text",)``, ``("category", id)``)
rather than given: the painter resolves them from the theme, so one frame can be drawn in any
theme, on any device, at any scale. Text is measured through :class:`TextMeasure`, which the Qt
layer implements with the fonts it will draw with, so the layout and the picture agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = ["Badge", "Bar", "Box", "Color", "Fill", "Label", "Line", "Marker", "Text", "TextMeasure", "TextStyle"]

Color = tuple[str, ...]  # a colour role, and the dataset id it is for: ("category", "first-procedure")


class TextStyle:
    """The kinds of text a frame holds; the painter gives each a font."""

    LABEL = "label"  # a milestone's title
    BADGE = "badge"  # "+N"
    HEADER = "header"  # a lane's name (bold)
    SMALL = "small"  # strip captions, era names, anniversaries
    TICK = "tick"
    MAJOR_TICK = "major-tick"  # a year among months, a month among days (bold)
    CAPTION = "caption"  # what the visible range spans, under the axis


class TextMeasure(Protocol):
    """Text measured in the fonts the picture will be drawn with."""

    def width(self, text: str, style: str) -> float: ...

    def elide(self, text: str, style: str, width: float) -> str: ...

    def height(self, style: str) -> float: ...


@dataclass(frozen=True, slots=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def contains(self, x: float, y: float, pad: float = 0.0) -> bool:
        return self.left - pad <= x <= self.right + pad and self.top - pad <= y <= self.bottom + pad

    def intersects(self, other: Box) -> bool:
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom

    def distance(self, x: float, y: float) -> float:
        """How far (x, y) lies from the box: 0 inside."""
        dx = max(self.left - x, 0.0, x - self.right)
        dy = max(self.top - y, 0.0, y - self.bottom)
        return (dx * dx + dy * dy) ** 0.5


@dataclass(frozen=True, slots=True)
class Fill:
    box: Box
    color: Color


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: Color
    width: float = 1.0
    dash: str = ""  # "", "dash" or "dot"


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    box: Box  # the text's own extent: it is drawn inside, vertically centred
    style: str
    color: Color
    align: str = "left"  # "left", "center" or "right" within the box


@dataclass(frozen=True, slots=True)
class Marker:
    """A milestone's category marker; ``hollow`` when its date is not stated."""

    milestone: str
    x: float
    y: float
    radius: float
    symbol: str
    category: str
    hollow: bool
    selected: bool


@dataclass(frozen=True, slots=True)
class Bar:
    """The month, season or year a milestone is known to (``kind`` "bar"), or its period ("span")."""

    milestone: str
    box: Box
    category: str
    kind: str
    ends: bool  # whether its ends are in view and wide enough apart to be marked


@dataclass(frozen=True, slots=True)
class Label:
    """A milestone's title, joined to its marker by ``leader`` (None where it stands beside it)."""

    milestone: str
    text: Text
    leader: Line | None
    selected: bool


@dataclass(frozen=True, slots=True)
class Badge:
    """"+N": ``count`` milestones of lane ``lane`` not drawn one by one.

    ``lo``/``hi`` is the extent of their days (a strip's badge: their period); ``left``/``right``
    the screen interval they were gathered from (dated) — together they say which they are.
    """

    box: Box
    count: int
    lane: int
    in_strip: bool
    lo: float
    hi: float
    left: float
    right: float
    first: str  # the member of highest priority

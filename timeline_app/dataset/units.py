"""The units an indicator may be counted in, with how each language names them."""

from __future__ import annotations

from .records import Text

__all__ = ["UNITS"]

UNITS: dict[str, Text] = {
    "persons": Text("人", "persons"),
    "visits": Text("人次", "visits"),
    "m2": Text("平方米", "m²"),
    "mu": Text("亩", "mu"),
    "beds": Text("张", "beds"),
    "departments": Text("个", "departments"),
    "items": Text("项", "items"),
    "papers": Text("篇", "papers"),
    "devices": Text("台", "devices"),
    "sessions": Text("次", "sessions"),
    "operations": Text("台次", "operations"),
    "members": Text("家", "members"),
    "centres": Text("个", "centres"),
    "percent": Text("%", "%"),
}

"""Text that is measured before it is shown, cut first to what any screen can hold.

Qt measures a label by walking every character before eliding it to its room: a title of ten
megabytes took the window a minute and 900 MB to open. No label is ever shown wider than a
screen, so :func:`label_text` cuts it to :data:`LABEL_MAX` characters before anything measures
it; for every title that could fit, the eliding that follows gives the same text.
"""

from __future__ import annotations

__all__ = ["LABEL_MAX", "label_text"]

LABEL_MAX = 400  # characters: wider than a 8K screen at the smallest type


def label_text(text: str) -> str:
    return text if len(text) <= LABEL_MAX else text[:LABEL_MAX - 1] + "…"

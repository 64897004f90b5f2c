"""Tooltips that show text as written: Qt renders any tooltip that looks like HTML as HTML."""

from __future__ import annotations

__all__ = ["plain_tooltip"]


def plain_tooltip(text: str) -> str:
    """``text`` (lines kept) as a tooltip that never interprets dataset text as markup."""
    if not text:
        return ""
    from html import escape  # here: the module's table of entities is not needed on the way to the first frame

    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"

"""Every export format by name, for the command line and the Export dialog alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .selection import Selection

__all__ = ["FORMATS", "ExportFormat"]


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as --format spells it
    suffix: str
    filterable: bool  # whether "what I see" applies (the JSON is always the whole dataset)
    write: Callable[[Selection, str], bytes | Iterable[bytes]]  # bytes, or pieces of them to write in turn


def _json(sel: Selection, lang: str) -> Iterable[bytes]:
    """Streamed, a milestone at a time: an archive of 450,000 milestones as one string took 4 GB."""
    from .json_export import iter_json

    return (piece.encode("utf-8") for piece in iter_json(sel.dataset))


def _csv(sel: Selection, lang: str) -> bytes:
    from .sheets import milestone_rows, to_csv

    return to_csv(milestone_rows(sel, lang))


def _indicators(sel: Selection, lang: str) -> bytes:
    from .sheets import indicator_rows, to_csv

    return to_csv(indicator_rows(sel, lang))


def _xlsx(sel: Selection, lang: str) -> bytes:
    from .xlsx import to_xlsx

    return to_xlsx(sel, lang)


def _timelinejs(sel: Selection, lang: str) -> bytes:
    from .timelinejs import to_timelinejs

    return to_timelinejs(sel, lang).encode("utf-8")


FORMATS = {f.name: f for f in (
    ExportFormat("json", "json", False, _json),
    ExportFormat("csv", "csv", True, _csv),
    ExportFormat("indicators-csv", "csv", True, _indicators),
    ExportFormat("xlsx", "xlsx", True, _xlsx),
    ExportFormat("timelinejs", "json", True, _timelinejs),
)}


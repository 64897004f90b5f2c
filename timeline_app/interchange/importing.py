"""TimelineJS JSON, or a TimelineJS spreadsheet saved as CSV, read into our dataset format.

TimelineJS knows less than a dataset needs, so the import guesses, and says what it guessed:
groups become branches (in order of first appearance), texts in one language serve as both
(``zh`` and ``en``), one category holds every milestone, one source stands for the file, ids come
from ``unique_id`` (else from the date, made unique in file order, so a second import of the same
file gives the same ids). A sheet that has our own columns (as ``export --format csv`` writes it)
gives back its EDTF dates, ids, branch and category ids, both languages and citations.

What TimelineJS itself would refuse (a date part that is not an integer, an event with no year)
and what we cannot keep (HTML in a headline, times of day without a date) is an error:
``FILE: message``, in the catalogs' languages. :func:`write_dataset` writes the result under a
temporary name beside the target, loads it as ``validate`` would, and only then renames it.
"""

from __future__ import annotations

import calendar
import csv
import html
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..dataset import DatasetError, load_dataset
from ..dataset.edtf import EdtfError, parse_edtf
from ..dataset.problems import Message, format_problem
from .common import InterchangeError, parse_source_field, write_atomically
from .sheets import OUR_COLUMNS
from .timelinejs import SOURCES_CLASS

__all__ = ["REQUIRED_COLUMNS", "Imported", "import_file", "write_dataset"]

REQUIRED_COLUMNS = ("Year", "Month", "Day", "End Year", "End Month", "End Day", "Headline", "Text")
MAX_BYTES = 64 * 1024 * 1024
_INTEGER = re.compile(r"\s*-?\d+\s*")  # TimelineJS's VALID_INTEGER_PATTERN, with a value required
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(br\s*/?|/p\s*)>", re.IGNORECASE)
_SOURCES_P = re.compile(rf'<p class="{SOURCES_CLASS}">.*?</p>', re.DOTALL)
_PALETTE = ("#2a9d8f", "#e76f51", "#3d5a80", "#8e6cb8", "#d4a11e", "#3a9a5b", "#c9372c", "#5c6b73")
_TIME_KEYS = ("hour", "minute", "second", "millisecond")


@dataclass
class Imported:
    """The dataset as YAML-ready data, and what had to be guessed (one message per kind of guess)."""

    data: dict[str, Any]
    guesses: list[Message] = field(default_factory=list)

    @property
    def milestones(self) -> int:
        return len(self.data["milestones"])


def import_file(path: Path, fmt: str, name: str | None = None) -> Imported:
    """Reads ``path`` (``fmt``: ``timelinejs`` or ``sheet``); raises :class:`InterchangeError`."""
    name = name or str(path)
    text = _read_text(path, name)
    reader = _Reader(name, path.stem)
    if fmt == "timelinejs":
        reader.timelinejs(text)
    else:
        reader.sheet(text)
    return reader.result()


def write_dataset(imported: Imported, out: Path, name: str | None = None) -> None:
    """Writes the dataset to ``out`` only if it loads without problems (nothing half-written)."""
    body = yaml.safe_dump(imported.data, allow_unicode=True, sort_keys=False, width=100)
    data = ("# Imported by timeline-app; the format: docs/dataset-format.md\n" + body).encode("utf-8")
    staged = out.with_name(f".{out.name}.check.yaml")
    try:
        staged.write_bytes(data)
        load_dataset(staged, display_name=name or str(out))
    except DatasetError as err:  # a bug of ours, not the user's: still say what it is
        raise InterchangeError(name or str(out), "import.invalid", problem=format_problem(err.problems[0], "en")) from None
    finally:
        staged.unlink(missing_ok=True)
    write_atomically(out, data)


def _read_text(path: Path, name: str) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InterchangeError(name, "import.too_big", limit=MAX_BYTES)
        data = path.read_bytes()
    except OSError as err:
        raise InterchangeError(name, "import.unreadable", reason=err.strerror or str(err)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InterchangeError(name, "import.not_utf8", byte=f"{err.start + 1:,}") from None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Reader:
    """Builds the dataset from TimelineJS events (a sheet's rows are read into the same shape)."""

    def __init__(self, name: str, stem: str):
        self.name, self.stem = name, stem
        self.title: str | None = None
        self.branches: dict[str, dict[str, Any]] = {}  # by group label
        self.categories: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, None] = {}
        self.milestones: list[dict[str, Any]] = []
        self.eras: list[dict[str, Any]] = []
        self.ids: set[str] = set()
        self.guesses: dict[str, list[str]] = {}  # catalog key → what it concerns
        self.latest_year = 1

    def fail(self, key: str, /, **params) -> InterchangeError:
        return InterchangeError(self.name, key, **params)

    def guess(self, key: str, what: str = "") -> None:
        self.guesses.setdefault(key, []).append(what)

    # -- the formats -------------------------------------------------------------------------

    def timelinejs(self, text: str) -> None:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise self.fail("import.not_json", line=err.lineno, column=err.colno, reason=err.msg) from None
        if not isinstance(data, dict) or not isinstance(data.get("events"), list):
            raise self.fail("import.not_timelinejs")
        title = data.get("title")
        if isinstance(title, dict):
            self.title = self.headline(title, self.describe_slide(title, 0))
        for k, event in enumerate(data["events"], 1):
            if not isinstance(event, dict):
                raise self.fail("import.event_not_object", n=k)
            self.event(event, self.describe_slide(event, k))
        for k, era in enumerate(data.get("eras") or [], 1):
            if not isinstance(era, dict):
                raise self.fail("import.event_not_object", n=k)
            self.era(era, None, None, self.describe_slide(era, k))

    def sheet(self, text: str) -> None:
        rows = csv.DictReader(io.StringIO(text, newline=""))
        header = [h.strip() for h in rows.fieldnames or []]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise self.fail("import.sheet_columns", columns=", ".join(missing))
        rows.fieldnames = header
        ours = all(c in header for c in OUR_COLUMNS)
        for number, row in enumerate(rows, 2):  # the header is row 1
            row = {k: (v or "").strip() for k, v in row.items() if k}
            if not any(row.values()):
                continue
            where = Message.of("import.row", n=number)
            kind = row.get("Type", "").lower()
            if kind == "title":
                self.title = self.headline({"text": {"headline": row["Headline"]}}, where)
                continue
            event = _sheet_event(row)
            if kind == "era":
                self.era(event, row.get("id") if ours else None, row.get("edtf") if ours else None, where)
            else:
                self.event(event, where, row if ours else None)

    # -- the pieces --------------------------------------------------------------------------

    def describe_slide(self, slide: dict[str, Any], k: int) -> Message:
        uid = slide.get("unique_id")
        return Message.of("import.event", n=k, id=uid) if isinstance(uid, str) and uid else Message.of("import.event_n", n=k)

    def headline(self, slide: dict[str, Any], where: Message) -> str:
        text = slide.get("text") if isinstance(slide.get("text"), dict) else {}
        raw = text.get("headline") or ""
        if not isinstance(raw, str):
            raise self.fail("import.not_text", where=where, key="headline")
        if _TAG.search(raw):
            raise self.fail("import.html_headline", where=where, text=raw[:80])
        return html.unescape(raw).strip()

    def body(self, slide: dict[str, Any], where: Message) -> str:
        text = slide.get("text") if isinstance(slide.get("text"), dict) else {}
        raw = text.get("text") or ""
        if not isinstance(raw, str):
            raise self.fail("import.not_text", where=where, key="text")
        raw = _SOURCES_P.sub("", raw)
        plain = _BREAK.sub("\n", raw)
        if _TAG.search(plain.replace("<p>", "")):
            self.guess("import.guess.markup", where.text())
        return "\n".join(line.strip() for line in html.unescape(_TAG.sub("", plain)).splitlines() if line.strip())

    def date(self, slide: dict[str, Any], where: Message) -> str:
        """The EDTF of ``start_date``/``end_date`` at the precision their parts give."""
        if not isinstance(slide.get("start_date"), dict):
            raise self.fail("import.no_start", where=where)
        start = self.part(slide["start_date"], where)
        end = self.part(slide["end_date"], where) if isinstance(slide.get("end_date"), dict) else None
        if slide.get("display_date"):
            self.guess("import.guess.display_date", where.text())
        return self.checked(start if end in (None, start) else f"{start}/{end}", where)

    def checked(self, text: str, where: Message) -> str:
        """``text`` if it is a date we can hold (the source's date follows the latest of them)."""
        try:
            parsed = parse_edtf(text)
        except EdtfError as err:
            raise self.fail("import.bad_date", where=where, reason=err.reason) from None
        self.latest_year = max(self.latest_year, (parsed.latest or parsed.earliest).year)
        return text

    def part(self, d: dict[str, Any], where: Message) -> str:
        values = {}
        for key in ("year", "month", "day", *_TIME_KEYS):
            v = d.get(key, "")
            if isinstance(v, bool) or not isinstance(v, (int, str)) or (isinstance(v, str) and v.strip() and not _INTEGER.fullmatch(v)):
                raise self.fail("import.not_integer", where=where, key=key, value=str(v)[:40])
            values[key] = int(v) if str(v).strip() else None
        year, month, day = values["year"], values["month"], values["day"]
        if year is None:
            raise self.fail("import.no_year", where=where)
        if not 1 <= year <= 9999:
            raise self.fail("import.year_range", where=where, year=year)
        if any(values[k] is not None for k in _TIME_KEYS):
            self.guess("import.guess.time", where.text())
        if month is None:
            if day is not None:
                raise self.fail("import.day_without_month", where=where)
            return f"{year:04d}"
        if not 1 <= month <= 12:
            raise self.fail("import.bad_month", where=where, month=month)
        if day is None:
            return f"{year:04d}-{month:02d}"
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise self.fail("import.bad_day", where=where, date=f"{year:04d}-{month:02d}", day=day)
        return f"{year:04d}-{month:02d}-{day:02d}"

    def unique(self, wanted: str, fallback: str) -> str:
        base = _slug(wanted.lstrip("_")) or fallback
        made, n = base, 2
        while made in self.ids:
            made, n = f"{base}-{n}", n + 1
        self.ids.add(made)
        return made

    def branch(self, label: str, branch_id: str | None) -> str:
        label = label or self.stem
        if label not in self.branches:
            if not label:
                self.guess("import.guess.no_group")
            made = _slug(branch_id or label) or f"group-{len(self.branches) + 1}"
            self.branches[label] = {"id": made, "kind": "branch", "name": {"zh": label, "en": label},
                                    "color": _PALETTE[len(self.branches) % len(_PALETTE)]}
            self.guess("import.guess.branch", f"{label} → {made}")
        return self.branches[label]["id"]

    def event(self, event: dict[str, Any], where: Message, ours: dict[str, str] | None = None) -> None:
        headline = self.headline(event, where)
        summary = self.body(event, where)
        if ours:
            date = self.checked(ours["edtf"], where) if ours["edtf"] else self.date(event, where)
            title = {"zh": ours["title_zh"] or headline, "en": ours["title_en"] or headline}
            summary_text = {"zh": ours["summary_zh"] or summary, "en": ours["summary_en"] or summary}
            sources = parse_source_field(ours["sources"])
        else:
            date = self.date(event, where)
            title, summary_text, sources = {"zh": headline, "en": headline}, {"zh": summary, "en": summary}, ()
            self.guess("import.guess.language")
        if not headline and not (ours and ours["title_zh"]):
            raise self.fail("import.no_headline", where=where)
        if not summary_text["zh"] or not summary_text["en"]:
            summary_text = {lang: summary_text[lang] or title[lang] for lang in ("zh", "en")}
            self.guess("import.guess.summary", where.text())
        uid = (ours or {}).get("id") or (event.get("unique_id") if isinstance(event.get("unique_id"), str) else "")
        if not uid:
            self.guess("import.guess.id", where.text())
        milestone_id = self.unique(uid, "e-" + _slug(date))
        category = _slug((ours or {}).get("category") or "") or "event"
        self.categories.setdefault(category, None)
        record: dict[str, Any] = {
            "id": milestone_id, "branch": self.branch(str(event.get("group") or ""), (ours or {}).get("branch")),
            "category": category, "date": date, "title": title, "summary": summary_text,
            "sources": [self.cite(c.source, c.paragraph) for c in sources] or [self.cite("imported", None)],
        }
        media = event.get("media") if isinstance(event.get("media"), dict) else {}
        if media.get("url"):
            caption = html.unescape(_TAG.sub("", str(media.get("caption") or media.get("alt") or ""))) or headline
            credit = html.unescape(_TAG.sub("", str(media.get("credit") or "")))
            record["media"] = [{"path": str(media["url"]), "caption": {"zh": caption, "en": caption}}
                               | ({"credit": {"zh": credit, "en": credit}} if credit else {})]
            self.guess("import.guess.media", where.text())
        self.milestones.append(record)

    def cite(self, source: str, paragraph: int | None):
        source = _slug(source) or "imported"
        self.sources.setdefault(source, None)
        return {"source": source, "paragraph": paragraph} if paragraph else source

    def era(self, era: dict[str, Any], era_id: str | None, edtf: str | None, where: Message) -> None:
        name = self.headline(era, where) or self.stem
        date = self.checked(edtf, where) if edtf else self.date(era, where)
        if "/" not in date:
            date = f"{date}/{date}"
        self.eras.append({"id": self.unique(era_id or name, f"era-{len(self.eras) + 1}"),
                          "name": {"zh": name, "en": name}, "date": date})

    def result(self) -> Imported:
        if not self.milestones:
            raise self.fail("import.no_events")
        if not self.title:
            self.guess("import.guess.title", self.stem)
        title = self.title or self.stem
        self.guess("import.guess.source", str(self.latest_year))
        data = {
            "format": 1,
            "title": {"zh": title, "en": title},
            "sources": [{"id": s, "title": {"zh": title if s == "imported" else s, "en": title if s == "imported" else s},
                         "outlet": {"zh": "TimelineJS", "en": "TimelineJS"}, "date": f"[{self.latest_year:04d}..]"}
                        for s in self.sources],
            "branches": list(self.branches.values()),
            "categories": [{"id": c, "name": {"zh": c, "en": c}, "marker": "o", "color": "#3b75af"} for c in self.categories],
            **({"eras": self.eras} if self.eras else {}),
            "milestones": self.milestones,
        }
        order = {b["id"]: k for k, b in enumerate(self.branches.values())}
        data["milestones"].sort(key=lambda m: (parse_edtf(m["date"]).sort_key, order[m["branch"]], m["id"]))
        guesses = [Message.of(key, what=_summarise(whats)) for key, whats in self.guesses.items()]
        return Imported(data, guesses)


def _summarise(whats: list[str], shown: int = 3) -> str:
    whats = [w for w in dict.fromkeys(whats) if w]
    more = f" (+{len(whats) - shown})" if len(whats) > shown else ""
    return ", ".join(whats[:shown]) + more


def _sheet_event(row: dict[str, str]) -> dict[str, Any]:
    """A sheet's row as a TimelineJS event, as TimelineJS's own reader makes it."""
    event: dict[str, Any] = {
        "text": {"headline": row.get("Headline", ""), "text": row.get("Text", "")},
        "display_date": row.get("Display Date", ""), "group": row.get("Group", ""),
        "media": {"url": row.get("Media", ""), "caption": row.get("Media Caption", ""),
                  "credit": row.get("Media Credit", ""), "alt": row.get("Alt Text", "")},
    }
    if row.get("Year"):
        event["start_date"] = {"year": row["Year"], "month": row.get("Month", ""), "day": row.get("Day", "")}
    if row.get("End Year"):
        event["end_date"] = {"year": row["End Year"], "month": row.get("End Month", ""), "day": row.get("End Day", "")}
    if row.get("Time") or row.get("End Time"):
        event.setdefault("start_date", {})["hour"] = "0"  # any time: reported, then dropped
    return event

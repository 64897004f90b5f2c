"""A milestone as text to copy out: the whole record, a citation of its sources, a link back.

Chinese citations follow GB/T 7714-2015 (信息与文献 参考文献著录规则) for a newspaper article
online, as its own examples write one:
主要责任者. 题名[N/OL]. 报纸名, 出版日期[引用日期]. 获取和访问路径.
The author is the person (no role, no outlet); a date the source does not state itself is its
year in square brackets, as the standard asks for an inferred date; a publisher the source does
not name is [出版者不详]; the paragraph cited stands after the date, where a locator goes
(出版年: 页码[引用日期]); a source whose address nobody recorded says so rather than leave the
access path out. English citations give the same parts in the usual order: the original title as
it is, its translation in square brackets and the language it is in. Every word comes from the
reader's catalog.
"""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path

from ..dataset.edtf import Kind, Precision
from ..dataset.records import Dataset, EdtfDate, Milestone, Source
from . import catalog, tr
from .dates import date_in_words, day_words, describe
from .wording import group_citations, join_names

__all__ = ["citations", "milestone_link", "record_text"]


def _stated(date: EdtfDate) -> bool:
    """Whether the source states its date itself (a day, month or year), rather than it being inferred."""
    return date.kind is Kind.DATE and date.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR) \
        and not (date.uncertain or date.approximate)


def _inferred_year(date: EdtfDate, lang: str) -> str:
    """The year of a date the source does not state, in [brackets] (or that none is known)."""
    known = date.earliest or date.latest
    return f"[{known.year}]" if known else tr("citation.no_date", lang)


def _iso_date(date: EdtfDate, lang: str) -> str:
    """GB/T 7714's 出版日期: as precise as the source states it (2013-01-12, 2013-01, 2013)."""
    if not _stated(date):
        return _inferred_year(date, lang)
    part = date.start
    return f"{part.year:04d}" + "".join(f"-{n:02d}" for n in (part.month, part.day) if n is not None)


def _date_words(date: EdtfDate, lang: str) -> str:
    """The source's date in the reader's words, or its inferred year in [brackets]."""
    return describe(date, lang) if _stated(date) else _inferred_year(date, lang)


def _paragraphs(paragraphs: list[int], lang: str) -> str:
    key = "citation.paragraph" if len(paragraphs) == 1 else "citation.paragraphs"
    return tr(key, lang, n=join_names([str(n) for n in paragraphs], lang))


def _common(source: Source, lang: str) -> tuple[str, str, str]:
    """The author element (with its full stop), the publisher and the access path, in ``lang``."""
    author = f"{source.author.get(lang)}. " if source.author else ""
    outlet = source.outlet.get(lang) if source.outlet else tr("citation.publisher_unknown", lang)
    return author, outlet, source.url or tr("citation.no_access_path", lang)


def _gbt7714(source: Source, paragraphs: list[int], accessed: dt.date, lang: str) -> str:
    author, outlet, path = _common(source, lang)
    title = source.title.get(source.language or lang)
    locator = f": {_paragraphs(paragraphs, lang)}" if paragraphs else ""
    return f"{author}{title}[N/OL]. {outlet}, {_iso_date(source.date, lang)}{locator}[{accessed.isoformat()}]. {path}."


def _nested(title: str) -> str:
    """A title set inside the English form's double quotes: its own double quotes become single."""
    return title.translate(_SINGLE_QUOTES)


_SINGLE_QUOTES = str.maketrans({"“": "‘", "”": "’"})


def _english(source: Source, paragraphs: list[int], accessed: dt.date, lang: str) -> str:
    author, outlet, path = _common(source, lang)
    if source.language and source.language != lang:  # the original title, then ours
        title = tr("citation.title_translated", lang, original=_nested(source.title.get(source.language)),
                   translation=source.title.get(lang), language=tr(f"citation.language.{source.language}", lang))
    else:
        title = tr("citation.title", lang, title=_nested(source.title.get(lang)))
    locator = f", {_paragraphs(paragraphs, lang)}" if paragraphs else ""
    accessed_words = tr("citation.accessed", lang, date=day_words(accessed, lang))
    return f"{author}{title} {outlet}, {_date_words(source.date, lang)}{locator}. {accessed_words}. {path}."


_STYLES = {"gbt7714": _gbt7714, "english": _english}  # a catalog's CITATION_STYLE names one


def citations(m: Milestone, ds: Dataset, lang: str, accessed: dt.date | None = None) -> str:
    """Every source of ``m``, one citation per line: GB/T 7714 in Chinese, the usual form in English."""
    accessed = accessed or dt.date.today()
    form = _STYLES[catalog(lang).CITATION_STYLE]
    return "\n".join(form(ds.source_by_id[s], paragraphs, accessed, lang) for s, paragraphs in group_citations(m.sources))


def milestone_link(m: Milestone, dataset_path: Path | None, x_range: tuple[float, float]) -> str:
    """The record's id, and a command line that reopens the viewer on it at the visible range."""
    first, last = (dt.date.fromordinal(min(max(int(x), 1), dt.date.max.toordinal())) for x in x_range)
    command = ["timeline-app"]
    if dataset_path is not None:
        command.append(str(dataset_path))
    command += ["--select", m.id, "--range", f"{first.isoformat()}/{last.isoformat()}"]
    return f"{m.id}\n{shlex.join(command)}"


def record_text(m: Milestone, ds: Dataset, lang: str) -> str:
    """The whole record as the detail pane shows it, as plain text with its captions."""
    branch, category = ds.branch_by_id[m.branch], ds.category_by_id[m.category]
    lines = [m.title.get(lang), m.summary.get(lang), ""]

    def line(key: str, value: str) -> str:
        return tr("detail.caption_value", lang, caption=tr(key, lang), value=value)

    lines.append(line("detail.date", date_in_words(m.date, lang)))
    lines.append(line("detail.branch", branch.name.get(lang)))
    lines.append(line("detail.category", category.name.get(lang)))
    if m.people:
        people = [tr("detail.person", lang, name=p.name.get(lang), role=p.role.get(lang)) for p in m.people]
        lines.append(line("detail.people", join_names(people, lang)))
    for key, texts in (("detail.places", m.places), ("detail.tags", m.tags)):
        if texts:
            lines.append(line(key, join_names([t.get(lang) for t in texts], lang)))
    lines.append(line("detail.record_id", m.id))
    lines += ["", line("detail.source", ""), citations(m, ds, lang)]
    return "\n".join(lines)


"""A milestone as text to copy out: the whole record, a citation of its sources, a link back.

Chinese citations follow GB/T 7714-2015 (信息与文献 参考文献著录规则) for an article online:
主要责任者. 题名[N/OL]. 出版者, 出版年[引用日期]. 获取和访问路径. — a year the source does not
state itself stands in square brackets, as the standard asks for an inferred date; the paragraph
follows the year, where a page would. English citations give the same parts in the usual order.
"""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path

from ..dataset.edtf import Kind, Precision
from ..dataset.records import Dataset, EdtfDate, Milestone, Source
from . import catalog, tr
from .dates import date_in_words, day_words
from .wording import group_citations, join_names

__all__ = ["citations", "milestone_link", "record_text"]


def _year(date: EdtfDate) -> str:
    """The source's year as a citation gives it: exact, or in [brackets] where it is inferred."""
    known = date.earliest or date.latest
    if known is None:
        return "[n.d.]"
    exact = date.kind is Kind.DATE and date.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR) \
        and not (date.uncertain or date.approximate)
    return str(known.year) if exact else f"[{known.year}]"


def _gbt7714(source: Source, paragraphs: list[int], accessed: dt.date) -> str:
    parts = [f"{source.author.zh}. " if source.author else ""]
    parts.append(f"{source.title.zh}[N/OL]. {source.outlet.zh}, {_year(source.date)}[{accessed.isoformat()}]")
    if paragraphs:
        parts.append(f": 第{join_names([str(n) for n in paragraphs], 'zh')}段")
    parts.append(".")
    if source.url:
        parts.append(f" {source.url}.")
    return "".join(parts)


def _english(source: Source, paragraphs: list[int], accessed: dt.date) -> str:
    parts = [f"{source.author.en}. " if source.author else ""]
    parts.append(f"“{source.title.en}.” {source.outlet.en}, {_year(source.date)}")
    if paragraphs:
        label = "para." if len(paragraphs) == 1 else "paras."
        parts.append(f", {label} {', '.join(str(n) for n in paragraphs)}")
    parts.append(f". Accessed {day_words(accessed, 'en')}.")
    if source.url:
        parts.append(f" {source.url}.")
    return "".join(parts)


_STYLES = {"gbt7714": _gbt7714, "english": _english}  # a catalog's CITATION_STYLE names one


def citations(m: Milestone, ds: Dataset, lang: str, accessed: dt.date | None = None) -> str:
    """Every source of ``m``, one citation per line: GB/T 7714 in Chinese, the usual form in English."""
    accessed = accessed or dt.date.today()
    form = _STYLES[catalog(lang).CITATION_STYLE]
    return "\n".join(form(ds.source_by_id[s], paragraphs, accessed) for s, paragraphs in group_citations(m.sources))


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


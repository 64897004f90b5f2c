"""How the interface puts dataset values into words: citations, names, counts.

Pure functions over the dataset and the catalogs (no Qt), shared by the detail pane, the list,
the indicator panel and the window's status line.
"""

from __future__ import annotations

from ..dataset.records import Citation, Dataset
from . import tr
from .dates import describe

__all__ = ["citation_parts", "group_citations", "join_clauses", "join_names", "paragraph_words", "problem_count"]


def join_names(names: list[str], lang: str) -> str:
    """A list of names as the language writes one: ``东院、西院`` / ``East, West``."""
    return tr("sep.list", lang).join(names)


def join_clauses(clauses: list[str], lang: str) -> str:
    """Clauses of one sentence: ``…；…`` / ``…; …``."""
    return tr("sep.clause", lang).join(clauses)


def group_citations(citations: tuple[Citation, ...]) -> list[tuple[str, list[int]]]:
    """Citations gathered by source, in order of first mention, with their paragraphs ascending."""
    grouped: dict[str, set[int]] = {}
    for c in citations:
        paragraphs = grouped.setdefault(c.source, set())
        if c.paragraph is not None:
            paragraphs.add(c.paragraph)
    return [(source, sorted(paragraphs)) for source, paragraphs in grouped.items()]


def citation_parts(source_id: str, paragraphs: list[int], dataset: Dataset, lang: str) -> tuple[str, str]:
    """A cited article's title, and what else locates the facts: outlet, its date, paragraphs."""
    source = dataset.source_by_id[source_id]
    outlet = source.outlet.get(lang) if source.outlet else tr("detail.outlet_unknown", lang)
    details = [outlet, describe(source.date, lang)]
    if paragraphs:
        details.append(paragraph_words(paragraphs, lang))
    return source.title.get(lang), tr("sep.dot", lang).join(details)


def paragraph_words(paragraphs: list[int], lang: str) -> str:
    """``第 9 段`` / ``paragraphs 6, 7``."""
    if len(paragraphs) == 1:
        return tr("detail.paragraph", lang, n=paragraphs[0])
    return tr("detail.paragraphs", lang, n=join_names([str(n) for n in paragraphs], lang))


def problem_count(n: int, lang: str) -> str:
    """"1 problem", "3 problems"."""
    return tr("problems.one", lang) if n == 1 else tr("problems.many", lang, n=n)

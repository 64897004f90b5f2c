"""What every interchange format shares: readable citations, errors worded in both languages, and
writing a file whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..dataset.problems import Message
from ..i18n.problems import message_text
from ..dataset.records import Citation, Dataset
from ..i18n import tr
from ..i18n.problems import message_text
from ..i18n.wording import citation_parts, group_citations

__all__ = ["InterchangeError", "parse_source_field", "readable_citation", "source_field", "write_atomically"]


class InterchangeError(ValueError):
    """A file another tool made that cannot be read as it claims to be: ``FILE: message``."""

    def __init__(self, file: str, key: str, /, **params: object):
        self.file = file
        self.message = Message.of(key, **params)
        super().__init__(key)

    def text(self, lang: str) -> str:
        return f"{self.file}: {message_text(self.message, lang)}"

    def __str__(self) -> str:
        return self.text("en")


def readable_citation(sources: tuple[Citation, ...], ds: Dataset, lang: str) -> str:
    """Each cited article with outlet, date and paragraphs, one per line. No "accessed" day (the
    clipboard's citations have one), so the same dataset always exports the same bytes."""
    lines = []
    for source, paragraphs in group_citations(sources):
        title, details = citation_parts(source, paragraphs, ds, lang)
        lines.append(tr("export.citation", lang, title=title, details=details))
    return "\n".join(lines)


def source_field(sources: tuple[Citation, ...]) -> str:
    """Citations as ids with paragraphs, ``wushan-article ¶9; xiushan-article``: what
    :func:`parse_source_field` reads back."""
    return "; ".join(c.source + (f" ¶{c.paragraph}" if c.paragraph else "") for c in sources)


def parse_source_field(text: str) -> tuple[Citation, ...]:
    out = []
    for item in filter(None, (s.strip() for s in text.split(";"))):
        source, _, paragraph = item.partition(" ¶")
        out.append(Citation(source.strip(), int(paragraph) if paragraph.strip().isdigit() else None))
    return tuple(out)


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Writes ``data`` (or its pieces, in turn) to a temporary name in ``path``'s folder, then renames
    it over ``path``: a reader (or a crash) never sees half a file, and a failed write leaves the old one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.writelines([data] if isinstance(data, bytes) else data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as open() would make it; mkstemp's is 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

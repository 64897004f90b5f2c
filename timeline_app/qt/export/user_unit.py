"""Pages beyond 200 inches: PDF's /UserUnit, added to the file Qt's PDF writer made.

A PDF page may measure at most 14,400 default units (200 in) a side; PDF 1.6 lets a page name a
larger unit (``/UserUnit k``: k/72 in). Qt cannot set it, so a banner is drawn at 1/k of its size
on a page of PDF 1.6 and each page's dictionary is then given ``/UserUnit k`` (in place of the 1.0 Qt writes), the offsets of the
cross-reference table moved by what was inserted. Only the file's plain structure is touched:
content streams and fonts stay byte for byte as Qt wrote them.
"""

from __future__ import annotations

import math
import re

__all__ = ["MAX_INCHES", "UserUnitError", "set_user_unit", "user_unit"]

MAX_INCHES = 200.0  # a page's side in default units: 14,400 / 72 in
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"(\d+) (\d+)[ \t]*\r?\n")
_OBJECT = re.compile(rb"\d+ \d+ obj\b")
_PAGE_TYPE = re.compile(rb"/Type\s*/Page(?![A-Za-z0-9])")
_USER_UNIT = re.compile(rb"/UserUnit\s+([0-9.]+)")
_HEADER = re.compile(rb"%PDF-(\d)\.(\d)")
_ENTRY = 20  # an entry of a cross-reference table: "oooooooooo ggggg n\r\n"


class UserUnitError(Exception):
    """The file is not laid out as Qt writes a PDF (one cross-reference table, plain objects)."""


def user_unit(width_in: float, height_in: float) -> int:
    """The smallest whole unit (in 1/72 in) that brings each side of a page to 200 in or less."""
    return max(1, math.ceil(max(width_in, height_in) / MAX_INCHES - 1e-9))


def set_user_unit(data: bytes, unit: int) -> bytes:
    """``data`` (a PDF of version 1.6 or later) with ``/UserUnit unit`` in every page's dictionary
    and its cross-reference table and ``startxref`` moved to match."""
    header = _HEADER.match(data)
    if header is None or (int(header[1]), int(header[2])) < (1, 6):
        raise UserUnitError("/UserUnit needs PDF 1.6 or later")
    tail = _STARTXREF.search(data, max(len(data) - 64, 0))
    if tail is None:
        raise UserUnitError("no startxref at the end")
    xref, end_of_table = int(tail[1]), tail.start()
    if not data.startswith(b"xref", xref):
        raise UserUnitError("startxref does not point at a cross-reference table")
    entries = _entries(data, xref)
    value = b"%d" % unit
    edits: list[tuple[int, int, bytes]] = []  # (start, end, replacement), in file order
    for offset in sorted(set(entries.values())):
        body = _OBJECT.match(data, offset)
        if body is None:
            raise UserUnitError(f"no object at offset {offset}")
        stop = min(i for i in (data.find(b"stream", offset), data.find(b"endobj", offset)) if i >= 0)
        page = _PAGE_TYPE.search(data, body.end(), stop)
        if page is None:
            continue
        present = _USER_UNIT.search(data, body.end(), stop)  # Qt's PDF 1.6 names 1.0 itself
        edits.append((present.start(1), present.end(1), value) if present
                     else (page.end(), page.end(), b"\n/UserUnit " + value))
    if not edits:
        raise UserUnitError("no page")
    edits.sort()

    def shift(offset: int) -> int:
        return offset + sum(len(text) - (end - start) for start, end, text in edits if start < offset)

    out = bytearray()
    last = 0
    for start, end, text in edits:
        out += data[last:start] + text
        last = end
    out += data[last:xref]
    table = bytearray(data[xref:end_of_table])
    for position, offset in entries.items():  # each entry's offset, in place: entries keep their width
        table[position - xref:position - xref + 10] = b"%010d" % shift(offset)
    out += table
    out += b"startxref\n%d\n%%%%EOF\n" % shift(xref)
    return bytes(out)


def _entries(data: bytes, xref: int) -> dict[int, int]:
    """For each object in use: where its entry stands in the file, and the offset it gives."""
    at = xref + len(b"xref")
    while data[at:at + 1] in (b"\r", b"\n", b" "):
        at += 1
    entries = {}
    while (section := _SUBSECTION.match(data, at)) is not None:
        at = section.end()
        for _ in range(int(section[2])):
            entry = data[at:at + _ENTRY]
            if len(entry) != _ENTRY or entry[17:18] not in (b"n", b"f"):
                raise UserUnitError(f"a malformed cross-reference entry at {at}")
            if entry[17:18] == b"n":
                entries[at] = int(entry[:10])
            at += _ENTRY
    if not data.startswith(b"trailer", at):
        raise UserUnitError("no trailer after the cross-reference table")
    return entries

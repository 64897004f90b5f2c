#!/usr/bin/env python3
"""Build the bundled CJK font: a Simplified Chinese subset of Noto Sans CJK.

Kiosk machines have no CJK system font, so timeline-app ships its own. The full
Noto Sans CJK collections are ~20 MB per weight and hold Japanese, Korean and
Traditional Chinese faces we never use; this script cuts the Simplified Chinese
face ("Noto Sans CJK SC") of the Regular and Bold collections down to:

* all of GB2312 (enumerated through Python's ``gb2312`` codec: every valid
  two-byte code, 7,445 characters, 6,763 of them hanzi);
* ASCII and Latin-1 (U+0020-007E, U+00A0-00FF);
* General Punctuation (U+2000-206F), CJK Symbols and Punctuation
  (U+3000-303F) and Halfwidth and Fullwidth Forms (U+FF00-FFEF);
* every character that appears in the project's text: ``data/*.yaml``,
  ``seeds/*.yaml`` and ``timeline_app/**/*.py`` (whichever exist), so the
  dataset and the UI strings are always covered.

Re-run it whenever those files gain characters (``--check`` says whether they
have)::

    python tools/subset_font.py            # rebuild resources/fonts/*.otf
    python tools/subset_font.py --check    # exit 1 if project text is not covered

Layout features are fontTools' defaults (kern, locl, vert, vrt2, palt, ...).
Only the default and Simplified Chinese (``ZHS``) language systems are kept:
the Japanese, Korean and Traditional Chinese ``locl`` variants would pull in
~5,800 extra glyphs (+77 % size) that an SC-only font never shows. CFF hints
are kept (dropping them saves only ~15 %, and FreeType uses them at small UI
sizes); pass ``--no-hinting`` to drop them anyway.

The output is OpenType/CFF (.otf) with the family renamed to
"Timeline Noto Sans SC", so it can never be confused with an installed full
Noto Sans CJK. Output is reproducible: the head timestamps are copied from the
source font, so re-running on unchanged inputs gives byte-identical files.

The fonts are under the SIL Open Font License 1.1; see resources/fonts/README.md.
Needs fontTools (``pip install fonttools``) and the Debian package
fonts-noto-cjk (or ``--source-dir`` pointing at the same .ttc files).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
OUT_DIR = ROOT / "resources" / "fonts"

SOURCE_FAMILY = "Noto Sans CJK SC"  # the face to take out of each collection
FAMILY = "Timeline Noto Sans SC"  # family name of the bundled subset
PS_FAMILY = "TimelineNotoSansSC"  # PostScript names have no spaces
LANGUAGE = "ZHS"  # OpenType language system kept besides the defaults

# (weight, source collection, output file)
WEIGHTS = [
    ("Regular", "NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular-subset.otf"),
    ("Bold", "NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold-subset.otf"),
]

# Fixed Unicode ranges, inclusive.
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]

# Code points that share a glyph with a more common character later in Unicode. A PDF maps each
# glyph back to text through the font's cmap, and Qt (like most writers) names a shared glyph by
# its lowest code point: with these in the cmap an en dash would extract from every exported PDF
# as a figure dash, a fullwidth tilde (Chinese ranges: 2013～2023) as a wave dash. Dropped unless
# the project's own text uses them.
ALIASES = {
    0x2012: 0x2013,  # FIGURE DASH, drawn as the EN DASH
    0x301C: 0xFF5E,  # WAVE DASH, drawn as the FULLWIDTH TILDE
}

# Project files whose characters must all be in the font (relative to ROOT).
PROJECT_TEXT = ["data/*.yaml", "seeds/*.yaml", "timeline_app/**/*.py"]


def gb2312_chars() -> set[int]:
    """Every character of GB2312: each two-byte code both of whose bytes are 0xA1-0xFE."""
    chars = set()
    for lead in range(0xA1, 0xFF):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((lead, trail)).decode("gb2312")))
            except UnicodeDecodeError:
                pass  # unassigned code
    return chars


def project_chars(root: Path = ROOT) -> tuple[set[int], list[Path]]:
    """Characters in the project's dataset and source files, and the files read."""
    chars: set[int] = set()
    files = sorted({p for pattern in PROJECT_TEXT for p in root.glob(pattern) if p.is_file()})
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        chars.update(ord(c) for c in text if not _is_control(c))
    return chars, files


def fixed_chars() -> set[int]:
    """GB2312 plus the fixed ranges."""
    chars = gb2312_chars()
    for first, last in RANGES:
        chars.update(range(first, last + 1))
    return chars


def _is_control(c: str) -> bool:
    return unicodedata.category(c) in ("Cc", "Cs")


def _describe(codepoints) -> str:
    return ", ".join(f"U+{cp:04X} {chr(cp)!r}" for cp in sorted(codepoints))


def find_face(ttc_path: Path, family: str) -> int:
    """Index of the face whose family name (name ID 1) is exactly ``family``."""
    collection = TTCollection(str(ttc_path), lazy=True)
    try:
        for index, face in enumerate(collection.fonts):
            if face["name"].getDebugName(1) == family:
                return index
    finally:
        collection.close()
    raise SystemExit(f"{ttc_path}: no face named {family!r}")


def subset_options(font: TTFont, hinting: bool) -> subset.Options:
    options = subset.Options()
    for tag in ("vert", "vrt2"):  # vertical forms; in today's defaults, made explicit
        if tag not in options.layout_features:
            options.layout_features.append(tag)
    # Keep every script, but only its default and Simplified Chinese language systems.
    scripts = sorted(
        {rec.ScriptTag for tag in ("GSUB", "GPOS") if tag in font
         for rec in font[tag].table.ScriptList.ScriptRecord}
    )
    options.layout_scripts = []
    for script in scripts:  # "DFLT" alone keeps the whole script; it has only dflt
        if script == "DFLT":
            options.layout_scripts.append(script)
        else:
            options.layout_scripts += [f"{script}.dflt", f"{script}.{LANGUAGE}"]
    options.hinting = hinting
    options.notdef_outline = True  # show a box, not nothing, for a missing glyph
    options.name_IDs = ["*"]  # keep copyright, trademark, designer, licence and URLs
    options.name_languages = [0x0409]  # English records; localized ones only repeat them
    return options


def drop_aliases(font: TTFont, codepoints: set[int]) -> None:
    """Removes ``codepoints`` from every cmap subtable: their glyphs answer to the common
    character alone (see ALIASES)."""
    for table in font["cmap"].tables:
        for cp in codepoints:
            table.cmap.pop(cp, None)


def rename(font: TTFont, weight: str) -> None:
    """Give the subset its own family and PostScript names (name table and CFF)."""
    name = font["name"]
    ps_name = f"{PS_FAMILY}-{weight}"
    old_ps_name = font["CFF "].cff.fontNames[0]
    version = name.getDebugName(5) or "Version 1.000"
    full_name = FAMILY if weight == "Regular" else f"{FAMILY} {weight}"
    for name_id in (1, 2, 3, 4, 5, 6, 16, 17, 18, 21, 22):
        name.removeNames(nameID=name_id)
    records = {
        1: FAMILY,
        2: weight,
        3: f"{version.removeprefix('Version ').split(';')[0]};{ps_name};subset",
        4: full_name,
        5: f"{version}; subset for timeline-app by tools/subset_font.py",
        6: ps_name,
    }
    for name_id, value in records.items():
        name.setName(value, name_id, 3, 1, 0x0409)  # Windows, Unicode BMP, English (US)

    cff = font["CFF "].cff
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    top.FullName = full_name
    top.FamilyName = FAMILY
    for fd in getattr(top, "FDArray", []):  # CID-keyed: one FontName per font dict
        fd_name = getattr(fd, "FontName", None)
        if fd_name and fd_name.startswith(old_ps_name):
            fd.FontName = ps_name + fd_name[len(old_ps_name):]


def build(source_dir: Path, out_dir: Path, hinting: bool) -> int:
    extra, files = project_chars()
    chars = fixed_chars() | extra
    print(f"project text: {len(files)} file(s)")
    for path in files:
        print(f"  {path.relative_to(ROOT)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    for weight, ttc_name, out_name in WEIGHTS:
        ttc_path = source_dir / ttc_name
        index = find_face(ttc_path, SOURCE_FAMILY)
        font = TTFont(str(ttc_path), fontNumber=index, recalcTimestamp=False)
        cmap = font.getBestCmap()
        not_in_noto = {cp for cp in extra if cp not in cmap and not chr(cp).isspace()}
        if not_in_noto:
            print(f"  warning: not in {SOURCE_FAMILY} at all: {_describe(not_in_noto)}")

        subsetter = subset.Subsetter(subset_options(font, hinting))
        subsetter.populate(unicodes=chars)
        subsetter.subset(font)
        drop_aliases(font, set(ALIASES) - extra)
        rename(font, weight)

        out_path = out_dir / out_name
        partial = out_path.with_name(out_path.name + ".part")  # never leave half a font behind
        font.save(str(partial))
        partial.replace(out_path)
        print(
            f"{out_path.relative_to(ROOT) if out_path.is_relative_to(ROOT) else out_path}: "
            f"{ttc_name} face {index} ({SOURCE_FAMILY} {weight}) -> "
            f"{len(font.getBestCmap())} characters, {len(font.getGlyphOrder())} glyphs, "
            f"{out_path.stat().st_size:,} bytes"
        )
    return 0


def check(out_dir: Path) -> int:
    """Report project characters missing from the built fonts; 1 if any are."""
    needed, files = project_chars()
    needed = {cp for cp in needed if not chr(cp).isspace()}
    status = 0
    for _, _, out_name in WEIGHTS:
        path = out_dir / out_name
        if not path.exists():
            print(f"{path}: missing; run python tools/subset_font.py")
            status = 1
            continue
        cmap = TTFont(str(path), lazy=True).getBestCmap()
        missing = needed - cmap.keys()
        if missing:
            print(f"{out_name}: {len(missing)} character(s) not covered: {_describe(missing)}")
            status = 1
        else:
            print(f"{out_name}: covers all {len(needed)} characters of {len(files)} file(s)")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source-dir", type=Path, default=SOURCE_DIR,
                        help=f"directory with the Noto Sans CJK .ttc files (default {SOURCE_DIR})")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR,
                        help="where to write the .otf files (default resources/fonts)")
    parser.add_argument("--no-hinting", dest="hinting", action="store_false",
                        help="drop CFF hints (~15%% smaller)")
    parser.add_argument("--check", action="store_true",
                        help="only check that the built fonts cover the project's text")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.out_dir)
    return build(args.source_dir, args.out_dir, args.hinting)


if __name__ == "__main__":
    sys.exit(main())

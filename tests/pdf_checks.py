"""What a written PDF's fonts are, read back with pypdf: each font of a page, its base name, and
whether the font program is in the file (embedded) rather than named only."""

from __future__ import annotations


def page_fonts(page) -> list:
    """The fonts a page's resources name, as dictionaries."""
    resources = page["/Resources"].get_object()
    return [font.get_object() for font in resources.get("/Font", {}).values()]


def font_names(page) -> set[str]:
    """Base names without a subset's prefix: ``TimelineNotoSansSC-Regular``."""
    return {str(font["/BaseFont"]).lstrip("/").split("+")[-1] for font in page_fonts(page)}


def unembedded_fonts(page) -> list[str]:
    """The base names of the page's fonts whose program is not in the file."""
    missing = []
    for font in page_fonts(page):
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"].get_object()
        if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            missing.append(str(font["/BaseFont"]))
    return missing

"""Renders resources/icons/timeline-app.svg to the PNG sizes desktops and Windows ask for.

    python tools/render_icons.py      (run after editing the SVG; the PNGs are committed)
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (painting needs an application)
    renderer = QSvgRenderer(str(ICONS / "timeline-app.svg"))
    if not renderer.isValid():
        print("timeline-app.svg does not render", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        image.save(str(ICONS / f"timeline-app-{size}.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The QApplication with our names (for QSettings), Fusion style, icon and the bundled fonts: for
the windows (:mod:`.app`) and for exports that paint without one (:mod:`.export.command`)."""

from __future__ import annotations

import sys

from .fonts import install_fonts

__all__ = ["APPLICATION", "ORGANIZATION", "create_application"]

ORGANIZATION = "timeline-app"
APPLICATION = "timeline-app"


def create_application(argv: list[str] | None = None, fonts: bool = True):
    """The QApplication with our names (for QSettings), Fusion style and the bundled fonts
    (without ``fonts``, the caller installs them: see :class:`~.fonts.FontInstall`)."""
    from PySide6.QtWidgets import QApplication

    from .focus_style import FocusStyle, install_focus_ring

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    if not isinstance(app.style(), FocusStyle):  # once: a new style would repolish every widget
        app.setStyle(FocusStyle())  # Fusion, with focus rings that show
    install_focus_ring(app)
    app.setDesktopFileName(APPLICATION)  # Wayland and taskbars match the window to its .desktop file
    app.setWindowIcon(_icon())
    if fonts:
        install_fonts(app)
    return app


def _icon():
    """The application's icon: our own drawing (resources/icons), at every size it is rendered in."""
    from PySide6.QtGui import QIcon

    from ..resources import resource_path

    icon = QIcon()
    for png in sorted(resource_path("icons").glob("timeline-app-*.png")):
        icon.addFile(str(png))
    return icon

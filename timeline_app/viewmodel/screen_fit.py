"""How much larger than a desktop window the kiosk draws, chosen from the screen: every screen
lays the exhibit out as at least :data:`LAYOUT` logical pixels, the size its type and targets
were designed for (1920×1080 at 1.5, 1366×768 at about 1.07, 1280×800 at 1, 3840×2160 at 3),
so the heading's buttons, the card and the figures are always on the screen, in either language.

A ``scale`` in the configuration overrides it; :func:`smallest_screen` says which screens that
scale still fits (``validate-config`` tells staff).
"""

from __future__ import annotations

import math

__all__ = ["LAYOUT", "REFERENCE_SCALE", "fitting_scale", "smallest_screen"]

LAYOUT = (1280, 720)  # logical pixels the kiosk's layout needs (its widest language included)
LOWEST, HIGHEST = 0.5, 4.0  # the scales a configuration may name
REFERENCE_SCALE = 1.5  # the reference screen's (24″, 1920×1080), for which the type is sized


def fitting_scale(width_px: int, height_px: int) -> float:
    """The largest scale at which a screen of ``width_px`` × ``height_px`` device pixels holds
    the whole layout, within the scales a configuration may name."""
    scale = min(width_px / LAYOUT[0], height_px / LAYOUT[1])
    return min(max(scale, LOWEST), HIGHEST)


def smallest_screen(scale: float) -> tuple[int, int]:
    """The smallest screen, in device pixels, that holds the whole layout at ``scale``."""
    return math.ceil(LAYOUT[0] * scale), math.ceil(LAYOUT[1] * scale)

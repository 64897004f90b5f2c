"""The indicator panel: measure rows on the shared time axis, and a table of every figure."""

from .panel import IndicatorPanel

__all__ = ["IndicatorPanel"]

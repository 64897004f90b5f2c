"""The dual-branch timeline view."""

from .view import TimelineView

__all__ = ["TimelineView"]

"""The detail pane: the selected milestone in full, with its sources and media."""

from .pane import DetailPane

__all__ = ["DetailPane"]

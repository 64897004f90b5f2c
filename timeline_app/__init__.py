"""timeline-app: a timeline viewer for the archive of a hospital alliance."""

__version__ = "0.1.0"

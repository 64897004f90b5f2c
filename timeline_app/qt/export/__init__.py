"""Pictures of the timeline outside the app: a page as PNG, SVG or PDF (:mod:`.picture`), and the
command line's way to write one (:mod:`.command`)."""

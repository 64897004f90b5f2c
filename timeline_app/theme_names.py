"""The names of the window's colour themes, which the command registry, the preferences and an
exhibit's configuration all accept: here, below all three, so each reads them downwards."""

THEMES = ("system", "light", "dark", "contrast")

"""Windows: arrangements of the widgets, with their actions and preferences."""

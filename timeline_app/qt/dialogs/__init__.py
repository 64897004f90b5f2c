"""Small dialogs the archivist's window opens: go to a date, the keyboard reference."""

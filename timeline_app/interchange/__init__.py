"""Exchanging a dataset with other tools: TimelineJS (both ways), spreadsheets (CSV, XLSX).

Qt-free. It sits above the view model: "what I see" is the window's :class:`Filter`, applied by
the same :class:`Matcher` the list and the timeline use, so an export holds what the window shows.
"""

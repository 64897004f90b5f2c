"""Datasets to and from other programs' formats: the normalized JSON and CSV for spreadsheets.

Above the dataset and the wording (a date is also written in words), below the windows. No Qt.
"""

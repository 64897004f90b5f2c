"""The archivist's tools that open a dialog or write something out: export, copy, go to a date,
the keyboard reference, About. Each acts on the window it is given (its session and language)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ... import __version__
from ...i18n import tr
from ..file_dialogs import ask_save_path

__all__ = ["ask_date", "copy_selected", "export", "show_about", "show_keys", "show_side_by_side", "export_notes"]


def export(window) -> None:
    """File → Export: the format, and everything or what the window shows (the filter)."""
    from ..dialogs.export import ExportDialog  # the dialogs are not on the way to the first frame

    ExportDialog(window.session, window.prefs, window.language(), window.statusBar(), parent=window).open()


def export_notes(window) -> None:
    """Writes the private notes (record id, title, note) as CSV where the user chooses."""
    window.add_panels()  # the notes live with the detail pane
    window.notes.keep()
    notes = window.notes.notes
    title = tr("action.export_notes", window.language()).replace("&", "")
    path = ask_save_path(window, title, "notes.csv", "CSV (*.csv)")
    if path:
        Path(path).write_bytes(notes.to_csv(window.session.dataset, window.language()).encode("utf-8-sig"))


def copy_selected(window, what: str) -> None:
    """Copies the selected milestone: the whole ``record``, its ``citation``, or a ``link`` back."""
    from ...i18n.citations import citations, milestone_link, record_text

    m, lang, ds = window.session.selected, window.language(), window.session.dataset
    if m is None:
        return
    if what == "record":
        text = record_text(m, ds, lang)
    elif what == "citation":
        text = citations(m, ds, lang)
    else:
        text = milestone_link(m, ds.path, window.session.state.x_range)
    QApplication.clipboard().setText(text)
    label = window.action_set.commands[f"edit.copy_{'all' if what == 'record' else what}"].text(lang)
    window.statusBar().showMessage(tr("status.copied", lang, what=label.replace("&", "")), 4000)


def ask_date(window, chosen) -> None:
    """Opens Go to Date; ``chosen(date)`` is called with the date typed, once accepted."""
    from ..dialogs.go_to_date import GoToDateDialog  # the dialogs are not on the way to the first frame

    first, last = window.session.data_bounds()
    dialog = GoToDateDialog(window.language(), window, (dt.date.fromordinal(int(first)), dt.date.fromordinal(int(last) - 1)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.chosen.connect(chosen)
    dialog.open()


def show_side_by_side(window) -> None:
    from ..dialogs.side_by_side import SideBySide

    dialog = SideBySide(window.navigator, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def show_keys(window) -> None:
    from ..dialogs.keys import KeysDialog

    dialog = KeysDialog(window.action_set.commands, window.language(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def show_about(window) -> None:
    lang = window.language()
    box = QMessageBox(QMessageBox.Icon.Information, tr("app.name", lang), tr("app.about", lang, version=__version__),
                      QMessageBox.StandardButton.Ok, window)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()

"""Go ▸ Saved Views: the views saved on the open dataset, each a way back to its range, filter
and selection; Go ▸ Save View… names the current one. Kept in the preferences."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QWidget

from ...i18n import tr
from ...i18n.dates import range_words
from ...viewmodel.navigator import Navigator
from ...viewmodel.saved_views import SavedView
from ...viewmodel.timescale import date_of
from ..model_signals import follow
from ..preferences import Preferences

__all__ = ["SavedViews"]


class SavedViews(QObject):
    """Fills ``menu`` with the saved views of ``navigator``'s dataset, ``clear`` after them."""

    def __init__(self, navigator: Navigator, prefs: Preferences, menu: QMenu, clear: QAction, parent: QWidget):
        super().__init__(parent)
        self._navigator, self._prefs, self._menu, self._clear = navigator, prefs, menu, clear
        self.dialog: QInputDialog | None = None
        session = navigator.session
        follow(self, session.dataset_changed, self._on_changed)
        follow(self, session.state.events.language, self._on_changed)
        self.rebuild()

    @property
    def _dataset(self) -> str:
        path = self._navigator.session.dataset.path
        return str(path.resolve()) if path else ""

    def views(self) -> list[SavedView]:
        """The views saved on the open dataset, in the order they were saved."""
        found = (SavedView.from_json(entry) for entry in self._prefs.saved_views)
        return [view for view in found if view is not None and view.dataset == self._dataset]

    def save(self, name: str) -> None:
        """Keeps what is shown now as ``name`` (replacing a view of that name)."""
        name = name.strip()
        if not name:
            return
        view = SavedView.capture(name, self._dataset, self._navigator.state)
        kept = [e for e in self._prefs.saved_views if (e.get("dataset"), e.get("name")) != (view.dataset, name)]
        self._prefs.saved_views = [*kept, view.to_json()]
        self.rebuild()

    def ask_name(self) -> None:
        """Asks for the view's name (not blocking), offering the visible years."""
        lang, state = self._navigator.state.language, self._navigator.state
        dialog = QInputDialog(self.parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(tr("action.save_view", lang).replace("&", ""))
        dialog.setLabelText(tr("views.prompt", lang))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(range_words(*(date_of(x) for x in state.x_range), lang))
        dialog.textValueSelected.connect(self.save)
        dialog.open()
        self.dialog = dialog

    def clear(self) -> None:
        """Forgets the views saved on the open dataset."""
        self._prefs.saved_views = [e for e in self._prefs.saved_views if e.get("dataset") != self._dataset]
        self.rebuild()

    def rebuild(self) -> None:
        self._menu.clear()
        views = self.views()
        for view in views:
            action = self._menu.addAction(view.name)
            action.setData(view.name)
            action.triggered.connect(self._on_view_chosen)
        if not views:
            self._menu.addAction(tr("views.none", self._navigator.state.language)).setEnabled(False)
        self._menu.addSeparator()
        self._menu.addAction(self._clear)
        self._clear.setEnabled(bool(views))

    def _on_view_chosen(self) -> None:
        name = self.sender().data()
        view = next((v for v in self.views() if v.name == name), None)
        if view is not None:
            view.show(self._navigator)

    def _on_changed(self, _) -> None:
        self.rebuild()

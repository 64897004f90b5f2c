"""Helpers for the window-component tests: every string a user can see or hear in a widget tree."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLabel, QLineEdit, QWidget

from timeline_app.i18n import catalog

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def visible_texts(root: QWidget) -> list[str]:
    """Texts of visible labels, buttons, fields, combos and item views, plus accessible names."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
                for row in range(model.rowCount()):
                    index = model.index(row, column)
                    texts += [str(model.data(index)), str(model.data(index, Qt.ItemDataRole.ToolTipRole))]
    return [t for t in texts if t]


def english_ui_strings() -> list[str]:
    """The catalog's English strings that differ from the Chinese, as literal fragments."""
    fragments = []
    zh_strings, en_strings = catalog("zh").STRINGS, catalog("en").STRINGS
    for key, en in en_strings.items():
        zh = zh_strings[key]
        if zh == en:
            continue
        for piece in re.split(r"\{[^}]*\}", en.replace("&", "")):
            piece = piece.strip(" :;,.()…“”")
            if len(piece) >= 4:
                fragments.append(piece)
    return fragments


def assert_language(root: QWidget, lang: str) -> None:
    """No visible string of ``root`` is in the other language (the dataset's texts included)."""
    texts = visible_texts(root)
    assert texts
    if lang == "en":
        leftovers = [t for t in texts if CJK.search(t)]
    else:
        fragments = english_ui_strings()
        leftovers = [t for t in texts if any(f in t for f in fragments)]
    assert not leftovers, leftovers

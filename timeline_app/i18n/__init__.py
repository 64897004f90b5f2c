"""The interface's languages: one catalog module per language under ``catalogs/``, found at import.

Every user-visible string, date and tick wording, number unit and separator lives in a catalog
and is looked up by key; a language switch re-reads them from here. Dataset texts carry their
own two languages (:class:`~timeline_app.dataset.records.Text`); this is for the interface.
"""

from __future__ import annotations

import importlib
import locale
import os
import pkgutil
from types import ModuleType

from . import catalogs

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "catalog", "language_name", "language_of", "next_language", "system_language", "tr"]


def _load() -> dict[str, ModuleType]:
    found = [importlib.import_module(f"{catalogs.__name__}.{m.name}") for m in pkgutil.iter_modules(catalogs.__path__)]
    found.sort(key=lambda module: module.ORDER)
    return {module.__name__.rsplit(".", 1)[1]: module for module in found}


_CATALOGS = _load()
LANGUAGES: tuple[str, ...] = tuple(_CATALOGS)
DEFAULT_LANGUAGE = LANGUAGES[0]


def catalog(lang: str) -> ModuleType:
    """The catalog module of ``lang`` (the default language's for an unknown code)."""
    return _CATALOGS.get(lang) or _CATALOGS[DEFAULT_LANGUAGE]


def tr(key: str, lang: str, **values: object) -> str:
    """The string for ``key`` in ``lang`` with ``{placeholders}`` filled in."""
    text = catalog(lang).STRINGS[key]
    return text.format(**values) if values else text


def language_name(lang: str) -> str:
    """The language's name in itself (``中文``, ``English``), as a language menu shows it."""
    return catalog(lang).NAME


def next_language(lang: str) -> str:
    """The language a toggle switches to: the next one in the menu's order, round."""
    index = LANGUAGES.index(lang) if lang in LANGUAGES else -1
    return LANGUAGES[(index + 1) % len(LANGUAGES)]


def system_language() -> str:
    """The catalog matching the user's locale (``LANG=zh_CN.UTF-8`` gives ``zh``), else the default.

    For the command line, which has no Qt; windows ask ``QLocale.system()`` instead.
    """
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if os.environ.get(variable):
            return language_of(os.environ[variable])
    return language_of(locale.getlocale()[0] or "")


def language_of(locale_name: str) -> str:
    """The catalog for a locale name (``zh_CN.UTF-8``, ``en-GB``, ``zh``), else the default."""
    code = locale_name.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE

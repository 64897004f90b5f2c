"""The configuration file of an exhibit: its ``kiosk:`` section, read and checked without Qt.

Parsed by the dataset's strict YAML tree builder (:func:`~timeline_app.dataset.yamltree.parse_yaml`),
so it is checked the same way: every value is the text written, anchors, tags and duplicate keys
are refused, and every problem is reported as ``FILE:LINE:COL: message``, all in one pass.
Relative paths are relative to the file. Command-line options override single values; they
are checked by the same rules (:func:`parse_option`). What refers to the dataset (branches, the
tour, figures) is checked against it once it is loaded (:func:`dataset_problems`).

```yaml
kiosk:
  dataset: alliance.yaml       # default: the bundled dataset
  language: zh                 # the language after every reset
  branches: [wushan, xiushan]  # the branches shown (default: all)
  attract_after: 90            # seconds without input before the attract tour starts
  reset_after: 120             # seconds without input before the kiosk returns home
  tour: highlights             # a tour of the dataset (default: every milestone, date order)
  dwell: {min: 8, max: 40}     # seconds a tour card is shown, by its text's length
  exit_pin: "2580"             # asked after a long press in the top-left corner
  exit_chord: Ctrl+Alt+Shift+Q # leaves kiosk mode (asking the PIN if there is one)
  scale: 1.5                   # how much larger than the desktop window everything is drawn
  theme: light                 # system, light, dark or contrast
  figures: [outpatient-emergency-visits, discharges]  # the "then → now" figures shown
```
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .dataset.problems import DatasetError
from .dataset.records import Dataset
from .dataset.nodes import Mapping, Node, Scalar, Sequence
from .i18n import DEFAULT_LANGUAGE, LANGUAGES
from .viewmodel.commands import THEMES

__all__ = ["ConfigError", "ConfigProblem", "KioskConfig", "OPTIONS", "dataset_problems", "load_config", "parse_option"]

MAX_BYTES = 1 << 20  # a configuration is a few lines: anything this big is not one

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NUMBER = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_PIN = re.compile(r"[0-9]{4,12}")
_MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")
_KEY = re.compile(r"[A-Z0-9]|F(?:[1-9]|1[0-9]|2[0-4])")


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One fault in a configuration file, where it stands (from 1, as editors count)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class ConfigError(Exception):
    """The configuration could not be used; ``problems`` holds every fault, in file order (the
    YAML reader's problems among them, as the dataset's loader words them)."""

    def __init__(self, problems: list):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, str(p)))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class KioskConfig:
    """What the kiosk does; the defaults are those of a kiosk started without a file."""

    dataset: Path | None = None
    language: str = DEFAULT_LANGUAGE
    branches: tuple[str, ...] | None = None  # None: all
    attract_after: float = 90.0
    reset_after: float = 120.0
    tour: str | None = None
    dwell: tuple[float, float] = (8.0, 40.0)
    exit_pin: str | None = None
    exit_chord: str = "Ctrl+Alt+Shift+Q"
    scale: float = 1.5
    theme: str = "light"
    figures: tuple[str, ...] | None = None  # measures; None: each branch's first few
    file: str | None = field(default=None, compare=False)  # where it was read from
    where: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False)  # key -> line, column

    def overridden(self, **values) -> KioskConfig:
        """With ``values`` from the command line; they no longer stand anywhere in the file."""
        where = {k: v for k, v in self.where.items() if k not in values}
        return dataclasses.replace(self, where=where, **values)


# -- single values: the same rules for the file and the command line ------------------------

class _Invalid(ValueError):
    pass


def _seconds(text: str) -> float:
    if not _NUMBER.fullmatch(text) or not 10 <= float(text) <= 86_400:
        raise _Invalid(f"'{text}' must be a number of seconds from 10 to 86400")
    return float(text)


def _scale(text: str) -> float:
    if not _NUMBER.fullmatch(text) or not 0.5 <= float(text) <= 4:
        raise _Invalid(f"'{text}' must be a number from 0.5 to 4")
    return float(Decimal(text))


def _pin(text: str) -> str:
    if not _PIN.fullmatch(text):
        raise _Invalid("the exit PIN must be 4 to 12 digits")
    return text


def _chord(text: str) -> str:
    parts = text.split("+")
    modifiers, key = parts[:-1], parts[-1]
    if len(modifiers) < 2 or len(set(modifiers)) < len(modifiers) or any(m not in _MODIFIERS for m in modifiers) \
            or not _KEY.fullmatch(key):
        raise _Invalid(f"'{text}' must be two or more of {', '.join(_MODIFIERS)} and a letter, digit or F1–F24, "
                       "joined by '+' (e.g. Ctrl+Alt+Shift+Q)")
    return text


def _choice(choices: tuple[str, ...]) -> Callable[[str], str]:
    def check(text: str) -> str:
        if text not in choices:
            raise _Invalid(f"'{text}' is not one of: {', '.join(choices)}")
        return text

    return check


def _ident(text: str) -> str:
    if not _ID.fullmatch(text):
        raise _Invalid(f"'{text}' must be an id: lowercase letters, digits and single '-'")
    return text


_SCALARS: dict[str, Callable[[str], object]] = {
    "language": _choice(LANGUAGES), "attract_after": _seconds, "reset_after": _seconds, "tour": _ident,
    "exit_pin": _pin, "exit_chord": _chord, "scale": _scale, "theme": _choice(THEMES),
}
_LISTS = ("branches", "figures")
_KEYS = ("dataset", *_SCALARS, *_LISTS, "dwell")

# Options that override a value: option name -> config key.
OPTIONS = {"--attract-after": "attract_after", "--reset-after": "reset_after", "--tour": "tour",
           "--exit-pin": "exit_pin", "--scale": "scale"}


def parse_option(key: str, text: str) -> object:
    """A command-line value for ``key``, by the file's rules; raises ValueError with the reason."""
    return _SCALARS[key](text)


# -- the file ------------------------------------------------------------------------------

def load_config(path: Path, display_name: str | None = None) -> KioskConfig:
    """The kiosk section of ``path``; raises :class:`ConfigError` with every problem found."""
    name = display_name or str(path)
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError as err:
        raise ConfigError([ConfigProblem(name, 1, 1, f"cannot read file: {err.strerror or err}")]) from None
    if data is None:
        raise ConfigError([ConfigProblem(name, 1, 1, f"larger than {MAX_BYTES:,} bytes: not a configuration")])
    try:
        from .dataset.yamltree import parse_yaml  # YAML itself only when a file is read

        root, problems = parse_yaml(data, name)
    except DatasetError as err:
        raise ConfigError(err.problems) from None
    reader = _Reader(name, path.parent)
    config = reader.config(root)
    problems += reader.problems
    if problems or config is None:
        raise ConfigError(problems)
    return config


class _Reader:
    def __init__(self, name: str, folder: Path):
        self.name, self.folder = name, folder
        self.problems: list[ConfigProblem] = []

    def fail(self, node: Node, message: str) -> None:
        self.problems.append(ConfigProblem(self.name, node.line, node.column, message))

    def mapping(self, node: Node, what: str, keys: tuple[str, ...]) -> dict[str, Node] | None:
        if not isinstance(node, Mapping):
            self.fail(node, f"{what} must be a mapping of keys to values")
            return None
        for key, (key_node, _) in node.items.items():
            if key not in keys:
                close = difflib.get_close_matches(key, keys, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f"; allowed: {', '.join(keys)}"
                self.fail(key_node, f"unknown key '{key}' in {what}{hint}")
        return {key: value for key, (_, value) in node.items.items()
                if key in keys and not (isinstance(value, Scalar) and value.is_null)}

    def text(self, node: Node, key: str) -> str | None:
        if not isinstance(node, Scalar):
            self.fail(node, f"{key} must be a single value, not {'a list' if isinstance(node, Sequence) else 'a mapping'}")
            return None
        return node.value

    def checked(self, node: Node, key: str, check: Callable[[str], object]) -> object | None:
        text = self.text(node, key)
        if text is None:
            return None
        try:
            return check(text)
        except _Invalid as err:
            self.fail(node, f"{key}: {err}")
            return None

    def config(self, root: Node) -> KioskConfig | None:
        if self.mapping(root, "the configuration", ("kiosk",)) is None:
            return None
        section = root.get("kiosk") if isinstance(root, Mapping) else None
        if section is None:
            self.fail(root, "the configuration has no 'kiosk' section")
            return None
        if isinstance(section, Scalar) and section.is_null:  # "kiosk:" and nothing under it
            return KioskConfig(file=self.name)
        fields = self.mapping(section, "the kiosk section", _KEYS)
        if fields is None:
            return None
        values: dict[str, object] = {}
        for key, node in fields.items():
            if key in _SCALARS:
                value = self.checked(node, key, _SCALARS[key])
            elif key in _LISTS:
                value = self.ids(node, key)
            elif key == "dwell":
                value = self.dwell(node)
            else:
                value = self.dataset(node)
            if value is not None:
                values[key] = value
        where = {key: (node.line, node.column) for key, node in fields.items()}
        for key in _LISTS:  # each id of a list, so a problem with one points at it
            if isinstance(fields.get(key), Sequence):
                where.update({f"{key}.{item.value}": (item.line, item.column)
                              for item in fields[key].items if isinstance(item, Scalar)})
        return KioskConfig(**values, file=self.name, where=where)

    def ids(self, node: Node, key: str) -> tuple[str, ...] | None:
        if not isinstance(node, Sequence) or not node.items:
            self.fail(node, f"{key} must be a list of ids, at least one")
            return None
        ids: list[str | None] = []
        for item in node.items:
            value = self.checked(item, key, _ident)
            if value is not None and value in ids:
                self.fail(item, f"{key}: '{value}' is listed twice")
                value = None
            ids.append(value)
        return tuple(ids) if None not in ids else None

    def dwell(self, node: Node) -> tuple[float, float] | None:
        fields = self.mapping(node, "dwell", ("min", "max"))
        if fields is None:
            return None
        bounds = []
        for key, default in (("min", 8.0), ("max", 40.0)):
            value = self.checked(fields[key], f"dwell.{key}", _dwell_seconds) if key in fields else default
            bounds.append(value)
        if None in bounds:
            return None
        if bounds[1] < bounds[0]:
            self.fail(node, f"dwell: max ({bounds[1]:g} s) is less than min ({bounds[0]:g} s)")
            return None
        return bounds[0], bounds[1]

    def dataset(self, node: Node) -> Path | None:
        text = self.text(node, "dataset")
        if text is None:
            return None
        path = (self.folder / text) if not Path(text).is_absolute() else Path(text)
        if not path.is_file():
            self.fail(node, f"dataset: {text}: no such file (paths are relative to this file)")
            return None
        return path


def _dwell_seconds(text: str) -> float:
    if not _NUMBER.fullmatch(text) or not 2 <= float(text) <= 600:
        raise _Invalid(f"'{text}' must be a number of seconds from 2 to 600")
    return float(text)


# -- against the dataset -------------------------------------------------------------------

def dataset_problems(config: KioskConfig, dataset: Dataset) -> list[str]:
    """What the configuration names that the dataset does not have: ``FILE:LINE:COL: message``
    for a value from the file, ``--option: message`` for one from the command line."""
    found = []

    def report(key: str, message: str) -> None:
        if key in config.where:
            line, column = config.where[key]
            found.append(str(ConfigProblem(config.file or "config", line, column, f"{key.split('.')[0]}: {message}")))
        else:
            option = next((o for o, k in OPTIONS.items() if k == key), key.split(".")[0])
            found.append(f"{option}: {message}")

    name = dataset.path or "the dataset"
    for key, known, what in (("branches", dataset.branch_by_id, "branch"),
                             ("figures", {i.measure for i in dataset.indicators}, "measure")):
        for value in getattr(config, key) or ():
            if value not in known:
                report(f"{key}.{value}", f"no {what} '{value}' in {name}")
    if config.tour is not None and config.tour not in dataset.tour_by_id:
        report("tour", f"no tour '{config.tour}' in {name} (its tours: {', '.join(dataset.tour_by_id) or 'none'})")
    return found

"""The configuration file of an exhibit: its ``kiosk:`` section, read and checked without Qt.

Parsed by the dataset's strict YAML tree builder (:func:`~timeline_app.dataset.yamltree.parse_yaml`)
and checked by the dataset's checks (:class:`~timeline_app.dataset.checks.Checks`), so it is
checked the same way: every value is the text written, anchors, tags and duplicate keys are
refused, and every problem is a :class:`~timeline_app.dataset.problems.Problem` at its
``FILE:LINE:COL``, worded from the catalogs in either language, all found in one pass.
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
  exit_pin: "…"                # 4–12 digits, asked after a long press in the top-left corner
  exit_chord: Ctrl+Alt+Shift+Q # leaves kiosk mode (asking the PIN if there is one)
  scale: 1.5                   # how much larger than the desktop window (default: from the screen)
  theme: light                 # system, light, dark or contrast
  figures: [outpatient-emergency-visits, discharges]  # the "then → now" figures shown
  take_home: https://example.org/exhibit  # a QR code to it on the card (a milestone's source's own first)
  visitor_counts: on           # count visits, anonymously, in the log folder (default: off)
```

The kiosk imports this module on every start (the viewer does not), so it stays light: YAML and the
checks (and their ``difflib``) are imported only when something is read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .dataset.nodes import Node, Scalar, Sequence
from .dataset.problems import DatasetError, Message, Problem
from .i18n import DEFAULT_LANGUAGE, LANGUAGES
from .i18n.problems import REPORT_LANGUAGE, format_problem, problem_message, word
from .theme_names import THEMES

if TYPE_CHECKING:
    from .dataset.records import Dataset

__all__ = ["ConfigError", "KioskConfig", "OptionProblem", "dataset_problems", "fitted", "load_config",
           "parse_option", "problem_line"]

MAX_BYTES = 1 << 20  # a configuration is a few lines: anything this big is not one

_NUMBER = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_PIN = re.compile(r"[0-9]{4,12}")
_URL = re.compile(r"https?://[^\s/?#]+\.[^\s]*")
_MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")
_KEY = re.compile(r"[A-Z0-9]|F(?:[1-9]|1[0-9]|2[0-4])")
_DWELL_KEYS = ("min", "max")
_FILE = Message.of("problem.config.what.file")
_SECTION = Message.of("problem.config.what.section")


class ConfigError(DatasetError):
    """The configuration could not be used; ``problems`` holds every fault, in file order (the
    YAML reader's among them)."""


@dataclass(frozen=True, slots=True)
class OptionProblem:
    """A fault in a command-line value: named by its option, as it stands nowhere in a file."""

    option: str
    key: str
    params: tuple[tuple[str, object], ...] = ()

    def message_in(self, lang: str) -> str:
        return word(self.key, self.params, lang)

    def __str__(self) -> str:
        return problem_line(self)


def problem_line(problem: Problem | OptionProblem, lang: str = REPORT_LANGUAGE) -> str:
    """``FILE:LINE:COL: message``, or ``--option: message`` for a command-line value, in ``lang``."""
    if isinstance(problem, OptionProblem):
        return f"{problem.option}: {problem.message_in(lang)}"
    return format_problem(problem, lang)


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
    scale: float | None = None  # None: chosen from the screen (viewmodel.screen_fit)
    theme: str = "light"
    figures: tuple[str, ...] | None = None  # measures; None: each branch's first few
    take_home: str | None = None  # a web address for visitors to take home (a QR code on the card)
    visitor_counts: bool = False  # count visits anonymously (viewmodel.visitors)
    file: str | None = field(default=None, compare=False)  # where it was read from
    overrides: frozenset[str] = field(default=frozenset(), compare=False)  # keys the command line set
    where: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False)  # key -> line, column

    def overridden(self, **values) -> KioskConfig:
        """With ``values`` from the command line; they no longer stand anywhere in the file."""
        where = {k: v for k, v in self.where.items() if k not in values}
        return dataclasses.replace(self, where=where, overrides=self.overrides | set(values), **values)


def parse_option(key: str, text: str, lang: str = REPORT_LANGUAGE, name: str | None = None) -> object:
    """A command-line value for ``key``, by the file's rules; raises ValueError with the reason
    in ``lang``, naming the value ``name`` (its option, say; default: ``key``)."""
    reader = _Reader("", Path())
    value = reader.value(key, Scalar(1, 1, text, plain=False), name)
    if reader.checks.problems:
        raise ValueError(problem_message(reader.checks.problems[0], lang))
    return value


# -- the file ------------------------------------------------------------------------------

def load_config(path: Path, display_name: str | None = None, missing_dataset: bool = False) -> KioskConfig:
    """The kiosk section of ``path``; raises :class:`ConfigError` with every problem found.

    With ``missing_dataset``, a ``dataset`` that is not there is no problem: a kiosk starts on its
    last good copy (or tells visitors it is being updated) and waits for the file.
    """
    name = display_name or str(path)
    from .dataset.yamltree import parse_yaml  # YAML itself only when a file is read

    try:
        root, problems = parse_yaml(_read(path, name), name)
    except DatasetError as err:
        raise ConfigError(err.problems) from None
    reader = _Reader(name, path.parent, missing_dataset)
    config = reader.config(root)
    problems += reader.checks.problems
    if problems or config is None:
        raise ConfigError(problems)
    return config


def _read(path: Path, name: str) -> bytes:
    """The file's bytes, read as a dataset's are, but refused above the size of any configuration."""
    from .dataset.files import read_bytes

    try:
        too_big = path.stat().st_size > MAX_BYTES
    except OSError:
        too_big = False  # read_bytes tells why it cannot be read
    if too_big:
        raise DatasetError([Problem(name, 1, 1, "problem.config.too_big", (("limit", MAX_BYTES),))])
    try:
        return read_bytes(path, name)
    except DatasetError as err:  # a folder is named in the configuration's words, not a dataset's
        raise DatasetError([dataclasses.replace(p, key="problem.config.folder") if p.key == "problem.file.folder"
                            else p for p in err.problems]) from None


class _Reader:
    """The kiosk section's values, read by the dataset's checks.

    It holds a :class:`~timeline_app.dataset.checks.Checks` rather than extending it, so that the
    checks (and ``difflib``) are imported when something is read, not with this module.
    """

    def __init__(self, name: str, folder: Path, missing_dataset: bool = False):
        from .dataset.checks import Checks

        self.checks = Checks(name)
        self.folder = folder
        self.missing_dataset = missing_dataset
        self._rules: dict[str, Callable[[Node, str], object | None]] = {  # every key, in the file's order
            "dataset": self.dataset, "language": self.language, "branches": self.ids,
            "attract_after": self.seconds, "reset_after": self.seconds, "tour": self.checks.ident,
            "dwell": self.dwell, "exit_pin": self.pin, "exit_chord": self.chord, "scale": self.scale,
            "theme": self.theme, "figures": self.ids, "take_home": self.url,
            "visitor_counts": self.switch,
        }

    def value(self, key: str, node: Node, what: str | None = None) -> object | None:
        """``key``'s value at ``node`` (named ``what`` in messages), or ``None`` with its problem noted."""
        return self._rules[key](node, what or key)

    def config(self, root: Node) -> KioskConfig | None:
        if self.checks.fields(root, _FILE, {"kiosk": False}) is None:
            return None
        if "kiosk" not in root.items:
            self.checks.fail(root, "problem.config.no_section")
            return None
        section = root.get("kiosk")
        if type(section) is Scalar and section.is_null:  # "kiosk:" and nothing under it
            return KioskConfig(file=self.checks.name)
        fields = self.checks.fields(section, _SECTION, dict.fromkeys(self._rules, False))
        if fields is None:
            return None
        values = {key: self.value(key, node) for key, node in fields.items()}
        attract, reset = (values.get(key) or getattr(KioskConfig, key) for key in ("attract_after", "reset_after"))
        if attract >= reset:  # written in either key: the one that moved it there is not known
            node = fields.get("attract_after") or fields["reset_after"]
            self.checks.fail(node, "problem.config.attract_order", what="attract_after", attract=attract, reset=reset)
            return None
        where = {key: (node.line, node.column) for key, node in fields.items()}
        for key in ("branches", "figures"):  # each id of a list, so a problem with one points at it
            if type(fields.get(key)) is Sequence:
                where.update({f"{key}.{item.value}": (item.line, item.column)
                              for item in fields[key].items if type(item) is Scalar})
        return KioskConfig(**{k: v for k, v in values.items() if v is not None}, file=self.checks.name, where=where)

    # -- the rules of single values: the same for the file and the command line ---------------

    def _matching(self, node: Node, what: str, ok: Callable[[str], object], key: str, **params: object) -> str | None:
        """The text at ``node`` when ``ok`` accepts it; else problem ``key`` (with ``what`` and the value)."""
        text = self.checks.string(node, what)
        if text is not None and not ok(text):
            self.checks.fail(node, key, what=what, value=text, **params)
            return None
        return text

    def seconds(self, node: Node, what: str, low: float = 10, high: float = 86_400) -> float | None:
        return self._number(node, what, low, high, "problem.config.seconds")

    def scale(self, node: Node, what: str) -> float | None:
        return self._number(node, what, 0.5, 4, "problem.config.scale")

    def _number(self, node: Node, what: str, low: float, high: float, key: str) -> float | None:
        text = self._matching(node, what, lambda t: _NUMBER.fullmatch(t) and low <= float(t) <= high,
                              key, low=low, high=high)
        return None if text is None else float(text)

    def pin(self, node: Node, what: str) -> str | None:
        return self._matching(node, what, _PIN.fullmatch, "problem.config.pin")

    def switch(self, node: Node, what: str) -> bool | None:
        return self.checks.choice(node, what, {"on": True, "off": False})

    def url(self, node: Node, what: str) -> str | None:
        return self._matching(node, what, _URL.fullmatch, "problem.config.url")

    def chord(self, node: Node, what: str) -> str | None:
        return self._matching(node, what, _is_chord, "problem.config.chord", modifiers=", ".join(_MODIFIERS))

    def language(self, node: Node, what: str) -> str | None:
        return self.checks.choice(node, what, dict(zip(LANGUAGES, LANGUAGES)))

    def theme(self, node: Node, what: str) -> str | None:
        return self.checks.choice(node, what, dict(zip(THEMES, THEMES)))

    def ids(self, node: Node, what: str) -> tuple[str, ...] | None:
        """A list of at least one id, none of them twice."""
        seen: set[str] = set()

        def one(item: Node) -> str | None:
            value = self.checks.ident(item, what)
            if value in seen:
                self.checks.fail(item, "problem.config.repeated", what=what, value=value)
                return None
            if value is not None:
                seen.add(value)
            return value

        return self.checks.list_of(node, what, one, min_items=1)

    def dwell(self, node: Node, what: str) -> tuple[float, float] | None:
        fields = self.checks.fields(node, what, dict.fromkeys(_DWELL_KEYS, False))
        if fields is None:
            return None
        low, high = (self.seconds(fields[key], f"{what}.{key}", 2, 600) if key in fields else default
                     for key, default in zip(_DWELL_KEYS, KioskConfig.dwell))
        if low is None or high is None:
            return None
        if high < low:
            self.checks.fail(node, "problem.config.dwell_order", what=what, min=low, max=high)
            return None
        return low, high

    def dataset(self, node: Node, what: str) -> Path | None:
        text = self.checks.string(node, what)
        if text is None:
            return None
        path = self.folder / text  # an absolute path stays itself
        if not path.is_file() and not (self.missing_dataset and not path.exists()):
            self.checks.fail(node, "problem.config.not_a_file", what=what, value=text)
            return None
        return path


def _is_chord(text: str) -> bool:
    """Two or more distinct modifiers and one key, joined by '+' (``Ctrl+Alt+Shift+Q``)."""
    *modifiers, key = text.split("+")
    return len(modifiers) >= 2 and len(set(modifiers)) == len(modifiers) \
        and all(m in _MODIFIERS for m in modifiers) and bool(_KEY.fullmatch(key))


# -- against the dataset -------------------------------------------------------------------

def dataset_problems(config: KioskConfig, dataset: Dataset) -> list[Problem | OptionProblem]:
    """What the configuration names that the dataset does not have: a :class:`Problem` where the
    value stands in the file, an :class:`OptionProblem` for one from the command line."""
    found: list[Problem | OptionProblem] = []

    def report(key: str, message: str, **params: object) -> None:
        if key in config.where:
            line, column = config.where[key]
            found.append(Problem(config.file or "config", line, column, message, tuple(params.items())))
        else:
            # A value from the command line, named by its option (--tour is tour); a dotted key
            # (branches.nope) is a value of a list no option sets.
            option = key.split(".")[0] if "." in key else "--" + key.replace("_", "-")
            found.append(OptionProblem(option, message, tuple(params.items())))

    name = str(dataset.path) if dataset.path else Message.of("problem.kind.dataset")
    for key, known, message in (("branches", dataset.branch_by_id, "problem.config.no_branch"),
                                ("figures", {i.measure for i in dataset.indicators}, "problem.config.no_measure")):
        for value in getattr(config, key) or ():
            if value not in known:
                report(f"{key}.{value}", message, value=value, dataset=name)
    if config.tour is not None and config.tour not in dataset.tour_by_id:
        if dataset.tour_by_id:
            report("tour", "problem.config.no_tour", value=config.tour, dataset=name,
                   tours=", ".join(dataset.tour_by_id))
        else:
            report("tour", "problem.config.no_tours", value=config.tour, dataset=name)
    return found


def fitted(config: KioskConfig, dataset: Dataset) -> KioskConfig:
    """``config`` without what ``dataset`` lacks, so that an exhibit runs on what there is rather
    than stopping (``dataset_problems`` says what was left out): unknown branches and measures
    are dropped (every branch, or each branch's first figures, when none is left), an unknown
    tour gives way to the date order."""
    def known(values: tuple[str, ...] | None, names) -> tuple[str, ...] | None:
        kept = tuple(v for v in values or () if v in names)
        return kept or None

    branches = known(config.branches, dataset.branch_by_id)
    figures = known(config.figures, {i.measure for i in dataset.indicators})
    tour = config.tour if config.tour in dataset.tour_by_id else None
    if (branches, figures, tour) == (config.branches, config.figures, config.tour):
        return config
    return dataclasses.replace(config, branches=branches, figures=figures, tour=tour)

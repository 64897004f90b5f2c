"""The command line: open the viewer, render a screenshot, validate or export a dataset.

Exit codes: 0 success; 1 the dataset has problems; 2 usage errors and unreadable paths.
Only the viewer imports Qt, so ``validate`` and ``export`` run on machines with no display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .i18n import LANGUAGES, system_language, tr
from .dataset import DatasetError, bundled_dataset_path, load_dataset
from .dataset.problems import format_problem, report_lines
from .dataset.export import to_csv, to_json

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
_THEME_NAMES = {"system": "system", "light": "light", "dark": "dark", "high-contrast": "contrast"}
_COMMANDS = ("validate", "export")
_UNREADABLE = {"problem.file.missing", "problem.file.denied", "problem.file.folder", "problem.file.unreadable"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in _COMMANDS:
            command, rest = argv[0], argv[1:]
            args = _command_parser(command).parse_args(rest)
            return _validate(args) if command == "validate" else _export(args)
        return _view(_viewer_parser().parse_args(argv))
    except SystemExit as exit_:  # argparse's --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE


def _viewer_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="timeline-app",
        description="Timeline of the Second Affiliated Hospital of Chongqing Medical University's alliance.",
        epilog="Other commands: 'timeline-app validate [DATASET]', "
        "'timeline-app export [DATASET] --format json|csv -o FILE|-' (each has --help).",
    )
    p.add_argument("dataset", nargs="?", type=Path,
                   help="dataset YAML file (default: the one opened last, else the bundled one)")
    p.add_argument("--lang", choices=LANGUAGES, help="interface language (default: the last used, else the system's)")
    p.add_argument("--select", metavar="ID", help="open with this milestone selected and in view")
    p.add_argument("--range", metavar="START/END", type=_edtf_range,
                   help="open showing this period (EDTF, e.g. 2016-09/2017-03 or 2016)")
    p.add_argument("--kiosk", action="store_true", help="full-screen exhibit mode")
    p.add_argument("--no-watch", action="store_true",
                   help="do not reload the dataset when its file changes (F5 still does)")
    p.add_argument("--screenshot", metavar="FILE.png", type=Path, help="render the window offscreen to a PNG and exit")
    p.add_argument("--size", default="1600x900", type=_size, metavar="WxH", help="window size for --screenshot (default 1600x900)")
    p.add_argument("--theme", choices=tuple(_THEME_NAMES), help="colours for this run (default: the last chosen)")
    p.add_argument("--startup-report", action="store_true",
                   help="print (to stderr) the milliseconds from process start to the first frame")
    p.add_argument("--version", action="version", version=f"timeline-app {__version__}")
    return p


def _command_parser(command: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"timeline-app {command}")
    p.add_argument("dataset", nargs="?", type=Path, help="dataset YAML file (default: the bundled one)")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the problems (default: the system's)")
    if command == "validate":
        p.description = "Check a dataset; print every problem as FILE:LINE:COL: message."
    else:
        p.description = "Write the normalized dataset as JSON (see schema/export.schema.json) or CSV."
        p.add_argument("--format", required=True, choices=("json", "csv"))
        p.add_argument("-o", "--output", required=True, metavar="FILE|-", help="output file, or - for standard output")
    return p


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not WxH (e.g. 1600x900)") from None
    if not (320 <= w <= 8192 and 240 <= h <= 8192):
        raise argparse.ArgumentTypeError(f"'{text}': width 320–8192 and height 240–8192")
    return w, h


def _edtf_range(text: str):
    from .dataset.edtf import EdtfError, parse_edtf

    try:
        date = parse_edtf(text)
    except EdtfError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    if date.earliest is None or date.latest is None:
        raise argparse.ArgumentTypeError(f"'{text}': the range needs both ends")
    return date


def _dataset_path(arg: Path | None) -> Path | None:
    """The dataset to read, or None after telling the user why it cannot be read."""
    path = arg or bundled_dataset_path()
    if not path.exists():
        print(f"timeline-app: {path}: no such file", file=sys.stderr)
    elif not path.is_file():
        print(f"timeline-app: {path}: not a file", file=sys.stderr)
    elif not os.access(path, os.R_OK):
        print(f"timeline-app: {path}: permission denied", file=sys.stderr)
    else:
        return path
    return None


def _load(args: argparse.Namespace, report=None):
    """(dataset, exit code): the dataset, or None with its problems printed to ``report``.

    Problems are worded in ``--lang`` (default: the system's language), ``FILE:LINE:COL`` first;
    a flood of identical ones is summarised.
    """
    path = args.dataset or bundled_dataset_path()
    try:
        return load_dataset(path, display_name=str(args.dataset) if args.dataset else None), EXIT_OK
    except DatasetError as err:
        lang = args.lang or system_language()
        if err.problems[0].key in _UNREADABLE:  # a path that cannot be read: a usage error
            print(format_problem(err.problems[0], lang), file=sys.stderr)
            return None, EXIT_USAGE
        for line in report_lines(err.problems, lang):
            print(line, file=report or sys.stdout)
        count = len(err.problems)
        print(tr("problem.report.count_one", lang) if count == 1 else tr("problem.report.count", lang, n=count),
              file=sys.stderr)
        return None, EXIT_INVALID


def _validate(args: argparse.Namespace) -> int:
    dataset, code = _load(args)
    if dataset is None:
        return code
    print(
        f"{dataset.path}: valid: {len(dataset.milestones)} milestones, {len(dataset.indicators)} indicators, "
        f"{len(dataset.branches)} branches, {len(dataset.categories)} categories, "
        f"{len(dataset.eras)} eras, {len(dataset.sources)} sources"
    )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    dataset, code = _load(args, report=sys.stderr)  # stdout may be the export itself
    if dataset is None:
        return code
    data = to_json(dataset).encode("utf-8") if args.format == "json" else to_csv(dataset).encode("utf-8-sig")
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    try:
        Path(args.output).write_bytes(data)
    except OSError as err:
        print(f"timeline-app: {args.output}: {err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _view(args: argparse.Namespace) -> int:
    path = None
    if args.dataset is not None:  # else the viewer reopens the last dataset, or the bundled one
        path = _dataset_path(args.dataset)
        if path is None:
            return EXIT_USAGE
    from .qt.app import run  # Qt only when a window is wanted

    return run(path, lang=args.lang, select=args.select, kiosk=args.kiosk,
               screenshot=args.screenshot, size=args.size, startup_report=args.startup_report,
               theme=_THEME_NAMES.get(args.theme), show_range=args.range,
               watch=False if args.no_watch else None)

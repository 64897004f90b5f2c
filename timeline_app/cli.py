"""The command line: open the viewer or the kiosk, render a screenshot, validate or export a
dataset, check a kiosk configuration.

Exit codes: 0 success; 1 the dataset has problems; 2 usage errors and unreadable paths.
Only the viewer imports Qt, so ``validate`` and ``export`` run on machines with no display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .i18n import LANGUAGES, system_language, tr
from .dataset import DatasetError, bundled_dataset_path, load_dataset
from .dataset.problems import Problem
from .i18n.problems import format_problem, message_text, report_lines, visible
from .startup_gc import resume_collection

if TYPE_CHECKING:
    from .config import KioskConfig

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
_THEMES = ("system", "light", "dark", "contrast")  # viewmodel.commands.THEMES, without importing the registry here
_COMMANDS = ("validate", "export", "import", "validate-config", "kiosk-report")
_EXPORT_FORMATS = ("json", "csv", "indicators-csv", "xlsx", "timelinejs", "html")  # interchange.formats, and qt.html_page
# The kiosk's values the command line may override, with their metavars. argparse names each by
# its option (--attract-after is attract_after), as the configuration file does.
_OVERRIDES = (("--attract-after", "S"), ("--reset-after", "S"), ("--tour", "ID"), ("--exit-pin", "PIN"),
              ("--scale", "X"))
_OVERRIDE_KEYS = {option: option[2:].replace("-", "_") for option, _ in _OVERRIDES}
_UNREADABLE = {"problem.file.missing", "problem.file.denied", "problem.file.folder", "problem.file.unreadable",
               "problem.file.not_regular", "problem.config.folder"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in _COMMANDS:
            resume_collection()  # held (by timeline_app.__main__) for a window's start only
            command, rest = argv[0], argv[1:]
            if command == "validate-config":
                return _validate_config(_config_parser().parse_args(rest))
            if command == "import":
                return _import(_import_parser().parse_args(rest))
            if command == "kiosk-report":
                return _kiosk_report(_report_parser().parse_args(rest))
            args = _command_parser(command).parse_args(rest)
            return _validate(args) if command == "validate" else _export(args)
        parser = _viewer_parser()
        args = parser.parse_args(argv)
        if not args.kiosk and any(getattr(args, option) is not None for option in _KIOSK_ONLY):
            parser.error("--config, --tour-step and the kiosk's overrides need --kiosk")
        if args.tour_step is not None and args.screenshot is None:
            parser.error("--tour-step is for --kiosk --screenshot")
        if args.kiosk and (args.range is not None or args.startup_report):  # said, not silently ignored
            parser.error("--range and --startup-report are the viewer's: the kiosk always starts on the whole range")
        _check_overrides(parser, args)
        return _view(args)
    except SystemExit as exit_:  # argparse's --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's, sized to the terminal without importing shutil for it: argparse makes one for
    every option it adds, and shutil brings bz2 and lzma with it (about 4 ms of each start)."""

    def __init__(self, prog: str):
        try:
            width = int(os.environ.get("COLUMNS") or 0)
        except ValueError:
            width = 0
        if width <= 0:  # as shutil.get_terminal_size: $COLUMNS, else the terminal's, else 80
            try:
                width = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
            except (AttributeError, ValueError, OSError):  # no terminal, or no stdout at all
                width = 80
        super().__init__(prog, width=width - 2)


def _viewer_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="timeline-app", formatter_class=_HelpFormatter,
        description="Timeline of the Second Affiliated Hospital of Chongqing Medical University's alliance.",
        epilog="Other commands: 'timeline-app validate [DATASET]', "
        "'timeline-app export [DATASET] --format json|csv|indicators-csv|xlsx|timelinejs|html -o FILE|-', "
        "'timeline-app import FILE --from timelinejs|sheet -o DATASET.yaml', "
        "'timeline-app validate-config FILE [--lang zh|en]' (each has --help).",
    )
    p.add_argument("dataset", nargs="?", type=Path,
                   help="dataset YAML file (default: the one opened last, else the bundled one)")
    p.add_argument("--lang", choices=LANGUAGES, help="interface language (default: the last used, else the system's)")
    p.add_argument("--select", metavar="ID", help="open with this milestone selected and in view")
    p.add_argument("--range", metavar="START/END", type=_edtf_range,
                   help="open showing this period (EDTF, e.g. 2016-09/2017-03 or 2016)")
    p.add_argument("--kiosk", action="store_true", help="the exhibit: full screen, touch, attract tour, locked down")
    p.add_argument("--no-watch", action="store_true",
                   help="do not reload the dataset when its file changes (F5 still does)")
    p.add_argument("--screenshot", metavar="FILE.png", type=Path, help="render the window offscreen to a PNG and exit")
    p.add_argument("--size", default="1600x900", type=_size, metavar="WxH", help="window size for --screenshot (default 1600x900)")
    p.add_argument("--theme", choices=_THEMES,
                   help="colours for this run (default: the last chosen; with --kiosk, the configuration's)")
    p.add_argument("--startup-report", action="store_true",
                   help="print (to stderr) the milliseconds from process start to the first frame")
    p.add_argument("--version", action="version", version=f"timeline-app {__version__}")
    kiosk = p.add_argument_group("kiosk", "with --kiosk: its configuration file, and values that override it")
    kiosk.add_argument("--config", metavar="FILE", type=Path, help="a YAML file with a kiosk: section")
    for option, metavar in _OVERRIDES:
        kiosk.add_argument(option, metavar=metavar, help=f"the configuration's {_OVERRIDE_KEYS[option]}")
    kiosk.add_argument("--tour-step", metavar="N", type=int, help="with --screenshot: the attract tour at its Nth stop")
    return p


_KIOSK_ONLY = ("config", "tour_step", *_OVERRIDE_KEYS.values())


def _check_overrides(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """The kiosk's overrides, checked by the configuration file's rules and read into ``args``; a
    value that breaks them is a usage error worded in ``--lang`` (else the system's language)."""
    lang = args.lang or system_language()
    for option, key in _OVERRIDE_KEYS.items():
        if getattr(args, key) is not None:
            from .config import parse_option  # the kiosk's configuration: only when it is used

            try:
                setattr(args, key, parse_option(key, getattr(args, key), lang, name=option))
            except ValueError as err:
                parser.error(str(err))


def _report_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="timeline-app kiosk-report", formatter_class=_HelpFormatter,
                                description="The kiosk's visitor counts (visitor_counts: on), by day: print a "
                                "table and write it as CSV.")
    p.add_argument("--since", metavar="YYYY-MM-DD", type=_day, help="only from this day on")
    p.add_argument("-o", "--output", metavar="FILE.csv", type=Path, default=Path("kiosk-report.csv"),
                   help="where the CSV goes (default: kiosk-report.csv)")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the table's headings (default: the system's)")
    return p


def _day(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a day (YYYY-MM-DD)") from None


def _kiosk_report(args: argparse.Namespace) -> int:
    import csv

    from .qt.crash import log_dir  # the log folder's rule (Qt's core only: no display is needed)
    from .qt.visitor_log import lines
    from .viewmodel.visitors import COLUMNS, daily

    lang = args.lang or system_language()
    rows = daily(lines(log_dir()), args.since)
    headings = tr("report.columns", lang).split("|")
    table = [headings] + [[str(row[key]) for key in COLUMNS] for row in rows]
    widths = [max(len(line[k]) for line in table) for k in range(len(COLUMNS))]
    for line in table:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)).rstrip())
    try:
        with open(args.output, "w", newline="", encoding="utf-8") as file:
            out = csv.writer(file)
            out.writerow(COLUMNS)
            out.writerows([row[key] for key in COLUMNS] for row in rows)
    except OSError as err:
        print(f"timeline-app: {args.output}: {err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _config_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="timeline-app validate-config", formatter_class=_HelpFormatter,
                                description="Check a kiosk configuration file, and what it names in its dataset; "
                                "print every problem as FILE:LINE:COL: message.")
    p.add_argument("config", type=Path, help="the configuration file (YAML, with a kiosk: section)")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the problems (default: the system's)")
    return p


def _command_parser(command: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"timeline-app {command}", formatter_class=_HelpFormatter)
    p.add_argument("dataset", nargs="?", type=Path, help="dataset YAML file (default: the bundled one)")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the problems (and of an export's texts; "
                   "default: the system's)")
    if command == "validate":
        p.description = "Check a dataset; print every problem as FILE:LINE:COL: message."
    else:
        p.description = ("Write the dataset out: normalized JSON (see schema/export.schema.json), the milestones "
                         "as a TimelineJS sheet with our columns (csv), the indicators (indicators-csv), both in a "
                         "workbook (xlsx), TimelineJS JSON, one web page that works offline (html; see "
                         "docs/interchange.md), or a page of the timeline (title, timeline, sources cited) as PNG, "
                         "SVG or PDF.")
        p.add_argument("--format", required=True, choices=(*_EXPORT_FORMATS, *_PICTURES))
        p.add_argument("-o", "--output", required=True, metavar="FILE|-", help="output file, or - for standard output")
        seen = p.add_argument_group("what I see", "only what the window's filter would show (not for json, html)")
        seen.add_argument("--query", metavar="TEXT", help="milestones matching the search words")
        seen.add_argument("--branches", metavar="ID,…", type=_ids, help="only these branches")
        seen.add_argument("--categories", metavar="ID,…", type=_ids, help="only these categories")
        seen.add_argument("--range", metavar="START/END", type=_edtf_range,
                          help="only milestones overlapping this period (a picture: the period shown; default: the whole decade)")
        seen.add_argument("--no-undated", action="store_true", help="with --range: leave out undated milestones")
        _picture_options(p.add_argument_group("pictures", "with --format png, svg or pdf (--lang: the page's "
                                              "language; --range: the period shown)"))
    return p


def _import_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="timeline-app import", formatter_class=_HelpFormatter,
                                description="Read a TimelineJS JSON file or a TimelineJS sheet saved as CSV into a "
                                "dataset; say what had to be guessed. The dataset is written only if it validates.")
    p.add_argument("file", type=Path, help="the TimelineJS JSON or the sheet's CSV")
    p.add_argument("--from", dest="source_format", required=True, choices=("timelinejs", "sheet"))
    p.add_argument("-o", "--output", required=True, type=Path, metavar="DATASET.yaml", help="the dataset to write")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the messages (default: the system's)")
    return p


def _ids(text: str) -> frozenset[str]:
    return frozenset(filter(None, (s.strip() for s in text.split(","))))


_PICTURES = ("png", "svg", "pdf")
_PAPERS = ("A4", "A3", "A2", "A1", "A0")


def _picture_options(group) -> None:
    group.add_argument("--size", type=_page_size, metavar="WxH[mm]",
                       help="page size in logical pixels (default 1600x900 unless --paper), or in millimetres "
                       "with type sized for it as on paper (a banner: 6000x900mm; a PDF beyond 200 in uses PDF 1.6)")
    group.add_argument("--paper", type=str.upper, choices=_PAPERS, help="a sheet of paper (the PDF's default: A4)")
    group.add_argument("--pages", type=_sheets, metavar="COLSxROWS",
                       help="a PDF poster over several sheets of --paper, lane headers on each (e.g. 3x1)")
    orientation = group.add_mutually_exclusive_group()
    orientation.add_argument("--landscape", dest="landscape", action="store_true", default=True,
                             help="paper turned sideways (the default)")
    orientation.add_argument("--portrait", dest="landscape", action="store_false", help="paper upright")
    group.add_argument("--dpi", type=_dpi, metavar="N",
                       help="PNG resolution (default 96: a --size page is that many pixels; 150 on paper)")
    group.add_argument("--theme", choices=_THEMES[1:], default="light", help="colours")
    group.add_argument("--select", metavar="ID", help="the milestone shown selected")
    group.add_argument("--indicators", action=argparse.BooleanOptionalAction, default=True,
                       help="the indicator rows under the timeline, as many as fit (default: on, where the dataset "
                       "has indicators)")
    group.add_argument("--pdfa", action="store_true",
                       help="an archival PDF/A-1b (fonts embedded, no transparency, XMP metadata)")


def _page_size(text: str) -> tuple[int, int, str]:
    """(width, height, unit): logical px, or "mm" for a page measured in millimetres."""
    if not text.lower().endswith("mm"):
        return *_size(text, 100, 100_000), "px"
    try:
        return *_size(text[:-2], 10, 50_000), "mm"
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"'{text}': WxHmm, each side 10–50000 mm (e.g. 6000x900mm)") from None


def _sheets(text: str) -> tuple[int, int]:
    return _size(text, 1, 10)


def _dpi(text: str) -> float:
    try:
        dpi = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 10 <= dpi <= 2400:
        raise argparse.ArgumentTypeError(f"'{text}': 10–2400")
    return dpi


def _size(text: str, least: int = 0, most: int = 8192) -> tuple[int, int]:
    """WxH: a window's (320x240 to 8192x8192), or a page's when ``least`` is given (either side)."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not WxH (e.g. 1600x900)") from None
    if least and not (least <= w <= most and least <= h <= most):
        raise argparse.ArgumentTypeError(f"'{text}': each side {least}–{most}")
    if not least and not (320 <= w <= 8192 and 240 <= h <= 8192):
        raise argparse.ArgumentTypeError(f"'{text}': width 320–8192 and height 240–8192")
    return w, h


def _edtf_range(text: str):
    from .dataset.edtf import EdtfError, parse_edtf

    try:
        date = parse_edtf(text)
    except EdtfError as err:
        raise argparse.ArgumentTypeError(message_text(err.reason)) from None
    if date.earliest is None or date.latest is None:
        raise argparse.ArgumentTypeError(f"'{text}': the range needs both ends")
    return date


def _dataset_path(arg: Path | None) -> Path | None:
    """The dataset to read, or None after telling the user why it cannot be read."""
    path = arg or bundled_dataset_path()
    if not path.exists():
        print(f"timeline-app: {visible(str(path))}: no such file", file=sys.stderr)
    elif not path.is_file():
        print(f"timeline-app: {visible(str(path))}: not a file", file=sys.stderr)
    elif not os.access(path, os.R_OK):
        print(f"timeline-app: {visible(str(path))}: permission denied", file=sys.stderr)
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
        return None, _report(err.problems, args.lang or system_language(), report or sys.stdout, err.total)


def _report(problems: list[Problem], lang: str, out, total: int | None = None) -> int:
    """Prints ``problems`` worded in ``lang`` and gives the exit code: a path that cannot be read
    is a usage error (told on stderr); else every problem goes to ``out``, their count to stderr."""
    if problems[0].key in _UNREADABLE:
        print(format_problem(problems[0], lang), file=sys.stderr)
        return EXIT_USAGE
    for line in report_lines(problems, lang):
        print(line, file=out)
    count = len(problems) if total is None else total
    print(tr("problem.report.count_one", lang) if count == 1 else tr("problem.report.count", lang, n=count),
          file=sys.stderr)
    return EXIT_INVALID


def _validate(args: argparse.Namespace) -> int:
    dataset, code = _load(args)
    if dataset is None:
        return code
    print(
        f"{visible(str(dataset.path))}: valid: {len(dataset.milestones)} milestones, {len(dataset.indicators)} indicators, "
        f"{len(dataset.branches)} branches, {len(dataset.categories)} categories, "
        f"{len(dataset.eras)} eras, {len(dataset.sources)} sources"
    )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    dataset, code = _load(args, report=sys.stderr)  # stdout may be the export itself
    if dataset is None:
        return code
    if args.format in _PICTURES:
        return _export_picture(dataset, args)
    from .interchange.formats import FORMATS  # only for this command

    lang = args.lang or system_language()
    fmt = FORMATS.get(args.format) or _html_format()
    selection, error = _selection(args, dataset, fmt.filterable)
    if error:
        print(f"timeline-app export: {error}", file=sys.stderr)
        return EXIT_USAGE
    data = fmt.write(selection, lang)
    if args.output == "-":
        for piece in [data] if isinstance(data, bytes) else data:  # the JSON streams, a milestone at a time
            sys.stdout.buffer.write(piece)
        sys.stdout.flush()
        return EXIT_OK
    from .interchange.common import write_atomically

    try:
        write_atomically(Path(args.output), data)
    except OSError as err:
        print(f"timeline-app: {visible(args.output)}: {err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE
    print(selection.confirmation(args.output, args.format, lang, figures=args.format == "indicators-csv"),
          file=sys.stderr)
    return EXIT_OK


def _html_format():
    """The web page's format: it is the app's own picture, so it needs Qt."""
    _picture_application()
    from .qt.html_page import HTML_FORMAT

    return HTML_FORMAT


def _picture_application() -> None:
    """The application that pictures are drawn in, with the bundled fonts (offscreen: no display)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .qt.application import create_application

    create_application()


def _selection(args: argparse.Namespace, dataset, filterable: bool):
    """(the export's Selection, a usage error or ""): the filter the options describe."""
    from .interchange.selection import Selection
    from .viewmodel.state import Filter

    wanted = {"branches": dataset.branches, "categories": dataset.categories}
    for option, records in wanted.items():
        unknown = sorted((getattr(args, option) or frozenset()) - {r.id for r in records})
        if unknown:
            return None, f"--{option}: no {', '.join(unknown)} in {dataset.path} (it has {', '.join(r.id for r in records)})"
    f = Filter(
        query=args.query or "",
        hidden_branches=frozenset(b.id for b in dataset.branches if args.branches and b.id not in args.branches),
        hidden_categories=frozenset(c.id for c in dataset.categories if args.categories and c.id not in args.categories),
        date_from=args.range.earliest if args.range else None, date_to=args.range.latest if args.range else None,
        include_undated=not args.no_undated,
    )
    if f.is_active and not filterable:
        return None, (f"--format {args.format} is always the whole dataset; --query, --branches, --categories and "
                      "--range are for csv, indicators-csv, xlsx and timelinejs")
    return Selection(dataset, f), ""


def _import(args: argparse.Namespace) -> int:
    from .interchange.common import InterchangeError
    from .interchange.importing import import_file, write_dataset

    lang = args.lang or system_language()
    try:
        imported = import_file(args.file, args.source_format)
        write_dataset(imported, args.output)
    except InterchangeError as err:
        print(err.text(lang), file=sys.stderr)
        return EXIT_USAGE if err.message.key == "import.unreadable" else EXIT_INVALID
    except OSError as err:
        print(f"timeline-app: {args.output}: {err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE
    for guess in imported.guesses:
        print(tr("import.report.guessed", lang, file=args.file, what=message_text(guess, lang)), file=sys.stderr)
    print(tr("import.report.done", lang, file=args.output, n=imported.milestones,
             branches=len(imported.data["branches"])))
    return EXIT_OK


def _export_picture(dataset, args: argparse.Namespace) -> int:
    _picture_application()
    from .qt.export.command import PictureRequest, export_picture  # Qt only for a picture

    paper = args.paper or ("A4" if args.format == "pdf" and args.size is None else None)
    size, unit = (args.size[:2], args.size[2]) if args.size else (None, "px")
    return export_picture(dataset, PictureRequest(
        args.output, args.format, args.lang or system_language(), size, paper, args.landscape, args.dpi,
        args.range, args.theme, args.select, args.pages, args.pdfa, size_unit=unit,
        indicators=args.indicators))


def _read_config(path: Path | None, report, lang: str, missing_dataset: bool = False) -> tuple[KioskConfig | None, int]:
    """(configuration, exit code): the file's (the defaults without one), or None with its
    problems printed to ``report`` in ``lang`` (``missing_dataset``: see :func:`load_config`)."""
    from .config import ConfigError, KioskConfig, load_config

    if path is None:
        return KioskConfig(), EXIT_OK
    try:
        return load_config(path, missing_dataset=missing_dataset), EXIT_OK
    except ConfigError as err:
        return None, _report(err.problems, lang, report)


def _validate_config(args: argparse.Namespace) -> int:
    lang = args.lang or system_language()
    config, code = _read_config(args.config, sys.stdout, lang)
    if config is None:
        return code
    dataset, code = _load(argparse.Namespace(dataset=config.dataset, lang=lang))
    if dataset is None:
        return code
    from .config import dataset_problems

    problems = dataset_problems(config, dataset)  # all in the file: validate-config has no overrides
    if problems:
        return _report(problems, lang, sys.stdout)
    print(_config_summary(args.config, config, dataset.path, lang))
    return EXIT_OK


def _config_summary(path: Path, config: KioskConfig, dataset: Path, lang: str) -> str:
    """validate-config's one line about a valid configuration, in ``lang``; with a ``scale``, the
    smallest screen it fits."""
    from .viewmodel.screen_fit import smallest_screen

    tour = tr("config.tour_named", lang, tour=visible(config.tour)) if config.tour else tr("config.tour_all", lang)
    if config.scale is None:
        scale = tr("config.scale_auto", lang)
    else:
        width, height = smallest_screen(config.scale)
        scale = tr("config.scale_needs", lang, scale=config.scale, width=width, height=height)
    return tr("config.valid", lang, file=visible(str(path)), dataset=visible(str(dataset)), tour=tour, attract=config.attract_after,
              reset=config.reset_after, language=config.language,
              pin=tr("config.pin_set" if config.exit_pin else "config.pin_unset", lang), scale=scale)


def _view(args: argparse.Namespace) -> int:
    if args.kiosk:  # a kiosk on a missing file starts on its last good copy, and waits for the file
        return _kiosk(args, args.dataset)
    path = None
    if args.dataset is not None:  # else the viewer reopens the last dataset, or the bundled one
        path = _dataset_path(args.dataset)
        if path is None:
            return EXIT_USAGE
    from .qt.app import run  # Qt only when a window is wanted

    return run(path, lang=args.lang, select=args.select, screenshot=args.screenshot, size=args.size,
               startup_report=args.startup_report, theme=args.theme, show_range=args.range,
               watch=False if args.no_watch else None)


def _kiosk(args: argparse.Namespace, path: Path | None) -> int:
    config, code = _read_config(args.config, sys.stderr, args.lang or system_language(), missing_dataset=True)
    if config is None:
        return code
    overrides = {key: getattr(args, key) for key in _OVERRIDE_KEYS.values() if getattr(args, key) is not None}
    if args.lang:
        overrides["language"] = args.lang
    if args.theme:
        overrides["theme"] = args.theme
    config = config.overridden(**overrides)
    from .qt.app import run_kiosk

    return run_kiosk(config, path or config.dataset or bundled_dataset_path(), select=args.select,
                     screenshot=args.screenshot, size=args.size, tour_step=args.tour_step,
                     dataset_from_config=path is None, watch=not args.no_watch)

"""Problems of a dataset or a configuration in words: ``FILE:LINE:COL: message``, in any language.

A :class:`~timeline_app.dataset.problems.Problem` holds a catalog key and its values; this
words it (nested :class:`~timeline_app.dataset.problems.Message` values in the same language),
and :func:`report_lines` keeps a flood of identical problems readable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..dataset.problems import Message, Problem
from . import catalog
from .syntax_wording import syntax_detail

__all__ = ["REPORT_LANGUAGE", "format_problem", "message_text", "problem_message", "report_lines", "visible", "word"]

REPORT_LANGUAGE = "en"  # what a log, a test and ``validate`` without ``--lang`` read
SHOWN_PER_KIND = 5  # problems of one kind shown in full before the rest are summarised
MAX_REPORT_LINES = 300

# What must not reach a terminal or a list as itself: C0 and C1 controls (ESC starts a terminal's
# commands, BEL rings), DEL, bidirectional overrides and isolates (they reorder what follows),
# zero-width characters (they hide), line and paragraph separators, and lone surrogates (no
# encoder takes them: print() would raise).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def visible(text: str) -> str:
    """``text`` with every character that could act on a terminal or hide written as an escape."""
    if text.isascii() and text.isprintable():
        return text
    return _INVISIBLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def word(key: str, params: tuple[tuple[str, object], ...], lang: str) -> str:
    """The catalog's wording of ``key`` in ``lang``, nested messages worded in the same language, the
    values a message quotes from a file made :func:`visible`."""
    values = {name: message_text(value, lang) if isinstance(value, Message) else visible(value) if type(value) is str
              else value for name, value in params}
    return catalog(lang).STRINGS[key].format(**values)


def message_text(message: Message, lang: str = REPORT_LANGUAGE) -> str:
    if message.key == "problem.yaml.said":  # a parser's words, told as the fault they mean
        message = syntax_detail(**dict(message.params))
    return word(message.key, message.params, lang)


def problem_message(problem: Problem, lang: str = REPORT_LANGUAGE) -> str:
    """The message alone, without its place."""
    return word(problem.key, problem.params, lang)


def format_problem(problem: Problem, lang: str = REPORT_LANGUAGE) -> str:
    """``FILE:LINE:COL: message`` with the message in ``lang``."""
    return f"{visible(problem.file)}:{problem.line}:{problem.column}: {problem_message(problem, lang)}"


def report_lines(problems: Sequence[Problem], lang: str = REPORT_LANGUAGE,
                 shown_per_kind: int = SHOWN_PER_KIND, max_lines: int = MAX_REPORT_LINES) -> list[str]:
    """Problems as lines to show, ``FILE:LINE:COL`` first on each.

    Of the problems of one kind (one message key), the first ``shown_per_kind`` are shown in
    full and the rest in one line that gives their count and lines; past ``max_lines`` one last
    line counts what is left.
    """
    groups: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        groups.setdefault((problem.file, problem.key), []).append(problem)
    entries: list[tuple[Problem, str, int]] = []  # the line's first problem, its text, how many it stands for
    for members in groups.values():
        entries += [(p, format_problem(p, lang), 1) for p in members[:shown_per_kind]]
        rest = members[shown_per_kind:]
        if not rest:
            continue
        lines = Message.of("problem.report.lines", first=rest[0].line, last=rest[-1].line) \
            if rest[-1].line != rest[0].line else Message.of("problem.report.line", line=rest[0].line)
        more = Message.of("problem.report.more", message=problem_message(rest[0], lang), n=len(rest), lines=lines)
        entries.append((rest[0], f"{visible(rest[0].file)}:{rest[0].line}:{rest[0].column}: {message_text(more, lang)}",
                        len(rest)))
    entries.sort(key=lambda entry: entry[0].sort_key())
    lines = [text for _, text, _ in entries]
    if len(lines) <= max_lines:
        return lines
    hidden = entries[max_lines - 1:]
    first = hidden[0][0]
    tail = message_text(Message.of("problem.report.rest", n=sum(count for _, _, count in hidden)), lang)
    return lines[:max_lines - 1] + [f"{visible(first.file)}:{first.line}:{first.column}: {tail}"]

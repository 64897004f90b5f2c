"""Fuzzes the dataset loader: mutants of the bundled dataset read by libyaml and by the pure parser.

Each mutant is the bundled file with a few bytes flipped, inserted or deleted (YAML's own
punctuation, control characters, bytes that are not UTF-8, characters outside the BMP…), or a
line duplicated, moved or cut short. Both loading paths read it. Reported:

- **disagreements**: the two paths give different answers (another model, other problems, or
  other positions), except that where the file is not YAML at all each parser may word its own
  syntax error;
- **exceptions**: anything raised other than the loader's own :class:`DatasetError`;
- **positions**: a problem placed outside the file.

The seed fixes the mutants, so a run is repeatable: ``python tools/fuzz_parsers.py -n 10000
--seed 21``. Exit status 1 when anything was found; ``--show N`` prints the first N findings with
the mutant's edits.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline_app.dataset import DatasetError, bundled_dataset_path  # noqa: E402
from timeline_app.dataset.parse import parse_dataset  # noqa: E402
from timeline_app.i18n.problems import problem_message  # noqa: E402

FATAL_YAML = {"problem.yaml.syntax", "problem.yaml.depth"}  # each parser words these its own way
# The pure parser's syntax error at a "?" in {…} or […] is told as problem.yaml.flow_question; where
# libyaml stops earlier on the same fault, it words it as a syntax error. Both are the parser's stop.
SAME_STOP = {"problem.yaml.flow_question": "problem.yaml.syntax"}
# What mutations write: YAML's punctuation, whitespace of every kind, and characters parsers disagree on.
PIECES = [c.encode() for c in "\t\n\r :{}[],-?'\"#&*!|>%@`\\"] + [
    b"\x00", b"\x7f", b"\xff", b"\xe4", "\u0085".encode(), "\u2028".encode(), "\u2029".encode(), "\ufeff".encode(),
    "\u0080".encode(), "\ud7ff".encode(), b"\\ud800", b"\\x85", b"\\U0010ffff", "\U0001f600".encode(), b"x", b"9",
    b"~", b"? ", b": ", b"- ", b"---\n", b"...\n", b"#note", b">-", b"|+", "٢".encode(), "２".encode(), b"9999-24",
]


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """The file with one to four edits, and the edits as text (to reproduce a finding)."""
    out = bytearray(data)
    edits = []
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(("flip", "insert", "insert", "delete", "line"))
        at = rng.randrange(len(out)) if out else 0
        if op == "line":
            lines = bytes(out).split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            how = rng.choice(("duplicate", "move", "cut"))
            if how == "duplicate":
                lines.insert(j, lines[i])
            elif how == "move":
                lines.insert(j, lines.pop(i))
            else:
                lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
            out = bytearray(b"\n".join(lines))
            edits.append(f"{how} line {i + 1} (at {j + 1})")
            continue
        piece = rng.choice(PIECES)
        if op == "flip":
            out[at:at + len(piece)] = piece
        elif op == "insert":
            out[at:at] = piece
        else:
            del out[at:at + rng.randint(1, 8)]
        edits.append(f"{op} {piece!r} at byte {at}")
    return bytes(out), edits


def answer(data: bytes, fast: bool):
    """The model, the problems, or the exception that should not have been raised."""
    try:
        return parse_dataset(data, "m.yaml", fast=fast)
    except DatasetError as err:
        return err.problems
    except Exception as err:  # noqa: BLE001 - what the fuzzer looks for
        return err


def findings(data: bytes) -> tuple[list[str], bool]:
    """What is wrong with how the two paths read ``data`` (nothing, on a sound loader), and
    whether libyaml's path found it valid."""
    fast, reference = answer(data, True), answer(data, False)
    found = []
    for label, result in (("libyaml", fast), ("pure", reference)):
        if isinstance(result, Exception):
            found.append(f"exception on {label}: " + "".join(traceback.format_exception_only(result)).strip())
        elif isinstance(result, list):
            lines = data.decode("utf-8", "replace").split("\n")
            for p in result:
                if not (1 <= p.line <= len(lines) and 1 <= p.column <= len(lines[p.line - 1]) + 1):
                    found.append(f"position outside the file on {label}: {p.line}:{p.column} {p.key}")
    if found:
        return found, False
    if isinstance(fast, list) and isinstance(reference, list) and any(p.key in FATAL_YAML for p in fast + reference):
        if [SAME_STOP.get(p.key, p.key) for p in fast] != [SAME_STOP.get(p.key, p.key) for p in reference]:
            found.append(f"disagreement: libyaml {[p.key for p in fast]} / pure {[p.key for p in reference]}")
    elif fast != reference:
        def show(r):
            return "valid" if not isinstance(r, list) else [f"{p.line}:{p.column} {problem_message(p)}" for p in r][:3]
        found.append(f"disagreement: libyaml {show(fast)} / pure {show(reference)}")
    return found, not isinstance(fast, list)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="mutants to read (default 1000)")
    parser.add_argument("--seed", type=int, default=21, help="the random seed (default 21)")
    parser.add_argument("--show", type=int, default=10, help="findings to print in full (default 10)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    base = bundled_dataset_path().read_bytes()
    counts = {"disagreement": 0, "exception": 0, "position": 0}
    verdicts = {"valid": 0, "problems": 0}
    shown = 0
    start = time.perf_counter()
    for index in range(args.n):
        data, edits = mutate(base, rng)
        found, valid = findings(data)
        if not found:
            verdicts["valid" if valid else "problems"] += 1
        for finding in found:
            counts[finding.split()[0].split(":")[0]] += 1
            if shown < args.show:
                shown += 1
                print(f"mutant {index}: {'; '.join(edits)}\n  {finding}")
    seconds = time.perf_counter() - start
    print(f"{args.n} mutants (seed {args.seed}) in {seconds:.0f} s: {verdicts['valid']} valid, "
          f"{verdicts['problems']} with problems; {counts['disagreement']} disagreements, "
          f"{counts['exception']} exceptions, {counts['position']} positions outside the file")
    return 1 if any(counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())

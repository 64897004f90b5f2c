"""Properties that must hold for any input, checked on inputs hypothesis makes up.

- EDTF strings of the supported grammar: the parsed date says everything its text does (written
  back from its parts, it parses to the same date), its bounds hold its parts, order follows days;
- any valid dataset survives the JSON export: rebuilt from the export, it loads to the same model;
- any byte-level or node-level mutation of the bundled dataset gives a dataset or the loader's
  own error, every problem inside the file, and the same answer on both paths.
"""

from __future__ import annotations

import dataclasses
import json
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.dataset import DatasetError, bundled_dataset_path
from timeline_app.dataset.edtf import OPEN, UNKNOWN, Kind, Part, parse_edtf
from timeline_app.interchange.json_export import to_json
from timeline_app.dataset.loader import parse_dataset
from timeline_app.dataset.units import UNITS

QUICK = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# -- EDTF ----------------------------------------------------------------------------------

qualifier = st.sampled_from(["", "?", "~", "%"])


@st.composite
def part(draw) -> str:
    year = draw(st.integers(1000, 2999))
    shape = draw(st.sampled_from(["year", "month", "day", "season", "decade", "century"]))
    if shape == "decade":
        return f"{year // 10:03d}X" + draw(qualifier)
    if shape == "century":
        return f"{year // 100:02d}XX" + draw(qualifier)
    if shape == "season":
        return f"{year}-{draw(st.integers(21, 24))}" + draw(qualifier)
    if shape == "year":
        return f"{year}" + draw(qualifier)
    month = draw(st.integers(1, 12))
    if shape == "month":
        return f"{year}-{month:02d}" + draw(qualifier)
    day = draw(st.integers(1, 28))
    return f"{year}-{month:02d}-{day:02d}" + draw(qualifier)


@st.composite
def edtf(draw) -> str:
    kind = draw(st.sampled_from(["date", "interval", "set"]))
    if kind == "date":
        return draw(part())
    if kind == "interval":
        a, b = sorted((draw(part()), draw(part())), key=lambda s: parse_edtf(s).earliest)
        if parse_edtf(a).earliest > parse_edtf(b).latest:
            a, b = b, a
        ends = draw(st.sampled_from(["both", "open-start", "open-end", "unknown-start", "unknown-end"]))
        start = {"open-start": "..", "unknown-start": ""}.get(ends, a)
        end = {"open-end": "..", "unknown-end": ""}.get(ends, b)
        return f"{start}/{end}"
    members = sorted({draw(part()) for _ in range(draw(st.integers(1, 3)))}, key=lambda s: parse_edtf(s).earliest)
    items = list(members)
    if draw(st.booleans()) and len(items) >= 2 and parse_edtf(items[0]).earliest <= parse_edtf(items[1]).latest:
        items[:2] = [f"{items[0]}..{items[1]}"]
    if draw(st.booleans()):
        items[0] = ".." + items[0] if ".." not in items[0] else items[0]
    elif draw(st.booleans()):
        items[-1] = items[-1] + ".." if ".." not in items[-1] else items[-1]
    return "[" + ", ".join(items) + "]"


def write_part(p: Part) -> str:
    """The EDTF text of a part, from its fields alone."""
    mark = {(False, False): "", (True, False): "?", (False, True): "~", (True, True): "%"}[(p.uncertain, p.approximate)]
    if p.precision.value == "decade":
        return f"{p.year // 10:03d}X{mark}"
    if p.precision.value == "century":
        return f"{p.year // 100:02d}XX{mark}"
    if p.season:
        return f"{p.year}-{p.season}{mark}"
    text = f"{p.year}" + (f"-{p.month:02d}" if p.month else "") + (f"-{p.day:02d}" if p.day else "")
    return text + mark


def write(date) -> str:
    """The EDTF text of a parsed date, from its structure (never from its ``text``)."""
    if date.kind is Kind.DATE:
        return write_part(date.start)
    if date.kind is Kind.INTERVAL:
        ends = [{OPEN: "..", UNKNOWN: ""}.get(e, None) if not isinstance(e, Part) else write_part(e)
                for e in (date.start, date.end)]
        return "/".join(ends)
    items = []
    for m in date.members:
        if not m.is_range:
            items.append(write_part(m.start))
        else:
            items.append((write_part(m.start) if m.start else "") + ".." + (write_part(m.end) if m.end else ""))
    return "[" + ", ".join(items) + "]"


@QUICK
@given(edtf())
def test_edtf_round_trips_with_its_bounds(text):
    date = parse_edtf(text)
    again = parse_edtf(write(date))
    assert write(date) == text
    assert (again.kind, again.precision, again.earliest, again.latest, again.uncertain, again.approximate) == (
        date.kind, date.precision, date.earliest, date.latest, date.uncertain, date.approximate)
    if date.earliest and date.latest:
        assert date.earliest <= date.latest
    if date.kind is Kind.INTERVAL:  # from the start's first day to the end's last
        assert date.earliest == (date.start.earliest if isinstance(date.start, Part) else None)
        assert date.latest == (date.end.latest if isinstance(date.end, Part) else None)
        return
    parts = [date.start] if date.kind is Kind.DATE else [p for m in date.members for p in (m.start, m.end) if p]
    for p in parts:  # a date, or one of a set: somewhere within the bounds
        assert p.earliest <= p.latest
        assert date.earliest is None or date.earliest <= p.earliest
        assert date.latest is None or p.latest <= date.latest


@QUICK
@given(edtf(), edtf())
def test_edtf_order_follows_the_days(a, b):
    x, y = parse_edtf(a), parse_edtf(b)
    if x.earliest and y.earliest and x.earliest < y.earliest:
        assert x.sort_key < y.sort_key
    if x.text == y.text:
        assert x.sort_key == y.sort_key


# -- datasets through the JSON export ------------------------------------------------------

ident = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?", fullmatch=True)
words = st.text(alphabet=string.ascii_letters + string.digits + " ,.:'#-?!" + "医院分院首例手术中心签约", min_size=1,
                max_size=20).filter(lambda s: s.strip())
texts = st.fixed_dictionaries({"zh": words, "en": words})


@st.composite
def dataset_data(draw) -> dict:
    ids = draw(st.lists(ident, min_size=4, max_size=12, unique=True))
    source, branch, category, *rest = ids
    paragraphs = draw(st.integers(1, 30))
    milestones = [{
        "id": i, "branch": branch, "category": category, "date": draw(edtf()), "title": draw(texts),
        "summary": draw(texts), "sources": [{"source": source, "paragraph": draw(st.integers(1, paragraphs))}],
        "people": draw(st.lists(st.fixed_dictionaries({"name": texts, "role": texts}), max_size=2)),
        "tags": draw(st.lists(texts, max_size=2)),
    } for i in rest[: len(rest) - 1]]
    indicators = [{
        "id": rest[-1], "branch": branch, "measure": "visits", "label": draw(texts),
        "unit": draw(st.sampled_from(sorted(UNITS))), "sources": [{"source": source, "paragraph": 1}],
        "points": [{"date": draw(edtf()), "value": str(draw(st.integers(1, 10**7))),
                    "qualifier": draw(st.sampled_from(["exact", "more_than", "nearly"]))}
                   for _ in range(draw(st.integers(1, 3)))],
    }]
    return {
        "format": 1, "title": draw(texts),
        "sources": [{"id": source, "title": draw(texts), "outlet": draw(texts), "date": draw(edtf()),
                     "paragraphs": paragraphs}],
        "branches": [{"id": branch, "kind": "branch", "name": draw(texts), "color": "#123abc"}],
        "categories": [{"id": category, "name": draw(texts), "marker": "o", "color": "#abcdef",
                        "weight": draw(st.integers(1, 100))}],
        "milestones": milestones, "indicators": indicators,
    }


def from_export(export: dict) -> dict:
    """The dataset file that the JSON export describes, in the input format."""
    def citations(r):
        return [{k: v for k, v in c.items() if v is not None} for c in r["citations"]]

    return {
        "format": export["format"], "title": export["title"],
        "sources": [{**{k: s[k] for k in ("id", "title", "outlet") if s[k]}, "date": s["date"]["edtf"],
                     **({"paragraphs": s["paragraphs"]} if s["paragraphs"] else {})} for s in export["sources"]],
        "branches": [{k: v for k, v in b.items() if v is not None} for b in export["branches"]],
        "categories": export["categories"],
        "milestones": [{"id": m["id"], "branch": m["branch"], "category": m["category"], "date": m["date"]["edtf"],
                        "title": m["title"], "summary": m["summary"], "sources": citations(m),
                        "people": m["people"], "tags": m["tags"]} for m in export["milestones"]],
        "indicators": [{"id": i["id"], "branch": i["branch"], "measure": i["measure"], "label": i["label"],
                        "unit": i["unit"], "sources": citations(i),
                        "points": [{"date": p["date"]["edtf"], "value": str(p["value"]), "qualifier": p["qualifier"]}
                                   for p in i["points"]]} for i in export["indicators"]],
    }


def load(data: dict):
    return parse_dataset(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode(), "gen.yaml")


@SLOW
@given(dataset_data())
def test_a_valid_dataset_round_trips_through_the_json_export(data):
    dataset = load(data)
    rebuilt = load(from_export(json.loads(to_json(dataset))))
    def by_id(ds):  # the export lists milestones by date, so their lines in the rebuilt file differ
        return {m.id: dataclasses.replace(m, line=0) for m in ds.milestones}

    assert by_id(rebuilt) == by_id(dataset)
    for name in ("title", "sources", "branches", "categories", "indicators"):
        assert getattr(rebuilt, name) == getattr(dataset, name), name


# -- mutations of the bundled dataset ------------------------------------------------------

BUNDLED = bundled_dataset_path().read_bytes()


def answer(data: bytes, fast: bool):
    try:
        return parse_dataset(data, "m.yaml", fast=fast)
    except DatasetError as err:
        return err.problems


def check_positions(data: bytes, problems) -> None:
    lines = data.decode("utf-8", "replace").split("\n")
    for p in problems:
        assert 1 <= p.line <= len(lines), p
        assert 1 <= p.column <= len(lines[p.line - 1]) + 1, p


# What a byte mutation writes: YAML's punctuation, and what the parsers were found to read apart
# (control characters, line breaks other than LF, escapes of no character, a header's "#"…).
PIECES = [bytes([b]) for b in b"\t\n\r :{}[],-?'\"#&*!|>%@`\x00\x7f\xff\xe4x9"] + [
    "\u0080".encode(), "\u0085".encode(), "\u2028".encode(), "\ufeff".encode(), b"\\ud800", b"\\U00110000", b">#",
    "\u0662".encode(), "\uff12".encode(), b"9999-24", "\U0001f600".encode()]


@SLOW
@given(st.lists(st.tuples(st.sampled_from(["flip", "insert", "delete"]), st.integers(0, len(BUNDLED) - 1),
                          st.sampled_from(PIECES)), min_size=1, max_size=4))
def test_byte_mutations_give_the_loaders_own_answer(edits):
    data = bytearray(BUNDLED)
    for op, at, piece in edits:
        at = min(at, len(data) - 1)
        if op == "flip":
            data[at:at + len(piece)] = piece
        elif op == "insert":
            data[at:at] = piece
        else:
            del data[at]
    data = bytes(data)
    fast, reference = answer(data, True), answer(data, False)
    if isinstance(fast, list):
        check_positions(data, fast)
        check_positions(data, reference)
        if not (isinstance(reference, list)
                and any(p.key in {"problem.yaml.syntax", "problem.yaml.depth"} for p in fast + reference)):
            assert fast == reference
        else:  # each parser words its syntax errors (the pure one a '?' in {…} as its own), but both stop
            same = {"problem.yaml.flow_question": "problem.yaml.syntax"}
            assert [same.get(p.key, p.key) for p in fast] == [same.get(p.key, p.key) for p in reference]
    else:
        assert fast == reference


BUNDLED_TREE = yaml.load(BUNDLED, Loader=yaml.BaseLoader)  # every scalar as text


def paths(node, prefix=()):
    yield prefix
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield from paths(child, (*prefix, key))


ALL_PATHS = list(paths(BUNDLED_TREE))[1:]
replacement = st.one_of(st.just(None), st.just([]), st.just({}), st.just(["x", "y"]), st.just({"zh": "甲"}),
                        st.text(max_size=12), st.sampled_from(["2013-02-30", "[2013..", "NO", "0755", "west", "1e5"]))


@SLOW
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), st.sampled_from(["replace", "delete", "duplicate"]), replacement),
                min_size=1, max_size=3))
def test_node_mutations_give_the_loaders_own_answer(edits):
    tree = json.loads(json.dumps(BUNDLED_TREE))
    for path, op, value in edits:
        parent = tree
        try:
            for key in path[:-1]:
                parent = parent[key]
            last = path[-1]
            if op == "replace":
                parent[last] = value
            elif op == "delete":
                del parent[last]
            elif isinstance(parent, list):
                parent.insert(last, parent[last])
            else:
                parent[f"{last}-copy"] = parent[last]
        except (KeyError, IndexError, TypeError):  # an earlier edit removed the path
            continue
    data = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode()
    fast, reference = answer(data, True), answer(data, False)
    assert fast == reference
    if isinstance(fast, list):
        check_positions(data, fast)

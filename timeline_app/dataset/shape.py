"""Whether an object that claims to be a :class:`Dataset` is one the loader could have built.

The cache unpickles only our record types, but a forged or damaged entry can still put them
together wrongly: a milestone whose title is a number, a dataset that holds itself (whose hash,
comparison or repr then recurses until the process dies), a figure of ``Decimal('Infinity')``,
a milestone on a branch the dataset does not have. :func:`conforms` checks every value's type
against the record classes' annotations, and the references between records, level by level
(one pass per field over all records of a class, no recursion into values), so it ends on any
input and costs a fraction of a load.
"""

from __future__ import annotations

import dataclasses
import graphlib
import operator
import types
import typing
from decimal import Decimal

from . import edtf, records
from .records import Dataset

__all__ = ["conforms"]

MAX_DIGITS = 15  # as the checks allow (figures are drawn as floats)


@dataclasses.dataclass(frozen=True)
class _Shape:
    """The types a value may have; for a tuple, its items' shape."""

    allowed: frozenset[type]
    items: _Shape | None = None


def _shape(hint) -> _Shape:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        parts = [_shape(arg) for arg in typing.get_args(hint)]
        items = next((p.items for p in parts if p.items is not None), None)
        return _Shape(frozenset().union(*(p.allowed for p in parts)), items)
    if origin is tuple:
        return _Shape(frozenset({tuple}), _shape(typing.get_args(hint)[0]))
    return _Shape(frozenset({type(None) if hint is None else hint}))


def _fields(cls: type) -> list[tuple[str, _Shape]]:
    hints = typing.get_type_hints(cls, vars(records) | vars(edtf))
    return [(operator.attrgetter(f.name), _shape(hints[f.name])) for f in dataclasses.fields(cls)]


_RECORDS = [getattr(records, name) for name in records.__all__] + [edtf.EdtfDate, edtf.Part, edtf.Member]
_FIELDS = {cls: _fields(cls) for cls in _RECORDS if dataclasses.is_dataclass(cls)}
_DATASET_KEYS = {f.name for f in dataclasses.fields(Dataset)}


def _holds(shape: _Shape) -> set[type]:
    return {t for t in shape.allowed if t in _FIELDS} | (_holds(shape.items) if shape.items else set())


# Holders before what they hold (the record classes never hold themselves, so there is an order).
_ORDER = list(graphlib.TopologicalSorter(
    {cls: set().union(*(_holds(shape) for _, shape in fields)) for cls, fields in _FIELDS.items()}).static_order())[::-1]


class _Wrong(Exception):
    pass


def conforms(dataset: object) -> bool:
    """Whether ``dataset`` has the types and the references a loaded dataset has."""
    if type(dataset) is not Dataset or set(vars(dataset)) != _DATASET_KEYS:  # no forged cached_property values
        return False
    try:
        _check_types(dataset)
        _check_references(dataset)
    except (_Wrong, AttributeError):
        return False
    return True


def _check_types(dataset: Dataset) -> None:
    """Class by class, each before the classes its fields hold: every record is checked once."""
    pending: dict[type, dict[int, object]] = {Dataset: {id(dataset): dataset}}
    for cls in _ORDER:
        objects = list(pending.pop(cls, {}).values())
        for get, shape in _FIELDS[cls]:
            _check_values(list(map(get, objects)), shape, pending)


def _check_values(values: list, shape: _Shape, pending: dict[type, dict[int, object]]) -> None:
    kinds = set(map(type, values))
    if not kinds <= shape.allowed:
        raise _Wrong
    for kind in kinds:
        if kind is tuple:
            _check_values([item for v in values if type(v) is tuple for item in v], shape.items, pending)
        elif kind in _FIELDS:
            of_kind = values if len(kinds) == 1 else [v for v in values if type(v) is kind]
            pending.setdefault(kind, {}).update(zip(map(id, of_kind), of_kind))
        elif kind is Decimal and not all(v.is_finite() and v.adjusted() < MAX_DIGITS for v in values
                                         if type(v) is Decimal):
            raise _Wrong


def _check_references(ds: Dataset) -> None:
    def ids(items) -> set[str]:
        known = {item.id for item in items}
        if len(known) != len(items):
            raise _Wrong
        return known

    sources, branches, categories = ids(ds.sources), ids(ds.branches), ids(ds.categories)
    milestones = ids(ds.milestones)
    ids(ds.eras), ids(ds.indicators), ids(ds.tours)
    citations = [c for record in (*ds.milestones, *ds.indicators) for c in record.sources]
    if not ({m.branch for m in ds.milestones} | {i.branch for i in ds.indicators} <= branches
            and {m.category for m in ds.milestones} <= categories and {c.source for c in citations} <= sources
            and {stop for t in ds.tours for stop in t.milestones} <= milestones):
        raise _Wrong

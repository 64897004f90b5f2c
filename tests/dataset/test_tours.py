"""Curated tours: an ordered list of milestone ids, checked like every other record."""

import textwrap
from pathlib import Path

import pytest

from timeline_app.dataset import DatasetError, load_dataset
from timeline_app.i18n.problems import format_problem

DATA = Path(__file__).parents[1] / "data"

HEAD = textwrap.dedent("""\
    format: 1
    title: {zh: 题, en: Title}
    sources:
      - {id: src, title: {zh: 文, en: Text}, outlet: {zh: 报, en: Paper}, date: "2023"}
    branches:
      - {id: north, kind: branch, name: {zh: 北, en: North}, color: "#112233"}
    categories:
      - {id: cat, name: {zh: 类, en: Kind}, marker: o, color: "#445566"}
    milestones:
      - {id: one, branch: north, category: cat, date: 2014, title: {zh: 一, en: One}, summary: {zh: 一, en: One}, sources: [src]}
      - {id: two, branch: north, category: cat, date: 2015, title: {zh: 二, en: Two}, summary: {zh: 二, en: Two}, sources: [src]}
    """)


def problems(write_yaml, tours: str) -> list[str]:
    path = write_yaml(HEAD + tours)
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    return [format_problem(p).removeprefix(str(path)) for p in info.value.problems]


def test_a_tour_keeps_its_order_and_title():
    ds = load_dataset(DATA / "archive.yaml")
    tour = ds.tour_by_id["highlights"]
    assert tour.milestones == ("west-first-pci", "east-trusteeship", "alliance-award", "parent-undated")
    assert tour.title.en == "Highlights of the decade"


def test_tours_are_optional(write_yaml):
    assert load_dataset(write_yaml(HEAD)).tours == ()


def test_unknown_and_repeated_stops_are_reported_where_they_stand(write_yaml):
    found = problems(write_yaml, textwrap.dedent("""\
        tours:
          - id: walk
            milestones:
              - one
              - three
              - one
        """))
    assert found == [":16:9: unknown milestone 'three'", ":17:9: milestone 'one' is already on this tour"]


def test_a_tour_needs_an_id_and_stops(write_yaml):
    found = problems(write_yaml, "tours:\n  - {id: walk, milestones: []}\n  - {milestones: [one], stops: [two]}\n")
    assert found == [
        ":13:28: milestones needs at least 1 item(s)",
        ":14:5: tour: missing required key 'id'",
        ":14:25: unknown key 'stops' in tour; allowed: id, title, milestones",
    ]


def test_a_tour_id_is_unique_across_the_dataset(write_yaml):
    found = problems(write_yaml, "tours:\n  - {id: one, milestones: [two]}\n")
    assert found == [":13:10: duplicate id 'one' (first at line 10)"]

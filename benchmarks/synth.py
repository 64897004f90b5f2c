"""Synthetic datasets of any size for benchmarks: N milestones over the decade, several branches.

Dates mix the precisions the real data has (days, months, years, spans, and a share of undated
milestones "some day in the period"); titles are made of real-sounding phrases in Chinese and
English of varied length, so layout and text measuring do real work; indicators give the panel
two figures per measure and branch, some qualified. A fixed seed makes every run the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from timeline_app.dataset import (
    Branch, BranchKind, Category, Citation, Dataset, Indicator, IndicatorPoint, Milestone, Qualifier, Source, Text,
    parse_edtf,
)

__all__ = ["synthetic_dataset", "synthetic_yaml"]

_START, _END = dt.date(2013, 1, 1), dt.date(2023, 12, 31)
_MARKERS = ["o", "s", "d", "t", "star", "p", "h", "+"]
_PLACES = [("县", "county"), ("区域", "regional"), ("渝东北", "north-east Chongqing"), ("全院", "hospital-wide")]
_THINGS = [
    ("首例腹腔镜胆囊切除术", "first laparoscopic cholecystectomy"), ("胸痛中心", "chest pain centre"),
    ("远程会诊", "remote consultation"), ("卒中中心", "stroke centre"), ("专家工作站", "expert workstation"),
    ("介入手术", "interventional procedure"), ("重症医学科", "intensive care unit"), ("新生儿救治", "neonatal care"),
    ("医共体", "medical community"), ("继续教育项目", "continuing education project"), ("三甲评审", "tertiary review"),
    ("冠脉造影", "coronary angiography"), ("血液透析中心", "haemodialysis centre"), ("病理科", "pathology department"),
]
_ACTIONS = [("开展", "Opened"), ("建成", "Built"), ("通过验收", "Accepted"), ("挂牌", "Plaque for"), ("签约", "Signed"),
            ("启动", "Started"), ("完成", "Completed")]
_MEASURES = ["visits", "discharges", "senior-staff", "beds", "floor-area", "techniques", "papers", "experts",
             "trainees", "departments", "projects", "devices"]


def _date(rng: random.Random) -> str:
    day = _START + dt.timedelta(days=rng.randrange((_END - _START).days))
    roll = rng.random()
    if roll < 0.55:
        return day.isoformat()
    if roll < 0.75:
        return day.strftime("%Y-%m")
    if roll < 0.86:
        return str(day.year)
    if roll < 0.92:
        return f"{day.year}/{min(day.year + rng.randint(1, 3), 2023)}"
    return "[2013-06-28..2023]"  # undated: some day within the alliance years


def _title(rng: random.Random) -> Text:
    (pz, pe), (tz, te), (az, ae) = rng.choice(_PLACES), rng.choice(_THINGS), rng.choice(_ACTIONS)
    extra = rng.random() < 0.3
    zh = f"{pz}{az}{tz}" + ("，填补区域空白" if extra else "")
    en = f"{ae} the {pe} {te}" + (", a first in the region" if extra else "")
    return Text(zh, en)


def synthetic_dataset(n: int, branches: int = 2, seed: int = 1) -> Dataset:
    rng = random.Random(seed)
    source = Source("synthetic", Text("合成数据", "Synthetic"), Text("基准", "Benchmark"), parse_edtf("2023"))
    lanes = [Branch(f"b{k}", BranchKind.BRANCH, Text(f"分院{k}", f"Branch {k}"), f"#{rng.randrange(0x1000000):06x}")
             for k in range(branches)]
    lanes.append(Branch("alliance", BranchKind.ALLIANCE, Text("医联体", "Alliance"), "#555555"))
    categories = [Category(f"c{k}", Text(f"类别{k}", f"Category {k}"), _MARKERS[k % 8], f"#{rng.randrange(0x1000000):06x}",
                           weight=rng.randint(10, 90)) for k in range(8)]
    dates = {}
    milestones = []
    for i in range(n):
        text = _date(rng)
        date = dates.get(text) or dates.setdefault(text, parse_edtf(text))
        title = _title(rng)
        milestones.append(Milestone(
            id=f"m{i}", branch=rng.choice(lanes).id, category=rng.choice(categories).id, date=date,
            title=title, summary=Text(title.zh + "。", title.en + "."), sources=(Citation("synthetic", 1),),
        ))
    first, last = parse_edtf("2013"), parse_edtf("2023")
    indicators = []
    for measure in _MEASURES:
        for branch in lanes[:-1]:
            a, b = rng.randint(10, 300_000), rng.randint(10, 600_000)
            qualifier = rng.choice([Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.NEARLY])
            indicators.append(Indicator(
                f"{branch.id}-{measure}", branch.id, measure, Text(f"指标{measure}", f"Measure {measure}"), "items",
                (IndicatorPoint(first, Decimal(a), qualifier), IndicatorPoint(last, Decimal(b), qualifier)),
                (Citation("synthetic", 1),)))
    return Dataset(Text("合成", "Synthetic"), (source,), tuple(lanes), tuple(categories), (), tuple(milestones),
                   tuple(indicators))


def _point(p: IndicatorPoint) -> str:
    qualifier = "" if p.qualifier is Qualifier.EXACT else f", qualifier: {p.qualifier.value}"
    return f"{{date: '{p.date.text}', value: '{p.value}'{qualifier}}}"


def synthetic_yaml(n: int, branches: int = 2, seed: int = 1) -> str:
    """The same kind of dataset as YAML text, for loader and whole-process benchmarks."""
    ds = synthetic_dataset(n, branches, seed)
    out = ["format: 1", "title: {zh: 合成, en: Synthetic}", "sources:",
           "  - {id: synthetic, title: {zh: 合成数据, en: Synthetic}, outlet: {zh: 基准, en: Benchmark}, date: '2023'}",
           "branches:"]
    out += [f"  - {{id: {b.id}, kind: {b.kind.value}, name: {{zh: {b.name.zh}, en: {b.name.en}}}, color: '{b.color}'}}" for b in ds.branches]
    out.append("categories:")
    out += [f"  - {{id: {c.id}, name: {{zh: {c.name.zh}, en: {c.name.en}}}, marker: '{c.marker}', color: '{c.color}', weight: {c.weight}}}"
            for c in ds.categories]
    out.append("milestones:")
    for m in ds.milestones:
        out += [f"  - id: {m.id}", f"    branch: {m.branch}", f"    category: {m.category}", f"    date: '{m.date.text}'",
                f"    title: {{zh: '{m.title.zh}', en: '{m.title.en}'}}",
                f"    summary: {{zh: '{m.summary.zh}', en: '{m.summary.en}'}}",
                "    sources: [{source: synthetic, paragraph: 1}]"]
    out.append("indicators:")
    for i in ds.indicators:
        out += [f"  - id: {i.id}", f"    branch: {i.branch}", f"    measure: {i.measure}",
                f"    label: {{zh: {i.label.zh}, en: {i.label.en}}}", f"    unit: {i.unit}",
                "    sources: [{source: synthetic, paragraph: 1}]", "    points:"]
        out += [f"      - {_point(p)}" for p in i.points]
    return "\n".join(out) + "\n"

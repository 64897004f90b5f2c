"""Synthetic datasets of any size for benchmarks: N milestones over the decade, several branches.

Dates mix the precisions the real data has (days, months, years, spans, undated periods) and
titles mix Chinese and English of varied length, so layout and text measuring do real work.
"""

from __future__ import annotations

import datetime as dt
import random

from timeline_app.dataset import (
    Branch, BranchKind, Category, Citation, Dataset, Milestone, Source, Text, parse_edtf,
)

__all__ = ["synthetic_dataset", "synthetic_yaml"]

_START, _END = dt.date(2013, 1, 1), dt.date(2023, 12, 31)
_WORDS_ZH = "首例 手术 中心 协议 签约 挂牌 评审 培训 专家 远程 会诊 技术 开展 建设 医院 分院 学科 验收".split()
_WORDS_EN = "first surgery centre agreement signed plaque review training experts remote consultation technique".split()
_MARKERS = ["o", "s", "d", "t", "star", "p", "h", "+"]


def _date(rng: random.Random) -> str:
    day = _START + dt.timedelta(days=rng.randrange((_END - _START).days))
    roll = rng.random()
    if roll < 0.6:
        return day.isoformat()
    if roll < 0.8:
        return day.strftime("%Y-%m")
    if roll < 0.9:
        return str(day.year)
    if roll < 0.95:
        return f"{day.year}/{min(day.year + rng.randint(1, 3), 2023)}"
    return "[2013..2023]"


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
        zh = "".join(rng.choices(_WORDS_ZH, k=rng.randint(2, 9)))
        en = " ".join(rng.choices(_WORDS_EN, k=rng.randint(2, 9))).capitalize()
        milestones.append(Milestone(
            id=f"m{i}", branch=rng.choice(lanes).id, category=rng.choice(categories).id, date=date,
            title=Text(zh, en), summary=Text(zh, en), sources=(Citation("synthetic", 1),),
        ))
    return Dataset(Text("合成", "Synthetic"), (source,), tuple(lanes), tuple(categories), (), tuple(milestones), ())


def synthetic_yaml(n: int, branches: int = 2, seed: int = 1) -> str:
    """The same kind of dataset as YAML text, for loader benchmarks."""
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
                f"    title: {{zh: {m.title.zh}, en: {m.title.en}}}", f"    summary: {{zh: {m.summary.zh}, en: {m.summary.en}}}",
                "    sources: [{source: synthetic, paragraph: 1}]"]
    return "\n".join(out) + "\n"

"""Scorecard and report speed on a synthetic 10,000-document knowledge base.

Usage: python bench/analyze.py [--documents 10000] [--db FILE]

Writes synthetic documents with their facts and mentions straight through
`SqliteStore.add_document` (no extraction), then times `build_scorecard` and a full HTML
report (overview + rendering). Prints the figures and the machine they ran on. Targets
(issue 4): scorecard <= 2 s, report <= 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
import zlib
from decimal import Decimal
from pathlib import Path

from industry_atlas.analyze.overview import build_overview
from industry_atlas.analyze.scorecard import ScorecardOptions, build_scorecard
from industry_atlas.core import ids
from industry_atlas.core.models import (
    Document,
    DocumentRecord,
    Entity,
    Fact,
    FactKind,
    Mention,
    MentionType,
    PartialDate,
    Qualifier,
    Quantity,
    Run,
    Span,
)
from industry_atlas.report import render_report
from industry_atlas.store.sqlite import SqliteStore
from machine import describe

CITIES = [
    ("北京市", "110000"),
    ("上海市", "310000"),
    ("深圳市", "440300"),
    ("杭州市", "330100"),
    ("合肥市", "340100"),
    ("苏州市", "320500"),
    ("广州市", "440100"),
    ("成都市", "510100"),
    ("武汉市", "420100"),
    ("南京市", "320100"),
    ("宁波市", "330200"),
    ("重庆市", "500000"),
]
COMPONENTS = ["谐波减速器", "无框力矩电机", "滚柱丝杠", "六维力传感器", "灵巧手"]
RUN = Run("bench-run", "ingest", "bench.v1", "0", "2024-01-01T00:00:00+00:00")


def synthetic_document(number: int, rng: random.Random) -> DocumentRecord:
    """One article of about 600 characters with ~14 facts and its organization mentions."""
    city, code = rng.choice(CITIES)
    short = city.rstrip("市")
    maker, supplier, lab = (
        f"{short}智造{number}号公司",
        f"{short}精密{number % 300}号",
        f"{short}具身智能实验室{number % 50}",
    )
    product, policy = f"星{number}型人形机器人", f"{short}人形机器人行动方案第{number}号"
    component = rng.choice(COMPONENTS)
    year, month = 2020 + number % 5, 1 + number % 12
    # Sources repeat a city's official figure for a year; one in fifty states another.
    value = 50 + (
        zlib.crc32(f"{city}{year}".encode()) % 1950 if number % 50 else rng.randint(50, 2000)
    )
    text = (
        f"{year}年{month}月，{city}印发《{policy}》。{maker}推出{product}，总部位于{short}。"
        f"专注{component}的供应商{supplier}为其配套。{lab}落户{short}，{lab}主任张{number % 97}表示，"
        f"{city}机器人产业产值达到{value}亿元，同比增长{rng.randint(5, 40)}%，机器人企业超过{rng.randint(50, 900)}家。"
        + "人形机器人产业链持续完善，核心零部件国产化加速，应用场景不断拓展。"
        * 8
    )
    doc = Document(
        ids.doc_id(text),
        f"bench/{number:05d}.txt",
        f"{city}人形机器人观察{number}",
        text,
        PartialDate(2024, 6),
    )

    def span(quote: str) -> Span:
        start = text.index(quote)
        return Span.of(doc, start, start + len(quote))

    def fact(
        kind: FactKind, subject: str, predicate: str, quotes: list[str], **fields: object
    ) -> Fact:
        return Fact(kind, subject, predicate, tuple(span(q) for q in quotes), **fields)  # type: ignore[arg-type]

    located = {"basis": "explicit", "region_code": code}
    money = Quantity(Decimal(value) * Decimal(10**8), "元", Qualifier.EQ)
    facts = (
        fact(
            FactKind.POLICY_ISSUED,
            policy,
            "issued",
            [f"{year}年{month}月", policy],
            time=PartialDate(year, month),
            qualifiers={"region": city, "region_code": code},
        ),
        fact(
            FactKind.EVENT,
            policy,
            "policy_issue",
            [policy],
            time=PartialDate(year, month),
            qualifiers={"detail": "印发"},
        ),
        fact(
            FactKind.MAKES,
            maker,
            "makes",
            [maker, product],
            object=product,
            time=PartialDate(year),
            qualifiers={"product_kind": "humanoid_robot"},
        ),
        fact(
            FactKind.EVENT,
            product,
            "release",
            [product],
            time=PartialDate(year, month),
            qualifiers={"detail": "推出"},
        ),
        fact(FactKind.LOCATED_IN, maker, "located_in", [maker], object=city, qualifiers=located),
        fact(
            FactKind.LOCATED_IN,
            product,
            "located_in",
            [product],
            object=city,
            qualifiers={**located, "basis": "maker"},
        ),
        fact(
            FactKind.LOCATED_IN, supplier, "located_in", [supplier], object=city, qualifiers=located
        ),
        fact(FactKind.LOCATED_IN, lab, "located_in", [lab], object=city, qualifiers=located),
        fact(
            FactKind.HOLDS_TITLE, f"张{number % 97}", "主任", [f"主任张{number % 97}"], object=lab
        ),
        fact(
            FactKind.METRIC,
            city,
            "机器人产业产值",
            [f"{value}亿元"],
            quantity=money,
            time=PartialDate(year),
            qualifiers={"subject_kind": "region"},
        ),
    )
    orgs = [(maker, "company"), (supplier, "company"), (lab, "research")]
    mentions = (
        *(Mention(span(name), MentionType.ORG, name, name) for name, _ in orgs),
        Mention(span(product), MentionType.PRODUCT, product, product),
    )
    entities = (
        *(Entity(ids.content_hash("org", n), MentionType.ORG, n, (), {"kind": k}) for n, k in orgs),
        Entity(
            ids.content_hash("product", product),
            MentionType.PRODUCT,
            product,
            (),
            {"kind": "humanoid_robot"},
        ),
    )
    return DocumentRecord(doc, b"", RUN, mentions=mentions, entities=entities, facts=facts)


def build(path: Path, count: int) -> float:
    """Write `count` synthetic documents; return the seconds it took."""
    rng = random.Random(4)
    started = time.perf_counter()
    with SqliteStore(path) as store:
        for number in range(count):
            store.add_document(synthetic_document(number, rng))
    return time.perf_counter() - started


def measure(path: Path) -> dict[str, float]:
    """Time the scorecard and the HTML report over the knowledge base at `path`."""
    with SqliteStore(path) as store:
        started, cpu = time.perf_counter(), time.process_time()
        card = build_scorecard(store, ScorecardOptions())
        scorecard_s, scorecard_cpu = time.perf_counter() - started, time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        html = render_report(build_overview(store, ScorecardOptions()), path.name)
        report_s, report_cpu = time.perf_counter() - started, time.process_time() - cpu
        facts = store.count("facts")
    return {
        "scorecard_s": round(scorecard_s, 2),
        "scorecard_cpu_s": round(scorecard_cpu, 2),
        "report_s": round(report_s, 2),
        "report_cpu_s": round(report_cpu, 2),
        "regions": len(card.regions),
        "facts": facts,
        "report_mb": round(len(html.encode("utf-8")) / 1e6, 1),
    }


def main() -> None:
    """Build the synthetic knowledge base (unless --db names an existing one) and time it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    path = args.db or folder / "bench.sqlite"
    build_s = build(path, args.documents) if not path.exists() else 0.0
    figures = {"documents": args.documents, "build_s": round(build_s, 1), **measure(path)}
    machine = describe()
    load = os.getloadavg()[0]
    print(json.dumps({**figures, "machine": machine, "load": load}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

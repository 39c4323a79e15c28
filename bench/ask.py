"""Question-answering latency on a synthetic knowledge base of 10,000 documents.

Usage: python bench/ask.py [--docs 10000] [--questions 300] [--db FILE]

Builds the knowledge base fast (synthetic documents with their facts, evidence and
entities, stored through SqliteStore.add_document; no extraction), then answers a mix of
questions in-process with one `Asker` (who made X, when, a company's revenue, a city's
policy of a month, a count claim's items, a product's specs, and questions about
companies that do not exist) and prints p50/p95 per question with the machine it ran
on. `--db` keeps the knowledge base for another run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from industry_atlas.ask import Asker
from industry_atlas.core import ids
from industry_atlas.core.models import (
    Document,
    DocumentRecord,
    Entity,
    Fact,
    FactKind,
    MentionType,
    PartialDate,
    Quantity,
    Run,
    Span,
)
from industry_atlas.store.sqlite import SqliteStore
from machine import describe

CITIES = ["北京", "上海", "深圳", "杭州", "合肥", "苏州", "广州", "成都", "武汉", "南京"]
SYLLABLES = "星云智擎远航天工灵犀极光凌霄北辰启明青禾鸿鹄赤兔玄武朱雀麒麟昆仑泰岳江海明德博远瑞祥"
SUFFIXES = ["科技", "智能", "机器人", "动力"]
CUSTOMERS = ["比亚迪", "吉利汽车", "富士康", "顺丰", "京东", "美的", "海尔", "宁德时代"]
FILLER = [
    "人形机器人产业加速集聚，核心零部件国产化率持续提升。",
    "业内人士认为，具身智能大模型将推动人形机器人走进工厂。",
    "谐波减速器和伺服电机的需求保持增长，供应链企业加快扩产。",
    "多家整机企业发布新品，行业竞争日趋激烈。",
    "地方政府陆续出台支持政策，产业基金规模不断扩大。",
    "机器人产业园区加快建设，应用场景持续开放。",
]
RUN = Run("bench-ask", "ingest", "ingest.v1", "bench", "2025-01-01T00:00:00+00:00")


@dataclass(frozen=True, slots=True)
class Company:
    """What the questions about one synthetic document refer to."""

    name: str
    product: str
    city: str
    year: int
    month: int
    policy_month: int


def company_of(number: int) -> Company:
    """Return the company of document `number` (names are unique per document)."""
    rng = random.Random(number)
    first, second = divmod(number % (len(SYLLABLES) ** 2), len(SYLLABLES))
    suffix = SUFFIXES[number // len(SYLLABLES) ** 2 % len(SUFFIXES)]
    name = f"{SYLLABLES[first]}{SYLLABLES[second]}{suffix}{number // 4000 or ''}"
    return Company(
        name,
        f"RB{number:05d}",
        CITIES[number % len(CITIES)],
        2020 + number % 6,
        1 + rng.randrange(12),
        1 + rng.randrange(12),
    )


def document_record(number: int) -> DocumentRecord:
    """Build one synthetic document with its facts, evidence and entities."""
    company = company_of(number)
    rng = random.Random(number)
    customers = rng.sample(CUSTOMERS, 4)
    c, year = company, company.year
    title = f"《{c.city}市人形机器人产业发展行动计划（{year}—{year + 3}年）》"
    sentences = [
        f"{c.name}发布人形机器人{c.product}　{c.city}产业再添新军\n",
        f"{year}年{c.month}月{rng.randint(1, 28)}日 来源：测试报\n",
        f"{year}年{c.month}月，总部位于{c.city}的{c.name}正式发布人形机器人{c.product}，身高{rng.randint(120, 185)}厘米，全身拥有{rng.randint(20, 60)}个自由度。",
        f"{c.name}{year}年实现营业收入{rng.randint(1, 99)}.{rng.randint(1, 9)}亿元，同比增长{rng.randint(1, 60)}%。",
        f"{year}年{c.policy_month}月，{c.city}市经济和信息化局印发{title}，提出到{year + 3}年全市人形机器人产业规模突破{rng.randint(100, 999)}亿元。",
        f"目前{c.name}的产品已进入4家企业开展实训，分别是{'、'.join(customers)}。",
        *(rng.choice(FILLER) for _ in range(24)),
    ]
    text = "".join(sentences)
    document = Document(ids.doc_id(text), f"synthetic/{number:05d}.txt", sentences[0].strip(), text)
    entities = (
        Entity("", MentionType.ORG, c.name, (c.name[:2],)),
        Entity("", MentionType.PRODUCT, c.product),
    )
    return DocumentRecord(
        document, b"\x00" * 8, RUN, entities=entities, facts=_facts(document, c, title, customers)
    )


def _span(document: Document, quote: str) -> Span:
    start = document.text.index(quote)
    return Span.of(document, start, start + len(quote))


def _facts(document: Document, c: Company, title: str, customers: list[str]) -> tuple[Fact, ...]:
    return (*_company_facts(document, c), *_policy_and_claim(document, c, title, customers))


def _company_facts(document: Document, c: Company) -> tuple[Fact, ...]:
    revenue = document.text.split("实现营业收入", 1)[1].split("亿元", 1)[0]
    return (
        Fact(
            FactKind.MAKES,
            c.name,
            "makes",
            (_span(document, c.name), _span(document, c.product)),
            object=c.product,
            time=PartialDate(c.year, c.month),
            qualifiers={"product_kind": "humanoid_robot", "date_basis": "sentence"},
        ),
        Fact(
            FactKind.LOCATED_IN,
            c.name,
            "located_in",
            (_span(document, f"总部位于{c.city}的{c.name}"),),
            object=f"{c.city}市",
            qualifiers={"basis": "explicit"},
        ),
        Fact(
            FactKind.METRIC,
            c.name,
            "实现营业收入",
            (_span(document, f"实现营业收入{revenue}亿元"),),
            quantity=Quantity(Decimal(revenue) * 10**8, "元"),
            time=PartialDate(c.year),
        ),
    )


def _policy_and_claim(
    document: Document, c: Company, title: str, customers: list[str]
) -> tuple[Fact, ...]:
    return (
        Fact(
            FactKind.POLICY_ISSUED,
            title.strip("《》"),
            "issued",
            (_span(document, title.strip("《》")),),
            object=f"{c.city}市经济和信息化局",
            time=PartialDate(c.year, c.policy_month),
            qualifiers={"region": f"{c.city}市"},
        ),
        Fact(
            FactKind.COUNT_CLAIM,
            f"{c.name}的产品已进入企业开展实训",
            "count",
            (_span(document, "4家企业开展实训，分别是"), *(_span(document, n) for n in customers)),
            quantity=Quantity(Decimal(4), "家"),
            qualifiers={"enumerated": "4", "items": "|".join(customers)},
        ),
    )


def questions(count: int, docs: int, seed: int = 7) -> list[str]:
    """Return `count` questions about random documents, one in ten unanswerable."""
    rng = random.Random(seed)
    asked = []
    for index in range(count):
        c = company_of(rng.randrange(docs))
        templates = [
            f"{c.product}是哪家企业推出的？",
            f"{c.name}何时发布{c.product}？",
            f"{c.name}{c.year}年营业收入是多少？",
            f"{c.city}市{c.year}年{c.policy_month}月印发了哪份人形机器人政策？",
            f"{c.name}的产品已进入哪些企业开展实训？",
            f"{c.product}身高多少？",
            f"{c.name}总部位于哪个城市？",
            f"{c.name}{c.year}年营业收入同比增长多少？",
            f"{c.name}的产品进入了几家企业开展实训？",
            "虚构的星河九天机器人公司营业收入是多少？",
        ]
        asked.append(templates[index % len(templates)])
    return asked


def build(db: Path, docs: int) -> float:
    """Store `docs` synthetic documents; return the seconds it took."""
    started = time.perf_counter()
    with SqliteStore(db) as store:
        for number in range(docs):
            store.add_document(document_record(number))
        store.index_passages()
    return time.perf_counter() - started


def main() -> None:
    """Build (or reuse) the knowledge base, answer the questions, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--db", type=Path, help="knowledge base to build or reuse")
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "bench-ask.sqlite"
    if not db.exists():
        print(f"building {args.docs} documents in {db} …", flush=True)
        print(f"built in {build(db, args.docs):.0f} s", flush=True)
    with SqliteStore(db) as store:
        asker = Asker(store)
        asker.ask("预热：RB00001是哪家企业推出的？")  # loads the word list and region table
        timings, found = [], 0
        for question in questions(args.questions, args.docs):
            started = time.perf_counter()
            found += asker.ask(question).is_found
            timings.append(1000 * (time.perf_counter() - started))
        documents = store.count("documents")
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
    print(f"documents {documents}, questions {len(timings)}, answered {found}")
    print(f"latency per question: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms")
    print(f"machine: {describe()}")


if __name__ == "__main__":
    main()

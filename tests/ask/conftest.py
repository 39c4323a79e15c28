"""A tiny hand-built knowledge base: answers from facts that do not depend on extraction."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

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
from industry_atlas.store.sqlite import SqliteStore

RUN = Run("run-ask", "ingest", "ingest.v1", "cfg", "2025-01-01T00:00:00+00:00")
TEXT = (
    "杭州人形机器人产业观察\n"
    "2024年3月，杭州市经济和信息化局印发《杭州市人形机器人产业行动计划（2024—2026年）》。"
    "宇树科技2023年8月发布人形机器人H1。"
    "2024年杭州市机器人产业收入突破了300亿元。"
    "首批入驻企业共有3家，分别是甲公司、乙公司。"
    "宇树科技创始人王兴兴表示，人形机器人明年将进入工厂。"
)


def span(document: Document, quote: str) -> Span:
    """The span of the first occurrence of `quote` in the document."""
    start = document.text.index(quote)
    return Span.of(document, start, start + len(quote))


def tiny_facts(document: Document) -> tuple[Fact, ...]:
    title = "杭州市人形机器人产业行动计划（2024—2026年）"
    return (
        Fact(
            FactKind.POLICY_ISSUED,
            title,
            "issued",
            (
                span(document, "2024年3月"),
                span(document, "杭州市经济和信息化局"),
                span(document, title),
            ),
            object="杭州市经济和信息化局",
            time=PartialDate(2024, 3),
            qualifiers={"region": "杭州市", "region_code": "330100"},
        ),
        Fact(
            FactKind.MAKES,
            "宇树科技",
            "makes",
            (span(document, "宇树科技"), span(document, "H1")),
            object="H1",
            time=PartialDate(2023, 8),
            qualifiers={"product_kind": "humanoid_robot", "date_basis": "sentence"},
        ),
        Fact(
            FactKind.LOCATED_IN,
            "H1",
            "located_in",
            (span(document, "H1"),),
            object="杭州市",
            qualifiers={"basis": "lexicon", "region_code": "330100"},
        ),
        Fact(
            FactKind.METRIC,
            "杭州市",
            "机器人产业收入",
            (span(document, "杭州市机器人产业收入突破了300亿元"),),
            quantity=Quantity(Decimal("30000000000"), "元", Qualifier.GT),
            time=PartialDate(2024),
            qualifiers={"subject_kind": "region"},
        ),
        Fact(
            FactKind.COUNT_CLAIM,
            "首批入驻企业",
            "count",
            (span(document, "共有3家，分别是"), span(document, "甲公司"), span(document, "乙公司")),
            quantity=Quantity(Decimal(3), "家"),
            qualifiers={"enumerated": "2", "items": "甲公司|乙公司"},
        ),
    )


@pytest.fixture
def tiny_store(tmp_path: Path) -> Iterator[SqliteStore]:
    document = Document(ids.doc_id(TEXT), "tiny.txt", "杭州人形机器人产业观察", TEXT)
    entities = (
        Entity("", MentionType.ORG, "宇树科技", ("宇树", "Unitree")),
        Entity("", MentionType.PRODUCT, "H1", ("宇树H1",)),
        Entity("", MentionType.ORG, "杭州市经济和信息化局"),
    )
    mentions = tuple(
        Mention(span(document, name), kind, name, name)
        for name, kind in (
            ("宇树科技", MentionType.ORG),
            ("杭州市经济和信息化局", MentionType.ORG),
            ("王兴兴", MentionType.PERSON),
            ("H1", MentionType.PRODUCT),
        )
    )
    record = DocumentRecord(
        document,
        b"\x00" * 8,
        RUN,
        mentions=mentions,
        entities=entities,
        facts=tiny_facts(document),
    )
    with SqliteStore(tmp_path / "tiny.sqlite") as store:
        store.add_document(record)
        yield store

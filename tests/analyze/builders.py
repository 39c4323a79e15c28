"""Knowledge bases written directly through the store: documents with hand-made facts.

For tests of the analyses that must not depend on what extraction finds today.
"""

from __future__ import annotations

from decimal import Decimal

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

RUN = Run("run-test", "ingest", "test.v1", "0", "2024-01-01T00:00:00+00:00")


class Doc:
    """A document under construction: text, facts, mentions and entities."""

    def __init__(self, text: str, title: str = "测试文章", published: str = "2024-01") -> None:
        self.document = Document(
            ids.doc_id(text), f"{title}.txt", title, text, PartialDate.parse(published)
        )
        self.facts: list[Fact] = []
        self.mentions: list[Mention] = []
        self.entities: list[Entity] = []

    def span(self, quote: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = self.document.text.index(quote, start + 1)
        return Span.of(self.document, start, start + len(quote))

    def fact(
        self, kind: FactKind, subject: str, predicate: str, quotes: list[str], **fields: object
    ) -> None:
        evidence = tuple(self.span(quote) for quote in quotes)
        self.facts.append(Fact(kind, subject, predicate, evidence, **fields))  # type: ignore[arg-type]

    def policy(
        self, title: str, region: str, code: str, date: str | None, issuer: str | None = None
    ) -> None:
        qualifiers = {"region": region, "region_code": code}
        time = PartialDate.parse(date) if date else None
        self.fact(
            FactKind.POLICY_ISSUED,
            title,
            "issued",
            [title],
            object=issuer,
            time=time,
            qualifiers=qualifiers,
        )

    def located(self, name: str, city: str, code: str, basis: str = "explicit") -> None:
        self.fact(
            FactKind.LOCATED_IN,
            name,
            "located_in",
            [name],
            object=city,
            qualifiers={"basis": basis, "region_code": code},
        )

    def metric(
        self,
        subject: str,
        indicator: str,
        quote: str,
        value: str,
        unit: str,
        qualifier: str = "=",
        time: str | None = None,
    ) -> None:
        quantity = Quantity(Decimal(value), unit, Qualifier(qualifier))
        self.fact(
            FactKind.METRIC,
            subject,
            indicator,
            [quote],
            quantity=quantity,
            time=PartialDate.parse(time) if time else None,
            qualifiers={"subject_kind": "region"},
        )

    def org(self, name: str, kind: str = "company") -> None:
        self.entities.append(
            Entity(ids.content_hash("org", name), MentionType.ORG, name, (), {"kind": kind})
        )
        start = 0
        while (start := self.document.text.find(name, start)) >= 0:
            span = Span.of(self.document, start, start + len(name))
            self.mentions.append(Mention(span, MentionType.ORG, name, name))
            start += len(name)

    def record(self, duplicate_of: str | None = None) -> DocumentRecord:
        return DocumentRecord(
            self.document,
            b"",
            RUN,
            duplicate_of=duplicate_of,
            mentions=tuple(self.mentions),
            entities=tuple(self.entities),
            facts=tuple(self.facts),
        )


def store_of(path: object, *docs: Doc) -> SqliteStore:
    store = SqliteStore(path)  # type: ignore[arg-type]
    for doc in docs:
        store.add_document(doc.record())
    return store

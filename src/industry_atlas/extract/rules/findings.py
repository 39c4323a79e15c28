"""What the rules have found in one document so far: entities with their mentions, facts.

Part of the rules extractor; imports only core. Every fact is built from offsets into the
document, so its evidence spans are grounded by construction (`Span.of` checks them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from industry_atlas.core import ids
from industry_atlas.core.models import (
    Document,
    Entity,
    Extraction,
    Fact,
    FactKind,
    Mention,
    MentionType,
    PartialDate,
    Quantity,
    Span,
)

EXTRACTOR = "rules.v1"


def name_again(
    text: str,
    named: list[FoundEntity],
    others: list[FoundEntity],
    stands_alone: Callable[[int, int], bool],
) -> None:
    """Add a mention to each entity of `named` wherever one of its names (longest first)
    appears again in `text` outside the mentions of `named` and `others` and of what this
    adds, where `stands_alone(start, end)` says the words there are a name of their own.
    A shorter name of `others` inside is no obstacle: "讯飞星火X2" is the model wherever it
    is written, though 讯飞 names its maker too."""
    taken = bytearray(len(text) + 1)
    for entity in named:
        for start, end in entity.spans:
            taken[start:end] = b"\x01" * (end - start)
    other_spans = [span for entity in others for span in entity.spans]
    other_taken = bytearray(len(text) + 1)
    for start, end in other_spans:
        other_taken[start:end] = b"\x01" * (end - start)

    def holds_only_shorter_others(start: int, end: int) -> bool:
        return not any(other_taken[start:end]) or all(
            start <= left and right <= end and right - left < end - start
            for left, right in other_spans
            if left < end and start < right
        )

    for entity in named:
        for name in sorted({entity.name, *entity.aliases}, key=len, reverse=True):
            if len(name) < 2:
                continue
            position = text.find(name)
            while position != -1:
                end = position + len(name)
                if (
                    not any(taken[position:end])
                    and holds_only_shorter_others(position, end)
                    and stands_alone(position, end)
                ):
                    entity.spans.append((position, end))
                    taken[position:end] = b"\x01" * len(name)
                position = text.find(name, end)


@dataclass
class FoundEntity:
    """An entity of this document: its name, kind, aliases and where it is mentioned."""

    type: MentionType
    name: str
    kind: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def first(self) -> int:
        """Offset of the first mention."""
        return min(start for start, _ in self.spans) if self.spans else 0


class Findings:
    """Collects entities, mentions and facts while the rules read a document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.entities: dict[tuple[MentionType, str], FoundEntity] = {}
        self.facts: list[Fact] = []
        self._extra_mentions: list[Mention] = []
        # the company filing the document (a listed company's report): its 公司 and 本公司
        self.filer: str | None = None

    def entity(
        self, type_: MentionType, name: str, kind: str, span: tuple[int, int] | None
    ) -> FoundEntity:
        """Return the entity named `name`, creating it; record the mention at `span`."""
        found = self.entities.get((type_, name))
        if found is None:
            found = self.entities[(type_, name)] = FoundEntity(type_, name, kind)
        if span is not None and span not in found.spans:
            found.spans.append(span)
        return found

    def get(self, type_: MentionType, name: str) -> FoundEntity | None:
        """Return an entity by type and name, if found."""
        return self.entities.get((type_, name))

    def headline_company(self, headline_end: int) -> FoundEntity | None:
        """The one company a headline names ("汇川技术中报点评", "灵衍智能完成7.2亿元B+轮
        融资"), which its article's bare 公司 and untied titles (创始人兼CEO周亦凡) mean."""
        named = [
            entity
            for entity in self.of_type(MentionType.ORG)
            if entity.kind == "company" and entity.spans and entity.first < headline_end
        ]
        return named[0] if len(named) == 1 else None

    def of_type(self, type_: MentionType) -> list[FoundEntity]:
        """Entities of one type, in order of first mention."""
        return sorted((e for e in self.entities.values() if e.type == type_), key=lambda e: e.first)

    def mention(self, type_: MentionType, start: int, end: int, normalized: str) -> None:
        """Record a mention that is not an entity (a quantity, a date, a component)."""
        span = Span.of(self.document, start, end)
        self._extra_mentions.append(Mention(span, type_, span.quote, normalized))

    def fact(
        self,
        kind: FactKind,
        subject: str,
        predicate: str,
        evidence: list[tuple[int, int]],
        *,
        details: FactDetails | None = None,
    ) -> Fact:
        """Add a fact whose evidence is the given offsets (merged, sorted, deduplicated)."""
        details = details or FactDetails()
        spans = tuple(
            Span.of(self.document, start, end)
            for start, end in sorted(set(evidence))
            if end > start
        )
        fact = Fact(
            kind=kind,
            subject=subject,
            predicate=predicate,
            evidence=spans,
            object=details.object,
            quantity=details.quantity,
            time=details.time,
            qualifiers=details.qualifiers,
            extractor=EXTRACTOR,
            confidence=details.confidence,
        )
        self.facts.append(fact)
        return fact

    def to_extraction(self, published: PartialDate | None) -> Extraction:
        """Freeze what was found into the contract the rest of the pipeline reads."""
        mentions = list(self._extra_mentions)
        entities = []
        for found in sorted(self.entities.values(), key=lambda e: (e.first, e.name)):
            entity_id = ids.content_hash(found.type.value, found.name)
            entities.append(
                Entity(
                    entity_id,
                    found.type,
                    found.name,
                    tuple(sorted(found.aliases)),
                    {"kind": found.kind, **found.attrs},
                )
            )
            for start, end in found.spans:
                span = Span.of(self.document, start, end)
                mentions.append(Mention(span, found.type, span.quote, found.name))
        mentions.sort(key=lambda m: (m.span.start, m.span.end))
        return Extraction(
            self.document, published, tuple(mentions), tuple(entities), tuple(self.facts), EXTRACTOR
        )


@dataclass(frozen=True, slots=True)
class FactDetails:
    """The optional parts of a fact."""

    object: str | None = None
    quantity: Quantity | None = None
    time: PartialDate | None = None
    qualifiers: dict[str, str] = field(default_factory=dict)
    confidence: float = 1.0

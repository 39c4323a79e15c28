"""The REST API's response models (they make the OpenAPI schema) and their builders.

Part of web. Core dataclasses are never sent as they are: each resource has a public
model here (`DocumentPublic`, `FactsPublic` …), built by the `*_public` functions.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from industry_atlas.analyze.display import fact_statement
from industry_atlas.core.models import (
    Answer,
    Document,
    DocumentSummary,
    IngestOutcome,
    Mention,
    Span,
    StoredEntity,
    StoredFact,
)
from industry_atlas.store.browse import MentionHit

Status = Literal["stored", "unchanged", "failed"]
_STATUSES: dict[str, Status] = {"stored": "stored", "unchanged": "unchanged", "failed": "failed"}


class ErrorPublic(BaseModel):
    """Every error: what went wrong, in one sentence, and the HTTP status."""

    ok: Literal[False] = False
    error: str
    status: int


class SpanPublic(BaseModel):
    """Evidence: `documents/{doc_id}.text[start:end] == text`."""

    doc_id: str
    start: int
    end: int
    text: str


class MentionPublic(SpanPublic):
    """A highlighted span of a document: what it names, and its canonical form."""

    type: str
    normalized: str


class FactPublic(BaseModel):
    """A stored fact with the spans it rests on."""

    id: str
    doc_id: str
    kind: str
    subject: str
    predicate: str
    object: str | None
    value: str | None
    unit: str | None
    qualifier: str | None
    time: str | None
    qualifiers: dict[str, Any]
    statement: str
    evidence: list[SpanPublic]
    extractor: str
    confidence: float


class Paged(BaseModel):
    """A page of a listing: `total` items in all, `limit` from `offset` here."""

    total: int
    limit: int
    offset: int


class FactsPublic(Paged):
    """A page of facts."""

    items: list[FactPublic]


class DocumentSummaryPublic(BaseModel):
    """A document as listings show it."""

    id: str
    title: str
    source: str
    published: str | None
    char_count: int
    format: str
    duplicate_of: str | None


class DocumentsPublic(Paged):
    """A page of documents, newest first."""

    items: list[DocumentSummaryPublic]


class DocumentPublic(DocumentSummaryPublic):
    """A document: its text, the spans highlighted in it and the facts it yields."""

    text: str
    meta: dict[str, Any]
    spans: list[MentionPublic]
    facts: list[FactPublic]


class EntityPublic(BaseModel):
    """An entity resolved across documents."""

    id: str
    type: str
    name: str
    aliases: list[str]
    attrs: dict[str, Any]
    mentions: int
    documents: int


class EntitiesPublic(Paged):
    """A page of entities, most mentioned first."""

    items: list[EntityPublic]


class MentionHitPublic(MentionPublic):
    """Where an entity is mentioned: the span, its document's title, the text around it."""

    title: str
    context: SpanPublic


class MentionHitsPublic(Paged):
    """A page of mentions."""

    items: list[MentionHitPublic]


class EntityDetailPublic(EntityPublic):
    """An entity with where it is (its `located_in` facts), its facts and its mentions."""

    located_in: list[FactPublic]
    facts: FactsPublic
    mention_hits: MentionHitsPublic


class CitationPublic(BaseModel):
    """A cited span of a stored document, as `ask --json` gives it."""

    doc_id: str
    source: str
    start: int
    end: int
    text: str


class AnswerPublic(BaseModel):
    """An answer exactly as `industry-atlas ask --json` prints it."""

    question: str
    answer: str
    found: bool
    citations: list[CitationPublic]
    method: str


class OutcomePublic(BaseModel):
    """What happened to one uploaded file: stored, unchanged (already known) or failed."""

    file: str
    status: Status
    doc_id: str | None
    title: str | None
    duplicate_of: str | None
    facts: int
    reason: str | None


class UploadPublic(BaseModel):
    """The outcome of an upload, one entry per file."""

    ok: bool
    stored: int
    unchanged: int
    failed: int
    outcomes: list[OutcomePublic]


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Return the OpenAPI `responses` of a route that may answer with these error statuses."""
    return {status: {"model": ErrorPublic} for status in statuses}


def answer_public(answer: Answer) -> AnswerPublic:
    """Return an answer in the `ask --json` contract (docs/cli.md); a test holds the two equal."""
    return AnswerPublic(
        question=answer.question,
        answer=answer.text,
        found=answer.is_found,
        citations=[
            CitationPublic(
                doc_id=c.span.doc_id,
                source=c.source,
                start=c.span.start,
                end=c.span.end,
                text=c.span.quote,
            )
            for c in answer.citations
        ],
        method=answer.method,
    )


def span_public(span: Span) -> SpanPublic:
    """Return a span as the API sends it."""
    return SpanPublic(doc_id=span.doc_id, start=span.start, end=span.end, text=span.quote)


def mention_public(mention: Mention) -> MentionPublic:
    """Return a mention as the API sends it."""
    span = mention.span
    return MentionPublic(
        doc_id=span.doc_id,
        start=span.start,
        end=span.end,
        text=span.quote,
        type=mention.type.value,
        normalized=mention.normalized,
    )


def fact_public(stored: StoredFact) -> FactPublic:
    """Return a stored fact as the API sends it."""
    fact, quantity = stored.fact, stored.fact.quantity
    return FactPublic(
        id=stored.fact_id,
        doc_id=stored.doc_id,
        kind=fact.kind.value,
        subject=fact.subject,
        predicate=fact.predicate,
        object=fact.object,
        value=str(quantity.value) if quantity else None,
        unit=quantity.unit if quantity else None,
        qualifier=quantity.qualifier.value if quantity else None,
        time=str(fact.time) if fact.time else None,
        qualifiers=dict(fact.qualifiers),
        statement=fact_statement(fact),
        evidence=[span_public(span) for span in fact.evidence],
        extractor=fact.extractor,
        confidence=fact.confidence,
    )


def summary_public(summary: DocumentSummary) -> DocumentSummaryPublic:
    """Return a document listing row as the API sends it."""
    return DocumentSummaryPublic(
        id=summary.doc_id,
        title=summary.title,
        source=summary.source,
        published=str(summary.published) if summary.published else None,
        char_count=summary.char_count,
        format=summary.format,
        duplicate_of=summary.duplicate_of,
    )


def document_public(
    summary: DocumentSummary,
    document: Document,
    mentions: list[Mention],
    facts: list[StoredFact],
) -> DocumentPublic:
    """Return a document with its spans and facts as the API sends it."""
    return DocumentPublic(
        **summary_public(summary).model_dump(),
        text=document.text,
        meta=dict(document.meta),
        spans=[mention_public(mention) for mention in mentions],
        facts=[fact_public(stored) for stored in facts],
    )


def entity_public(stored: StoredEntity) -> EntityPublic:
    """Return an entity as the API sends it."""
    entity = stored.entity
    return EntityPublic(
        id=entity.entity_id,
        type=entity.type.value,
        name=entity.name,
        aliases=list(entity.aliases),
        attrs=dict(entity.attrs),
        mentions=stored.mention_count,
        documents=stored.document_count,
    )


def hit_public(hit: MentionHit) -> MentionHitPublic:
    """Return a mention of an entity with its context as the API sends it."""
    return MentionHitPublic(
        **mention_public(hit.mention).model_dump(),
        title=hit.title,
        context=span_public(hit.context),
    )


def outcome_public(outcome: IngestOutcome) -> OutcomePublic:
    """Return what happened to an uploaded file as the API sends it."""
    return OutcomePublic(
        file=outcome.source,
        status=_STATUSES[outcome.status],
        doc_id=outcome.doc_id,
        title=outcome.title,
        duplicate_of=outcome.duplicate_of,
        facts=outcome.fact_count,
        reason=outcome.reason,
    )

"""Interfaces between the pipeline and its pluggable parts (typing.Protocol).

Imports only core. A stage that needs storage receives an object satisfying one of these;
it never imports a store implementation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from industry_atlas.core.models import (
    Document,
    DocumentRecord,
    DocumentSummary,
    Entity,
    Extraction,
    Mention,
    Passage,
    Span,
    StoredFact,
)


class DocumentStore(Protocol):
    """Where documents and everything extracted from them are kept."""

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this id is stored."""
        ...

    def add_document(self, record: DocumentRecord) -> None:
        """Store one document with its mentions and facts, all or nothing."""
        ...

    def index_passages(self) -> int:
        """Index the passages of the documents stored since the last call."""
        ...

    def finish_run(self, run_id: str) -> None:
        """Record that a run ended (a no-op when it stored nothing)."""
        ...

    def near_duplicate_candidates(self, lookup_keys: tuple[int, ...]) -> list[tuple[str, bytes]]:
        """Return (doc_id, fingerprint) of first copies sharing a lookup key, oldest first."""
        ...

    def documents(self) -> list[DocumentSummary]:
        """List the stored documents, oldest first."""
        ...

    def get_document(self, ref: str) -> Document:
        """Return the document whose id, id prefix or source is `ref`."""
        ...

    def mentions_of(self, doc_id: str) -> list[Mention]:
        """Return the mentions found in a document, in text order."""
        ...


class TaggedSpan(Protocol):
    """An entity a sequence tagger found: half-open offsets and a CLUENER-style label."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> str: ...

    @property
    def text(self) -> str: ...


class EntityTagger(Protocol):
    """A trained named-entity recognizer (company, government, organization, name, ...)."""

    def recognize(self, text: str) -> Sequence[TaggedSpan]:
        """Return the entities of `text`, in order."""
        ...

    def recognize_many(self, texts: Sequence[str]) -> Sequence[Sequence[TaggedSpan]]:
        """Return the entities of each text, in order; one batch is faster than many."""
        ...


class Extractor(Protocol):
    """A backend that reads a document into grounded mentions, entities and facts."""

    name: str

    def extract(self, document: Document) -> Extraction:
        """Return what `document` states, every fact with evidence spans into its text."""
        ...

    def extract_many(self, documents: Sequence[Document]) -> list[Extraction]:
        """Return the extraction of each document, in order: what `extract` returns for
        it, with the costly models run once over the whole batch."""
        ...


class KnowledgeReader(Protocol):
    """Whole-knowledge-base reads for the analyses (scorecards, timelines, findings)."""

    def analysis_facts(self, kinds: Sequence[str]) -> list[StoredFact]:
        """Return every fact of `kinds` with its evidence, from first copies of documents."""
        ...

    def facts_by_id(self, fact_ids: Sequence[str]) -> list[StoredFact]:
        """Return the facts with these ids."""
        ...

    def mention_windows(self, types: Sequence[str], radius: int) -> list[tuple[Mention, Span]]:
        """Return the mentions of `types` in first copies, each with the text around it."""
        ...

    def documents_containing(self, words: Sequence[str]) -> set[str]:
        """Return the ids of first copies whose text contains any of `words`."""
        ...

    def get_documents(self, doc_ids: Sequence[str]) -> dict[str, Document]:
        """Return the documents with these ids, by id."""
        ...

    def documents(self) -> list[DocumentSummary]:
        """List the stored documents, oldest first."""
        ...

    def located_in_rows(self) -> list[tuple[str, str, str, str | None, str, str | None]]:
        """Return (fact_id, doc_id, subject, place, basis, region_code) of `located_in` facts."""
        ...

    def entity_kinds(self) -> list[tuple[str, str, str, str]]:
        """Return (type, name or alias, entity name, kind) of organizations and products."""
        ...


class AskReader(Protocol):
    """The reads `ask` answers questions with: facts by name, region and place in a text,
    names for entity linking, and the passage index."""

    def get_document(self, ref: str) -> Document:
        """Return the document whose id, id prefix or source is `ref`."""
        ...

    def get_documents(self, doc_ids: Sequence[str]) -> dict[str, Document]:
        """Return the documents with these ids, by id."""
        ...

    def mentions_of(self, doc_id: str) -> list[Mention]:
        """Return the mentions found in a document, in text order."""
        ...

    def facts(
        self,
        kind: str | None = None,
        doc_id: str | None = None,
        subject: str | None = None,
        limit: int | None = None,
    ) -> list[StoredFact]:
        """Return stored facts with their evidence, in document and text order."""
        ...

    def search_passages(self, terms: Sequence[str], limit: int = 50) -> list[Passage]:
        """Return the passages holding any of `terms`, best BM25 first."""
        ...

    def passage_frequencies(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        """Return the number of passages and how many hold each term."""
        ...

    def known_names(self, candidates: Sequence[str], kinds: Sequence[str]) -> set[str]:
        """Return the candidates that are entity aliases or subjects/objects of facts."""
        ...

    def entities_named(self, names: Sequence[str]) -> list[Entity]:
        """Return the entities one of whose aliases is in `names`."""
        ...

    def names_starting(self, prefix: str, limit: int = 20) -> list[str]:
        """Return entity aliases beginning with `prefix`."""
        ...

    def facts_about(
        self, names: Sequence[str], kinds: Sequence[str] | None = None
    ) -> list[StoredFact]:
        """Return the facts whose subject or object is one of `names`."""
        ...

    def facts_in_regions(self, kind: str, regions: Sequence[str]) -> list[StoredFact]:
        """Return the facts of one kind attributed to one of `regions`."""
        ...

    def facts_at(
        self, doc_id: str, start: int, end: int, kinds: Sequence[str] | None = None
    ) -> list[StoredFact]:
        """Return the facts with evidence overlapping `start:end` of a document."""
        ...

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
    Extraction,
    Mention,
)


class DocumentStore(Protocol):
    """Where documents and everything extracted from them are kept."""

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this id is stored."""
        ...

    def add_document(self, record: DocumentRecord) -> None:
        """Store one document with its mentions and facts, all or nothing."""
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


class Extractor(Protocol):
    """A backend that reads a document into grounded mentions, entities and facts."""

    name: str

    def extract(self, document: Document) -> Extraction:
        """Return what `document` states, every fact with evidence spans into its text."""
        ...

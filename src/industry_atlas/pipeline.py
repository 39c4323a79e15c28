"""Compose the stages: sources -> documents -> near-duplicate check -> store.

Only the edges (cli, web) import this module. Stages never import each other; this is
where they meet.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Literal

from industry_atlas.core import ids
from industry_atlas.core.errors import IngestError
from industry_atlas.core.models import DocumentRecord, IngestOutcome, Run
from industry_atlas.core.protocols import DocumentStore
from industry_atlas.ingest import (
    Fingerprint,
    LoadOptions,
    best_match,
    build_document,
    fingerprint,
)
from industry_atlas.ingest.sources import Source

INGEST_COMPONENT = "ingest.v1"
OnError = Literal["raise", "skip", "record"]


def ingest(
    sources: Sequence[Source],
    store: DocumentStore,
    options: LoadOptions,
    *,
    near_duplicate_threshold: float = 0.9,
    on_error: OnError = "record",
    on_outcome: Callable[[IngestOutcome], None] | None = None,
) -> list[IngestOutcome]:
    """Ingest `sources` into `store`, one transaction per document.

    Args:
        sources: inputs, e.g. from `ingest.expand_sources`.
        store: where documents go.
        options: size limit and user-given metadata.
        near_duplicate_threshold: similarity from which a document is a copy.
        on_error: "raise" stops at the first bad input, "record" reports it as a failed
            outcome, "skip" leaves it out of the outcomes.
        on_outcome: called after each source (progress reporting).

    Returns:
        One outcome per source (fewer with on_error="skip").
    """
    run = _new_run(options)
    outcomes = []
    for source in sources:
        try:
            outcome = _ingest_one(source, store, options, near_duplicate_threshold, run)
        except IngestError as error:
            if on_error == "raise":
                raise
            outcome = IngestOutcome(source.name, "failed", reason=error.reason)
            if on_error == "skip":
                continue
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    store.finish_run(run.run_id)
    return outcomes


def _ingest_one(
    source: Source, store: DocumentStore, options: LoadOptions, threshold: float, run: Run
) -> IngestOutcome:
    document = build_document(source.read(options.max_bytes), source.name, options)
    if store.has_document(document.doc_id):
        return IngestOutcome(source.name, "unchanged", document.doc_id, document.title)
    print_ = fingerprint(document.text)
    candidates = store.near_duplicate_candidates(print_.lookup_keys)
    match = best_match(
        print_, ((doc_id, Fingerprint(data)) for doc_id, data in candidates), threshold
    )
    record = DocumentRecord(
        document=document,
        fingerprint=print_.signature,
        run=run,
        lookup_keys=print_.lookup_keys,
        duplicate_of=match[0] if match else None,
        similarity=round(match[1], 4) if match else None,
    )
    store.add_document(record)
    return IngestOutcome(
        source.name, "stored", document.doc_id, document.title, record.duplicate_of
    )


def _new_run(options: LoadOptions) -> Run:
    config = {key: str(value) for key, value in asdict(options).items()}
    return Run(
        run_id=uuid.uuid4().hex[:16],
        stage="ingest",
        component=INGEST_COMPONENT,
        config_sha=ids.content_hash(repr(sorted(config.items()))),
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )

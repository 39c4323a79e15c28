"""Compose the stages: sources -> documents -> near-duplicate check -> store.

Only the edges (cli, web) import this module. Stages never import each other; this is
where they meet.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from industry_atlas.core import ids
from industry_atlas.core.errors import ConfigError, IngestError
from industry_atlas.core.models import Document, DocumentRecord, Extraction, IngestOutcome, Run
from industry_atlas.core.protocols import DocumentStore, Extractor
from industry_atlas.evaluate import DocumentScore, load_gold, score_document
from industry_atlas.evaluate.gold import to_gold_json
from industry_atlas.ingest import (
    Fingerprint,
    LoadOptions,
    best_match,
    build_document,
    fingerprint,
)
from industry_atlas.ingest.formats import SUPPORTED_SUFFIXES
from industry_atlas.ingest.sources import Source

INGEST_COMPONENT = "ingest.v1"
OnError = Literal["raise", "skip", "record"]
# Documents are read and extracted a batch at a time (then stored one by one, each in its
# own transaction): the tagger's cost is per padded position, so many texts share it.
BATCH_CHARS = 100_000
BATCH_DOCUMENTS = 64
# The search index takes the stored passages in larger steps: each step writes one FTS5
# segment, and fewer, larger segments cost less to write and merge.
INDEX_CHARS = 4_000_000


def ingest(
    sources: Sequence[Source],
    store: DocumentStore,
    options: LoadOptions,
    *,
    extractor: Extractor | None = None,
    near_duplicate_threshold: float = 0.9,
    on_error: OnError = "record",
    on_outcome: Callable[[IngestOutcome], None] | None = None,
) -> list[IngestOutcome]:
    """Ingest `sources` into `store`, one transaction per document, then one per batch
    of documents for their passages in the search index.

    Args:
        sources: inputs, e.g. from `ingest.expand_sources`.
        store: where documents go.
        options: size limit and user-given metadata.
        extractor: reads facts out of each new document (None stores documents only).
        near_duplicate_threshold: similarity from which a document is a copy.
        on_error: "raise" stops at the first bad input, "record" reports it as a failed
            outcome, "skip" leaves it out of the outcomes.
        on_outcome: called after each source (progress reporting).

    Returns:
        One outcome per source (fewer with on_error="skip").
    """
    runs = _Runs(_new_run("ingest", INGEST_COMPONENT, asdict(options)), _extraction_run(extractor))
    outcomes = []
    unindexed = 0  # characters stored since the passages were last indexed
    for batch in _read_batches(sources, options):
        extractions = _extract_new(batch, store, extractor)
        for source, loaded in batch:
            if isinstance(loaded, IngestError):
                if on_error == "raise":
                    raise loaded
                if on_error == "skip":
                    continue
                outcome = IngestOutcome(source.name, "failed", reason=loaded.reason)
            else:
                outcome = _store_one(
                    source.name, loaded, extractions, store, near_duplicate_threshold, runs
                )
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
        unindexed += sum(len(doc.text) for _, doc in batch if isinstance(doc, Document))
        if unindexed >= INDEX_CHARS:
            store.index_passages()
            unindexed = 0
    store.index_passages()
    store.finish_run(runs.ingest.run_id)
    if runs.extract is not None:
        store.finish_run(runs.extract.run_id)
    return outcomes


Loaded = tuple[Source, Document | IngestError]


def _read_batches(sources: Sequence[Source], options: LoadOptions) -> Iterator[list[Loaded]]:
    """Yield the sources read into documents (or the reason they cannot be), a few at a
    time: the entity tagger runs much faster over many documents at once."""
    batch: list[Loaded] = []
    size = 0
    for source in sources:
        try:
            document: Document | IngestError = build_document(
                source.read(options.max_bytes), source.name, options
            )
        except IngestError as error:
            document = error
        batch.append((source, document))
        size += len(document.text) if isinstance(document, Document) else 0
        if size >= BATCH_CHARS or len(batch) >= BATCH_DOCUMENTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _extract_new(
    batch: Sequence[Loaded], store: DocumentStore, extractor: Extractor | None
) -> dict[str, Extraction]:
    """Extract the documents of `batch` not stored yet, by document id."""
    if extractor is None:
        return {}
    new = {
        document.doc_id: document
        for _, document in batch
        if isinstance(document, Document) and not store.has_document(document.doc_id)
    }
    return dict(zip(new, extractor.extract_many(list(new.values())), strict=True))


def _store_one(
    name: str,
    document: Document,
    extractions: dict[str, Extraction],
    store: DocumentStore,
    threshold: float,
    runs: _Runs,
) -> IngestOutcome:
    # checked again here: the same text may come twice in one batch
    if store.has_document(document.doc_id):
        return IngestOutcome(name, "unchanged", document.doc_id, document.title)
    print_ = fingerprint(document.text)
    candidates = store.near_duplicate_candidates(print_.lookup_keys)
    match = best_match(
        print_, ((doc_id, Fingerprint(data)) for doc_id, data in candidates), threshold
    )
    extraction = extractions.get(document.doc_id)
    record = DocumentRecord(
        document=document,
        fingerprint=print_.signature,
        run=runs.ingest,
        lookup_keys=print_.lookup_keys,
        duplicate_of=match[0] if match else None,
        similarity=round(match[1], 4) if match else None,
        mentions=extraction.mentions if extraction else (),
        entities=extraction.entities if extraction else (),
        facts=extraction.facts if extraction else (),
        extraction_run=runs.extract,
    )
    store.add_document(record)
    return IngestOutcome(
        name,
        "stored",
        document.doc_id,
        document.title,
        record.duplicate_of,
        len(record.facts),
    )


@dataclass(frozen=True, slots=True)
class _Runs:
    ingest: Run
    extract: Run | None


def _extraction_run(extractor: Extractor | None) -> Run | None:
    if extractor is None:
        return None
    return _new_run("extract", extractor.name, {"extractor": extractor.name})


def _new_run(stage: str, component: str, config: dict[str, object]) -> Run:
    settings = {key: str(value) for key, value in config.items()}
    return Run(
        run_id=uuid.uuid4().hex[:16],
        stage=stage,
        component=component,
        config_sha=ids.content_hash(repr(sorted(settings.items()))),
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def extract_file(path: Path, extractor: Extractor, options: LoadOptions) -> Extraction:
    """Read one file and extract it, without a knowledge base.

    Raises:
        IngestError: if the file is not a readable document.
    """
    source = Source(str(path), path)
    document = build_document(source.read(options.max_bytes), source.name, options)
    return extractor.extract(document)


def evaluate_target(
    gold_path: Path, target: Path, extractor: Extractor, options: LoadOptions
) -> DocumentScore:
    """Score `target` against the gold file: a gold-format prediction (.json) or a
    document, which is extracted first."""
    gold = load_gold(gold_path)
    if target.suffix.lower() == ".json":
        predicted = load_gold(target)
    else:
        predicted = to_gold_json(extract_file(target, extractor, options), gold.get("id"))
    return score_document(gold, predicted)


def evaluate_folder(
    gold_dir: Path, docs_dir: Path, extractor: Extractor, options: LoadOptions
) -> list[DocumentScore]:
    """Score every gold file of `gold_dir` against the document of the same name in
    `docs_dir` (any supported format).

    Raises:
        ConfigError: if the folder has no gold files or a gold file has no document.
    """
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise ConfigError(f"{gold_dir}: no gold files (*.json) here")
    documents = {
        path.stem: path
        for path in sorted(docs_dir.iterdir())
        if path.suffix.lower() in SUPPORTED_SUFFIXES
    }
    scores = []
    for gold_path in gold_files:
        document = documents.get(gold_path.stem)
        if document is None:
            raise ConfigError(f"{gold_path}: no document named {gold_path.stem}.* in {docs_dir}")
        scores.append(evaluate_target(gold_path, document, extractor, options))
    return scores

"""Extraction speed and memory: the default pipeline end to end, on one core.

Usage: python bench/extract.py [--copies 20]

Reads the sample corpus once (its real-format documents), then ingests `copies`
distinct variants of every document (each made unique, so none is skipped as already
stored or linked as a syndicated copy of another) through the whole pipeline: decoding,
layout repair, extraction with the default `rules.v1` backend, and SQLite storage. Prints
characters/s for extraction alone and for the pipeline, peak RSS, and the machine.
"""

from __future__ import annotations

import os

# Per core: numpy's BLAS would otherwise spread the tagger's matrix products over every core.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import resource
import tempfile
import time
from pathlib import Path

from industry_atlas import pipeline
from industry_atlas.cli.demo import sample_corpus
from industry_atlas.extract import get_extractor
from industry_atlas.ingest import LoadOptions, build_document, expand_sources
from industry_atlas.store.sqlite import SqliteStore
from machine import describe


def variants(folder: Path, copies: int) -> int:
    """Write `copies` unique plain-text variants of every sample document; return chars."""
    total = 0
    for path in sorted(sample_corpus().iterdir()):
        text = build_document(path.read_bytes(), str(path), LoadOptions()).text
        for copy in range(copies):
            variant = f"{text}\n\n（本文第{copy}版，编号{path.stem}-{copy}。）\n" + "。".join(
                sentence for index, sentence in enumerate(text.split("。")) if index % (copy + 2)
            )
            (folder / f"{path.stem}-{copy:03d}.txt").write_text(variant, encoding="utf-8")
            total += len(variant)
    return total


def extraction_only(folder: Path) -> tuple[int, float]:
    extractor = get_extractor()
    documents = [
        build_document(p.read_bytes(), str(p), LoadOptions()) for p in sorted(folder.iterdir())
    ]
    extractor.extract(documents[0])  # load packs, dictionaries and the tagger first
    started = time.perf_counter()
    step = pipeline.BATCH_DOCUMENTS  # as ingest does: the tagger reads a batch at once
    for first in range(0, len(documents), step):
        extractor.extract_many(documents[first : first + step])
    return sum(len(d.text) for d in documents), time.perf_counter() - started


def end_to_end(folder: Path, db: Path) -> float:
    extractor = get_extractor()
    sources = expand_sources([str(folder)])
    started = time.perf_counter()
    with SqliteStore(db) as store:
        pipeline.ingest(sources, store, LoadOptions(), extractor=extractor)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="variants per sample document")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        chars = variants(folder, args.copies)
        documents = len(list(folder.iterdir()))
        extracted_chars, extract_seconds = extraction_only(folder)
        pipeline_seconds = end_to_end(folder, Path(tmp) / "kb.sqlite")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {describe()}")
    print(f"documents: {documents}, characters: {chars:,}")
    print(
        f"extraction only: {extracted_chars / extract_seconds:,.0f} chars/s ({extract_seconds:.1f} s)"
    )
    print(
        f"pipeline end to end (decode, repair, extract, store): {chars / pipeline_seconds:,.0f} chars/s ({pipeline_seconds:.1f} s)"
    )
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()

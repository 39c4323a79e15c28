"""Every fact is grounded: each evidence span slices the document text back to its quote."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from industry_atlas.cli.demo import sample_corpus
from industry_atlas.extract import get_extractor
from industry_atlas.ingest import LoadOptions, build_document
from tests.conftest import assert_grounded


@pytest.mark.parametrize("path", sorted(sample_corpus().iterdir()), ids=lambda p: p.name)
def test_every_fact_of_the_sample_corpus_is_grounded(path: Path) -> None:
    document = build_document(path.read_bytes(), str(path), LoadOptions())
    extraction = get_extractor().extract(document)
    assert extraction.facts, f"{path.name}: nothing extracted"
    for fact in extraction.facts:
        assert_grounded(document, fact)
    for mention in extraction.mentions:
        assert mention.span.is_grounded_in(document)


def test_stored_evidence_slices_the_stored_text(cli, tmp_path: Path) -> None:
    assert cli("demo", "--out", str(tmp_path)).exit_code == 0
    with sqlite3.connect(tmp_path / "atlas.sqlite") as conn:
        facts_without_evidence = conn.execute(
            "SELECT count(*) FROM facts WHERE id NOT IN (SELECT fact_id FROM evidence)"
        ).fetchone()[0]
        mismatched = conn.execute(
            "SELECT count(*) FROM evidence e JOIN documents d ON d.id = e.doc_id "
            "WHERE substr(d.text, e.start + 1, e.end - e.start) != e.quote"
        ).fetchone()[0]
        fact_count = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert fact_count > 500
    assert facts_without_evidence == 0
    assert mismatched == 0

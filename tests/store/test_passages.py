"""The passage index: queued by add_document, filled many documents at a time (or before a
search) and by its migration, searched by BM25."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from industry_atlas.core import ids
from industry_atlas.core.models import Document, DocumentRecord, Run
from industry_atlas.core.search import search_terms
from industry_atlas.store.sqlite import SqliteStore

RUN = Run("run1", "ingest", "ingest.v1", "cfg", "2024-01-01T00:00:00+00:00")
TEXT = "智谱AI发布新一代基座大模型GLM-4。北京机器人产业收入突破了170亿元。"


def record(text: str, duplicate_of: str | None = None) -> DocumentRecord:
    document = Document(ids.doc_id(text), "a.txt", "标题", text)
    return DocumentRecord(document, b"\x00" * 8, RUN, duplicate_of=duplicate_of)


def test_passages_are_indexed_with_the_document_and_found_by_their_terms(db_path: Path) -> None:
    with SqliteStore(db_path) as store:
        store.add_document(record(TEXT))
        found = store.search_passages(search_terms("机器人产业收入"))
    assert [passage.span.quote for passage in found] == ["北京机器人产业收入突破了170亿元。"]
    span = found[0].span
    assert TEXT[span.start : span.end] == span.quote


def test_term_frequencies_count_passages(db_path: Path) -> None:
    with SqliteStore(db_path) as store:
        store.add_document(record(TEXT))
        total, frequency = store.passage_frequencies(["机器", "模型", "不在"])
    assert total == 2
    assert frequency == {"机器": 1, "模型": 1}


def test_a_syndicated_copy_is_not_indexed_twice(db_path: Path) -> None:
    with SqliteStore(db_path) as store:
        first = record(TEXT)
        store.add_document(first)
        store.add_document(record(TEXT + "（转载）", duplicate_of=first.document.doc_id))
        assert len(store.search_passages(search_terms("智谱"))) == 1


def test_the_migration_indexes_documents_stored_before_it(db_path: Path) -> None:
    with SqliteStore(db_path) as store:
        store.add_document(record(TEXT))
    with sqlite3.connect(db_path) as conn:  # back to the schema before the passage index
        for statement in (
            "DROP TABLE passage_terms",
            "DROP TABLE passage_term_counts",
            "DROP TABLE passages",
            "DROP INDEX facts_subject",
            "DROP INDEX facts_object",
            "DROP INDEX facts_region",
            "DROP INDEX evidence_doc",
            "DROP TABLE passage_queue",
            "DELETE FROM _migrations WHERE name IN ('m002_passages_and_lookups', 'm003_passage_queue')",
        ):
            conn.execute(statement)
    with SqliteStore(db_path) as store:
        assert len(store.search_passages(search_terms("智谱"))) == 1
        assert store.integrity_check() == "ok"


def test_stored_documents_wait_in_the_queue_until_indexed_together(db_path: Path) -> None:
    texts = [TEXT, "合肥市印发人形机器人产业发展行动方案。", "杭州宇树科技发布H1机器人。"]
    with SqliteStore(db_path) as store:
        for text in texts:
            store.add_document(record(text))
        assert store.count("documents") == 3
        assert store.index_passages() == 3
        assert store.index_passages() == 0  # nothing left to do
        total, _ = store.passage_frequencies([])
        assert total == 4  # TEXT holds two sentences
        assert [p.span.quote for p in store.search_passages(search_terms("宇树"))] == [
            "杭州宇树科技发布H1机器人。"
        ]

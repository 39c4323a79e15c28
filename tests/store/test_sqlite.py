from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from industry_atlas.core import ids
from industry_atlas.core.errors import StoreError
from industry_atlas.core.models import (
    Document,
    DocumentRecord,
    Fact,
    FactKind,
    OffsetMap,
    PartialDate,
    Qualifier,
    Quantity,
    Run,
    Span,
)
from industry_atlas.store.migrations import MIGRATIONS
from industry_atlas.store.sqlite import SqliteStore

RUN = Run("run1", "ingest", "ingest.v1", "cfg", "2024-01-01T00:00:00+00:00")


def record(text: str, **changes: object) -> DocumentRecord:
    document = Document(ids.doc_id(text), "src.txt", "标题", text, **changes)  # type: ignore[arg-type]
    return DocumentRecord(document, b"\x00" * 8, RUN)


def test_new_file_is_migrated_in_wal_mode(db_path: Path) -> None:
    with SqliteStore(db_path) as store:
        assert store.schema_version == len(MIGRATIONS)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        names = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert names == {step.__name__ for step in MIGRATIONS}
    assert {
        "documents",
        "mentions",
        "entities",
        "entity_aliases",
        "facts",
        "evidence",
        "runs",
    } <= tables


def test_reopening_runs_no_migration_twice(db_path: Path) -> None:
    SqliteStore(db_path).close()
    with SqliteStore(db_path) as store:
        assert store.schema_version == len(MIGRATIONS)


def test_a_file_that_is_not_sqlite_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes, not a database" * 100)
    with pytest.raises(StoreError, match=r"notes\.sqlite"):
        SqliteStore(path)


def test_document_with_offset_map_round_trips(db_path: Path) -> None:
    rec = record(
        "加快落地实施",
        published=PartialDate(2024, 1),
        original_text="加快\n\n落地實施",
        offset_map=OffsetMap(((0, 0), (2, 4))),
        meta={"format": "txt", "script": "traditional"},
    )
    with SqliteStore(db_path) as store:
        store.add_document(rec)
        assert store.get_document(rec.document.doc_id) == rec.document
        assert store.get_document(rec.document.doc_id[:6]) == rec.document
        assert store.get_document("src.txt") == rec.document


def test_fact_and_its_evidence_are_stored_with_the_document(db_path: Path) -> None:
    text = "2022年机器人产业收入突破了170亿元。"
    base = record(text)
    fact = Fact(
        FactKind.METRIC,
        "北京市",
        "机器人产业收入",
        evidence=(Span.of(base.document, 0, len(text) - 1),),
        quantity=Quantity(Decimal("17000000000"), "元", Qualifier.GT),
        time=PartialDate(2022),
    )
    with SqliteStore(db_path) as store:
        store.add_document(DocumentRecord(base.document, base.fingerprint, RUN, facts=(fact,)))
        assert store.count("facts") == 1
        assert store.count("evidence") == 1


def test_failed_write_leaves_nothing_behind(db_path: Path) -> None:
    rec = record("第一篇。")
    with SqliteStore(db_path) as store:
        store.add_document(rec)
        with pytest.raises(sqlite3.IntegrityError):
            store.add_document(rec)  # same id again: the whole transaction rolls back
        assert store.count("documents") == 1
        assert store.integrity_check() == "ok"


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=500), title=st.text(max_size=50))
def test_any_text_round_trips_losslessly(tmp_path: Path, text: str, title: str) -> None:
    document = Document(ids.doc_id(text), "s", title, text, meta={"format": "txt"})
    path = tmp_path / f"{ids.content_hash(text, title)}.sqlite"
    with SqliteStore(path) as store:
        store.add_document(DocumentRecord(document, b"", RUN))
        assert store.get_document(document.doc_id) == document

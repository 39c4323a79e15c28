"""Versioned schema migrations for the SQLite knowledge base: an append-only list.

Part of store; imports the standard library and the store's passage indexer. Each
migration runs once, in order, inside the transaction that records it in `_migrations`;
`PRAGMA user_version` holds the number applied, so any SQLite browser shows the schema
version. Never edit a migration that has shipped: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from industry_atlas.store.passages import index_passages

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []
migration = MIGRATIONS.append


@migration
def m001_initial(conn: sqlite3.Connection) -> None:
    """Documents, runs, entities, mentions, facts and their evidence."""
    _execute_script(
        conn,
        """
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            stage TEXT NOT NULL,
            component TEXT NOT NULL,
            config_sha TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            published TEXT,
            lang TEXT NOT NULL DEFAULT 'zh',
            text TEXT NOT NULL,
            char_count INTEGER NOT NULL,
            original_text TEXT,
            offset_map TEXT,
            format TEXT NOT NULL,
            encoding TEXT,
            meta TEXT NOT NULL DEFAULT '{}',
            duplicate_of TEXT REFERENCES documents(id),
            similarity REAL,
            fingerprint BLOB NOT NULL,
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
        CREATE TABLE fingerprint_keys (
            key INTEGER NOT NULL,
            doc_id TEXT NOT NULL REFERENCES documents(id)
        );
        CREATE INDEX fingerprint_keys_key ON fingerprint_keys(key);
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            attrs TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE entity_aliases (
            entity_id TEXT NOT NULL REFERENCES entities(id),
            alias TEXT NOT NULL,
            PRIMARY KEY (entity_id, alias)
        );
        CREATE INDEX entity_aliases_alias ON entity_aliases(alias);
        CREATE TABLE mentions (
            doc_id TEXT NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            type TEXT NOT NULL,
            surface TEXT NOT NULL,
            normalized TEXT NOT NULL,
            entity_id TEXT REFERENCES entities(id),
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            PRIMARY KEY (doc_id, start, end, type)
        );
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE facts (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id),
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            predicate TEXT NOT NULL,
            object TEXT,
            value TEXT,
            unit TEXT,
            qualifier TEXT,
            time TEXT,
            qualifiers TEXT NOT NULL DEFAULT '{}',
            extractor TEXT NOT NULL,
            confidence REAL NOT NULL,
            run_id TEXT NOT NULL REFERENCES runs(run_id)
        );
        CREATE INDEX facts_doc ON facts(doc_id);
        CREATE INDEX facts_kind_subject ON facts(kind, subject);
        CREATE TABLE evidence (
            fact_id TEXT NOT NULL REFERENCES facts(id),
            doc_id TEXT NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            quote TEXT NOT NULL,
            PRIMARY KEY (fact_id, start, end)
        );
        """,
    )


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations `conn` has not seen; return how many ran.

    `conn` must be in autocommit mode: each migration commits with its bookkeeping row.
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    applied = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    ran = 0
    for step in MIGRATIONS:
        if step.__name__ in applied:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (step.__name__, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {len(applied) + ran + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran += 1
    return ran


def _execute_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the open transaction first; run statement by statement
    # so a failing migration leaves no half-built schema behind.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


@migration
def m002_passages_and_lookups(conn: sqlite3.Connection) -> None:
    """A full-text passage index (FTS5) for `ask` with the number of passages holding each
    term, filled for the stored documents, and indexes for looking facts up by subject,
    object, region and evidence position."""
    _execute_script(
        conn,
        """
        CREATE TABLE passages (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL
        );
        CREATE INDEX passages_doc ON passages(doc_id, start);
        CREATE VIRTUAL TABLE passage_terms USING fts5(terms, content='');
        CREATE TABLE passage_term_counts (
            term TEXT PRIMARY KEY,
            passages INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX facts_subject ON facts(subject);
        CREATE INDEX facts_object ON facts(object);
        CREATE INDEX facts_region ON facts(kind, json_extract(qualifiers, '$.region'));
        CREATE INDEX evidence_doc ON evidence(doc_id, start);
        """,
    )
    rows = conn.execute("SELECT id, text FROM documents WHERE duplicate_of IS NULL ORDER BY rowid")
    index_passages(conn, rows.fetchall())


@migration
def m003_passage_queue(conn: sqlite3.Connection) -> None:
    """First copies waiting for the passage index: stored documents join it in their own
    transaction and are indexed many at a time (store/passages.py)."""
    conn.execute("CREATE TABLE passage_queue (doc_id TEXT PRIMARY KEY REFERENCES documents(id))")

"""The embedded knowledge base: one SQLite file, in WAL mode, one transaction per document.

Part of store; imports only core. The file is an open format: analysts can browse it with
datasette or the sqlite3 shell (`documents.text` holds the analysis text every span
offset refers to).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from industry_atlas.core import ids
from industry_atlas.core.errors import StoreError, unknown_document
from industry_atlas.core.models import (
    Document,
    DocumentRecord,
    DocumentSummary,
    Fact,
    Mention,
    MentionType,
    OffsetMap,
    PartialDate,
    Run,
    Span,
)
from industry_atlas.store.migrations import migrate

_MIN_PREFIX = 4


class SqliteStore:
    """A knowledge base in a SQLite file (created and migrated on open)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is safe in WAL mode against a killed process; only power loss can drop
            # the last commits, and never corrupts the file.
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 10000")
            migrate(self._conn)
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"{self.path}: not a usable Industry Atlas database ({error})"
            ) from error

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The number of migrations applied to this file."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this id is stored."""
        row = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def add_document(self, record: DocumentRecord) -> None:
        """Store one document with its mentions and facts, all or nothing."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._insert_run(record.run)
            self._insert_document(record)
            if record.duplicate_of is None:
                self._conn.executemany(
                    "INSERT INTO fingerprint_keys (key, doc_id) VALUES (?, ?)",
                    [(key, record.document.doc_id) for key in set(record.lookup_keys)],
                )
            self._insert_mentions(record.document.doc_id, record.mentions, record.run.run_id)
            for fact in record.facts:
                self._insert_fact(record.document.doc_id, fact, record.run.run_id)
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def finish_run(self, run_id: str) -> None:
        """Stamp the end time of a run, if it stored anything."""
        self._conn.execute("UPDATE runs SET finished_at = ? WHERE run_id = ?", (_now(), run_id))

    def near_duplicate_candidates(self, lookup_keys: tuple[int, ...]) -> list[tuple[str, bytes]]:
        """Return (doc_id, fingerprint) of first copies sharing a lookup key, oldest first."""
        if not lookup_keys:
            return []
        marks = ",".join("?" * len(lookup_keys))
        return self._conn.execute(
            "SELECT id, fingerprint FROM documents WHERE id IN "
            f"(SELECT doc_id FROM fingerprint_keys WHERE key IN ({marks})) ORDER BY rowid",
            lookup_keys,
        ).fetchall()

    def documents(self) -> list[DocumentSummary]:
        """List the stored documents, oldest first."""
        rows = self._conn.execute(
            "SELECT id, title, source, published, char_count, format, duplicate_of "
            "FROM documents ORDER BY rowid"
        )
        return [
            DocumentSummary(row[0], row[1], row[2], _date(row[3]), row[4], row[5], row[6])
            for row in rows
        ]

    def get_document(self, ref: str) -> Document:
        """Return the document whose id, id prefix (4+ characters) or source is `ref`.

        Raises:
            StoreError: if nothing or more than one document matches.
        """
        rows = self._conn.execute(
            "SELECT id, source, title, text, published, lang, original_text, offset_map, meta "
            "FROM documents WHERE id = ? OR source = ? OR (length(?) >= ? AND id LIKE ? || '%') "
            "LIMIT 2",
            (ref, ref, ref, _MIN_PREFIX, ref),
        ).fetchall()
        if not rows:
            raise unknown_document(ref)
        if len(rows) > 1:
            raise StoreError(f"{ref!r} matches more than one document; give more of the id")
        return _document(rows[0])

    def mentions_of(self, doc_id: str) -> list[Mention]:
        """Return the mentions found in a document, in text order."""
        rows = self._conn.execute(
            "SELECT m.start, m.end, m.type, m.surface, m.normalized, substr(d.text, m.start + 1, "
            "m.end - m.start) FROM mentions m JOIN documents d ON d.id = m.doc_id "
            "WHERE m.doc_id = ? ORDER BY m.start, m.end",
            (doc_id,),
        )
        return [
            Mention(Span(doc_id, start, end, quote), MentionType(kind), surface, normalized)
            for start, end, kind, surface, normalized, quote in rows
        ]

    def count(self, table: str) -> int:
        """Return the number of rows of one of the knowledge-base tables."""
        if table not in {"documents", "mentions", "facts", "entities", "evidence", "runs"}:
            raise StoreError(f"unknown table {table!r}")
        return int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def integrity_check(self) -> str:
        """Run SQLite's integrity check and return its verdict ("ok" when sound)."""
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    def _insert_run(self, run: Run) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO runs (run_id, stage, component, config_sha, started_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (run.run_id, run.stage, run.component, run.config_sha, run.started_at),
        )

    def _insert_document(self, record: DocumentRecord) -> None:
        doc = record.document
        offset_map = (
            None
            if doc.offset_map is None or doc.offset_map.is_identity
            else json.dumps(doc.offset_map.anchors)
        )
        self._conn.execute(
            "INSERT INTO documents (id, source, title, published, lang, text, char_count, "
            "original_text, offset_map, format, encoding, meta, duplicate_of, similarity, "
            "fingerprint, run_id, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.doc_id,
                doc.source,
                doc.title,
                doc.published.iso() if doc.published else None,
                doc.lang,
                doc.text,
                len(doc.text),
                doc.original_text,
                offset_map,
                doc.meta.get("format", "txt"),
                doc.meta.get("encoding"),
                json.dumps(dict(doc.meta), ensure_ascii=False, sort_keys=True),
                record.duplicate_of,
                record.similarity,
                record.fingerprint,
                record.run.run_id,
                _now(),
            ),
        )

    def _insert_mentions(self, doc_id: str, mentions: tuple[Mention, ...], run_id: str) -> None:
        self._conn.executemany(
            "INSERT OR IGNORE INTO mentions (doc_id, start, end, type, surface, normalized, run_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (doc_id, m.span.start, m.span.end, m.type.value, m.surface, m.normalized, run_id)
                for m in mentions
            ],
        )

    def _insert_fact(self, doc_id: str, fact: Fact, run_id: str) -> None:
        fact_id = ids.fact_id(doc_id, fact)
        quantity = fact.quantity
        self._conn.execute(
            "INSERT OR IGNORE INTO facts (id, doc_id, kind, subject, predicate, object, value, "
            "unit, qualifier, time, qualifiers, extractor, confidence, run_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                fact_id,
                doc_id,
                fact.kind.value,
                fact.subject,
                fact.predicate,
                fact.object,
                str(quantity.value) if quantity else None,
                quantity.unit if quantity else None,
                quantity.qualifier.value if quantity else None,
                fact.time.iso() if fact.time else None,
                json.dumps(dict(fact.qualifiers), ensure_ascii=False, sort_keys=True),
                fact.extractor,
                fact.confidence,
                run_id,
            ),
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO evidence (fact_id, doc_id, start, end, quote) VALUES (?,?,?,?,?)",
            [(fact_id, span.doc_id, span.start, span.end, span.quote) for span in fact.evidence],
        )


def _document(row: tuple[str, ...]) -> Document:
    doc_id, source, title, text, published, lang, original_text, offset_map, meta = row
    anchors = tuple(tuple(pair) for pair in json.loads(offset_map)) if offset_map else None
    return Document(
        doc_id=doc_id,
        source=source,
        title=title,
        text=text,
        published=_date(published),
        lang=lang,
        original_text=original_text,
        offset_map=OffsetMap(anchors) if anchors else None,
        meta=json.loads(meta),
    )


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

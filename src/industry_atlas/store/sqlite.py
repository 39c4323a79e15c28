"""The embedded knowledge base: one SQLite file, in WAL mode, one transaction per document.

Part of store; imports only core. The file is an open format: analysts can browse it with
datasette or the sqlite3 shell (`documents.text` holds the analysis text every span
offset refers to).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

from industry_atlas.core import ids
from industry_atlas.core.errors import StoreError, unknown_document
from industry_atlas.core.models import (
    Document,
    DocumentRecord,
    DocumentSummary,
    Entity,
    Fact,
    FactKind,
    Mention,
    MentionType,
    OffsetMap,
    PartialDate,
    Passage,
    Qualifier,
    Quantity,
    Run,
    Span,
    StoredEntity,
    StoredFact,
)
from industry_atlas.store.migrations import migrate
from industry_atlas.store.passages import index_queued

_MIN_PREFIX = 4
# Enum lookups by value; calling the Enum costs more than the rest of reading a fact.
_FACT_KINDS = {kind.value: kind for kind in FactKind}
_QUALIFIERS = {qualifier.value: qualifier for qualifier in Qualifier}
_MENTION_TYPES = {type_.value: type_ for type_ in MentionType}


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
            if record.extraction_run is not None:
                self._insert_run(record.extraction_run)
            self._insert_document(record)
            if record.duplicate_of is None:
                self._conn.executemany(
                    "INSERT INTO fingerprint_keys (key, doc_id) VALUES (?, ?)",
                    [(key, record.document.doc_id) for key in set(record.lookup_keys)],
                )
                self._conn.execute(
                    "INSERT INTO passage_queue (doc_id) VALUES (?)", (record.document.doc_id,)
                )
            entity_ids = self._resolve_entities(record.entities)
            run_id = (record.extraction_run or record.run).run_id
            self._insert_mentions(record.document.doc_id, record.mentions, run_id, entity_ids)
            self._insert_facts(record.document.doc_id, record.facts, run_id)
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def index_passages(self) -> int:
        """Index the passages of the documents stored since the last call, in one
        transaction; return how many documents that was. Searching does it too."""
        return index_queued(self._conn)

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

    def facts(
        self,
        kind: str | None = None,
        doc_id: str | None = None,
        subject: str | None = None,
        limit: int | None = None,
    ) -> list[StoredFact]:
        """Return stored facts with their evidence, in document and text order."""
        clauses, params = [], []
        for column, value in (("f.kind", kind), ("f.doc_id", doc_id), ("f.subject", subject)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = " AND ".join(clauses) if clauses else "1"
        return self._select_facts(where, params, limit)

    def _select_facts(
        self, where: str, params: Sequence[Any], limit: int | None = None
    ) -> list[StoredFact]:
        """Return the facts (aliased `f`, joined to their document `d`) meeting `where`."""
        rows = self._conn.execute(
            "SELECT f.id, f.doc_id, f.kind, f.subject, f.predicate, f.object, f.value, f.unit, f.qualifier, "
            "f.time, f.qualifiers, f.extractor, f.confidence FROM facts f JOIN documents d ON d.id = f.doc_id "
            f"WHERE {where} ORDER BY d.rowid, f.rowid" + (" LIMIT ?" if limit else ""),
            (*params, *([limit] if limit else [])),
        ).fetchall()
        evidence = self._evidence([row[0] for row in rows])
        return [StoredFact(row[0], row[1], _fact(row, evidence.get(row[0], ()))) for row in rows]

    def _evidence(self, fact_ids: list[str]) -> dict[str, tuple[Span, ...]]:
        found: dict[str, list[Span]] = {}
        for start in range(0, len(fact_ids), 500):
            chunk = fact_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for fact_id, doc_id, begin, end, quote in self._conn.execute(
                f"SELECT fact_id, doc_id, start, end, quote FROM evidence WHERE fact_id IN ({marks}) ORDER BY start",
                chunk,
            ):
                found.setdefault(fact_id, []).append(Span(doc_id, begin, end, quote))
        return {fact_id: tuple(spans) for fact_id, spans in found.items()}

    def entities(self, type_: str | None = None, query: str | None = None) -> list[StoredEntity]:
        """Return entities (optionally of one type, or whose name or alias contains
        `query`), most mentioned first."""
        where, params = self._entity_filter(type_, query)
        return self._entities(f"{where} ORDER BY 5 DESC, e.name", params)

    @staticmethod
    def _entity_filter(type_: str | None, query: str | None) -> tuple[str, list[Any]]:
        """Return the WHERE clause (over `entities e`) and its parameters for entities of
        one type and/or with a name or alias containing `query`."""
        clauses, params = [], []
        if type_ is not None:
            clauses.append("e.type = ?")
            params.append(type_)
        if query:
            clauses.append(
                "e.id IN (SELECT entity_id FROM entity_aliases WHERE instr(alias, ?) > 0)"
            )
            params.append(query)
        return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params

    def _entities(self, tail: str, params: list[Any]) -> list[StoredEntity]:
        """Return the entities selected by `tail` (a WHERE/ORDER BY/LIMIT over `entities e`;
        column 5 is the mention count) with their mention and document counts."""
        rows = self._conn.execute(
            "SELECT e.id, e.type, e.name, e.attrs, "
            "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id), "
            "(SELECT count(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id), "
            "(SELECT group_concat(alias, char(31)) FROM entity_aliases a WHERE a.entity_id = e.id) "
            f"FROM entities e {tail}",
            params,
        )
        return [
            StoredEntity(
                Entity(
                    entity_id,
                    MentionType(kind),
                    name,
                    tuple(sorted(a for a in (aliases or "").split("\x1f") if a and a != name)),
                    json.loads(attrs),
                ),
                mention_count,
                document_count,
            )
            for entity_id, kind, name, attrs, mention_count, document_count, aliases in rows
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

    def _resolve_entities(self, entities: tuple[Entity, ...]) -> dict[tuple[str, str], str]:
        """Link each entity to the stored one sharing a name or alias (小米 / 小米集团 across
        documents), or store it as new; return (type, name) -> entity id."""
        resolved: dict[tuple[str, str], str] = {}
        for entity in entities:
            keys = sorted(
                {entity.name, *entity.aliases, entity.attrs.get("pack_name", entity.name)}
            )
            marks = ",".join("?" * len(keys))
            row = self._conn.execute(
                f"SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                f"WHERE e.type = ? AND a.alias IN ({marks}) ORDER BY e.rowid LIMIT 1",
                (entity.type.value, *keys),
            ).fetchone()
            entity_id = row[0] if row else ids.content_hash(entity.type.value, entity.name)
            if row is None:
                self._conn.execute(
                    "INSERT OR IGNORE INTO entities (id, type, name, attrs) VALUES (?, ?, ?, ?)",
                    (
                        entity_id,
                        entity.type.value,
                        entity.name,
                        json.dumps(dict(entity.attrs), ensure_ascii=False),
                    ),
                )
            self._conn.executemany(
                "INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)",
                [(entity_id, key) for key in keys],
            )
            resolved[(entity.type.value, entity.name)] = entity_id
        return resolved

    def _insert_mentions(
        self,
        doc_id: str,
        mentions: tuple[Mention, ...],
        run_id: str,
        entity_ids: dict[tuple[str, str], str],
    ) -> None:
        self._conn.executemany(
            "INSERT OR IGNORE INTO mentions (doc_id, start, end, type, surface, normalized, entity_id, run_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id,
                    m.span.start,
                    m.span.end,
                    m.type.value,
                    m.surface,
                    m.normalized,
                    entity_ids.get((m.type.value, m.normalized)),
                    run_id,
                )
                for m in mentions
            ],
        )

    def _insert_facts(self, doc_id: str, facts: tuple[Fact, ...], run_id: str) -> None:
        rows: list[tuple[Any, ...]] = []
        evidence: list[tuple[str, str, int, int, str]] = []
        for fact in facts:
            fact_id = ids.fact_id(doc_id, fact)
            quantity = fact.quantity
            rows.append(
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
                )
            )
            evidence.extend(
                (fact_id, span.doc_id, span.start, span.end, span.quote) for span in fact.evidence
            )
        self._conn.executemany(
            "INSERT OR IGNORE INTO facts (id, doc_id, kind, subject, predicate, object, value, "
            "unit, qualifier, time, qualifiers, extractor, confidence, run_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO evidence (fact_id, doc_id, start, end, quote) VALUES (?,?,?,?,?)",
            evidence,
        )

    def search_passages(self, terms: Sequence[str], limit: int = 50) -> list[Passage]:
        """Return the passages holding any of `terms` (see `core.search`), best BM25 first.

        Passages of syndicated copies are not indexed: each story is found once.
        """
        unique = list(dict.fromkeys(term for term in terms if term))
        if not unique:
            return []
        index_queued(self._conn)
        query = " OR ".join('"' + term.replace('"', '""') + '"' for term in unique)
        rows = self._conn.execute(
            "SELECT p.doc_id, p.start, p.end, substr(d.text, p.start + 1, p.end - p.start), -hit.rank "
            "FROM (SELECT rowid, rank FROM passage_terms WHERE passage_terms MATCH ? "
            "ORDER BY rank LIMIT ?) hit JOIN passages p ON p.id = hit.rowid "
            "JOIN documents d ON d.id = p.doc_id ORDER BY hit.rank",
            (query, limit),
        )
        return [
            Passage(Span(doc_id, start, end, text), rank) for doc_id, start, end, text, rank in rows
        ]

    def passage_frequencies(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        """Return the number of indexed passages and, per term, how many hold it (absent
        terms are left out): the document frequencies a relevance weight needs."""
        unique = list(dict.fromkeys(terms))
        index_queued(self._conn)
        # passages are never deleted, so the largest id is their number (count(*) scans)
        total = int(self._conn.execute("SELECT coalesce(max(id), 0) FROM passages").fetchone()[0])
        if not unique:
            return total, {}
        marks = ",".join("?" * len(unique))
        rows = self._conn.execute(
            f"SELECT term, passages FROM passage_term_counts WHERE term IN ({marks})", unique
        )
        return total, {term: int(count) for term, count in rows}

    def known_names(self, candidates: Sequence[str], kinds: Sequence[str]) -> set[str]:
        """Return the candidates that name something stored: an entity alias, or the subject
        or object of a fact of one of `kinds`."""
        unique = list(dict.fromkeys(candidates))
        if not unique:
            return set()
        marks = ",".join("?" * len(unique))
        kind_marks = ",".join("?" * len(kinds))
        rows = self._conn.execute(
            f"SELECT alias FROM entity_aliases WHERE alias IN ({marks}) "
            f"UNION SELECT subject FROM facts WHERE subject IN ({marks}) AND +kind IN ({kind_marks}) "
            f"UNION SELECT object FROM facts WHERE object IN ({marks}) AND +kind IN ({kind_marks})",
            [*unique, *unique, *kinds, *unique, *kinds],
        )
        return {row[0] for row in rows}

    def entities_named(self, names: Sequence[str]) -> list[Entity]:
        """Return the entities one of whose names or aliases is in `names`, with all aliases."""
        unique = list(dict.fromkeys(names))
        if not unique:
            return []
        marks = ",".join("?" * len(unique))
        rows = self._conn.execute(
            "SELECT e.id, e.type, e.name, e.attrs, group_concat(a.alias, char(31)) FROM entities e "
            "JOIN entity_aliases a ON a.entity_id = e.id WHERE e.id IN "
            f"(SELECT entity_id FROM entity_aliases WHERE alias IN ({marks})) GROUP BY e.id",
            unique,
        )
        return [
            Entity(
                entity_id,
                MentionType(kind),
                name,
                tuple(sorted(set(aliases.split("\x1f")) - {name})),
                json.loads(attrs),
            )
            for entity_id, kind, name, attrs, aliases in rows
        ]

    def names_starting(self, prefix: str, limit: int = 20) -> list[str]:
        """Return entity aliases that begin with `prefix` (candidates for fuzzy matching)."""
        rows = self._conn.execute(
            "SELECT DISTINCT alias FROM entity_aliases WHERE alias >= ? AND alias < ? LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        )
        return [row[0] for row in rows]

    def facts_about(
        self, names: Sequence[str], kinds: Sequence[str] | None = None
    ) -> list[StoredFact]:
        """Return the facts whose subject or object is one of `names` (optionally of some
        kinds), in document and text order."""
        unique = list(dict.fromkeys(names))
        if not unique:
            return []
        marks = ",".join("?" * len(unique))
        where = f"(f.subject IN ({marks}) OR f.object IN ({marks}))"
        params: list[str] = unique * 2
        if kinds:
            # "+" keeps the planner on the name indexes, not on every fact of a kind
            where += f" AND +f.kind IN ({','.join('?' * len(kinds))})"
            params.extend(kinds)
        return self._select_facts(where, params)

    def facts_in_regions(self, kind: str, regions: Sequence[str]) -> list[StoredFact]:
        """Return the facts of one kind attributed to one of `regions` (full names such as
        上海市 or 全国, the `region` qualifier)."""
        unique = list(dict.fromkeys(regions))
        if not unique:
            return []
        marks = ",".join("?" * len(unique))
        return self._select_facts(
            f"f.kind = ? AND json_extract(f.qualifiers, '$.region') IN ({marks})",
            [kind, *unique],
        )

    def facts_at(
        self, doc_id: str, start: int, end: int, kinds: Sequence[str] | None = None
    ) -> list[StoredFact]:
        """Return the facts with evidence overlapping `start:end` of a document."""
        where = "f.id IN (SELECT fact_id FROM evidence WHERE doc_id = ? AND start < ? AND end > ?)"
        params: list[Any] = [doc_id, end, start]
        if kinds:
            where += f" AND +f.kind IN ({','.join('?' * len(kinds))})"
            params.extend(kinds)
        return self._select_facts(where, params)

    def analysis_facts(self, kinds: Sequence[str]) -> list[StoredFact]:
        """Return every fact of `kinds` with its evidence, from first copies of documents.

        For analytics over the whole knowledge base: a syndicated copy (`duplicate_of`
        set) counts once, so its facts are left out. One query, whatever the number of
        facts.
        """
        if not kinds:
            return []
        marks = ",".join("?" * len(kinds))
        rows = self._conn.execute(
            "SELECT f.id, f.doc_id, f.kind, f.subject, f.predicate, f.object, f.value, f.unit, "
            "f.qualifier, f.time, f.qualifiers, f.extractor, f.confidence, "
            "e.start, e.end, e.quote FROM facts f JOIN documents d ON d.id = f.doc_id "
            "JOIN evidence e ON e.fact_id = f.id "
            f"WHERE f.kind IN ({marks}) AND d.duplicate_of IS NULL "
            "ORDER BY d.rowid, f.rowid, e.start",
            tuple(kinds),
        ).fetchall()
        # one row per evidence span, a fact's rows consecutive: one query, one sort
        found: list[StoredFact] = []
        spans: list[Span] = []
        last = len(rows) - 1
        for index, row in enumerate(rows):
            spans.append(Span(row[1], row[13], row[14], row[15]))
            if index == last or rows[index + 1][0] != row[0]:
                found.append(StoredFact(row[0], row[1], _fact(row, tuple(spans))))
                spans = []
        return found

    def facts_by_id(self, fact_ids: Sequence[str]) -> list[StoredFact]:
        """Return the facts with these ids (unknown ids are skipped), in document order."""
        found: list[StoredFact] = []
        unique = list(dict.fromkeys(fact_ids))
        for first in range(0, len(unique), 500):
            chunk = unique[first : first + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                "SELECT f.id, f.doc_id, f.kind, f.subject, f.predicate, f.object, f.value, f.unit, "
                "f.qualifier, f.time, f.qualifiers, f.extractor, f.confidence FROM facts f "
                f"WHERE f.id IN ({marks})",
                chunk,
            ).fetchall()
            evidence = self._evidence([row[0] for row in rows])
            found.extend(StoredFact(row[0], row[1], _fact(row, evidence[row[0]])) for row in rows)
        return found

    def mention_windows(self, types: Sequence[str], radius: int) -> list[tuple[Mention, Span]]:
        """Return the mentions of `types` in first copies, each with the text around it.

        The window reaches `radius` characters either side of the mention (clipped to the
        text); mentions come in document and text order.
        """
        if not types:
            return []
        marks = ",".join(f":type{number}" for number in range(len(types)))
        opens, closes = "max(m.start - :radius, 0)", "min(m.end + :radius, d.char_count)"
        rows = self._conn.execute(
            "SELECT m.doc_id, m.start, m.end, m.type, m.surface, m.normalized, "
            f"{opens}, {closes}, substr(d.text, {opens} + 1, {closes} - {opens}) "
            "FROM documents d JOIN mentions m ON m.doc_id = d.id "
            f"WHERE m.type IN ({marks}) AND d.duplicate_of IS NULL ORDER BY d.rowid, m.start",
            {"radius": radius, **{f"type{number}": kind for number, kind in enumerate(types)}},
        ).fetchall()
        windows = []
        for doc_id, start, end, kind, surface, normalized, first, last, window in rows:
            quote = window[start - first : end - first]
            mention = Mention(
                Span(doc_id, start, end, quote), _MENTION_TYPES[kind], surface, normalized
            )
            windows.append((mention, Span(doc_id, first, last, window)))
        return windows

    def documents_containing(self, words: Sequence[str]) -> set[str]:
        """Return the ids of first copies whose text contains any of `words`."""
        if not words:
            return set()
        test = " OR ".join("instr(text, ?) > 0" for _ in words)
        rows = self._conn.execute(
            f"SELECT id FROM documents WHERE duplicate_of IS NULL AND ({test})", tuple(words)
        )
        return {row[0] for row in rows}

    def get_documents(self, doc_ids: Sequence[str]) -> dict[str, Document]:
        """Return the documents with these ids, by id (unknown ids are skipped)."""
        found: dict[str, Document] = {}
        unique = list(dict.fromkeys(doc_ids))
        for first in range(0, len(unique), 500):
            chunk = unique[first : first + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                "SELECT id, source, title, text, published, lang, original_text, offset_map, meta "
                f"FROM documents WHERE id IN ({marks})",
                chunk,
            ):
                found[row[0]] = _document(row)
        return found

    def located_in_rows(self) -> list[tuple[str, str, str, str | None, str, str | None]]:
        """Return every `located_in` fact of first copies as plain rows, for analytics:
        (fact_id, doc_id, subject, place, basis, region_code). Read evidence with
        `facts_by_id` when it is shown."""
        rows = self._conn.execute(
            "SELECT f.id, f.doc_id, f.subject, f.object, "
            "coalesce(json_extract(f.qualifiers, '$.basis'), 'lexicon'), "
            "json_extract(f.qualifiers, '$.region_code') FROM facts f "
            "JOIN documents d ON d.id = f.doc_id "
            "WHERE f.kind = 'located_in' AND d.duplicate_of IS NULL ORDER BY d.rowid, f.rowid"
        )
        return [tuple(row) for row in rows]

    def entity_kinds(self) -> list[tuple[str, str, str, str]]:
        """Return (type, name or alias, entity name, kind) of every organization and product."""
        rows = self._conn.execute(
            "SELECT e.type, a.alias, e.name, coalesce(json_extract(e.attrs, '$.kind'), 'other') "
            "FROM entities e JOIN entity_aliases a ON a.entity_id = e.id "
            "WHERE e.type IN ('org', 'product') ORDER BY e.rowid"
        )
        return [tuple(row) for row in rows]


def _fact(row: tuple[Any, ...], evidence: tuple[Span, ...]) -> Fact:
    (
        _,
        _,
        kind,
        subject,
        predicate,
        obj,
        value,
        unit,
        qualifier,
        time,
        qualifiers,
        extractor,
        confidence,
    ) = row[:13]  # a row may carry more columns (an evidence span) after the fact's
    quantity = Quantity(Decimal(value), unit, _QUALIFIERS[qualifier]) if value is not None else None
    return Fact(
        kind=_FACT_KINDS[kind],
        subject=subject,
        predicate=predicate,
        evidence=evidence,
        object=obj,
        quantity=quantity,
        time=_date(time),
        qualifiers=_qualifiers(qualifiers),
        extractor=extractor,
        confidence=confidence,
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


@lru_cache(maxsize=8192)
def _date(value: str | None) -> PartialDate | None:
    # Cached: analytics read 100,000s of facts whose dates repeat (PartialDate is frozen).
    return PartialDate.parse(value) if value else None


@lru_cache(maxsize=8192)
def _qualifiers(text: str) -> dict[str, str]:
    # Cached for the same reason; facts share the parsed mapping and never mutate it.
    qualifiers: dict[str, str] = json.loads(text)
    return qualifiers


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

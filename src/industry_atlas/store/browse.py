"""Paged reads of the knowledge base for browsing it (the web dashboard and REST API).

Part of store; imports only core. `SqliteBrowser` is a `SqliteStore` with the reads a
browser needs: one page of documents, entities, facts or mentions with the total count,
an entity by id, and a version string that changes whenever the knowledge base does (so
callers can cache what they compute from it). Every value from outside is a bound
parameter; no text a user typed is ever part of the SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from industry_atlas.core.models import (
    DocumentSummary,
    Mention,
    MentionType,
    PartialDate,
    Span,
    StoredEntity,
    StoredFact,
)
from industry_atlas.store.sqlite import SqliteStore

T = TypeVar("T")
_CONTEXT_CHARS = 40  # characters of text either side of a mention, for a hit list


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing and how many items the whole listing has."""

    items: list[T]
    total: int


@dataclass(frozen=True, slots=True)
class FactQuery:
    """Which facts to list; every field left empty matches everything.

    Attributes:
        kind: only facts of this kind (`policy_issued`, `metric` …).
        region_code: only facts placed inside this GB/T 2260 region: by the region code
            they state, the region they name, or a subject named after a place in it.
        region_name: the full name of that region (北京市), matched as a name prefix.
        names: only facts whose subject or object is one of these.
        doc_id: only facts of this document.
    """

    kind: str | None = None
    region_code: str | None = None
    region_name: str | None = None
    names: tuple[str, ...] = ()
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class MentionHit:
    """A mention of an entity, with its document's title and the text around it."""

    mention: Mention
    title: str
    context: Span


class SqliteBrowser(SqliteStore):
    """A knowledge base opened for browsing: the store's reads plus paged listings."""

    def content_version(self) -> str:
        """Return a token that changes whenever documents or facts are added."""
        row = self._conn.execute(
            "SELECT (SELECT coalesce(max(rowid), 0) FROM documents), "
            "(SELECT count(*) FROM documents), (SELECT coalesce(max(rowid), 0) FROM facts)"
        ).fetchone()
        return "-".join(str(value) for value in row)

    def document_summary(self, doc_id: str) -> DocumentSummary | None:
        """Return the listing row of the document with exactly this id."""
        rows = self._summaries("WHERE id = ?", [doc_id])
        return rows[0] if rows else None

    def document_page(self, limit: int, offset: int) -> Page[DocumentSummary]:
        """Return one page of the documents, newest first."""
        total = int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        items = self._summaries("ORDER BY rowid DESC LIMIT ? OFFSET ?", [limit, offset])
        return Page(items, total)

    def _summaries(self, tail: str, params: list[Any]) -> list[DocumentSummary]:
        rows = self._conn.execute(
            "SELECT id, title, source, published, char_count, format, duplicate_of "
            f"FROM documents {tail}",
            params,
        )
        return [
            DocumentSummary(row[0], row[1], row[2], _date(row[3]), row[4], row[5], row[6] or None)
            for row in rows
        ]

    def entity_page(
        self, type_: str | None, query: str | None, limit: int, offset: int
    ) -> Page[StoredEntity]:
        """Return one page of the entities (optionally of one type, or whose name or an
        alias contains `query`), most mentioned first."""
        where, params = self._entity_filter(type_, query)
        total = int(
            self._conn.execute(f"SELECT count(*) FROM entities e {where}", params).fetchone()[0]
        )
        items = self._entities(
            f"{where} ORDER BY 5 DESC, e.name LIMIT ? OFFSET ?", [*params, limit, offset]
        )
        return Page(items, total)

    def entity(self, entity_id: str) -> StoredEntity | None:
        """Return the entity with this id."""
        found = self._entities("WHERE e.id = ?", [entity_id])
        return found[0] if found else None

    def mention_page(self, entity_id: str, limit: int, offset: int) -> Page[MentionHit]:
        """Return one page of the mentions of an entity across documents, in document order."""
        total = int(
            self._conn.execute(
                "SELECT count(*) FROM mentions WHERE entity_id = ?", (entity_id,)
            ).fetchone()[0]
        )
        rows = self._conn.execute(
            "SELECT m.doc_id, m.start, m.end, m.type, m.surface, m.normalized, d.title, w.first, "
            "substr(d.text, w.first + 1, w.last - w.first) FROM (SELECT m.rowid AS id, "
            "max(m.start - ?, 0) AS first, min(m.end + ?, d.char_count) AS last FROM mentions m "
            "JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ? "
            "ORDER BY d.rowid, m.start LIMIT ? OFFSET ?) AS w "
            "JOIN mentions m ON m.rowid = w.id JOIN documents d ON d.id = m.doc_id "
            "ORDER BY d.rowid, m.start",
            (_CONTEXT_CHARS, _CONTEXT_CHARS, entity_id, limit, offset),
        ).fetchall()
        hits = []
        for doc_id, start, end, kind, surface, normalized, title, first, window in rows:
            quote = window[start - first : end - first]
            mention = Mention(
                Span(doc_id, start, end, quote), MentionType(kind), surface, normalized
            )
            hits.append(
                MentionHit(mention, title, Span(doc_id, first, first + len(window), window))
            )
        return Page(hits, total)

    def fact_page(self, query: FactQuery, limit: int, offset: int) -> Page[StoredFact]:
        """Return one page of the facts `query` selects, in document and text order."""
        where, params = _fact_filter(query)
        base = f"FROM facts f JOIN documents d ON d.id = f.doc_id WHERE {where}"
        total = int(self._conn.execute(f"SELECT count(*) {base}", params).fetchone()[0])
        fact_ids = [
            row[0]
            for row in self._conn.execute(
                f"SELECT f.id {base} ORDER BY d.rowid, f.rowid LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        ]
        by_id = {stored.fact_id: stored for stored in self.facts_by_id(fact_ids)}
        return Page([by_id[fact_id] for fact_id in fact_ids if fact_id in by_id], total)


def _fact_filter(query: FactQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.kind is not None:
        clauses.append("f.kind = ?")
        params.append(query.kind)
    if query.doc_id is not None:
        clauses.append("f.doc_id = ?")
        params.append(query.doc_id)
    if query.names:
        marks = ",".join("?" * len(query.names))
        clauses.append(f"(f.subject IN ({marks}) OR f.object IN ({marks}))")
        params.extend([*query.names, *query.names])
    if query.region_code is not None:
        prefix = _code_prefix(query.region_code)
        name = query.region_name or query.region_code
        # substr(…) = ? compares a prefix without LIKE, whose wildcards text could contain
        clauses.append(
            "(substr(json_extract(f.qualifiers, '$.region_code'), 1, ?) = ? "
            "OR substr(json_extract(f.qualifiers, '$.region'), 1, ?) = ? "
            "OR substr(f.subject, 1, ?) = ?)"
        )
        params.extend([len(prefix), prefix, len(name), name, len(name), name])
    return (" AND ".join(clauses) or "1"), params


def _code_prefix(code: str) -> str:
    """The code prefix shared by a region and everything inside it (GB/T 2260: two digits
    each for province, city and district; 440300 深圳市 -> 4403)."""
    prefix = code
    while prefix.endswith("00") and len(prefix) > 2:
        prefix = prefix[:-2]
    return prefix


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None

"""The passage index: every first copy of a document cut into passages, their terms in FTS5.

Part of store; imports only core. `ask` searches it (BM25 over the terms of
`core.search`); the migration that creates it and `index_queued` (the documents
`SqliteStore.add_document` queued) both fill it through `index_passages`, so old and new
documents are cut the same way.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence

from industry_atlas.core.search import passage_spans, passage_terms


def index_passages(conn: sqlite3.Connection, documents: Sequence[tuple[str, str]]) -> int:
    """Cut each (doc_id, text) into passages and index them; return how many were added.

    Runs inside the caller's transaction. The FTS5 table is contentless: the passage text
    is read back from `documents.text` through the offsets in `passages`. The number of
    passages holding each term is kept beside it (FTS5's own vocabulary table counts by
    reading every posting, too slow for common terms of a large corpus). Many documents
    at once cost far less than one at a time: FTS5 writes one segment per transaction
    and every count is updated once.
    """
    # Rowids given here rather than read back one insert at a time: the caller's
    # transaction holds the write lock, so nobody else can take them meanwhile.
    first = int(conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM passages").fetchone()[0])
    rowid = first
    holding: Counter[str] = Counter()
    for doc_id, text in documents:  # one document's terms in memory at a time
        spans = passage_spans(text)
        terms = passage_terms(text, spans)
        conn.executemany(
            "INSERT INTO passages (rowid, doc_id, start, end) VALUES (?, ?, ?, ?)",
            [(rowid + number, doc_id, start, end) for number, (start, end) in enumerate(spans)],
        )
        conn.executemany(
            "INSERT INTO passage_terms (rowid, terms) VALUES (?, ?)",
            [(rowid + number, " ".join(words)) for number, words in enumerate(terms)],
        )
        for words in terms:
            holding.update(set(words))
        rowid += len(spans)
    conn.executemany(
        "INSERT INTO passage_term_counts (term, passages) VALUES (?, ?) "
        "ON CONFLICT (term) DO UPDATE SET passages = passages + excluded.passages",
        holding.items(),
    )
    return rowid - first


def index_queued(conn: sqlite3.Connection) -> int:
    """Index the documents waiting in `passage_queue`, in one transaction; return how many.

    A document joins the queue in the transaction that stores it, so a stored first copy
    is always either indexed or queued, whatever happens between the two.
    """
    if conn.execute("SELECT 1 FROM passage_queue LIMIT 1").fetchone() is None:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        queued = conn.execute(
            "SELECT d.id, d.text FROM passage_queue q JOIN documents d ON d.id = q.doc_id "
            "ORDER BY d.rowid"
        ).fetchall()
        index_passages(conn, queued)
        conn.execute("DELETE FROM passage_queue")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(queued)

"""The passage index: every first copy of a document cut into passages, their terms in FTS5.

Part of store; imports only core. `ask` searches it (BM25 over the terms of
`core.search`); the migration that creates it and `SqliteStore.add_document` both fill
it through `index_passages`, so old and new documents are cut the same way.
"""

from __future__ import annotations

import sqlite3

from industry_atlas.core.search import passage_spans, search_terms


def index_passages(conn: sqlite3.Connection, doc_id: str, text: str) -> int:
    """Cut `text` into passages and index them; return how many were added.

    Runs inside the caller's transaction. The FTS5 table is contentless: the passage text
    is read back from `documents.text` through the offsets in `passages`. The number of
    passages holding each term is kept beside it (FTS5's own vocabulary table counts by
    reading every posting, too slow for common terms of a large corpus).
    """
    count = 0
    for start, end in passage_spans(text):
        terms = search_terms(text[start:end])
        cursor = conn.execute(
            "INSERT INTO passages (doc_id, start, end) VALUES (?, ?, ?)", (doc_id, start, end)
        )
        conn.execute(
            "INSERT INTO passage_terms (rowid, terms) VALUES (?, ?)",
            (cursor.lastrowid, " ".join(terms)),
        )
        conn.executemany(
            "INSERT INTO passage_term_counts (term, passages) VALUES (?, 1) "
            "ON CONFLICT (term) DO UPDATE SET passages = passages + 1",
            [(term,) for term in set(terms)],
        )
        count += 1
    return count

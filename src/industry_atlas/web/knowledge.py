"""The knowledge-base file as the web app uses it: a reader per thread, one writer at a time.

Part of web. Routes run on a thread pool; a SQLite connection must not be shared by
threads that may be inside different transactions, so each thread reads through its own
connection (WAL lets readers go on while a document is written), and writes are
serialized by a lock, as Datasette does with its write thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from industry_atlas.ask import Asker
from industry_atlas.store.browse import SqliteBrowser
from industry_atlas.store.sqlite import SqliteStore


class KnowledgeBase:
    """One knowledge-base file, opened lazily per thread."""

    def __init__(self, path: Path) -> None:
        """Serve the knowledge base at `path` (created and migrated on first use)."""
        self.path = path
        self._local = threading.local()
        self._opened: list[SqliteBrowser] = []
        self._opened_lock = threading.Lock()
        self._write_lock = threading.Lock()

    def prepare(self) -> None:
        """Create or migrate the file once, before threads open it concurrently."""
        with self._write_lock, SqliteStore(self.path):
            pass

    def reader(self) -> SqliteBrowser:
        """Return this thread's connection."""
        reader: SqliteBrowser | None = getattr(self._local, "reader", None)
        if reader is None:
            reader = SqliteBrowser(self.path)
            self._local.reader = reader
            with self._opened_lock:
                self._opened.append(reader)
        return reader

    def asker(self) -> Asker:
        """Return this thread's question answerer (it reads through this thread's connection)."""
        asker: Asker | None = getattr(self._local, "asker", None)
        if asker is None:
            asker = Asker(self.reader())
            self._local.asker = asker
        return asker

    def version(self) -> str:
        """Return the current version of the content (changes when anything is added)."""
        return self.reader().content_version()

    @contextmanager
    def writer(self) -> Iterator[SqliteStore]:
        """Hold the only write connection for the duration of the block."""
        with self._write_lock, SqliteStore(self.path) as store:
            yield store

    def close(self) -> None:
        """Close every connection the threads opened."""
        with self._opened_lock:
            for reader in self._opened:
                reader.close()
            self._opened.clear()

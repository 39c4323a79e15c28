"""A cache of values computed from the knowledge base, each valid for one version of it.

Part of web. A scorecard over 10,000 documents takes seconds; it is computed once per
version of the knowledge base (see `SqliteBrowser.content_version`) and shared by every
request until a document is added. Only one thread computes a missing value (the others
wait for it), so fifty clients arriving together do not compute it fifty times.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar, cast

T = TypeVar("T")
_STRIPES = 64  # locks shared by keys: bounded however many keys there are


class VersionedCache:
    """Least-recently-used values by key, each stamped with the version it was computed for."""

    def __init__(self, max_entries: int) -> None:
        """Keep at most `max_entries` values."""
        self._max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[str, object]] = OrderedDict()
        self._lock = threading.Lock()
        self._stripes = [threading.Lock() for _ in range(_STRIPES)]

    def get(self, key: Hashable, version: str, compute: Callable[[], T]) -> T:
        """Return the value of `key` for `version`, computing it when missing or stale.

        A key must always hold values of one type. An exception from `compute` is
        raised and nothing is cached. `compute` must not call `get` of this cache: keys
        share locks, so a nested call could wait on the lock its caller holds.
        """
        found, value = self._lookup(key, version)
        if found:
            return cast(T, value)
        with self._stripes[hash(key) % _STRIPES]:
            found, value = self._lookup(key, version)
            if found:
                return cast(T, value)
            computed = compute()
            with self._lock:
                self._entries[key] = (version, computed)
                self._entries.move_to_end(key)
                while len(self._entries) > self._max_entries:
                    self._entries.popitem(last=False)
            return computed

    def _lookup(self, key: Hashable, version: str) -> tuple[bool, object]:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != version:
                return False, None
            self._entries.move_to_end(key)
            return True, entry[1]

"""The versioned cache: one computation per key and version, however many ask at once."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from industry_atlas.analyze import ScorecardOptions
from industry_atlas.web import cache as cache_module
from industry_atlas.web.analyses import Analyses
from industry_atlas.web.cache import VersionedCache
from industry_atlas.web.knowledge import KnowledgeBase


def test_a_value_is_computed_once_per_version() -> None:
    cache = VersionedCache(max_entries=4)
    calls: list[str] = []

    def compute(version: str):
        return lambda: calls.append(version) or f"value@{version}"

    assert cache.get("k", "v1", compute("v1")) == "value@v1"
    assert cache.get("k", "v1", compute("v1")) == "value@v1"
    assert cache.get("k", "v2", compute("v2")) == "value@v2"
    assert calls == ["v1", "v2"]


def test_concurrent_misses_compute_once() -> None:
    cache = VersionedCache(max_entries=4)
    count = 0
    lock = threading.Lock()

    def slow() -> int:
        nonlocal count
        with lock:
            count += 1
        time.sleep(0.2)
        return 42

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda _: cache.get("k", "v", slow), range(16)))
    assert results == [42] * 16 and count == 1


def test_least_recently_used_values_are_dropped() -> None:
    cache = VersionedCache(max_entries=2)
    for key in ("a", "b", "c"):
        cache.get(key, "v", lambda key=key: key)
    assert cache.get("a", "v", lambda: "recomputed") == "recomputed"
    assert cache.get("c", "v", lambda: "recomputed") == "c"


def test_a_failed_computation_is_not_cached() -> None:
    cache = VersionedCache(max_entries=2)

    def fail() -> str:
        raise ValueError("bad region")

    with pytest.raises(ValueError):
        cache.get("k", "v", fail)
    assert cache.get("k", "v", lambda: "ok") == "ok"


def test_issue_6_scorecard_json_never_waits_on_a_lock_its_caller_holds(
    monkeypatch, sample_db
) -> None:
    # found by the schema test: with two keys on one lock, the JSON waited for the card
    monkeypatch.setattr(cache_module, "_STRIPES", 1)
    analyses = Analyses(KnowledgeBase(sample_db))
    done = threading.Event()

    def compute() -> None:
        analyses.scorecard_bytes(ScorecardOptions(), "summary")
        done.set()

    threading.Thread(target=compute, daemon=True).start()
    assert done.wait(timeout=60), "scorecard_bytes deadlocked"

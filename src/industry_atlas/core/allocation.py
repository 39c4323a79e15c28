"""Pausing Python's cyclic garbage collector while a phase builds many acyclic objects.

Part of core; imports only the standard library. An analysis run reads hundreds of
thousands of small frozen objects (facts, spans, mentions) that hold no reference cycles.
The collector's scans over them free nothing, yet took about a third of the scorecard's
time on the 10,000-document bench (bench/analyze.py). Reference counting still frees every
object as usual while the collector is paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (or the decorated function).

    Nested and concurrent pauses are safe: only the pause that found the collector running
    starts it again, and a collector some caller switched off stays off.
    """
    was_running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_running:
            gc.enable()

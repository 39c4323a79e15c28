"""What every benchmark prints about the machine it ran on, with a speed probe.

The probe times a fixed pure-Python loop, so that figures taken on a loaded or throttled
VM can be told apart from a slower program: compare the probe before comparing figures.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import time

PROBE_STEPS = 10_000_000


def python_probe_seconds() -> float:
    """Seconds this interpreter takes for `PROBE_STEPS` additions in a loop."""
    started = time.perf_counter()
    total = 0
    for step in range(PROBE_STEPS):
        total += step
    return time.perf_counter() - started


def describe() -> str:
    """One line: architecture, CPUs, Python, SQLite, OS and the speed probe."""
    return (
        f"{platform.machine()} · {platform.processor() or 'cpu'} · {os.cpu_count()} CPUs · "
        f"Python {platform.python_version()} · SQLite {sqlite3.sqlite_version} · "
        f"{platform.platform()} · speed probe: {PROBE_STEPS // 1_000_000}M Python loop steps "
        f"in {python_probe_seconds():.2f} s"
    )

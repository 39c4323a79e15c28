"""Kill the ingest process at random moments; the knowledge base must stay whole."""

from __future__ import annotations

import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

KILL_RUNS = 24
DOCS_PER_RUN = 400


def synthetic_batch(folder: Path, batch: int, rng: random.Random) -> None:
    cities = ["北京", "上海", "深圳", "杭州", "合肥", "苏州", "广州", "成都"]
    folder.mkdir(parents=True)
    for number in range(DOCS_PER_RUN):
        city = rng.choice(cities)
        body = "".join(
            f"{city}第{batch}-{number}号报道第{line}段：人形机器人企业加快布局，产值达到{rng.randint(1, 999)}亿元。\n\n"
            for line in range(50)
        )
        (folder / f"doc{number:03d}.txt").write_text(
            f"{city}产业观察{batch}-{number}\n\n{body}", encoding="utf-8"
        )


def ingest(paths: list[Path], db: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "industry_atlas",
        "ingest",
        *map(str, paths),
        "--db",
        str(db),
        "--json",
        *extra,
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until_storing(db: Path, stored_before: int, process: subprocess.Popen[bytes]) -> None:
    """Return once the process has committed its first document of this batch."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            with sqlite3.connect(db, timeout=10) as conn:
                tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
                if "documents" in tables:
                    (count,) = conn.execute("SELECT count(*) FROM documents").fetchone()
                    if count > stored_before:
                        return
        time.sleep(0.01)


def check_whole(db: Path) -> int:
    """Assert the file is sound and every stored document is complete; return how many."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "SELECT d.id, d.char_count, length(d.text), length(d.fingerprint), r.run_id "
            "FROM documents d LEFT JOIN runs r ON r.run_id = d.run_id"
        ).fetchall()
        for doc_id, char_count, length, print_length, run_id in rows:
            assert char_count == length, f"{doc_id} is half-written"
            assert print_length and run_id, f"{doc_id} lost its fingerprint or run"
        assert conn.execute("SELECT count(DISTINCT source) FROM documents").fetchone()[0] == len(
            rows
        )
        return len(rows)


@pytest.mark.slow
def test_sigkill_at_random_moments_never_leaves_a_half_written_document(tmp_path: Path) -> None:
    db = tmp_path / "kb.sqlite"
    rng = random.Random(int(os.environ.get("CRASH_SEED", "2024")))
    batches, counts = [], [0]
    for batch in range(KILL_RUNS):
        folder = tmp_path / f"batch{batch:02d}"
        synthetic_batch(folder, batch, rng)
        batches.append(folder)
        process = ingest([folder], db)
        wait_until_storing(db, counts[-1], process)
        time.sleep(rng.uniform(0.0, 0.35))
        process.send_signal(signal.SIGKILL)
        process.wait()
        counts.append(check_whole(db))
    assert counts == sorted(counts), "a kill lost documents that were already stored"
    interrupted = sum(
        1 for before, after in itertools.pairwise(counts) if after - before < DOCS_PER_RUN
    )
    assert interrupted >= KILL_RUNS - 2, f"too few kills landed mid-ingest: {counts}"
    # completing the batches tests nothing the kills did not: store the rest without facts
    finished = ingest(batches, db, "--extractor", "none")
    assert finished.wait() == 0, finished.stderr.read().decode() if finished.stderr else ""
    assert check_whole(db) == KILL_RUNS * DOCS_PER_RUN

"""Ingest throughput and memory on a synthetic plain-text corpus.

Usage: python bench/ingest.py [--sizes 1000 10000] [--chars 3000]

Each size runs in its own process so peak RSS is that run's own. Prints documents/s,
MB/s of text (UTF-8 bytes of the inputs) and peak RSS, with the machine it ran on.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import describe

CITIES = ["北京", "上海", "深圳", "杭州", "合肥", "苏州", "广州", "成都", "武汉", "南京"]
PHRASES = [
    "人形机器人产业加速集聚，",
    "核心零部件国产化率持续提升，",
    "大模型企业完成新一轮融资，",
    "市经信局印发行动方案，",
    "产值同比增长百分之二十以上。",
    "谐波减速器和伺服电机供不应求。",
    "多家整机企业发布新品。",
]


def make_corpus(folder: Path, count: int, chars: int, seed: int = 1) -> int:
    """Write `count` distinct articles of about `chars` characters; return total bytes."""
    rng = random.Random(seed)
    total = 0
    for number in range(count):
        city = rng.choice(CITIES)
        parts = [
            f"{city}人形机器人产业观察（第{number}期）\n\n{2020 + number % 6}年{1 + number % 12}月{1 + number % 28}日 来源：测试报\n\n"
        ]
        length = 0
        while length < chars:
            sentence = (
                f"{city}{rng.choice(PHRASES)}{rng.randint(1, 10**6)}号项目{rng.choice(PHRASES)}"
            )
            parts.append(sentence + ("\n\n" if rng.random() < 0.2 else ""))
            length += len(sentence)
        data = "".join(parts).encode("utf-8")
        (folder / f"{number:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def run_one(count: int, chars: int) -> dict[str, float]:
    """Ingest a fresh corpus of `count` documents in this process and measure it."""
    from industry_atlas import pipeline
    from industry_atlas.ingest import LoadOptions, expand_sources
    from industry_atlas.store.sqlite import SqliteStore

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        total_bytes = make_corpus(folder, count, chars)
        sources = expand_sources([str(folder)])
        with SqliteStore(Path(tmp) / "kb.sqlite") as store:
            start = time.perf_counter()
            outcomes = pipeline.ingest(sources, store, LoadOptions())
            elapsed = time.perf_counter() - start
        stored = sum(outcome.status == "stored" for outcome in outcomes)
    return {
        "documents": count,
        "stored": stored,
        "seconds": round(elapsed, 2),
        "docs_per_s": round(count / elapsed, 1),
        "mb_per_s": round(total_bytes / 1e6 / elapsed, 2),
        "input_mb": round(total_bytes / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--chars", type=int, default=3000, help="characters per document")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.chars)))
        return
    print(f"machine: {describe()}")
    print(
        f"{'docs':>7} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'input MB':>9} {'peak RSS MB':>12}"
    )
    for size in args.sizes:
        output = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--chars", str(args.chars)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        row = json.loads(output)
        print(
            f"{row['documents']:>7} {row['seconds']:>8} {row['docs_per_s']:>8} {row['mb_per_s']:>6} "
            f"{row['input_mb']:>9} {row['peak_rss_mb']:>12}"
        )


if __name__ == "__main__":
    main()

"""Web server load: 50 concurrent clients on /api/ask and /api/scorecard for 60 s against a
10,000-document knowledge base, on loopback only.

Usage: python bench/serve.py [--documents 10000] [--clients 50] [--seconds 60] [--db FILE]

Builds the synthetic knowledge base of bench/analyze.py (cached in the temp folder, reused
by the next run), starts `industry-atlas serve` on a free 127.0.0.1 port in its own
process, measures each question of the pool once cold (one at a time, the first time it
is asked), then runs the clients — each alternates a question from the pool and the
scorecard, with no pause — and prints requests, errors, p50/p95/p99 latency and the
machine. `--distinct` asks every question once only, so no answer comes from the cache.
Target (issue 6): 0 errors, p95 <= 200 ms. The run is bounded in time and in requests
and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httpx

from analyze import CITIES, build
from machine import describe

MAX_REQUESTS = 1_000_000  # a bound besides the time


def questions(documents: int, count: int, seed: int = 6) -> list[str]:
    """Return `count` distinct questions about the synthetic documents, one in ten about a
    company that does not exist (bench/analyze.py names its makers, products and policies
    after the document number)."""
    rng = random.Random(seed)
    asked: dict[str, None] = {}
    for _ in range(100 * count):  # bounded: some templates have few variants
        if len(asked) == count:
            break
        number = rng.randrange(documents)
        city = rng.choice(CITIES)[0]
        short = city.rstrip("市")
        templates = [
            f"星{number}型人形机器人是哪家企业推出的？",
            f"{city}机器人产业产值是多少？",
            f"{short}智造{number}号公司总部位于哪里？",
            f"{short}智造{number}号公司推出了什么产品？",
            f"虚构的星河{number}号公司营业收入是多少？",
        ]
        asked[rng.choice(templates)] = None
    return list(asked)


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """Start `industry-atlas serve` on loopback and wait until it answers."""
    server = subprocess.Popen(
        [sys.executable, "-m", "industry_atlas", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=5)
            return server
        except httpx.TransportError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)


def cold_latencies(base: str, asked: list[str]) -> list[float]:
    """Ask every question once, one at a time; return the latencies in ms."""
    timings = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for question in asked:
            started = time.perf_counter()
            client.get("/api/ask", params={"q": question}).raise_for_status()
            timings.append(1000 * (time.perf_counter() - started))
    return timings


class Connection:
    """One keep-alive HTTP/1.1 connection, as lean as a load generator needs to be.

    httpx parses responses in pure Python: with 50 clients it took a whole core and made
    the load generator, not the server, the bottleneck. Responses here are read by their
    Content-Length (the API always sends one) with asyncio's buffered reads.
    """

    def __init__(self, port: int) -> None:
        self._port = port
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, target: str) -> int:
        """Send GET `target`; return the status after reading the whole body."""
        if self._streams is None:
            self._streams = await asyncio.open_connection("127.0.0.1", self._port)
        reader, writer = self._streams
        writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{self._port}\r\n\r\n".encode())
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
        status = int(head.split(" ", 2)[1])
        length = int(head.split("content-length:", 1)[1].split("\r\n", 1)[0])
        await reader.readexactly(length)
        return status

    def close(self) -> None:
        """Close the connection."""
        if self._streams is not None:
            self._streams[1].close()


@dataclass
class LoadResult:
    """What the clients saw: latencies in ms by endpoint, errors, and how long it ran."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {"ask": [], "scorecard": []})
    errors: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def request_count(self) -> int:
        """Requests sent."""
        return sum(map(len, self.latencies.values()))


async def load(
    port: int, asked: list[str], clients: int, seconds: float, *, is_distinct: bool = False
) -> LoadResult:
    """Run `clients` clients without pause for `seconds`, each alternating a question and
    the scorecard; with `is_distinct`, no question is asked twice (no answer is cached)."""
    result = LoadResult()
    stop = time.monotonic() + seconds
    unasked = iter(asked)

    async def one_client(number: int) -> None:
        rng = random.Random(number)
        connection = Connection(port)
        turn = number
        try:
            while time.monotonic() < stop and result.request_count < MAX_REQUESTS:
                kind = "ask" if turn % 2 == 0 else "scorecard"
                target = "/api/scorecard"
                if kind == "ask":
                    question = next(unasked, None) if is_distinct else rng.choice(asked)
                    if question is None:
                        break
                    target = f"/api/ask?{urlencode({'q': question})}"
                started = time.perf_counter()
                try:
                    status = await connection.get(target)
                    if status != 200:
                        result.errors.append(f"{kind}: HTTP {status}")
                except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
                    result.errors.append(f"{kind}: {type(error).__name__}")
                    connection.close()
                    connection = Connection(port)
                result.latencies[kind].append(1000 * (time.perf_counter() - started))
                turn += 1
        finally:
            connection.close()

    started = time.monotonic()
    await asyncio.gather(*(one_client(number) for number in range(clients)))
    result.elapsed = time.monotonic() - started
    return result


def percentiles(values: list[float]) -> dict[str, float]:
    """Return p50, p95 and p99 in ms."""
    ordered = sorted(values)
    pick = [ordered[min(len(ordered) - 1, int(q * len(ordered)))] for q in (0.95, 0.99)]
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(pick[0], 1),
        "p99_ms": round(pick[1], 1),
    }


def main() -> None:
    """Build or reuse the knowledge base, serve it, load it, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--questions", type=int, default=200, help="distinct questions asked")
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="never ask a question twice: every answer is computed, none comes from the cache",
    )
    parser.add_argument("--db", type=Path, help="knowledge base to build or reuse")
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"atlas-bench-serve-{args.documents}.sqlite"
    build_s = 0.0 if db.exists() else build(db, args.documents)
    # a fresh copy each run: the server's caches start cold, the cached build stays clean
    work = Path(tempfile.mkdtemp(prefix="atlas-bench-serve-")) / "atlas.sqlite"
    work.write_bytes(db.read_bytes())
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # with --distinct the pool must outlast the run: ~200 questions a second at most
    asked = questions(args.documents, int(250 * args.seconds) if args.distinct else args.questions)
    server = start_server(work, port)
    try:
        started = time.perf_counter()
        httpx.get(f"{base}/api/scorecard", timeout=120).raise_for_status()
        scorecard_cold_s = time.perf_counter() - started
        cold = cold_latencies(base, asked[: args.questions])
        pool = asked[args.questions :] if args.distinct else asked
        result = asyncio.run(
            load(port, pool, args.clients, args.seconds, is_distinct=args.distinct)
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = result.latencies
    everything = [value for values in latencies.values() for value in values]
    figures = {
        "documents": args.documents,
        "build_s": round(build_s, 1),
        "clients": args.clients,
        "answers_cached": not args.distinct,
        "seconds": round(result.elapsed, 1),
        "requests": result.request_count,
        "requests_per_s": round(result.request_count / result.elapsed, 1),
        "errors": len(result.errors),
        "error_kinds": sorted(set(result.errors))[:10],
        "all": percentiles(everything),
        "ask": {"requests": len(latencies["ask"]), **percentiles(latencies["ask"])},
        "scorecard": {
            "requests": len(latencies["scorecard"]),
            **percentiles(latencies["scorecard"]),
        },
        "cold_ask_one_at_a_time": {"questions": len(cold), **percentiles(cold)},
        "cold_scorecard_s": round(scorecard_cold_s, 2),
        "machine": describe(),
        "load": os.getloadavg()[0],
    }
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

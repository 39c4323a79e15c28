"""The API over a real uvicorn server on a free loopback port, and `industry-atlas serve`
itself: it starts, serves, and refuses what it should."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from industry_atlas.cli.serve import is_loopback
from tests.web.conftest import LiveServer, free_port


def test_a_real_server_answers_concurrent_clients(live_server: LiveServer) -> None:
    questions = ["深圳有哪几款人形机器人？", "优必选的总部在哪里？", "达闼机器人的营业收入是多少？"]
    paths = [
        "/api/scorecard",
        "/api/documents?limit=5",
        "/",
        *[f"/api/ask?q={q}" for q in questions],
    ]
    with (
        httpx.Client(base_url=live_server.url, timeout=30) as client,
        ThreadPoolExecutor(8) as pool,
    ):
        responses = list(pool.map(client.get, paths * 4))
    assert [r.status_code for r in responses] == [200] * len(responses)
    assert responses[0].json()["regions"]
    with httpx.Client(base_url=live_server.url) as client:
        missing = client.get("/api/documents/nope")
    assert missing.status_code == 404 and missing.json() == {
        "ok": False,
        "error": "no document has the id 'nope'",
        "status": 404,
    }


def test_industry_atlas_serve_serves_the_knowledge_base(sample_db: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "industry_atlas",
            "serve",
            "--db",
            str(sample_db),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "INDUSTRY_ATLAS_TOKEN": ""},
    )
    try:
        reply = _wait_for(f"http://127.0.0.1:{port}/api/documents?limit=1")
        assert reply.json()["total"] >= 20
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in output
    assert "Traceback" not in output


def test_serve_refuses_a_missing_knowledge_base(cli, tmp_path: Path) -> None:
    result = cli("serve", "--db", str(tmp_path / "missing.sqlite"))
    assert result.exit_code == 1
    assert "no knowledge base here" in result.stderr


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.5", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("atlas.example.org", False),
    ],
)
def test_only_loopback_hosts_count_as_local(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def _wait_for(url: str) -> httpx.Response:
    deadline = time.monotonic() + 30
    while True:
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)

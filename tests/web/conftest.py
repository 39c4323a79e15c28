"""Web fixtures: apps over real knowledge bases (the sample corpus), a real uvicorn server
on a free loopback port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from industry_atlas.config import Settings
from industry_atlas.web import create_app

BASE_URL = "http://127.0.0.1"


def settings_for(db: Path, **changes: Any) -> Settings:
    """Settings for a test: this knowledge base, no token unless given."""
    return Settings(**{"db": db, "token": None, **changes})


def client_of(app: FastAPI) -> TestClient:
    """A client speaking to `app` as a browser on this machine would (Host 127.0.0.1);
    server errors come back as responses, as a real client sees them."""
    return TestClient(app, base_url=BASE_URL, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def client(sample_db: Path) -> Iterator[TestClient]:
    """A client of the sample-corpus knowledge base, for tests that only read."""
    with client_of(create_app(settings_for(sample_db))) as test_client:
        yield test_client


@pytest.fixture
def writable_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample-corpus knowledge base, for tests that write."""
    copy = tmp_path / "kb" / "atlas.sqlite"
    copy.parent.mkdir()
    shutil.copy(sample_db, copy)
    return copy


@pytest.fixture
def make_client(writable_db: Path) -> Iterator[Callable[..., TestClient]]:
    """Build clients of apps over `writable_db` with other settings or bindings."""
    clients: list[TestClient] = []

    def make(*, is_public: bool = False, **changes: Any) -> TestClient:
        app = create_app(settings_for(writable_db, **changes), is_public=is_public)
        test_client = client_of(app).__enter__()
        clients.append(test_client)
        return test_client

    yield make
    for test_client in clients:
        test_client.__exit__(None, None, None)


def free_port() -> int:
    """A TCP port nothing listens on at the moment, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LiveServer:
    """uvicorn serving an app on a free loopback port in a thread."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A real server over a copy of the sample knowledge base (browser tests upload to it)."""
    copy = tmp_path_factory.mktemp("live") / "atlas.sqlite"
    shutil.copy(sample_db, copy)
    with LiveServer(create_app(settings_for(copy))) as server:
        yield server

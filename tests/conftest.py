"""Shared fixtures: the seed page from ../shared, fresh knowledge bases, the CLI runner."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from industry_atlas.cli import app
from industry_atlas.core.models import Document, Fact

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "seed.txt"
ARTIFACTS = REPO / "test-artifacts"  # screenshots of the browser tests
CHROMIUM = Path("/usr/bin/chromium")  # Debian's; Playwright never downloads a browser
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.fail(f"the seed page is missing: {SEED} (CI places ../shared beside the repo)")
    return SEED


@pytest.fixture
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kb.sqlite"


CliResult = Callable[..., "object"]


@pytest.fixture
def cli() -> Callable[..., object]:
    """Run `industry-atlas ARGS...` in-process; returns click's Result (stdout, stderr, exit_code)."""
    runner = CliRunner()

    def invoke(*args: str, input: bytes | str | None = None) -> object:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


def dump(db: Path) -> list[str]:
    """Every statement needed to rebuild the database: equal dumps mean equal contents."""
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


def assert_grounded(document: Document, fact: Fact) -> None:
    """Every evidence span of `fact` slices `document.text` back to its quote."""
    assert fact.evidence, f"{fact} has no evidence"
    for span in fact.evidence:
        assert span.is_grounded_in(document), f"{span} is not grounded in {document.doc_id}"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base built from ../shared/seed/seed.txt (shared by the analysis tests)."""
    if not SEED.exists():
        pytest.fail(f"the seed page is missing: {SEED} (CI places ../shared beside the repo)")
    db = tmp_path_factory.mktemp("seed") / "seed.sqlite"
    result = CliRunner().invoke(app, ["ingest", str(SEED), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus knowledge base, as `industry-atlas demo` builds it."""
    folder = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(app, ["demo", "--out", str(folder)])
    assert result.exit_code == 0, result.output
    return folder / "atlas.sqlite"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright, shared by a test module."""
    from playwright.sync_api import Error, sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing (Tip: apt-get install -y chromium; .ci/run does)")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(f"Chromium at {CHROMIUM} did not start: {error}")
        yield launched
        launched.close()

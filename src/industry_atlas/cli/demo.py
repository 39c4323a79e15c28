"""`industry-atlas demo`: build a knowledge base from the bundled sample corpus, offline."""

from __future__ import annotations

import sqlite3
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from industry_atlas import pipeline
from industry_atlas.cli.common import JsonOption, print_json, stdout
from industry_atlas.config import get_settings
from industry_atlas.core.models import DocumentSummary
from industry_atlas.extract import get_extractor
from industry_atlas.ingest import LoadOptions, expand_sources
from industry_atlas.store.sqlite import SqliteStore


def sample_corpus() -> Path:
    """Return the folder of the sample documents shipped inside the package."""
    return Path(str(resources.files("industry_atlas") / "samples" / "docs"))


def demo(
    out: Annotated[
        Path,
        typer.Option(help="Folder for the demo knowledge base.", file_okay=False, metavar="DIR"),
    ] = Path("atlas-demo"),
    as_json: JsonOption = False,
) -> None:
    """Build a knowledge base from the bundled sample corpus — 25 Chinese articles in five
    formats — extract their facts and summarize them (no network, no API key).

    Example: industry-atlas demo --out /tmp/atlas-demo
    """
    out.mkdir(parents=True, exist_ok=True)
    db = out / "atlas.sqlite"
    sources = expand_sources([str(sample_corpus())])
    with SqliteStore(db) as store:
        outcomes = pipeline.ingest(
            sources,
            store,
            LoadOptions(),
            extractor=get_extractor(),
            near_duplicate_threshold=get_settings().near_duplicate_threshold,
        )
        rows = store.documents()
    summary = {
        "db": str(db),
        "documents": len(rows),
        "copies": sum(1 for row in rows if row.duplicate_of),
        "characters": sum(row.char_count for row in rows),
        "formats": dict(Counter(row.format for row in rows)),
        "facts": _fact_counts(db),
        "failed": [o.source for o in outcomes if o.status == "failed"],
    }
    if as_json:
        print_json(summary)
    else:
        _print_summary(summary, rows)
    if summary["failed"]:
        raise typer.Exit(1)


def _fact_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(
            conn.execute("SELECT kind, count(*) FROM facts GROUP BY kind ORDER BY count(*) DESC")
        )


def _print_summary(summary: dict[str, Any], rows: list[DocumentSummary]) -> None:
    table = Table("title", "published", "format", "chars", "copy of", title="Sample corpus")
    for row in rows:
        table.add_row(
            Text(row.title),
            str(row.published or "—"),
            row.format,
            f"{row.char_count:,}",
            row.duplicate_of or "",
        )
    stdout.print(table)
    facts = ", ".join(f"{count} {kind}" for kind, count in summary["facts"].items())
    stdout.print(
        f"Knowledge base {escape(summary['db'])}: {summary['documents']} documents "
        f"({summary['copies']} syndicated copies), {summary['characters']:,} characters."
    )
    stdout.print(f"Facts: {facts}.")
    stdout.print(f"Next: industry-atlas facts --type metric --db {escape(summary['db'])}")

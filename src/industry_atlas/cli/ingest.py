"""`industry-atlas ingest`: read documents into the knowledge base."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from industry_atlas import pipeline
from industry_atlas.cli.common import DbOption, JsonOption, open_store, print_json, stderr, stdout
from industry_atlas.config import get_settings
from industry_atlas.core.models import IngestOutcome, PartialDate
from industry_atlas.core.protocols import DocumentStore, Extractor
from industry_atlas.extract import DEFAULT_EXTRACTOR, get_extractor
from industry_atlas.ingest import LoadOptions, Source, expand_sources


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or folders to read; '-' reads stdin.", metavar="PATH"),
    ],
    db: DbOption = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for these documents.",
            metavar="DATE",
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            help="Source label (e.g. 中国电子报) instead of the file path.", metavar="TEXT"
        ),
    ] = None,
    max_mb: Annotated[
        float | None, typer.Option(help="Reject inputs over this size [default: 50].", metavar="MB")
    ] = None,
    extractor: Annotated[
        str,
        typer.Option(
            "--extractor",
            help="Extraction backend, or 'none' to store documents only.",
            metavar="NAME",
        ),
    ] = DEFAULT_EXTRACTOR,
    as_json: JsonOption = False,
) -> None:
    """Read documents (.txt .md .html .pdf .docx, any Chinese encoding) into the knowledge base.

    Re-ingesting a document changes nothing; copies of an article are linked to the first.
    Bad files are reported one line each, the others go on; the exit code is 1 if any
    failed.

    Example: industry-atlas ingest ../shared/seed/seed.txt news/ --db kb.sqlite
    """
    settings = get_settings()
    options = LoadOptions(
        max_bytes=int((max_mb or settings.max_file_mb) * 1_000_000),
        published=_parse_date(date),
        source=source,
    )
    sources = expand_sources(paths)
    with open_store(db, must_exist=False) as store:
        backend = None if extractor == "none" else get_extractor(extractor)
        outcomes = _run_with_progress(
            sources, store, options, settings.near_duplicate_threshold, backend
        )
        path = store.path
    if as_json:
        print_json([asdict(outcome) for outcome in outcomes])
    else:
        _print_summary(outcomes, path)
    if any(outcome.status == "failed" for outcome in outcomes):
        raise typer.Exit(1)


def _parse_date(value: str | None) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--date") from error


def _run_with_progress(
    sources: list[Source],
    store: DocumentStore,
    options: LoadOptions,
    threshold: float,
    extractor: Extractor | None,
) -> list[IngestOutcome]:
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=stderr,
        transient=True,
        disable=len(sources) < 2,
    )
    with progress:
        task = progress.add_task("", total=len(sources))

        def report(outcome: IngestOutcome) -> None:
            if outcome.status == "failed":
                progress.console.print(
                    f"[red]Error:[/] {escape(outcome.source)}: {escape(outcome.reason or '')}"
                )
            progress.update(task, advance=1, description=escape(Path(outcome.source).name))

        return pipeline.ingest(
            sources,
            store,
            options,
            extractor=extractor,
            near_duplicate_threshold=threshold,
            on_outcome=report,
        )


def _print_summary(outcomes: list[IngestOutcome], db: Path) -> None:
    for outcome in outcomes:
        if outcome.status == "stored" and outcome.duplicate_of:
            stdout.print(
                f"[yellow]copy[/]   {escape(outcome.source)} → duplicate of {outcome.duplicate_of}"
            )
        elif outcome.status == "stored":
            stdout.print(
                f"[green]stored[/] {escape(outcome.source)} ({outcome.doc_id}, {outcome.fact_count} facts)"
            )
        elif outcome.status == "unchanged":
            stdout.print(
                f"[dim]same[/]   {escape(outcome.source)} (already stored as {outcome.doc_id})"
            )
    counts = {
        status: sum(o.status == status for o in outcomes)
        for status in ("stored", "unchanged", "failed")
    }
    stdout.print(
        f"{counts['stored']} stored, {counts['unchanged']} unchanged, {counts['failed']} failed → {escape(str(db))}"
    )

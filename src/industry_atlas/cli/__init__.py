"""The `industry-atlas` command: flat verbs over the library (an edge; imports pipeline)."""

from __future__ import annotations

from typing import Annotated

import typer

from industry_atlas import __version__
from industry_atlas.cli.analyze import chain, findings, timeline
from industry_atlas.cli.ask import ask, eval_ask
from industry_atlas.cli.common import AtlasGroup
from industry_atlas.cli.demo import demo
from industry_atlas.cli.documents import documents, show
from industry_atlas.cli.extract import evaluate, extract
from industry_atlas.cli.facts import entities, facts
from industry_atlas.cli.ingest import ingest
from industry_atlas.cli.ner import ner
from industry_atlas.cli.report import report
from industry_atlas.cli.scorecard import scorecard
from industry_atlas.cli.serve import serve

app = typer.Typer(
    cls=AtlasGroup,
    name="industry-atlas",
    help="Source-grounded knowledge base of Chinese emerging-industry news and policies.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)
for command in (
    ingest,
    documents,
    show,
    extract,
    facts,
    entities,
    ner,
    demo,
    scorecard,
    timeline,
    chain,
    findings,
    report,
    ask,
    serve,
):
    app.command()(command)
app.command(name="eval")(evaluate)
app.command(name="eval-ask")(eval_ask)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"industry-atlas {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    ctx.obj = {"debug": debug}


def main() -> None:
    """Run the command line."""
    app()

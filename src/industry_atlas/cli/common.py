"""What every command shares: the error boundary, the --db and --json options, output helpers.

The CLI is an edge: it parses options, calls one library function and formats the result.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from industry_atlas.config import get_settings
from industry_atlas.core.errors import AtlasError
from industry_atlas.store.sqlite import SqliteStore

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Knowledge-base SQLite file [default: $INDUSTRY_ATLAS_DB or ./atlas.sqlite].",
        dir_okay=False,
        show_default=False,
        metavar="FILE",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class AtlasGroup(TyperGroup):
    """The command group; turns any error into one "Error: ..." line and exit code 1.

    Tracebacks are shown only with --debug: a user should never need one to know what to do.
    """

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.TyperException, typer.Exit, typer.Abort):
            raise
        except AtlasError as error:
            if _debug(ctx):
                raise
            fail(str(error))
        except Exception as error:
            if _debug(ctx):
                raise
            fail(
                f"internal error: {type(error).__name__}: {error} "
                "(Tip: rerun with --debug for the traceback and report it)"
            )


def fail(message: str) -> NoReturn:
    """Print "Error: message" to stderr and exit with code 1."""
    stderr.print(Text("Error: ", style="bold red") + Text(message))
    raise typer.Exit(1)


def _debug(ctx: typer.Context) -> bool:
    return bool(ctx.obj and ctx.obj.get("debug"))


def resolve_db(db: Path | None) -> Path:
    """Return the database path from --db or the settings."""
    return db if db is not None else get_settings().db


@contextmanager
def open_store(db: Path | None, *, must_exist: bool = True) -> Iterator[SqliteStore]:
    """Open the knowledge base; reading commands refuse to create an empty one by accident."""
    path = resolve_db(db)
    if must_exist and not path.exists():
        raise AtlasError(
            f"{path}: no knowledge base here (Tip: build one with 'industry-atlas ingest FILES --db {path}')"
        )
    with SqliteStore(path) as store:
        yield store


def print_json(data: Any) -> None:
    """Write `data` as indented UTF-8 JSON to stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")

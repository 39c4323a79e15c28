"""`industry-atlas serve`: the web dashboard and REST API over a knowledge base."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from industry_atlas.cli.common import DbOption, resolve_db, stderr, stdout
from industry_atlas.config import get_settings
from industry_atlas.core.errors import AtlasError

LOOPBACK_NAMES = frozenset({"localhost"})


def serve(
    db: DbOption = None,
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on; anything but loopback is reachable by other machines."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
) -> None:
    """Serve the dashboard (scorecard, documents, entities, timeline, chain, findings, ask,
    upload) and the REST API (/api/…, schema at /openapi.json) with uvicorn.

    On 127.0.0.1 (the default) anyone on this machine may upload. On any other address
    uploads need INDUSTRY_ATLAS_TOKEN (as 'Authorization: Bearer <token>') and are off
    without it; reading stays open.

    Example: industry-atlas serve --db kb.sqlite --port 8000
    """
    # fastapi and uvicorn load here, not at import: every other command starts faster
    import uvicorn

    from industry_atlas.web import create_app

    path = resolve_db(db)
    if not path.exists():
        raise AtlasError(
            f"{path}: no knowledge base here (Tip: build one with 'industry-atlas demo' or 'industry-atlas ingest FILES --db {path}')"
        )
    settings = get_settings().model_copy(update={"db": path})
    is_public = not is_loopback(host)
    if is_public and settings.token is None:
        stderr.print(
            f"Warning: {host} is reachable from other machines and INDUSTRY_ATLAS_TOKEN is not set: "
            "uploads are off (reading stays open)."
        )
    stdout.print(f"Industry Atlas on http://{_url_host(host)}:{port}/ ← {path} (Ctrl+C stops)")
    app = create_app(settings, is_public=is_public)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def is_loopback(host: str) -> bool:
    """True when `host` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host

"""Build the web app: the REST API under /api, the dashboard pages, static files.

Part of web. Nothing happens at import: `create_app(settings)` builds an app for one
knowledge base (tests build their own). CORS is off: no other site's script may read
the API. The OpenAPI schema is at /openapi.json; the interactive docs pages are off
because they load their scripts from a CDN, and the app works offline.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import SecretStr

from industry_atlas import __version__
from industry_atlas.analyze.display import fact_statement
from industry_atlas.config import Settings
from industry_atlas.web.analyses import Analyses
from industry_atlas.web.deps import WebState
from industry_atlas.web.errors import install_error_handlers
from industry_atlas.web.guards import LOOPBACK_HOSTS, BodyLimit, HostGuard, SecurityHeaders
from industry_atlas.web.knowledge import KnowledgeBase
from industry_atlas.web.routes import analysis, browse, dashboard, documents, knowledge, tools
from industry_atlas.web.security import WritePolicy
from industry_atlas.web.uploads import Uploader

UPLOAD_FOLDER = "uploads"  # beside the knowledge-base file
FORM_OVERHEAD_BYTES = 1_000_000  # multipart boundaries and fields around one file


def create_app(settings: Settings, *, is_public: bool = False) -> FastAPI:
    """Return the app serving the knowledge base `settings.db`.

    Args:
        settings: the knowledge base, upload size limit, near-duplicate threshold and token.
        is_public: the server is bound to an address other machines can reach; then any
            Host name is answered and uploads need the token (they are off without one).
    """
    state = _state(settings, is_public=is_public)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        state.knowledge.prepare()
        yield
        state.knowledge.close()

    app = FastAPI(
        title="Industry Atlas",
        version=__version__,
        description="Source-grounded facts about emerging industries: every fact points to the characters of its source.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
    )
    app.state.atlas = state
    install_error_handlers(app)
    for router in (
        documents.router,
        knowledge.router,
        analysis.router,
        dashboard.router,
        browse.router,
        tools.router,
    ):
        app.include_router(router)
    app.mount("/static", StaticFiles(packages=[("industry_atlas.web", "static")]), name="static")
    app.mount("/vendor", StaticFiles(packages=[("industry_atlas.report", "assets")]), name="vendor")
    # Added last = outermost: hosts are checked first, headers are added to every answer.
    app.add_middleware(BodyLimit, max_bytes=state.max_bytes + FORM_OVERHEAD_BYTES)
    app.add_middleware(HostGuard, allowed=None if is_public else LOOPBACK_HOSTS)
    app.add_middleware(SecurityHeaders)
    return app


def _state(settings: Settings, *, is_public: bool) -> WebState:
    knowledge = KnowledgeBase(settings.db)
    environment = Environment(
        loader=PackageLoader("industry_atlas.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["statement"] = fact_statement
    return WebState(
        knowledge=knowledge,
        analyses=Analyses(knowledge),
        uploader=Uploader(
            knowledge, settings.db.parent / UPLOAD_FOLDER, settings.near_duplicate_threshold
        ),
        write_policy=WritePolicy(_token(settings), is_public),
        templates=Jinja2Templates(env=environment),
        max_bytes=int(settings.max_file_mb * 1_000_000),
    )


def _token(settings: Settings) -> SecretStr | None:
    """The configured token; an empty one (INDUSTRY_ATLAS_TOKEN=) counts as none, never as
    a token that an empty Authorization header would match."""
    token = settings.token
    return token if token is not None and token.get_secret_value().strip() else None


def _operation_id(route: APIRoute) -> str:
    """Operation ids are the route functions' names: list_documents, get_scorecard …"""
    return route.name

"""What routes receive: the app's parts and the paging parameters, as typed dependencies.

Part of web. The dependencies are `async def` on purpose: they run on the event loop,
not on a worker thread, so a route that then asks `KnowledgeBase.reader()` gets the
connection of the thread it runs on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.templating import Jinja2Templates

from industry_atlas.web.analyses import Analyses
from industry_atlas.web.knowledge import KnowledgeBase
from industry_atlas.web.security import WritePolicy
from industry_atlas.web.uploads import Uploader

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000  # far beyond any listing; keeps the number inside SQLite's integers


@dataclass(frozen=True, slots=True)
class WebState:
    """The parts of one app, built by `create_app` and kept in `app.state.atlas`."""

    knowledge: KnowledgeBase
    analyses: Analyses
    uploader: Uploader
    write_policy: WritePolicy
    templates: Jinja2Templates
    max_bytes: int


@dataclass(frozen=True, slots=True)
class Paging:
    """Which page of a listing: at most `limit` items from `offset`."""

    limit: int
    offset: int


async def _state(request: Request) -> WebState:
    state: WebState = request.app.state.atlas
    return state


async def _paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
) -> Paging:
    return Paging(limit, offset)


StateDep = Annotated[WebState, Depends(_state)]
PagingDep = Annotated[Paging, Depends(_paging)]

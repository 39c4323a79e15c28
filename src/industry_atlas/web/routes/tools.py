"""Dashboard pages that take input: the ask box and the upload page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from industry_atlas.web.deps import StateDep
from industry_atlas.web.views import answer_pieces, citation_passages

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/ask")
def ask(
    request: Request, state: StateDep, q: Annotated[str | None, Query(max_length=500)] = None
) -> Response:
    """The ask box; with `q`, the answer with numbered citations that open their passages."""
    context: dict[str, object] = {"q": q or ""}
    if q and q.strip():
        answer = state.analyses.answer(q.strip())
        context.update(
            answer=answer,
            pieces=answer_pieces(answer),
            passages=citation_passages(state.knowledge.reader(), answer),
        )
    return state.templates.TemplateResponse(request, "ask.html.j2", context)


@router.get("/upload")
def upload(request: Request, state: StateDep) -> Response:
    """The upload page: files go to POST /api/documents one by one, each with its progress
    and its outcome or error."""
    context = {"mode": state.write_policy.mode, "max_mb": state.max_bytes / 1e6}
    return state.templates.TemplateResponse(request, "upload.html.j2", context)

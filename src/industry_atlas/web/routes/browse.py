"""Dashboard pages to browse the knowledge base: documents (text with highlighted spans and
the facts they yield) and entities (aliases, region, facts, mentions)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from industry_atlas.core.models import MentionType
from industry_atlas.store.browse import FactQuery
from industry_atlas.web.deps import StateDep
from industry_atlas.web.highlight import cut
from industry_atlas.web.lookups import entity_names
from industry_atlas.web.routes.dashboard import PageNumber
from industry_atlas.web.views import MENTION_LABELS

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PER_PAGE = 50


def _pages(total: int) -> int:
    return max(1, -(-total // PER_PAGE))


@router.get("/documents")
def documents(request: Request, state: StateDep, page: PageNumber = 1) -> Response:
    """The documents, newest first."""
    listing = state.knowledge.reader().document_page(PER_PAGE, (page - 1) * PER_PAGE)
    context = {
        "documents": listing.items,
        "total": listing.total,
        "page": page,
        "pages": _pages(listing.total),
    }
    return state.templates.TemplateResponse(request, "documents.html.j2", context)


@router.get("/documents/{doc_id}")
def document(
    request: Request,
    state: StateDep,
    doc_id: str,
    hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None,
) -> Response:
    """A document: its text with the spans highlighted by type, and the facts it yields;
    `hl=START-END` points at one span (a citation's)."""
    reader = state.knowledge.reader()
    summary = reader.document_summary(doc_id)
    if summary is None:
        raise HTTPException(404, f"没有这篇文档 no document has the id {doc_id!r}")
    text = reader.get_documents([doc_id])[doc_id].text
    facts = reader.facts(doc_id=doc_id)
    target = tuple(int(part) for part in hl.split("-")) if hl else None
    context = {
        "summary": summary,
        "pieces": cut(
            text, reader.mentions_of(doc_id), facts, (target[0], target[1]) if target else None
        ),
        "facts": facts,
        "labels": MENTION_LABELS,
    }
    return state.templates.TemplateResponse(request, "document.html.j2", context)


@router.get("/entities")
def entities(
    request: Request,
    state: StateDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    type: Annotated[MentionType | None, Query()] = None,
    page: PageNumber = 1,
) -> Response:
    """The entities, most mentioned first, filtered by name and type."""
    kind = type.value if type else None
    listing = state.knowledge.reader().entity_page(kind, q, PER_PAGE, (page - 1) * PER_PAGE)
    context = {
        "entities": listing.items,
        "total": listing.total,
        "page": page,
        "pages": _pages(listing.total),
        "q": q or "",
        "type": kind or "",
        "labels": MENTION_LABELS,
    }
    return state.templates.TemplateResponse(request, "entities.html.j2", context)


@router.get("/entities/{entity_id}")
def entity(
    request: Request,
    state: StateDep,
    entity_id: str,
    facts_page: PageNumber = 1,
    mentions_page: PageNumber = 1,
) -> Response:
    """An entity: aliases, region, all its facts and all its mentions, page by page."""
    reader = state.knowledge.reader()
    stored = reader.entity(entity_id)
    if stored is None:
        raise HTTPException(404, f"没有这个实体 no entity has the id {entity_id!r}")
    names = entity_names(reader, entity_id)
    facts = reader.fact_page(FactQuery(names=names), PER_PAGE, (facts_page - 1) * PER_PAGE)
    hits = reader.mention_page(entity_id, PER_PAGE, (mentions_page - 1) * PER_PAGE)
    context = {
        "stored": stored,
        "located": reader.facts_about(names, ["located_in"]),
        "facts": facts,
        "hits": hits,
        "facts_page": facts_page,
        "facts_pages": _pages(facts.total),
        "mentions_page": mentions_page,
        "mentions_pages": _pages(hits.total),
        "labels": MENTION_LABELS,
    }
    return state.templates.TemplateResponse(request, "entity.html.j2", context)

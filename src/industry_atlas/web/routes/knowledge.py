"""REST API: entities and facts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from industry_atlas.core.models import FactKind, MentionType
from industry_atlas.store.browse import FactQuery
from industry_atlas.web.deps import PagingDep, StateDep
from industry_atlas.web.lookups import entity_names, fact_query
from industry_atlas.web.schemas import (
    EntitiesPublic,
    EntityDetailPublic,
    FactsPublic,
    MentionHitsPublic,
    entity_public,
    error_responses,
    fact_public,
    hit_public,
)

router = APIRouter(prefix="/api", tags=["knowledge"])
DETAIL_ITEMS = 50  # facts and mentions an entity's detail lists (more through /api/facts)


@router.get("/entities", response_model=EntitiesPublic)
def list_entities(
    state: StateDep,
    paging: PagingDep,
    type: Annotated[MentionType | None, Query(description="Only entities of this type.")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Name or alias contains this.")
    ] = None,
) -> EntitiesPublic:
    """List the entities resolved across documents, most mentioned first."""
    page = state.knowledge.reader().entity_page(
        type.value if type else None, q, paging.limit, paging.offset
    )
    return EntitiesPublic(
        items=[entity_public(row) for row in page.items],
        total=page.total,
        limit=paging.limit,
        offset=paging.offset,
    )


@router.get(
    "/entities/{entity_id}",
    response_model=EntityDetailPublic,
    responses=error_responses(404),
)
def get_entity(entity_id: str, state: StateDep) -> EntityDetailPublic:
    """Return an entity: its aliases, where it is, its first facts and mentions."""
    reader = state.knowledge.reader()
    stored = reader.entity(entity_id)
    if stored is None:
        raise HTTPException(404, f"no entity has the id {entity_id!r}")
    names = entity_names(reader, entity_id)
    facts = reader.fact_page(FactQuery(names=names), DETAIL_ITEMS, 0)
    hits = reader.mention_page(entity_id, DETAIL_ITEMS, 0)
    return EntityDetailPublic(
        **entity_public(stored).model_dump(),
        located_in=[fact_public(s) for s in reader.facts_about(names, ["located_in"])],
        facts=FactsPublic(
            items=[fact_public(s) for s in facts.items],
            total=facts.total,
            limit=DETAIL_ITEMS,
            offset=0,
        ),
        mention_hits=MentionHitsPublic(
            items=[hit_public(h) for h in hits.items],
            total=hits.total,
            limit=DETAIL_ITEMS,
            offset=0,
        ),
    )


@router.get("/facts", response_model=FactsPublic, responses=error_responses(422))
def list_facts(
    state: StateDep,
    paging: PagingDep,
    type: Annotated[FactKind | None, Query(description="Only facts of this kind.")] = None,
    region: Annotated[
        str | None,
        Query(max_length=100, description="Only facts placed in this region (北京, 浦东新区 …)."),
    ] = None,
    entity: Annotated[
        str | None, Query(max_length=200, description="Only facts about this entity (id or name).")
    ] = None,
    doc: Annotated[
        str | None, Query(max_length=100, description="Only facts of this document (id).")
    ] = None,
) -> FactsPublic:
    """List facts with their evidence, in document and text order."""
    reader = state.knowledge.reader()
    query = fact_query(reader, type.value if type else None, region, entity, doc)
    page = reader.fact_page(query, paging.limit, paging.offset)
    return FactsPublic(
        items=[fact_public(s) for s in page.items],
        total=page.total,
        limit=paging.limit,
        offset=paging.offset,
    )

"""REST API: the scorecard and the evidence of its cells, the timeline, the industry chain,
the consistency findings, and answers to questions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from industry_atlas.analyze import ChainOptions, ScorecardOptions, TimelineOptions
from industry_atlas.analyze.export import chain_json, findings_json, timeline_json
from industry_atlas.analyze.timeline import KINDS
from industry_atlas.web.deps import Paging, PagingDep, StateDep
from industry_atlas.web.export import Detail, cell_evidence
from industry_atlas.web.schemas import AnswerPublic, error_responses
from industry_atlas.web.views import top_members

router = APIRouter(prefix="/api", tags=["analysis"])
Industry = Annotated[
    str, Query(max_length=64, description="Industry pack: humanoid_robots, large_models.")
]
Regions = Annotated[
    str | None,
    Query(
        max_length=500, description="Comma-separated regions [default: every city with evidence]."
    ),
]
Region = Annotated[
    str | None, Query(max_length=100, description="Only this region and what lies inside it.")
]
CHAIN_MEMBERS = 40  # companies per node of the chain, best evidenced first


def scorecard_options(industry: str, regions: str | None) -> ScorecardOptions:
    """Return the scorecard options of the query parameters."""
    names = tuple(name.strip() for name in (regions or "").split(",") if name.strip())
    return ScorecardOptions(industry=industry, regions=names or None)


@router.get("/scorecard", responses=error_responses(422))
def get_scorecard(
    state: StateDep,
    industry: Industry = "humanoid_robots",
    regions: Regions = None,
    detail: Annotated[
        Detail, Query(description="summary: counts and evidence links; full: `scorecard --json`.")
    ] = "summary",
) -> Response:
    """Compare regions on six dimensions with a transparent weighted score; every cell
    links to the facts behind it (`evidence_url`)."""
    options = scorecard_options(industry, regions)
    body = state.analyses.scorecard_bytes(options, detail)
    return Response(body, media_type="application/json")


@router.get("/scorecard/evidence", responses=error_responses(404, 422))
def get_scorecard_evidence(
    state: StateDep,
    paging: PagingDep,
    region: Annotated[str, Query(max_length=100, description="A region of the scorecard.")],
    indicator: Annotated[str, Query(max_length=64, description="An indicator id, e.g. products.")],
    industry: Industry = "humanoid_robots",
    regions: Regions = None,
) -> dict[str, Any]:
    """Return the facts behind one cell, each with its source passages (evidence marked)."""
    card = state.analyses.scorecard(scorecard_options(industry, regions))
    try:
        region_card = card.region(region)
        cell = region_card.cell(indicator)
    except KeyError:
        raise HTTPException(404, f"no cell {region!r} · {indicator!r} on this scorecard") from None
    reader = state.knowledge.reader()
    return cell_evidence(reader, region_card.name, cell, paging.limit, paging.offset)


@router.get("/timeline", responses=error_responses(422))
def get_timeline(
    state: StateDep,
    paging: PagingDep,
    region: Region = None,
    kind: Annotated[
        str | None, Query(max_length=32, description=f"One of {', '.join(KINDS)}.")
    ] = None,
) -> dict[str, Any]:
    """List what happened when (policies, releases, financings …), oldest first, undated last."""
    entries = state.analyses.timeline(TimelineOptions(region=region or None, kind=kind or None))
    shown = entries[paging.offset : paging.offset + paging.limit]
    return {"items": timeline_json(shown), "total": len(entries), **_paging(paging)}


@router.get("/chain", responses=error_responses(422))
def get_chain(
    state: StateDep,
    region: Region = None,
    industry: Industry = "humanoid_robots",
    members: Annotated[
        int, Query(ge=1, le=1000, description="Companies per node.")
    ] = CHAIN_MEMBERS,
) -> dict[str, Any]:
    """Return the industry chain: components and their suppliers, bodies and models with
    their makers, applications; each node lists its best-evidenced members."""
    chain = state.analyses.chain(ChainOptions(industry=industry, region=region or None))
    data = chain_json(top_members(chain, members))
    for node, full in zip(data["nodes"], chain.nodes, strict=True):
        node["member_count"] = len(full.members)
    return data


@router.get("/findings")
def get_findings(state: StateDep, paging: PagingDep) -> dict[str, Any]:
    """List where the sources disagree, each finding with both citations."""
    found = state.analyses.findings()
    shown = found[paging.offset : paging.offset + paging.limit]
    return {"items": findings_json(shown), "total": len(found), **_paging(paging)}


@router.get(
    "/ask",
    response_model=AnswerPublic,
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}, **error_responses(422)},
)
def ask(
    state: StateDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="A question, in Chinese.")],
) -> Response:
    """Answer a question from the knowledge base, citing the exact spans; the JSON is that
    of `industry-atlas ask --json`."""
    body = state.analyses.answer_bytes(q.strip() or q)
    return Response(body, media_type="application/json")


def _paging(paging: Paging) -> dict[str, int]:
    return {"limit": paging.limit, "offset": paging.offset}

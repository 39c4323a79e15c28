"""Dashboard pages of the analyses: the region race (home), timeline, industry chain, findings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from industry_atlas.analyze import ChainOptions, TimelineOptions
from industry_atlas.analyze.timeline import KINDS
from industry_atlas.report.charts import chain_chart, policy_chart, scorecard_charts, to_json
from industry_atlas.web.deps import StateDep
from industry_atlas.web.routes.analysis import (
    CHAIN_MEMBERS,
    Industry,
    Region,
    Regions,
    scorecard_options,
)
from industry_atlas.web.views import finding_sides, scorecard_rows, top_members

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
ROWS_PER_PAGE = 100
CHART_POLICIES = 3000  # dated policies drawn on the timeline chart (the latest)
PageNumber = Annotated[int, Query(ge=1, le=100_000)]


@router.get("/")
def home(
    request: Request,
    state: StateDep,
    industry: Industry = "humanoid_robots",
    regions: Regions = None,
) -> Response:
    """The region race: the scorecard table and its charts; a cell opens its evidence."""
    card = state.analyses.scorecard(scorecard_options(industry, regions))
    charts = [
        {"id": chart_id, "title": title, "json": to_json(options)}
        for chart_id, title, options in scorecard_charts(card)
    ]
    context = {
        "card": card,
        "rows": scorecard_rows(card),
        "charts": charts,
        "industry": industry,
        "regions": regions or "",
    }
    return state.templates.TemplateResponse(request, "home.html.j2", context)


@router.get("/timeline")
def timeline(
    request: Request,
    state: StateDep,
    region: Region = None,
    kind: Annotated[str | None, Query(max_length=32)] = None,
    page: PageNumber = 1,
) -> Response:
    """What happened when, with a chart of the dated policies."""
    entries = state.analyses.timeline(TimelineOptions(region=region or None, kind=kind or None))
    policies = [e for e in entries if e.kind == "policy" and e.date][-CHART_POLICIES:]
    first = (page - 1) * ROWS_PER_PAGE
    context = {
        "entries": entries[first : first + ROWS_PER_PAGE],
        "total": len(entries),
        "page": page,
        "pages": max(1, -(-len(entries) // ROWS_PER_PAGE)),
        "region": region or "",
        "kind": kind or "",
        "kinds": KINDS,
        "chart": to_json(policy_chart(policies)),
    }
    return state.templates.TemplateResponse(request, "timeline.html.j2", context)


@router.get("/chain")
def chain(
    request: Request, state: StateDep, region: Region = None, industry: Industry = "humanoid_robots"
) -> Response:
    """The supply-chain map: a Sankey of components, suppliers and cities, and every node."""
    full = state.analyses.chain(ChainOptions(industry=industry, region=region or None))
    shown = top_members(full, CHAIN_MEMBERS)
    totals = {node.key: len(node.members) for node in full.nodes}
    context = {
        "chain": shown,
        "totals": totals,
        "region": region or "",
        "industry": industry,
        "chart": to_json(chain_chart(shown)),
    }
    return state.templates.TemplateResponse(request, "chain.html.j2", context)


@router.get("/findings")
def findings(request: Request, state: StateDep, page: PageNumber = 1) -> Response:
    """Where the sources disagree, each finding with both cited passages."""
    found = state.analyses.findings()
    first = (page - 1) * ROWS_PER_PAGE
    shown = found[first : first + ROWS_PER_PAGE]
    context = {
        "findings": finding_sides(state.knowledge.reader(), shown),
        "total": len(found),
        "page": page,
        "pages": max(1, -(-len(found) // ROWS_PER_PAGE)),
    }
    return state.templates.TemplateResponse(request, "findings.html.j2", context)

"""The report's content as plain data for the templates: tables, chart data, and one
evidence panel per number (its facts with the source passages, evidence marked).

Part of report; imports core and analyze results. Text stays text here: the HTML template
escapes it (autoescape), the Markdown renderer escapes it too, so a hostile document
("<script>", "\"><img onerror=…>") shows as characters, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from industry_atlas.analyze.display import cell_text
from industry_atlas.analyze.model import Derived, Finding, Passage, Scorecard
from industry_atlas.analyze.overview import EVIDENCE_PER_NUMBER, Overview, citation_key
from industry_atlas.report.charts import (
    chain_chart,
    policy_chart,
    products_chart,
    scorecard_charts,
    to_json,
)

NAMES_SHOWN = 30  # products listed per city in the products table


class _Panels:
    """Collects the evidence panels numbers link to."""

    def __init__(self, overview: Overview) -> None:
        self.overview = overview
        self.panels: list[dict[str, Any]] = []

    def add(
        self, title: str, fact_ids: Sequence[str], derived: Sequence[Derived] = ()
    ) -> str | None:
        """Add a panel for a number; return its element id (None when nothing backs it)."""
        keys = [*fact_ids[:EVIDENCE_PER_NUMBER], *(s.key for s in derived[:EVIDENCE_PER_NUMBER])]
        items = [self.overview.evidence[key] for key in keys if key in self.overview.evidence]
        if not items:
            return None
        panel_id = f"ev-{len(self.panels) + 1}"
        more = max(len(fact_ids) - EVIDENCE_PER_NUMBER, 0) + max(
            len(derived) - EVIDENCE_PER_NUMBER, 0
        )
        self.panels.append(
            {
                "id": panel_id,
                "title": title,
                "entries": [
                    {"statement": item.statement, "passages": [_passage(p) for p in item.passages]}
                    for item in items
                ],
                "more": more,
            }
        )
        return panel_id


def report_view(overview: Overview, source: str, generated: str) -> dict[str, Any]:
    """Return the template context of a report on `overview`."""
    panels = _Panels(overview)
    card = overview.scorecard
    charts = [
        {"id": chart_id, "title": title, "json": to_json(options)}
        for chart_id, title, options in scorecard_charts(card)
    ]
    return {
        "source": source,
        "generated": generated,
        "industry": card.industry,
        "regions": [
            {"name": r.name, "rank": r.rank, "score": f"{r.score:.1f}"} for r in card.regions
        ],
        "rows": _rows(card, panels),
        "charts": charts,
        "policy_chart": to_json(policy_chart(overview.timeline)),
        "products_chart": to_json(products_chart(card)),
        "chain_chart": to_json(chain_chart(overview.chain)),
        "timeline": _timeline(overview, panels),
        "apart": [_entry(e, panels) for e in card.apart],
        "products": _products(card, panels),
        "chain": _chain(overview, panels),
        "experts": _experts(card, panels),
        "findings": _findings(overview),
        "totals": dict(overview.totals),
        "panels": panels.panels,
    }


def _rows(card: Scorecard, panels: _Panels) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for dimension in card.dimensions:
        scores = [
            next(
                f"{d.score:.1f}" if d.score is not None else "—"
                for d in r.dimensions
                if d.dimension == dimension.id
            )
            for r in card.regions
        ]
        rows.append(
            {
                "dimension": True,
                "label": f"{dimension.zh} {dimension.en}",
                "weight": dimension.weight,
                "cells": scores,
            }
        )
        for indicator in (i for i in card.indicators if i.dimension == dimension.id):
            cells = []
            for region in card.regions:
                cell = region.cell(indicator.id)
                title = f"{region.name} · {indicator.zh} {indicator.en}: {cell_text(cell)}"
                panel = panels.add(title, cell.fact_ids, cell.derived)
                cells.append(
                    {
                        "text": cell_text(cell),
                        "panel": panel,
                        "disclosed": cell.is_disclosed,
                        "note": cell.note,
                    }
                )
            label = f"{indicator.zh} {indicator.en}"
            rows.append(
                {"dimension": False, "label": label, "weight": indicator.weight, "cells": cells}
            )
    return rows


def _timeline(overview: Overview, panels: _Panels) -> list[dict[str, Any]]:
    return [_entry(entry, panels) for entry in overview.timeline]


def _entry(entry: Any, panels: _Panels) -> dict[str, Any]:
    date = str(entry.date) if entry.date else "—"
    return {
        "date": date,
        "kind": entry.kind,
        "subject": entry.subject,
        "detail": entry.detail,
        "region": entry.region or "—",
        "panel": panels.add(f"{date} {entry.subject}", entry.fact_ids),
    }


def _products(card: Scorecard, panels: _Panels) -> list[dict[str, Any]]:
    rows = []
    for region in card.regions:
        cell = region.cell("products")
        if not cell.is_disclosed:
            continue
        title = f"{region.name} · 产品 products: {cell_text(cell)}"
        rows.append(
            {
                "region": region.name,
                "years": ", ".join(f"{year}: {count}" for year, count in cell.breakdown),
                "text": cell_text(cell),
                "names": list(cell.items[:NAMES_SHOWN])
                + (
                    [f"… +{len(cell.items) - NAMES_SHOWN}"] if len(cell.items) > NAMES_SHOWN else []
                ),
                "note": cell.note,
                "panel": panels.add(title, cell.fact_ids),
            }
        )
    return rows


def _chain(overview: Overview, panels: _Panels) -> list[dict[str, Any]]:
    labels = {
        "upstream": "上游：核心零部件 Upstream: components",
        "midstream": "中游：本体与模型 Midstream: bodies & models",
        "downstream": "下游：应用场景 Downstream: applications",
    }
    stages: dict[str, list[dict[str, Any]]] = {}
    for node in overview.chain.nodes:
        members = [
            {
                "name": member.name,
                "region": member.region or "—",
                "terms": " / ".join(member.terms),
                "panel": panels.add(f"{node.zh} · {member.name}", member.fact_ids, member.derived),
            }
            for member in node.members
        ]
        label = node.zh if node.zh == node.en else f"{node.zh} {node.en}"
        hidden = overview.totals.get(node.key, len(members)) - len(members)
        stages.setdefault(node.stage, []).append(
            {"label": label, "members": members, "hidden": hidden}
        )
    return [{"label": labels.get(stage, stage), "nodes": nodes} for stage, nodes in stages.items()]


def _experts(card: Scorecard, panels: _Panels) -> list[dict[str, Any]]:
    return [
        {
            "name": expert.name,
            "institution": expert.institution or "—",
            "titles": "、".join(expert.titles),
            "region": expert.region or "未说明 not stated",
            "panel": panels.add(f"{expert.name} · {expert.institution}", expert.fact_ids),
        }
        for expert in card.experts
    ]


def _findings(overview: Overview) -> list[dict[str, Any]]:
    findings: Sequence[Finding] = overview.findings
    return [
        {
            "kind": finding.kind,
            "subject": finding.subject,
            "message": finding.message,
            "citations": [
                {
                    "label": citation.label,
                    "passages": [
                        _passage(p) for p in overview.evidence[citation_key(index, side)].passages
                    ],
                }
                for side, citation in enumerate(finding.citations)
            ],
        }
        for index, finding in enumerate(findings)
    ]


def _passage(passage: Passage) -> dict[str, Any]:
    return {
        "title": passage.title,
        "doc_id": passage.doc_id,
        "start": passage.start,
        "segments": passage.segments(),
    }

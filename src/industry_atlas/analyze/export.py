"""Plain JSON-ready dicts of the analysis results, for `--json`, reports and a dashboard.

Part of analyze; imports core and analyze. Numbers stay numbers (a count as an int, a
figure as a decimal string with its unit and qualifier); "not disclosed" is null; every
cell keeps the fact ids (and derived statements with spans) it rests on.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from industry_atlas.analyze.display import cell_text
from industry_atlas.analyze.model import (
    Cell,
    Chain,
    Citation,
    Derived,
    Finding,
    Passage,
    RegionCard,
    Scorecard,
    TimelineEntry,
)
from industry_atlas.core.models import Span


def scorecard_json(card: Scorecard) -> dict[str, Any]:
    """Return a scorecard as JSON-ready data."""
    return {
        "industry": card.industry,
        "dimensions": [
            {"id": d.id, "zh": d.zh, "en": d.en, "weight": d.weight} for d in card.dimensions
        ],
        "indicators": [
            {
                "id": i.id,
                "dimension": i.dimension,
                "zh": i.zh,
                "en": i.en,
                "kind": i.kind,
                "direction": i.direction,
                "weight": i.weight,
            }
            for i in card.indicators
        ],
        "regions": [_region(region) for region in card.regions],
        "apart": timeline_json(card.apart),
        "experts": [
            {
                "name": e.name,
                "institution": e.institution,
                "titles": list(e.titles),
                "region": e.region,
                "fact_ids": list(e.fact_ids),
            }
            for e in card.experts
        ],
    }


def _region(region: RegionCard) -> dict[str, Any]:
    return {
        "rank": region.rank,
        "region": region.name,
        "code": region.region.code,
        "score": region.score,
        "dimensions": {entry.dimension: entry.score for entry in region.dimensions},
        "cells": {cell.indicator: cell_json(cell) for cell in region.cells},
    }


def cell_json(cell: Cell) -> dict[str, Any]:
    """Return one cell as JSON-ready data."""
    return {
        "value": _number(cell.value),
        "date": str(cell.date) if cell.date else None,
        "unit": cell.unit or None,
        "qualifier": cell.qualifier if cell.value is not None else None,
        "time": cell.time,
        "scope": cell.scope,
        "display": cell_text(cell),
        "disclosed": cell.is_disclosed,
        "score": None if cell.score is None else round(cell.score, 1),
        "items": list(cell.items),
        "breakdown": dict(cell.breakdown),
        "claimed": cell.claimed,
        "note": cell.note,
        "fact_ids": list(cell.fact_ids),
        "derived": [derived_json(statement) for statement in cell.derived],
    }


def derived_json(statement: Derived) -> dict[str, Any]:
    """Return a derived statement with its spans."""
    return {
        "kind": statement.kind,
        "subject": statement.subject,
        "term": statement.term,
        "category": statement.category,
        "evidence": [span_json(span) for span in statement.spans],
    }


def passage_json(passage: Passage) -> dict[str, Any]:
    """Return a passage: its text, where it starts in the document, and the marked spans
    as offsets into the text."""
    return {
        "doc_id": passage.doc_id,
        "title": passage.title,
        "start": passage.start,
        "text": passage.text,
        "marks": [list(mark) for mark in passage.marks],
    }


def timeline_json(entries: Sequence[TimelineEntry]) -> list[dict[str, Any]]:
    """Return timeline entries as JSON-ready data."""
    return [
        {
            "date": str(entry.date) if entry.date else None,
            "kind": entry.kind,
            "subject": entry.subject,
            "detail": entry.detail,
            "region": entry.region,
            "fact_ids": list(entry.fact_ids),
        }
        for entry in entries
    ]


def chain_json(chain: Chain) -> dict[str, Any]:
    """Return the industry chain as JSON-ready data."""
    return {
        "industry": chain.industry,
        "nodes": [
            {
                "stage": node.stage,
                "key": node.key,
                "zh": node.zh,
                "en": node.en,
                "members": [
                    {
                        "name": member.name,
                        "region": member.region,
                        "terms": list(member.terms),
                        "fact_ids": list(member.fact_ids),
                        "derived": [derived_json(statement) for statement in member.derived],
                    }
                    for member in node.members
                ],
            }
            for node in chain.nodes
        ],
    }


def findings_json(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """Return findings with both citations each."""
    return [
        {
            "kind": finding.kind,
            "subject": finding.subject,
            "message": finding.message,
            "citations": [_citation(citation) for citation in finding.citations],
        }
        for finding in findings
    ]


def _citation(citation: Citation) -> dict[str, Any]:
    return {
        "label": citation.label,
        "fact_id": citation.fact_id,
        "evidence": [span_json(span) for span in citation.spans],
    }


def span_json(span: Span) -> dict[str, Any]:
    """Return a span as {doc_id, start, end, text}."""
    return {"doc_id": span.doc_id, "start": span.start, "end": span.end, "text": span.quote}


def _number(value: Decimal | None) -> int | str | None:
    if value is None:
        return None
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    return f"{value.normalize():f}"

"""What the dashboard pages show, as plain data for the templates: the scorecard table, the
chain cut to its best-evidenced members, findings with their passages, an answer with its
citation numbers as links.

Part of web. Text stays text here; the templates escape it (autoescape).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from industry_atlas.analyze.display import cell_text
from industry_atlas.analyze.model import Chain, Finding, Passage, Scorecard
from industry_atlas.analyze.passages import passages_of
from industry_atlas.core.models import Answer
from industry_atlas.core.protocols import KnowledgeReader

_CITATION_NUMBER = re.compile(r"\[(\d+)\]")

# The colour legend of a document page: mention type -> its name in the UI.
MENTION_LABELS = {
    "org": "机构",
    "person": "人物",
    "place": "地点",
    "policy": "政策",
    "product": "产品",
    "component": "零部件",
    "quantity": "数量",
    "time": "时间",
}


def scorecard_rows(card: Scorecard) -> list[dict[str, Any]]:
    """Return the table rows: per dimension its scores, then one row per indicator whose
    cells name their region and indicator (a click fetches their evidence)."""
    rows: list[dict[str, Any]] = []
    for dimension in card.dimensions:
        rows.append(
            {
                "dimension": True,
                "label": f"{dimension.zh} {dimension.en}",
                "weight": dimension.weight,
                "cells": [
                    _dimension_score(region.dimensions, dimension.id) for region in card.regions
                ],
            }
        )
        for indicator in (i for i in card.indicators if i.dimension == dimension.id):
            cells = []
            for region in card.regions:
                cell = region.cell(indicator.id)
                cells.append(
                    {
                        "region": region.name,
                        "indicator": indicator.id,
                        "text": cell_text(cell),
                        "disclosed": cell.is_disclosed,
                        "backed": bool(cell.fact_ids or cell.derived),
                        "note": cell.note,
                    }
                )
            rows.append(
                {
                    "dimension": False,
                    "label": f"{indicator.zh} {indicator.en}",
                    "weight": indicator.weight,
                    "cells": cells,
                }
            )
    return rows


def _dimension_score(scores: Sequence[Any], dimension: str) -> str:
    score = next((entry.score for entry in scores if entry.dimension == dimension), None)
    return "—" if score is None else f"{score:.1f}"


def top_members(chain: Chain, limit: int) -> Chain:
    """Return the chain with at most `limit` members per node, the best evidenced first."""
    nodes = []
    for node in chain.nodes:
        members = sorted(node.members, key=lambda m: -(len(m.fact_ids) + len(m.derived)))
        nodes.append(replace(node, members=tuple(members[:limit])))
    return replace(chain, nodes=tuple(nodes))


@dataclass(frozen=True, slots=True)
class CitedSide:
    """One side of a finding with the passages it cites."""

    label: str
    passages: list[Passage]


def finding_sides(
    store: KnowledgeReader, findings: Sequence[Finding]
) -> list[tuple[Finding, list[CitedSide]]]:
    """Return each finding with the source passages of each of its citations."""
    spans = [span for f in findings for citation in f.citations for span in citation.spans]
    documents = store.get_documents(list({span.doc_id for span in spans}))
    return [
        (
            finding,
            [CitedSide(c.label, passages_of(documents, c.spans)) for c in finding.citations],
        )
        for finding in findings
    ]


def answer_pieces(answer: Answer) -> list[tuple[str, int | None]]:
    """Cut an answer's text into (text, None) and (marker, citation number) pieces, so the
    template can make each "[n]" a link to citation n."""
    pieces: list[tuple[str, int | None]] = []
    position = 0
    for match in _CITATION_NUMBER.finditer(answer.text):
        number = int(match.group(1))
        if not 1 <= number <= len(answer.citations):
            continue
        if match.start() > position:
            pieces.append((answer.text[position : match.start()], None))
        pieces.append((match.group(0), number))
        position = match.end()
    if position < len(answer.text):
        pieces.append((answer.text[position:], None))
    return pieces


def citation_passages(store: KnowledgeReader, answer: Answer) -> list[Passage | None]:
    """Return the passage around each citation of an answer, the cited span marked."""
    documents = store.get_documents(list({c.span.doc_id for c in answer.citations}))
    found = [passages_of(documents, [citation.span]) for citation in answer.citations]
    return [passages[0] if passages else None for passages in found]

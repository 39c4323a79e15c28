"""JSON the REST API sends for the analyses: the scorecard in summary or in full, and the
evidence behind one scorecard cell, page by page.

Part of web; builds on `analyze.export` (the JSON of `scorecard --json`). A scorecard
over 10,000 documents lists hundreds of fact ids per cell (8 MB in all), so the summary
gives counts and the address of each cell's evidence instead; `detail=full` is exactly
`industry-atlas scorecard --json`.
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlencode

from industry_atlas.analyze.display import cell_text, derived_statement, fact_statement
from industry_atlas.analyze.export import passage_json, scorecard_json, span_json
from industry_atlas.analyze.model import Cell, Scorecard
from industry_atlas.analyze.passages import evidence_passages, facts_in_order
from industry_atlas.core.protocols import KnowledgeReader

Detail = Literal["summary", "full"]
# the lists a summary cell gives as counts
_HEAVY = {"items": "item_count", "fact_ids": "fact_count", "derived": "derived_count"}


def scorecard_payload(card: Scorecard, detail: Detail) -> dict[str, Any]:
    """Return the scorecard JSON: in full, or with counts instead of the long lists."""
    data = scorecard_json(card)
    if detail == "full":
        return data
    for region in data["regions"]:
        for indicator, cell in region["cells"].items():
            for key, count in _HEAVY.items():
                cell[count] = len(cell.pop(key))
            query = {"region": region["region"], "indicator": indicator}
            cell["evidence_url"] = "/api/scorecard/evidence?" + urlencode(query)
    for entry in (*data["apart"], *data["experts"]):
        entry["fact_count"] = len(entry.pop("fact_ids"))
    return data


def cell_evidence(
    store: KnowledgeReader, region: str, cell: Cell, limit: int, offset: int
) -> dict[str, Any]:
    """Return one page of the facts and derived statements behind a cell, each with its
    evidence spans and the source passages around them (the spans marked)."""
    fact_ids = list(dict.fromkeys(cell.fact_ids))
    page_ids = fact_ids[offset : offset + limit]
    derived_offset = max(offset - len(fact_ids), 0)
    derived = list(cell.derived[derived_offset : derived_offset + limit - len(page_ids)])
    passages = evidence_passages(store, page_ids, derived)
    items = [
        {
            "key": stored.fact_id,
            "statement": fact_statement(stored.fact),
            "evidence": [span_json(span) for span in stored.fact.evidence],
            "passages": [passage_json(p) for p in passages.get(stored.fact_id, ())],
        }
        for stored in facts_in_order(store, page_ids)
    ]
    items += [
        {
            "key": statement.key,
            "statement": derived_statement(statement),
            "evidence": [span_json(span) for span in statement.spans],
            "passages": [passage_json(p) for p in passages.get(statement.key, ())],
        }
        for statement in derived
    ]
    return {
        "region": region,
        "indicator": cell.indicator,
        "display": cell_text(cell),
        "note": cell.note,
        "total": len(fact_ids) + len(cell.derived),
        "limit": limit,
        "offset": offset,
        "items": items,
    }

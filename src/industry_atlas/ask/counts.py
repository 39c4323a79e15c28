"""Count answers from `count_claim` facts: the count a text states and the items it lists.

Part of ask; imports core and the ask helpers beside it. When a text says "共有7个" and
lists six, the answer says both ("文中称7个，实际列举6个：…"), citing the claim and every
listed item. The claim must sit in the passage retrieval ranks first for the question,
so the count answered is the one asked about.
"""

from __future__ import annotations

from industry_atlas.ask.compose import Finding
from industry_atlas.ask.evidence import anchor_names, finding, joined
from industry_atlas.ask.question import AnchorKind, Intent, Part
from industry_atlas.ask.retrieval import Candidate, coverage
from industry_atlas.core.models import Quantity, StoredFact
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.text import fold_width
from industry_atlas.normalize.numbers import find_quantities

KIND = "count_claim"
METHOD = "facts:count_claim"
MIN_COVERAGE = 0.5
MIN_MATCH = 0.7
CLAIM_DEPTH = 3
_TOPIC_REACH = 120  # how far before a claim the sentence naming what it counts may stand


def count_claim(part: Part, candidates: list[Candidate], store: AskReader) -> Finding | None:
    """Answer a how-many or which-ones question from a count claim that counts what the
    question asks about, in one of the best passages of the best-matching document."""
    if not part.has(Intent.COUNT, Intent.LIST):
        return None
    weights = dict.fromkeys(part.keywords, 1.0)
    counted = part.counted_word
    places = set(anchor_names(part, AnchorKind.REGION, AnchorKind.ENTITY))
    best_document = candidates[0].span.doc_id if candidates else ""
    for candidate in candidates[:CLAIM_DEPTH]:
        if candidate.coverage < MIN_COVERAGE or candidate.span.doc_id != best_document:
            continue
        span = candidate.span
        claims = store.facts_at(span.doc_id, span.start, span.end, [KIND])
        for claim in sorted(claims, key=lambda stored: -_overlap(stored, candidate)):
            said = fold_width(" ".join(span.quote for span in claim.fact.evidence))
            if counted and coverage({counted: 1.0}, claim.fact.subject + said, "") < MIN_MATCH:
                continue  # "多少个主动自由度" is not answered by a count of 成果
            if coverage(weights, claim.fact.subject + said, "") >= MIN_MATCH:
                return finding(describe_claim(claim, part), [claim], METHOD)
            # "山东省…公布…示范名单，全省共32家企业入选。青岛市共有7家企业入选，分别是…":
            # the claim of the place asked about, on the list the sentence before names
            before = candidate.document.text[max(0, span.start - _TOPIC_REACH) : span.start]
            if any(place in claim.fact.subject for place in places) and (
                coverage(weights, claim.fact.subject + said, fold_width(before)) >= MIN_COVERAGE
            ):
                return finding(describe_claim(claim, part), [claim], METHOD)
    return None


def describe_claim(claim: StoredFact, part: Part) -> str:
    """Say what a count claim states: the count, the items, and a mismatch between them.

    A count the question itself gives ("8家大模型中…") is a premise, not the answer: the
    listed items are.
    """
    items = written_items(claim)
    summary = claim_summary(claim, part)
    if part.has(Intent.COUNT):
        return f"{summary}：{joined(items)}"
    return f"{joined(items)}（{summary}）"


def _overlap(claim: StoredFact, candidate: Candidate) -> int:
    spans = claim.fact.evidence
    return sum(
        min(span.end, candidate.span.end) - max(span.start, candidate.span.start)
        for span in spans
        if span.doc_id == candidate.span.doc_id
    )


def claims_listing(store: AskReader, makes: list[StoredFact]) -> list[StoredFact]:
    """Return the count claims whose listed items are mostly the products of `makes`
    (found where those products' evidence is)."""
    names = {stored.fact.object for stored in makes}
    claims: dict[str, StoredFact] = {}
    for stored in makes:
        for span in stored.fact.evidence:
            for claim in store.facts_at(span.doc_id, span.start, span.end, [KIND]):
                items = set(claim_items(claim))
                if len(items & names) * 2 > len(items):
                    claims[claim.fact_id] = claim
    return list(claims.values())


def claim_items(claim: StoredFact) -> list[str]:
    """Return the items a count claim lists, in text order."""
    return [item for item in claim.fact.qualifiers.get("items", "").split("|") if item]


def written_items(claim: StoredFact) -> list[str]:
    """Return the listed items as the text writes them (DeepSeek, not the 深度求索 it was
    resolved to): the evidence spans other than the one stating the count."""
    items = claim_items(claim)
    stated = claim.fact.quantity
    quotes = [
        span.quote
        for span in claim.fact.evidence
        if not find_quantities(fold_width(span.quote)) and not _states_count(span.quote, stated)
    ]
    return quotes if len(quotes) == len(items) else items


def _states_count(quote: str, stated: Quantity | None) -> bool:
    return stated is not None and (str(stated.value) in quote or any(c in quote for c in "共各"))


def claim_summary(claim: StoredFact, part: Part) -> str:
    """Return "共6家", or "文中称7个，实际列举6个" when the stated count and the list differ
    (and the stated count is not one the question itself gives)."""
    fact = claim.fact
    items = claim_items(claim)
    unit = fact.quantity.unit if fact.quantity else "个"
    stated = int(fact.quantity.value) if fact.quantity else len(items)
    listed = int(fact.qualifiers.get("enumerated", len(items)))
    if stated != listed and f"{stated}{unit}" not in part.premises:
        return f"文中称{stated}{unit}，实际列举{listed}{unit}"
    return f"共{listed}{unit}"

"""Consistency findings: where sources disagree with themselves or with each other.

Part of analyze; imports core and analyze. Four kinds, each with both citations:
a stated count against the items listed ("共有7个" and six names); figures of two
documents for the same subject, indicator and time that cannot both be true (>100亿 and
80亿; within one document the indicator words are too coarse to tell); dates of a
once-only event (a policy issued, a product released, a founding) that disagree; and
syndicated copies, whose facts are counted once. The same disagreement stated again is
one finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from itertools import combinations

from industry_atlas.analyze.model import Citation, Finding
from industry_atlas.analyze.snapshot import Snapshot, read_snapshot
from industry_atlas.core.allocation import collector_paused
from industry_atlas.core.models import FactKind, PartialDate, Quantity, Span, StoredFact
from industry_atlas.core.protocols import KnowledgeReader

# Events that happen once: two dates for one of them cannot both be right. Financings
# and "other" events recur (rounds), so differing dates are not a disagreement.
ONCE_ONLY = ("policy_issue", "release", "founding", "establishment")
# How far an approximate figure ("近200家", "约") may lie from the true value.
APPROXIMATION = Decimal("0.1")
# Words that introduce examples, not a full list: "500家企业接入，包括优必选、宇树" lists
# two of 500 on purpose.
PARTIAL_LIST_WORDS = ("包括", "例如", "比如", "诸如")
# A disagreement cites at most this many of the values stated (one source each).
CITED_VALUES = 6


@collector_paused()
def build_findings(store: KnowledgeReader) -> tuple[Finding, ...]:
    """Return the consistency findings of the whole knowledge base."""
    snapshot = read_snapshot(store)
    return findings_of(snapshot, openings(store, snapshot))


def findings_of(snapshot: Snapshot, openings: dict[str, Span] | None = None) -> tuple[Finding, ...]:
    """Compute the findings of a snapshot already read (`openings`: a first span per document,
    to cite syndicated copies by)."""
    found = [
        *_count_mismatches(snapshot),
        *_conflicting_figures(snapshot),
        *_conflicting_dates(snapshot),
        *_copies(snapshot, openings or {}),
    ]
    unique: dict[tuple[str, str, str], Finding] = {}
    for finding in found:
        unique.setdefault((finding.kind, finding.subject, finding.message), finding)
    return tuple(unique.values())


def _count_mismatches(snapshot: Snapshot) -> Iterable[Finding]:
    for stored in snapshot.of(FactKind.COUNT_CLAIM):
        fact = stored.fact
        listed = int(fact.qualifiers.get("enumerated", "0") or 0)
        if fact.quantity is None or listed == int(fact.quantity.value):
            continue
        if any(word in fact.evidence[0].quote for word in PARTIAL_LIST_WORDS):
            continue
        claimed = int(fact.quantity.value)
        items = "、".join(item for item in fact.qualifiers.get("items", "").split("|") if item)
        yield Finding(
            "count_mismatch",
            fact.subject,
            f"来源称{claimed}个，只列举了{listed}个 (states {claimed}, lists {listed}): {items}",
            (
                Citation(f"stated count: {claimed}", stored.fact_id, fact.evidence[:1]),
                Citation(f"items listed: {listed}", stored.fact_id, fact.evidence[1:]),
            ),
        )


def _conflicting_figures(snapshot: Snapshot) -> Iterable[Finding]:
    groups: dict[tuple[str, str, str, str], list[StoredFact]] = defaultdict(list)
    for stored in snapshot.of(FactKind.METRIC):
        fact = stored.fact
        if fact.quantity is not None:
            time = str(fact.time) if fact.time else fact.qualifiers.get("time_text", "")
            groups[(fact.subject, fact.predicate.strip(), fact.quantity.unit, time)].append(stored)
    for (subject, indicator, _, time), members in groups.items():
        values = _distinct_values(members)
        if not any(_disagree(first, second) for first, second in combinations(values, 2)):
            continue
        shown = values[:CITED_VALUES]
        when = f" ({time})" if time else ""
        yield Finding(
            "conflicting_figures",
            subject,
            f"{subject} {indicator}{when}: {' ≠ '.join(_figure(stored) for stored in shown)}",
            tuple(_cite(stored, _figure(stored)) for stored in shown),
        )


def _disagree(first: StoredFact, second: StoredFact) -> bool:
    assert first.fact.quantity is not None and second.fact.quantity is not None
    return first.doc_id != second.doc_id and not _compatible(
        first.fact.quantity, second.fact.quantity
    )


def _conflicting_dates(snapshot: Snapshot) -> Iterable[Finding]:
    groups: dict[tuple[str, str], list[StoredFact]] = defaultdict(list)
    for stored in snapshot.of(FactKind.EVENT):
        if stored.fact.predicate in ONCE_ONLY and stored.fact.time is not None:
            groups[(stored.fact.predicate, stored.fact.subject)].append(stored)
    for stored in snapshot.of(FactKind.POLICY_ISSUED):
        if stored.fact.time is not None:
            groups[("policy_issue", stored.fact.subject)].append(stored)
    for (event, subject), members in groups.items():
        by_date = list({str(stored.fact.time): stored for stored in members}.values())
        pairs = combinations(by_date, 2)
        if all(_same_day_possible(a.fact.time, b.fact.time) for a, b in pairs):
            continue
        shown = by_date[:CITED_VALUES]
        yield Finding(
            "conflicting_dates",
            subject,
            f"{subject} {event}: {' ≠ '.join(str(stored.fact.time) for stored in shown)}",
            tuple(_cite(stored, str(stored.fact.time)) for stored in shown),
        )


def _copies(snapshot: Snapshot, openings: dict[str, Span]) -> Iterable[Finding]:
    for copy in snapshot.copies:
        original = copy.duplicate_of or ""
        spans = [openings.get(doc_id) for doc_id in (copy.doc_id, original)]
        if spans[0] is None or spans[1] is None:
            continue
        yield Finding(
            "duplicate_document",
            copy.title,
            f"{copy.doc_id} is a syndicated copy of {original}: its facts are counted once",
            (
                Citation(f"copy {copy.doc_id}", None, (spans[0],)),
                Citation(f"first copy {original}", None, (spans[1],)),
            ),
        )


def openings(store: KnowledgeReader, snapshot: Snapshot) -> dict[str, Span]:
    """Return the first sentence of each syndicated copy and of its first copy, by id."""
    wanted = {doc_id for copy in snapshot.copies for doc_id in (copy.doc_id, copy.duplicate_of)}
    openings = {}
    for doc_id, document in store.get_documents([d for d in wanted if d]).items():
        text = document.text
        stripped = len(text) - len(text.lstrip())
        end = min(
            (i for i in (text.find(mark, stripped) for mark in "。\n") if i > stripped),
            default=len(text),
        )
        if end > stripped:
            openings[doc_id] = Span.of(document, stripped, min(end + 1, len(text)))
    return openings


def _distinct_values(members: list[StoredFact]) -> list[StoredFact]:
    seen: dict[tuple[Decimal, str], StoredFact] = {}
    for stored in members:
        quantity = stored.fact.quantity
        assert quantity is not None
        seen.setdefault((quantity.value, quantity.qualifier.value), stored)
    return list(seen.values())


def _compatible(first: Quantity, second: Quantity) -> bool:
    """True when one true value can satisfy both statements (e.g. ">100" and "=150")."""
    low_a, high_a = _interval(first)
    low_b, high_b = _interval(second)
    return max(low_a, low_b) <= min(high_a, high_b)


def _interval(quantity: Quantity) -> tuple[Decimal, Decimal]:
    value, qualifier = quantity.value, quantity.qualifier.value
    infinite = Decimal("Infinity")
    slack = abs(value) * APPROXIMATION
    return {
        ">": (value + Decimal("1e-9"), infinite),
        ">=": (value, infinite),
        "<": (-infinite, value - Decimal("1e-9")),
        "<=": (-infinite, value),
        "~": (value - slack, value + slack),
    }.get(qualifier, (value, value))


def _same_day_possible(first: PartialDate | None, second: PartialDate | None) -> bool:
    """True when the dates may name the same day (2023 and 2023-10 may; 2023-10 and
    2023-11 may not)."""
    if first is None or second is None:
        return True
    pairs = ((first.year, second.year), (first.month, second.month), (first.day, second.day))
    return all(a is None or b is None or a == b for a, b in pairs)


def _figure(stored: StoredFact) -> str:
    quantity = stored.fact.quantity
    assert quantity is not None
    qualifier = "" if quantity.qualifier.value == "=" else quantity.qualifier.value
    return f"{qualifier}{quantity.value.normalize():f} {quantity.unit}"


def _cite(stored: StoredFact, label: str) -> Citation:
    return Citation(label, stored.fact_id, stored.fact.evidence)

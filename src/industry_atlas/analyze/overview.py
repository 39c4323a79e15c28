"""Everything a report shows, computed together: scorecard, timeline, chain, findings, and
the source passages behind every number.

Part of analyze; imports core and analyze. Passages are collected for at most
`EVIDENCE_PER_NUMBER` facts per number, so a report over a large knowledge base stays a
readable size; `industry-atlas scorecard --explain` lists them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from industry_atlas.analyze.chain import chain_of
from industry_atlas.analyze.display import derived_statement, fact_statement
from industry_atlas.analyze.findings import findings_of, openings
from industry_atlas.analyze.model import Chain, Derived, Finding, Passage, Scorecard, TimelineEntry
from industry_atlas.analyze.passages import evidence_passages, passages_of
from industry_atlas.analyze.profile import load_profile
from industry_atlas.analyze.scorecard import ScorecardOptions, scorecard_of
from industry_atlas.analyze.snapshot import read_snapshot
from industry_atlas.analyze.timeline import TimelineOptions, timeline_of
from industry_atlas.core.allocation import collector_paused
from industry_atlas.core.protocols import KnowledgeReader

EVIDENCE_PER_NUMBER = 12
SHOWN_ROWS = 300  # timeline entries and findings a report lists (the latest / first)
SHOWN_MEMBERS = 40  # companies a report lists per node of the chain (best evidenced first)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One fact or derived statement behind a number, with its passages."""

    key: str
    statement: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    """The analyses of one knowledge base, and the evidence of their numbers by key."""

    scorecard: Scorecard
    timeline: tuple[TimelineEntry, ...]
    chain: Chain
    findings: tuple[Finding, ...]
    evidence: Mapping[str, Evidence]
    totals: Mapping[
        str, int
    ]  # how many there were before the cut: "timeline", "findings", node keys


@collector_paused()
def build_overview(store: KnowledgeReader, options: ScorecardOptions) -> Overview:
    """Compute the scorecard, timeline, chain and findings, and gather their evidence."""
    profile = load_profile(options.industry, options.weights)
    everything = read_snapshot(store, windows=True)
    industry = read_snapshot(store, profile.industry.keywords, windows=True)
    scorecard = scorecard_of(industry, profile, options.regions)
    timeline = timeline_of(everything, TimelineOptions())
    chain = chain_of(everything, profile)
    findings = findings_of(everything, openings(store, everything))
    totals = {"timeline": len(timeline), "findings": len(findings)}
    totals.update({node.key: len(node.members) for node in chain.nodes})
    timeline, findings, chain = timeline[-SHOWN_ROWS:], findings[:SHOWN_ROWS], _cut(chain)
    evidence = gather_evidence(store, _numbers(scorecard, chain, timeline))
    evidence.update(_citations(store, findings))
    return Overview(scorecard, timeline, chain, findings, evidence, totals)


def _cut(chain: Chain) -> Chain:
    nodes = []
    for node in chain.nodes:
        members = sorted(node.members, key=lambda m: -(len(m.fact_ids) + len(m.derived)))
        nodes.append(replace(node, members=tuple(members[:SHOWN_MEMBERS])))
    return replace(chain, nodes=tuple(nodes))


def citation_key(finding: int, side: int) -> str:
    """The evidence key of one citation of a finding."""
    return f"finding-{finding}-{side}"


def _citations(store: KnowledgeReader, findings: tuple[Finding, ...]) -> dict[str, Evidence]:
    spans = [span for finding in findings for c in finding.citations for span in c.spans]
    documents = store.get_documents(list({span.doc_id for span in spans}))
    return {
        citation_key(index, side): Evidence(
            citation_key(index, side), citation.label, tuple(passages_of(documents, citation.spans))
        )
        for index, finding in enumerate(findings)
        for side, citation in enumerate(finding.citations)
    }


def gather_evidence(
    store: KnowledgeReader, numbers: Iterable[tuple[tuple[str, ...], tuple[Derived, ...]]]
) -> dict[str, Evidence]:
    """Return the evidence of each number's first facts and derived statements, by key."""
    fact_ids: dict[str, None] = {}
    derived: dict[str, Derived] = {}
    for ids, found in numbers:
        fact_ids.update(dict.fromkeys(ids[:EVIDENCE_PER_NUMBER]))
        derived.update({statement.key: statement for statement in found[:EVIDENCE_PER_NUMBER]})
    passages = evidence_passages(store, list(fact_ids), list(derived.values()))
    lines = {
        stored.fact_id: fact_statement(stored.fact) for stored in store.facts_by_id(list(fact_ids))
    }
    lines.update({key: derived_statement(statement) for key, statement in derived.items()})
    return {key: Evidence(key, line, passages.get(key, ())) for key, line in lines.items()}


def _numbers(
    scorecard: Scorecard, chain: Chain, timeline: tuple[TimelineEntry, ...]
) -> list[tuple[tuple[str, ...], tuple[Derived, ...]]]:
    numbers = [(cell.fact_ids, cell.derived) for card in scorecard.regions for cell in card.cells]
    numbers += [(entry.fact_ids, ()) for entry in (*scorecard.apart, *timeline)]
    numbers += [(expert.fact_ids, ()) for expert in scorecard.experts]
    numbers += [(m.fact_ids, m.derived) for node in chain.nodes for m in node.members]
    return numbers

"""Analyze: the knowledge base -> region scorecards, timelines, the industry chain, findings.

Imports only core and normalize.regions (the admin hierarchy); talks to storage through
`core.protocols.KnowledgeReader`. Every number it returns carries the fact ids it rests on.
"""

from industry_atlas.analyze.chain import ChainOptions, build_chain
from industry_atlas.analyze.findings import build_findings
from industry_atlas.analyze.scorecard import ScorecardOptions, build_scorecard
from industry_atlas.analyze.timeline import TimelineOptions, build_timeline

__all__ = [
    "ChainOptions",
    "ScorecardOptions",
    "TimelineOptions",
    "build_chain",
    "build_findings",
    "build_scorecard",
    "build_timeline",
]

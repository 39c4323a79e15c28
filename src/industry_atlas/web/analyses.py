"""The analyses and answers the dashboard shows, computed once per version of the knowledge base.

Part of web. Scorecards, timelines, the industry chain and findings come from `analyze`,
answers from `ask`; the JSON the REST API sends for the hot endpoints (scorecard, ask) is
cached serialized, so a request that hits the cache costs a version check and a copy.
Answers are cached per question: a dashboard asks the same questions again and again.
"""

from __future__ import annotations

import json
from typing import Any

from industry_atlas.analyze import (
    ChainOptions,
    ScorecardOptions,
    TimelineOptions,
    build_chain,
    build_findings,
    build_scorecard,
    build_timeline,
)
from industry_atlas.analyze.model import Chain, Finding, Scorecard, TimelineEntry
from industry_atlas.core.models import Answer
from industry_atlas.web.cache import VersionedCache
from industry_atlas.web.export import Detail, scorecard_payload
from industry_atlas.web.knowledge import KnowledgeBase
from industry_atlas.web.schemas import answer_public

_ANALYSES = 64  # distinct analyses kept (options differ by industry, region, kind)
_ANSWERS = 8192  # answers and their JSON kept (two entries per question)


class Analyses:
    """Cached analyses of one knowledge base."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        """Analyse `knowledge`."""
        self._knowledge = knowledge
        self._results = VersionedCache(_ANALYSES)
        self._answers = VersionedCache(_ANSWERS)

    def scorecard(self, options: ScorecardOptions) -> Scorecard:
        """Return the scorecard (raises ConfigError for an unknown industry or region)."""
        return self._results.get(
            ("scorecard", options),
            self._knowledge.version(),
            lambda: build_scorecard(self._knowledge.reader(), options),
        )

    def scorecard_bytes(self, options: ScorecardOptions, detail: Detail) -> bytes:
        """Return the scorecard as serialized JSON, in summary or in full."""
        # the scorecard is fetched first: a computation must not wait on another key's lock
        card = self.scorecard(options)
        return self._results.get(
            ("scorecard-json", options, detail),
            self._knowledge.version(),
            lambda: _to_bytes(scorecard_payload(card, detail)),
        )

    def timeline(self, options: TimelineOptions) -> tuple[TimelineEntry, ...]:
        """Return the timeline (raises ConfigError for an unknown kind or region)."""
        return self._results.get(
            ("timeline", options),
            self._knowledge.version(),
            lambda: build_timeline(self._knowledge.reader(), options),
        )

    def chain(self, options: ChainOptions) -> Chain:
        """Return the industry chain (raises ConfigError for an unknown industry or region)."""
        return self._results.get(
            ("chain", options),
            self._knowledge.version(),
            lambda: build_chain(self._knowledge.reader(), options),
        )

    def findings(self) -> tuple[Finding, ...]:
        """Return the consistency findings."""
        return self._results.get(
            ("findings",),
            self._knowledge.version(),
            lambda: build_findings(self._knowledge.reader()),
        )

    def answer(self, question: str) -> Answer:
        """Return the answer to `question`, with its citations."""
        return self._answers.get(
            ("answer", question),
            self._knowledge.version(),
            lambda: self._knowledge.asker().ask(question),
        )

    def answer_bytes(self, question: str) -> bytes:
        """Return the answer to `question` as serialized JSON (`ask --json`)."""
        answer = self.answer(question)
        return self._answers.get(
            ("answer-json", question),
            self._knowledge.version(),
            lambda: answer_public(answer).model_dump_json().encode("utf-8"),
        )


def _to_bytes(data: Any) -> bytes:
    """Serialize JSON-ready data as compact UTF-8 JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

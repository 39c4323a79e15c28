"""The question answerer: parse, link, answer each part from facts, else from passages.

Part of ask; imports core, normalize and the ask helpers beside it. Structured answers
(from facts, their evidence as citations) are tried first for the intents they serve;
passage retrieval answers what they cannot; a part nothing answers is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from industry_atlas.ask.compose import Finding, compose, merge
from industry_atlas.ask.counts import count_claim
from industry_atlas.ask.linking import NameLinker
from industry_atlas.ask.metrics import metric_value
from industry_atlas.ask.people import role, said_by, speaker, title_holder
from industry_atlas.ask.policies import first_policy, policy_lookup
from industry_atlas.ask.products import maker, region_products, release_date
from industry_atlas.ask.question import (
    Part,
    listed_names,
    parse_question,
    split_alternatives,
    split_names,
)
from industry_atlas.ask.ranking import most_products
from industry_atlas.ask.reading import read_answer, read_each, related_passages
from industry_atlas.ask.retrieval import Candidate, PassageSearch
from industry_atlas.ask.tables import table_row
from industry_atlas.core.models import Answer
from industry_atlas.core.protocols import AskReader

FactAnswerer = Callable[[Part, AskReader], Finding | None]
PassageAnswerer = Callable[[Part, list[Candidate], AskReader], Finding | None]

# Structured answers first, most specific first; each declines what it does not serve.
FACT_ANSWERERS: tuple[FactAnswerer, ...] = (
    first_policy,
    most_products,
    policy_lookup,
    region_products,
    maker,
    release_date,
    role,
    title_holder,
    said_by,
)
# Then answers grounded in the passages retrieval ranks first: facts stated in the best
# passage (count claims, quotes, metrics), else the passage's own words.
PASSAGE_ANSWERERS: tuple[PassageAnswerer, ...] = (
    count_claim,
    speaker,
    table_row,
    read_each,
    lambda part, _candidates, store: metric_value(part, store),
    read_answer,
)


class Asker:
    """Answers questions from one knowledge base (reuse it for many questions)."""

    def __init__(self, store: AskReader) -> None:
        """Answer from `store`."""
        self._store = store
        self._link = NameLinker(store)

    def ask(self, question: str) -> Answer:
        """Answer one question with citations, or say that the sources do not answer it."""
        parsed = parse_question(question, self._link)
        search = PassageSearch(self._store)
        findings = [self._answer_part(part, search) for part in parsed.parts]
        related = []
        if not any(findings):
            related = related_passages(search, parsed.parts[0])

        def describe(doc_id: str) -> tuple[str, str]:
            """Return the source and title of a document the search has read."""
            document = search.document(doc_id)
            return document.source, document.title

        return compose(question, findings, related, describe)

    def _answer_part(self, part: Part, search: PassageSearch) -> Finding | None:
        if part.alternatives:
            found = [self._answer_one(sub, search) for sub in split_alternatives(part)]
            return merge(found, part.alternatives) if any(found) else None
        per_name = split_names(part)
        if not per_name:
            return self._answer_one(part, search)
        # "A与B的价格分别是多少": one passage stating both, else each name on its own
        together = read_each(part, search.candidates(part), self._store)
        if together is not None:
            return together
        names = [name.text for name in listed_names(part)]
        found = [
            _about(name, self._answer_one(sub, search))
            for name, sub in zip(names, per_name, strict=True)
        ]
        return merge(found, [(name,) for name in names]) if any(found) else None

    def _answer_one(self, part: Part, search: PassageSearch) -> Finding | None:
        for answer_from_facts in FACT_ANSWERERS:
            found = answer_from_facts(part, self._store)
            if found is not None:
                return found
        candidates = search.candidates(part)
        for answer_from_passage in PASSAGE_ANSWERERS:
            found = answer_from_passage(part, candidates, self._store)
            if found is not None:
                return found
        return None


def _about(name: str, finding: Finding | None) -> Finding | None:
    """Say whom a finding of a per-name answer is about, unless it starts with the name."""
    if finding is None or finding.text.lstrip("“").startswith(name):
        return finding
    return replace(finding, text=f"{name}：{finding.text}")


def answer(question: str, store: AskReader) -> Answer:
    """Answer one question from `store` (see `Asker` for many questions)."""
    return Asker(store).ask(question)

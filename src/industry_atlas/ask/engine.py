"""The question answerer: parse, link, answer each part from facts, else from passages.

Part of ask; imports core, normalize and the ask helpers beside it. Structured answers
(from facts, their evidence as citations) are tried first for the intents they serve;
passage retrieval answers what they cannot; a part nothing answers is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from industry_atlas.ask.comparison import verdict, with_verdict
from industry_atlas.ask.compose import Finding, compose, merge
from industry_atlas.ask.counts import count_claim
from industry_atlas.ask.extremes import read_extreme
from industry_atlas.ask.linking import NameLinker
from industry_atlas.ask.metrics import metric_value
from industry_atlas.ask.people import role, said_by, speaker, speaker_of, title_holder
from industry_atlas.ask.policies import (
    first_policy,
    policy_in_force,
    policy_lookup,
    policy_number,
)
from industry_atlas.ask.products import maker, model_of, region_products, release_date
from industry_atlas.ask.question import (
    Anchor,
    Intent,
    Part,
    amount_asked,
    listed_names,
    parse_question,
    split_alternatives,
    split_names,
)
from industry_atlas.ask.ranking import largest_round, most_products, round_named
from industry_atlas.ask.reading import METHOD as PASSAGE_METHOD
from industry_atlas.ask.reading import read_answer, read_each, read_on, related_passages
from industry_atlas.ask.retrieval import Candidate, PassageSearch
from industry_atlas.ask.tables import table_row
from industry_atlas.core.models import Answer, Span
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.text import fold_width
from industry_atlas.normalize.script import to_simplified

# A follow-up reads on from the answer before it when the next passage starts this close.
READ_ON_CHARS = 200
READ_ON_SLACK = 0.15  # of match a passage reading on may lack and still go first

FactAnswerer = Callable[[Part, AskReader], Finding | None]
PassageAnswerer = Callable[[Part, list[Candidate], AskReader], Finding | None]

# Structured answers first, most specific first; each declines what it does not serve.
FACT_ANSWERERS: tuple[FactAnswerer, ...] = (
    first_policy,
    most_products,
    policy_lookup,
    policy_in_force,
    region_products,
    maker,
    model_of,
    release_date,
    round_named,
    role,
    title_holder,
    said_by,
)
# Then answers grounded in the passages retrieval ranks first: facts stated in the best
# passage (count claims, quotes, metrics), else the passage's own words.
PASSAGE_ANSWERERS: tuple[PassageAnswerer, ...] = (
    policy_number,
    count_claim,
    speaker,
    table_row,
    largest_round,
    read_extreme,
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
        """Answer one question with citations, or say that the sources do not answer it;
        a question in traditional characters reads like the simplified sources."""
        parsed = parse_question(to_simplified(question).text, self._link)
        search = PassageSearch(self._store)
        findings: list[Finding | None] = []
        for index, part in enumerate(parsed.parts):
            before = findings[-1] if findings and part.context_words else None
            compared = _compared_before(part, parsed.parts[:index], findings)
            if compared is not None:  # "…分别有多少款？哪个城市更多？"
                findings.append(compared)
                continue
            if before is not None and before.figure and _asks_its_amount(part):
                # "哪一类占比最低？占多少？": the winner's amount, said with it
                findings.append(replace(before, text=before.figure))
                continue
            follows = before.spans if before else ()
            found = self._answer_part(part, search, follows)
            if found is None or (before is not None and found.text == before.text):
                # a follow-up asks something else than the part before: not its answer again
                found = read_on(part, follows, search.text_of)
            findings.append(found)
        findings = self._from_one_document(parsed.parts, findings, search)
        related = []
        if not any(findings):
            related = related_passages(search, parsed.parts[0])

        def describe(doc_id: str) -> tuple[str, str]:
            """Return the source and title of a document the search has read."""
            document = search.document(doc_id)
            return document.source, document.title

        return compose(question, findings, related, describe)

    def _answer_part(
        self, part: Part, search: PassageSearch, follows: Sequence[Span] = ()
    ) -> Finding | None:
        if part.alternatives:
            found = [self._answer_one(sub, search, follows) for sub in split_alternatives(part)]
            return merge(found, part.alternatives) if any(found) else None
        per_name = [amount_asked(sub) for sub in split_names(part)]
        if not per_name:
            return self._answer_one(part, search, follows)
        names = listed_names(part)
        comparative = part.comparative
        asked = amount_asked(part)  # "A和B谁的出货量更大": each one's 出货量, then compared
        # "A与B的价格分别是多少": one passage stating both, else each name on its own
        together = read_each(asked, search.candidates(asked), self._store)
        if together is None:
            found = [
                _about(name.text, self._answer_one(sub, search, follows, (name, names)))
                for name, sub in zip(names, per_name, strict=True)
            ]
            together = merge(found, [(name.text,) for name in names]) if any(found) else None
        return with_verdict(together, names, comparative) if comparative else together

    def _answer_one(
        self,
        part: Part,
        search: PassageSearch,
        follows: Sequence[Span] = (),
        one_of: tuple[Anchor, Sequence[Anchor]] | None = None,
    ) -> Finding | None:
        """Answer a part; `one_of` is (the name it asks about, all the names listed) when
        it is one name's share of "A和B分别…"."""
        said = speaker_of(part, follows, self._store, search.text_of)
        if said is not None:
            return said
        for answer_from_facts in FACT_ANSWERERS:
            found = answer_from_facts(part, self._store)
            if found is not None:
                return found
        candidates = search.candidates(part, follows if part.context_words else ())
        if one_of is not None:
            candidates = [c for c in candidates if not _about_another(c, *one_of)]
        return self._answer_from(part, _reading_on(part, candidates, follows))

    def _answer_from(self, part: Part, candidates: list[Candidate]) -> Finding | None:
        for answer_from_passage in PASSAGE_ANSWERERS:
            found = answer_from_passage(part, candidates, self._store)
            if found is not None:
                return found
        return None

    def _from_one_document(
        self, parts: Sequence[Part], findings: list[Finding | None], search: PassageSearch
    ) -> list[Finding | None]:
        """Parts of one question ask about one thing: when passages of several documents
        answered them ("大会现场签约了多少个项目？总投资额是多少？"), read them all from the
        document that answers every such part and matches them best, if there is one."""
        read = {
            index: found
            for index, (part, found) in enumerate(zip(parts, findings, strict=True))
            if found is not None
            and found.method == PASSAGE_METHOD
            and not (part.alternatives or split_names(part))
        }
        documents = {span.doc_id for found in read.values() for span in found.spans}
        if len(documents) < 2:
            return findings
        best: tuple[float, list[Finding | None]] | None = None
        for doc_id in sorted(documents):
            again = list(findings)
            score = 0.0
            for index in read:
                candidates = [c for c in search.candidates(parts[index]) if c.span.doc_id == doc_id]
                again[index] = self._answer_from(parts[index], candidates)
                score += max((candidate.score for candidate in candidates), default=0.0)
            answered = all(again[index] is not None for index in read)
            if answered and (best is None or score > best[0]):
                best = (score, again)
        return best[1] if best is not None else findings


def _compared_before(
    part: Part, before: Sequence[Part], findings: Sequence[Finding | None]
) -> Finding | None:
    """The verdict of a comparison that names nothing itself ("哪个城市更多？") on the
    amounts the part before found for each of its names ("深圳和广州分别有多少款…")."""
    comparative = part.comparative
    if comparative is None or listed_names(part) or not before or findings[-1] is None:
        return None
    names = listed_names(before[-1])
    said = verdict(findings[-1], names, comparative) if len(names) >= 2 else None
    return None if said is None else replace(findings[-1], text=said)


def _asks_its_amount(part: Part) -> bool:
    """True for a follow-up asking an amount of nothing it names itself ("占多少？")."""
    return part.has(Intent.VALUE, Intent.COUNT) and not part.names_its_own


def _reading_on(
    part: Part, candidates: list[Candidate], follows: Sequence[Span]
) -> list[Candidate]:
    """A follow-up ("归母净利润是多少？" after "一季度营业收入是多少？") reads on from the
    answer before it: of passages that match it nearly as well as the best, the one going
    on from the answer first (exactly as well, for a who-question)."""
    if not follows:
        return candidates
    last = max(follows, key=lambda span: span.end)

    def reads_on(candidate: Candidate) -> bool:
        # a passage starting after the answer, or going on past it ("…约312亿元，同比增长14.6%")
        gap = candidate.span.start - last.end
        goes_on = candidate.span.end > last.end and gap <= READ_ON_CHARS
        return candidate.span.doc_id == last.doc_id and goes_on

    slack = 0.0 if part.has(Intent.WHO) else READ_ON_SLACK
    best = max((candidate.match for candidate in candidates), default=0.0)
    # "· 收入为人民币15.42亿元，较2024年的…增长48.6%" before another line's "…增长19.7%";
    # not for a who-question: the sentence of the answer may name its speaker before it
    return sorted(
        candidates,
        key=lambda c: (
            not (reads_on(c) and c.match >= best - slack),
            -round(c.match, 2),
            -c.score,
        ),
    )


def _about_another(candidate: Candidate, name: Anchor, listed: Sequence[Anchor]) -> bool:
    """True when a passage is about another of the listed names, not this one: "月之暗面
    完成…融资" or, far from any mention of MiniMax, "此前该公司已累计完成4轮融资"."""
    if name.text in candidate.distant:
        return True
    passage = fold_width(candidate.span.quote)
    if any(form in passage for form in name.forms):
        return False
    return any(form in passage for other in listed if other is not name for form in other.forms)


def _about(name: str, finding: Finding | None) -> Finding | None:
    """Say whom a finding of a per-name answer is about, unless it starts with the name."""
    if finding is None or finding.text.lstrip("“").startswith(name):
        return finding
    return replace(finding, text=f"{name}：{finding.text}")


def answer(question: str, store: AskReader) -> Answer:
    """Answer one question from `store` (see `Asker` for many questions)."""
    return Asker(store).ask(question)

"""People answers from `holds_title` and `quote` facts: who holds a post, what someone
said, and who said a given thing.

Part of ask; imports core and the ask helpers beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from industry_atlas.ask.compose import Finding, quoted
from industry_atlas.ask.cues import cues
from industry_atlas.ask.evidence import anchor_names, finding, joined
from industry_atlas.ask.question import AnchorKind, Intent, Part
from industry_atlas.ask.retrieval import Candidate, coverage
from industry_atlas.core.models import MentionType, Span
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.text import fold_width

METHOD_TITLE = "facts:title"
METHOD_ROLE = "facts:role"
METHOD_QUOTE = "facts:quote"
MIN_QUOTE_MATCH = 0.6
# "这话是谁说的": the words the answer before was read from
_THIS_SAYING = re.compile("这话|这句话|此话|这番话|这些话|这个说法|这一说法|这个判断|这一判断")
_SENTENCE_MARK = re.compile("[。！？\n]")


def title_holder(part: Part, store: AskReader) -> Finding | None:
    """Answer "who is the X of organization Y" from the titles people hold there."""
    if not part.has(Intent.WHO) or part.has(Intent.QUOTE) or _asks_the_past(part):
        return None
    organizations = anchor_names(part, AnchorKind.ENTITY)
    holders = [
        stored
        for stored in store.facts_about(organizations, ["holds_title"])
        if stored.fact.object in organizations
        and any(word in stored.fact.predicate for word in part.keywords)
    ]
    if not holders:
        return None
    posts = dict.fromkeys(
        f"{s.fact.subject}（{_post(s.fact.object or '', s.fact.predicate)}）" for s in holders
    )
    return finding("；".join(posts), holders, METHOD_TITLE)


def _asks_the_past(part: Part) -> bool:
    """ "此前在哪家机构任职": a post held before, which the titles held now do not answer."""
    return any(word in part.text for word in cues().past_role_words)


def _post(organization: str, title: str) -> str:
    """Write "智谱AI CEO", "中国电子学会副理事长": a space only between Latin letters."""
    spaced = organization[-1:].isascii() and title[:1].isascii() and organization and title
    return f"{organization} {title}" if spaced else organization + title


def role(part: Part, store: AskReader) -> Finding | None:
    """Answer "what post does X hold / where does X work" from X's titles."""
    if not any(word in part.text for word in cues().role_words) or _asks_the_past(part):
        return None
    names = anchor_names(part, AnchorKind.ENTITY)
    titles = [s for s in store.facts_about(names, ["holds_title"]) if s.fact.subject in names]
    organizations = [s.fact.object for s in titles if s.fact.object in names]
    if organizations:
        titles = [stored for stored in titles if stored.fact.object in organizations]
    if part.asks_organization:
        titles = [stored for stored in titles if stored.fact.object]
    if not titles:
        return None
    posts: dict[tuple[str, str], list[str]] = {}
    for stored in titles:
        key = (stored.fact.subject, stored.fact.object or "")
        posts.setdefault(key, []).append(stored.fact.predicate)
    text = "；".join(
        f"{person}：{_post(organization, joined(dict.fromkeys(titles_held)))}"
        for (person, organization), titles_held in posts.items()
    )
    return finding(text, titles, METHOD_ROLE)


def said_by(part: Part, store: AskReader) -> Finding | None:
    """Answer "what did X say about ..." from X's quotes that share the question's words."""
    if not part.has(Intent.QUOTE) or part.has(Intent.WHO):
        return None
    people = anchor_names(part, AnchorKind.ENTITY)
    weights = dict.fromkeys(part.keywords, 1.0)
    scored = [
        (coverage(weights, fold_width(stored.fact.object or ""), ""), stored)
        for stored in store.facts_about(people, ["quote"])
        if stored.fact.subject in people
    ]
    scored = [(score, stored) for score, stored in scored if score >= MIN_QUOTE_MATCH]
    if not scored:
        return None
    _, best = max(scored, key=lambda item: item[0])
    text = f"{best.fact.subject}表示：{quoted(best.fact.object or '')}"
    return finding(text, [best], METHOD_QUOTE)


def speaker(part: Part, candidates: list[Candidate], store: AskReader) -> Finding | None:
    """Answer "who said ..." from the quote facts in the passage that matches the saying."""
    if not part.has(Intent.QUOTE) or not part.has(Intent.WHO) or not candidates:
        return None
    best = candidates[0]
    quotes = store.facts_at(best.span.doc_id, best.span.start, best.span.end, ["quote"])
    if not quotes or best.coverage < MIN_QUOTE_MATCH:
        return None
    stored = quotes[0]
    text = f"{stored.fact.subject}：{quoted(stored.fact.object or '')}"
    return finding(text, [stored], METHOD_QUOTE)


def speaker_of(
    part: Part, follows: Sequence[Span], store: AskReader, text_of: Callable[[str], str]
) -> Finding | None:
    """Answer "…从多少提高到多少？这话是谁说的？": who says the sentence the answer before it
    was read from (a quote's speaker there, else a person named before a verb of saying)."""
    if not part.has(Intent.WHO) or not follows or not _THIS_SAYING.search(part.text):
        return None
    for span in follows:
        text = text_of(span.doc_id)
        starts = [m.end() for m in _SENTENCE_MARK.finditer(text, 0, span.start)]
        start = starts[-1] if starts else 0
        stop = _SENTENCE_MARK.search(text, span.end)
        end = stop.end() if stop else len(text)
        quotes = store.facts_at(span.doc_id, start, end, ["quote"])
        if quotes:
            return finding(quotes[0].fact.subject, quotes[:1], METHOD_QUOTE)
        said = tuple(cues().said_verbs)
        person = next(
            (
                mention
                for mention in store.mentions_of(span.doc_id)
                if mention.type is MentionType.PERSON
                and start <= mention.span.start < end
                and text.startswith(said, mention.span.end)
            ),
            None,
        )
        if person is not None:
            sentence = Span(span.doc_id, start, end, text[start:end])
            return Finding(person.normalized, (sentence,), METHOD_QUOTE)
    return None

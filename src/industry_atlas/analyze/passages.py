"""Source passages: the sentences evidence spans sit in, with the spans marked.

Part of analyze; imports core and analyze. A number links to the passages of the facts
behind it; a passage runs from the sentence start before the first span to the sentence
end after the last (spans far apart make separate passages).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from industry_atlas.analyze.model import Derived, Passage
from industry_atlas.core.models import Document, Span, StoredFact
from industry_atlas.core.protocols import KnowledgeReader

_SENTENCE_ENDS = frozenset("。！？!?\n")
_GAP = 160  # spans further apart than this get passages of their own
_REACH = 120  # at most this many characters of context either side


def evidence_passages(
    store: KnowledgeReader, fact_ids: Sequence[str], derived: Sequence[Derived] = ()
) -> dict[str, tuple[Passage, ...]]:
    """Return the passages of each fact (by fact id) and derived statement (by its key)."""
    facts = store.facts_by_id(fact_ids)
    spans_by_key: dict[str, tuple[Span, ...]] = {
        stored.fact_id: stored.fact.evidence for stored in facts
    }
    spans_by_key.update({statement.key: statement.spans for statement in derived})
    documents = store.get_documents(
        list({span.doc_id for spans in spans_by_key.values() for span in spans})
    )
    return {key: tuple(passages_of(documents, spans)) for key, spans in spans_by_key.items()}


def facts_in_order(store: KnowledgeReader, fact_ids: Sequence[str]) -> list[StoredFact]:
    """Return the facts with these ids, in the order given."""
    by_id = {stored.fact_id: stored for stored in store.facts_by_id(fact_ids)}
    return [by_id[fact_id] for fact_id in fact_ids if fact_id in by_id]


def passages_of(documents: dict[str, Document], spans: Iterable[Span]) -> list[Passage]:
    """Return the passages around `spans` in their documents."""
    passages = []
    for group in _groups(spans):
        document = documents.get(group[0].doc_id)
        if document is not None:
            passages.append(_passage(document, group))
    return passages


def _groups(spans: Iterable[Span]) -> list[list[Span]]:
    groups: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: (s.doc_id, s.start)):
        last = groups[-1][-1] if groups else None
        if last is not None and last.doc_id == span.doc_id and span.start - last.end <= _GAP:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _passage(document: Document, spans: list[Span]) -> Passage:
    text = document.text
    first, last = spans[0].start, max(span.end for span in spans)
    start = first
    while start > 0 and first - start < _REACH and text[start - 1] not in _SENTENCE_ENDS:
        start -= 1
    end = last
    while end < len(text) and end - last < _REACH and text[end - 1 : end] not in _SENTENCE_ENDS:
        end += 1
    marks = tuple((span.start - start, span.end - start) for span in spans)
    return Passage(document.doc_id, document.title, start, text[start:end].rstrip("\n"), marks)

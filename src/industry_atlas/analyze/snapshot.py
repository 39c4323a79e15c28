"""The part of the knowledge base one analysis run reads, read once through the store.

Part of analyze; imports only core (and analyze). Facts come from first copies of
documents only: a syndicated copy counts once. With `keywords`, only documents whose text
names one of them count (the documents of one industry).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from industry_atlas.core.models import (
    DocumentSummary,
    FactKind,
    Mention,
    PartialDate,
    Span,
    StoredFact,
)
from industry_atlas.core.protocols import KnowledgeReader

WINDOW_RADIUS = 60
ANALYSED_KINDS = tuple(
    kind.value for kind in FactKind if kind not in (FactKind.QUOTE, FactKind.LOCATED_IN)
)


@dataclass(frozen=True, slots=True)
class Located:
    """A `located_in` fact as analytics read it: where `subject` is, and on what basis."""

    fact_id: str
    subject: str
    place: str | None
    basis: str
    region_code: str | None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Facts by kind, entity kinds and aliases, document dates, mention windows."""

    facts: Mapping[FactKind, tuple[StoredFact, ...]]
    located: tuple[Located, ...]
    org_kinds: Mapping[str, str]  # organization name or alias -> company, research …
    product_kinds: Mapping[str, str]  # product name or alias -> humanoid_robot, llm …
    names: Mapping[str, str]  # alias -> the entity's name
    published: Mapping[str, PartialDate | None]
    copies: tuple[DocumentSummary, ...]  # syndicated copies, left out of the facts
    windows: tuple[tuple[Mention, Span], ...]

    def of(self, kind: FactKind) -> tuple[StoredFact, ...]:
        """Return the facts of one kind."""
        return self.facts.get(kind, ())

    def name(self, name: str) -> str:
        """Return the entity name an alias stands for (the name itself when unknown)."""
        return self.names.get(name, name)


def read_snapshot(
    store: KnowledgeReader,
    keywords: Sequence[str] | None = None,
    *,
    windows: bool = False,
    kinds: Sequence[str] = ANALYSED_KINDS,
    window_types: Sequence[str] = ("org", "product"),
) -> Snapshot:
    """Read what the analyses need.

    Args:
        store: the knowledge base.
        keywords: keep only documents naming one of these (None keeps all).
        windows: also read the mentions of `window_types` with the text around them
            (for the industry chain).
        window_types: "org" (suppliers) and "product" (applications).
        kinds: the fact kinds to read (`located_in` facts are always read, as rows).

    Returns:
        The snapshot.
    """
    relevant = store.documents_containing(keywords) if keywords is not None else None
    by_kind: dict[FactKind, list[StoredFact]] = defaultdict(list)
    for stored in store.analysis_facts(kinds):
        if relevant is None or stored.doc_id in relevant:
            by_kind[stored.fact.kind].append(stored)
    org_kinds, product_kinds, names = _entity_names(store)
    summaries = store.documents()
    read = store.mention_windows(window_types, WINDOW_RADIUS) if windows else []
    located = tuple(
        Located(fact_id, subject, place, basis, code)
        for fact_id, doc_id, subject, place, basis, code in store.located_in_rows()
        if relevant is None or doc_id in relevant
    )
    return Snapshot(
        facts={kind: tuple(items) for kind, items in by_kind.items()},
        located=located,
        org_kinds=org_kinds,
        product_kinds=product_kinds,
        names=names,
        published={summary.doc_id: summary.published for summary in summaries},
        copies=tuple(summary for summary in summaries if summary.duplicate_of),
        windows=tuple(item for item in read if relevant is None or item[0].span.doc_id in relevant),
    )


def _entity_names(store: KnowledgeReader) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    kinds: dict[str, dict[str, str]] = {"org": {}, "product": {}}
    names: dict[str, str] = {}
    for type_, alias, name, kind in store.entity_kinds():
        kinds[type_].setdefault(alias, kind)
        names.setdefault(alias, name)
    return kinds["org"], kinds["product"], names

"""Data contracts exchanged between pipeline stages.

Every stage talks to the others only through these frozen types. This module imports
only the standard library and must never import from other industry_atlas packages.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from industry_atlas.core.errors import GroundingError

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the year, the month or the day ("2023", "2023-10", "2024-01-16").

    Dates order by what they state, a less precise date first: 2023 < 2023-10 < 2023-10-05."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None and not 1 <= self.day <= 31:
            raise ValueError(f"day out of range: {self.day}")

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD".

        Raises:
            ValueError: if the string is not one of those shapes or out of range.
        """
        match = _PARTIAL_DATE.match(value.strip())
        if not match:
            raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    def iso(self) -> str:
        """Return the ISO form at the known precision."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()

    def sort_key(self) -> tuple[int, int, int]:
        """Earliest first; a date known to the year sorts before its months."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key() >= other.sort_key()


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps character offsets of a derived text back to the text it was derived from.

    `anchors` holds (derived_offset, original_offset) pairs sorted by derived offset; between
    two anchors the texts advance together one character for one character. Layout repair
    (removed line breaks) and script conversion produce such maps; `compose` chains them.
    """

    anchors: tuple[tuple[int, int], ...] = ((0, 0),)

    def to_original(self, offset: int) -> int:
        """Return the offset in the original text of the character at `offset`."""
        index = bisect.bisect_right(self.anchors, offset, key=_derived) - 1
        derived, original = self.anchors[max(index, 0)]
        return original + (offset - derived)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span; the end maps through its last character so removed
        characters after the span are not pulled in."""
        if end <= start:
            position = self.to_original(start)
            return position, position
        return self.to_original(start), self.to_original(end - 1) + 1

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """Chain maps: `self` maps C -> B and `inner` maps B -> A; the result maps C -> A."""
        points = {derived for derived, _ in self.anchors}
        for b_offset, _ in inner.anchors:
            # an anchor of the inner map at B offset b lands at the C offsets mapping to b
            points.update(_preimages(self, b_offset))
        anchors = tuple(
            (c_offset, inner.to_original(self.to_original(c_offset))) for c_offset in sorted(points)
        )
        return OffsetMap(_drop_redundant(anchors))

    @property
    def is_identity(self) -> bool:
        """True when every offset maps to itself."""
        return all(derived == original for derived, original in self.anchors)


def _derived(anchor: tuple[int, int]) -> int:
    return anchor[0]


def _preimages(mapping: OffsetMap, target: int) -> list[int]:
    found = []
    for derived, original in mapping.anchors:
        if original <= target:
            found.append(derived + (target - original))
    return [offset for offset in found if mapping.to_original(offset) == target]


def _drop_redundant(anchors: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    kept = [anchors[0]]
    for derived, original in anchors[1:]:
        last_derived, last_original = kept[-1]
        if original - last_original != derived - last_derived:
            kept.append((derived, original))
    return tuple(kept)


@dataclass(frozen=True, slots=True)
class Region:
    """An administrative region; `code` is its 6-digit GB/T 2260 division code."""

    code: str
    name: str
    level: str  # "country" | "province" | "city" | "district"
    parent_code: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One source document after ingest.

    `text` is the analysis text (decoded, layout repaired, simplified Chinese) that every
    `Span` refers to; `doc_id` is the content hash of `text`. When conversion or repair
    changed the text, `original_text` keeps what the source said and `offset_map` maps
    offsets of `text` into it.
    """

    doc_id: str
    source: str
    title: str
    text: str
    published: PartialDate | None = None
    lang: str = "zh"
    original_text: str | None = None
    offset_map: OffsetMap | None = None
    meta: Mapping[str, str] = field(default_factory=dict)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return `start:end` of `text` as offsets into the original text."""
        if self.offset_map is None:
            return start, end
        return self.offset_map.span_to_original(start, end)


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character offsets into `Document.text`; `quote` is the evidence itself."""

    doc_id: str
    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, document: Document, start: int, end: int) -> Span:
        """Build a span of `document` and check it lies inside the text.

        Raises:
            GroundingError: if the offsets fall outside the text or the span is empty.
        """
        if not 0 <= start < end <= len(document.text):
            raise GroundingError(
                f"span {start}:{end} is outside document {document.doc_id} "
                f"({len(document.text)} characters)"
            )
        return cls(document.doc_id, start, end, document.text[start:end])

    def is_grounded_in(self, document: Document) -> bool:
        """True when the span slices `document.text` back to its quote."""
        return (
            self.doc_id == document.doc_id
            and document.text[self.start : self.end] == self.quote
            and self.start < self.end
        )


class MentionType(StrEnum):
    """What a mention names."""

    ORG = "org"
    PERSON = "person"
    PLACE = "place"
    POLICY = "policy"
    PRODUCT = "product"
    COMPONENT = "component"
    QUANTITY = "quantity"
    TIME = "time"


@dataclass(frozen=True, slots=True)
class Mention:
    """A typed stretch of text naming something; `normalized` is its canonical form."""

    span: Span
    type: MentionType
    surface: str
    normalized: str


class FactKind(StrEnum):
    """The kinds of fact the extractor produces."""

    POLICY_ISSUED = "policy_issued"
    LOCATED_IN = "located_in"
    MAKES = "makes"
    SUPPLIES = "supplies"
    HOLDS_TITLE = "holds_title"
    METRIC = "metric"
    EVENT = "event"
    QUOTE = "quote"
    COUNT_CLAIM = "count_claim"


class Qualifier(StrEnum):
    """How a stated number relates to the true value (超过 -> ">", 近 -> "~")."""

    EQ = "="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    APPROX = "~"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A typed numeric value: never a formatted string."""

    value: Decimal
    unit: str
    qualifier: Qualifier = Qualifier.EQ


@dataclass(frozen=True, slots=True)
class Fact:
    """A grounded statement: `subject` `predicate` (`object` | `quantity`), with evidence.

    `qualifiers` carries the kind-specific attributes (a policy's period, the basis of a
    region attribution, a person's title). A fact without evidence spans is not a fact.
    """

    kind: FactKind
    subject: str
    predicate: str
    evidence: tuple[Span, ...]
    object: str | None = None
    quantity: Quantity | None = None
    time: PartialDate | None = None
    qualifiers: Mapping[str, str] = field(default_factory=dict)
    extractor: str = "rules.v1"
    confidence: float = 1.0

    def __post_init__(self) -> None:
        if not self.evidence:
            raise GroundingError(f"{self.kind} fact about {self.subject!r} has no evidence span")


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing that mentions across documents resolve to."""

    entity_id: str
    type: MentionType
    name: str
    aliases: tuple[str, ...] = ()
    attrs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What an extractor found in one document.

    `published` is the date relative dates were resolved against: the document's own, or
    inferred from the latest date the text states (then marked by an extractor fact).
    """

    document: Document
    published: PartialDate | None
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    extractor: str


@dataclass(frozen=True, slots=True)
class Run:
    """One execution of a pipeline component, recorded for the provenance of its output."""

    run_id: str
    stage: str
    component: str
    config_sha: str
    started_at: str


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """Everything stored for one document, written in one transaction."""

    document: Document
    fingerprint: bytes
    run: Run
    lookup_keys: tuple[int, ...] = ()
    duplicate_of: str | None = None
    similarity: float | None = None
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    extraction_run: Run | None = None


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of a document listing."""

    doc_id: str
    title: str
    source: str
    published: PartialDate | None
    char_count: int
    format: str
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class StoredFact:
    """A fact read back from the knowledge base, with its id and document."""

    fact_id: str
    doc_id: str
    fact: Fact


@dataclass(frozen=True, slots=True)
class StoredEntity:
    """An entity read back from the knowledge base, with how often it is mentioned."""

    entity: Entity
    mention_count: int
    document_count: int


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one input: stored, unchanged (already known) or failed."""

    source: str
    status: str  # "stored" | "unchanged" | "failed"
    doc_id: str | None = None
    title: str | None = None
    duplicate_of: str | None = None
    fact_count: int = 0
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage (a sentence or a short line) of a stored document, as a search found it.

    `rank` is the search's relevance score: higher is better, comparable only within one
    search.
    """

    span: Span
    rank: float


@dataclass(frozen=True, slots=True)
class Citation:
    """The source of a claim: a span of a stored document, with the document's source."""

    span: Span
    source: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    """The reply to a question, every claim in `text` backed by one of `citations`.

    `is_found` is False when the sources do not answer the question; `citations` then
    holds related passages (or nothing) and `text` says that no answer was found.
    `method` names how the answer was derived (e.g. "facts:policy", "retrieval:passage").
    """

    question: str
    text: str
    is_found: bool
    citations: tuple[Citation, ...]
    method: str
    fact_ids: tuple[str, ...] = ()

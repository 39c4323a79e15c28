"""What the analyses return: scorecards, timelines, the industry chain, findings, passages.

Part of analyze; imports only core. Every number carries the ids of the stored facts it
rests on (`fact_ids`) and, for what the analysis reads from the text itself (a supplier
named next to a component), the statements it derived with their spans (`derived`), so
a report, the CLI or a dashboard can link each number to its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from industry_atlas.core.models import PartialDate, Region, Span


@dataclass(frozen=True, slots=True)
class Derived:
    """A statement read from text around mentions rather than from a stored fact.

    `kind` is "supplies" (an organization supplies a component) or "applies" (a product
    or maker is used in an application scene); `term` is the word the text uses
    (谐波减速器) and `category` the node of the chain it belongs to (减速器).
    """

    kind: str
    subject: str
    term: str
    category: str
    spans: tuple[Span, ...]

    @property
    def key(self) -> str:
        """A stable reference for links: kind, subject, term and the first span."""
        first = self.spans[0]
        return f"{self.kind}:{first.doc_id}:{first.start}:{self.subject}:{self.term}"


@dataclass(frozen=True, slots=True)
class Cell:
    """One indicator of one region: a value, or nothing when the sources do not disclose it.

    `value` is a count or a figure (with `unit`, `qualifier` and the `time` it is for) and
    `date` the value of a date indicator; both None means "not disclosed" (never 0).
    `scope` names the narrower region a figure is about (上海市浦东新区 for 上海市),
    `claimed` a count the sources state for the same items, `breakdown` the value split
    (products by year), `score` the 0-100 indicator score against the other regions.
    """

    indicator: str
    value: Decimal | None = None
    date: PartialDate | None = None
    unit: str = ""
    qualifier: str = "="
    time: str | None = None
    scope: str | None = None
    items: tuple[str, ...] = ()
    breakdown: tuple[tuple[str, int], ...] = ()
    claimed: int | None = None
    note: str | None = None
    fact_ids: tuple[str, ...] = ()
    derived: tuple[Derived, ...] = ()
    score: float | None = None

    @property
    def is_disclosed(self) -> bool:
        """True when the sources give a value for this cell."""
        return self.value is not None or self.date is not None


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """A region's score in one dimension (None when no indicator of it is disclosed)."""

    dimension: str
    score: float | None


@dataclass(frozen=True, slots=True)
class RegionCard:
    """One region of a scorecard: its cells, dimension scores, weighted score and rank."""

    region: Region
    name: str
    cells: tuple[Cell, ...]
    dimensions: tuple[DimensionScore, ...]
    score: float
    rank: int

    def cell(self, indicator: str) -> Cell:
        """Return the cell of one indicator.

        Raises:
            KeyError: if the scorecard has no such indicator.
        """
        for cell in self.cells:
            if cell.indicator == indicator:
                return cell
        raise KeyError(indicator)


@dataclass(frozen=True, slots=True)
class Dimension:
    """A dimension of the scorecard (政策, 产业基础 …) and its weight."""

    id: str
    zh: str
    en: str
    weight: float


@dataclass(frozen=True, slots=True)
class Indicator:
    """An indicator: what it measures, how it is read from facts, and its weight.

    `kind` is "count" (items counted), "figure" (a stated quantity picked from metric
    facts whose indicator words contain one of `keywords` and whose unit is in `units`)
    or "date"; `direction` says which values score higher: "higher", "earlier", "later".
    """

    id: str
    dimension: str
    zh: str
    en: str
    kind: str
    direction: str
    weight: float
    units: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """Something that happened on a date, once however many sources state it."""

    date: PartialDate | None
    kind: str  # policy | release | financing | founding | establishment | other
    subject: str
    detail: str
    region: str | None
    fact_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Expert:
    """A person with titles at an institution, and the region of the institution if stated."""

    name: str
    institution: str
    titles: tuple[str, ...]
    region: str | None
    fact_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Scorecard:
    """Regions compared on the dimensions of one industry, best first.

    `apart` holds the policies of levels above a city (national, provincial) that the
    compared cities do not own; they are shown beside the table, not scored. `experts`
    lists every expert with their institution, placed in a region or not.
    """

    industry: str
    dimensions: tuple[Dimension, ...]
    indicators: tuple[Indicator, ...]
    regions: tuple[RegionCard, ...]
    apart: tuple[TimelineEntry, ...]
    experts: tuple[Expert, ...] = ()

    def region(self, name: str) -> RegionCard:
        """Return the card of a region by its full or short name.

        Raises:
            KeyError: if the region is not on the scorecard.
        """
        for card in self.regions:
            if name in (card.name, card.region.name) or card.name.startswith(name):
                return card
        raise KeyError(name)


@dataclass(frozen=True, slots=True)
class ChainMember:
    """A company (or product) at a node of the industry chain, with its region."""

    name: str
    region: str | None
    terms: tuple[str, ...]
    fact_ids: tuple[str, ...] = ()
    derived: tuple[Derived, ...] = ()


@dataclass(frozen=True, slots=True)
class ChainNode:
    """A node of the chain: a component category, robot bodies, models or an application."""

    stage: str  # upstream | midstream | downstream
    key: str
    zh: str
    en: str
    members: tuple[ChainMember, ...]


@dataclass(frozen=True, slots=True)
class Chain:
    """The industry chain from upstream components to applications."""

    industry: str
    nodes: tuple[ChainNode, ...]


@dataclass(frozen=True, slots=True)
class Citation:
    """One side of a finding: what a source states, and where."""

    label: str
    fact_id: str | None
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """A place where sources disagree with themselves or each other, with both citations.

    `kind` is "count_mismatch", "conflicting_figures", "conflicting_dates" or
    "duplicate_document".
    """

    kind: str
    subject: str
    message: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of a source document around evidence, with the evidence marked.

    `start` is the offset of `text` in the document; `marks` are (start, end) offsets
    into `text`.
    """

    doc_id: str
    title: str
    start: int
    text: str
    marks: tuple[tuple[int, int], ...]

    def segments(self) -> list[tuple[str, bool]]:
        """Split the text into (piece, is_marked) pieces, in order."""
        pieces: list[tuple[str, bool]] = []
        position = 0
        for begin, end in sorted(self.marks):
            begin = max(begin, position)
            if begin >= end:
                continue
            if begin > position:
                pieces.append((self.text[position:begin], False))
            pieces.append((self.text[begin:end], True))
            position = end
        if position < len(self.text):
            pieces.append((self.text[position:], False))
        return pieces


def date_key(date: PartialDate) -> tuple[int, int, int]:
    """Sort key of a partial date: a date known to the year sorts before its months."""
    return date.sort_key()

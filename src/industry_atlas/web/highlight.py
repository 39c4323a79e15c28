"""A document's text cut into pieces for display: each piece knows the mention type that
colours it and the facts whose evidence covers it.

Part of web. Mentions may nest (a place inside an organization's name) and evidence spans
overlap mentions, so the text is cut at every span boundary; the innermost mention
colours a piece. The pieces are plain text: the template escapes them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from industry_atlas.core.models import Mention, StoredFact


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text with the same highlights throughout.

    Attributes:
        text: the characters.
        start: offset of the first character in the document text.
        type: the innermost mention type over it (None: not in a mention).
        label: the mentions over it, for a tooltip ("org 小米集团").
        facts: numbers (1-based, in the order given) of the facts whose evidence covers it.
        is_target: inside the range the page was asked to point at.
    """

    text: str
    start: int
    type: str | None
    label: str
    facts: tuple[int, ...]
    is_target: bool


@dataclass(frozen=True, slots=True)
class _Mark:
    """One span to show: a mention, the evidence of fact number `fact`, or the target."""

    start: int
    end: int
    mention: Mention | None = None
    fact: int | None = None
    is_target: bool = False


def cut(
    text: str,
    mentions: Sequence[Mention],
    facts: Sequence[StoredFact],
    target: tuple[int, int] | None = None,
) -> list[Piece]:
    """Cut `text` into pieces at every mention, evidence and target boundary."""
    marks = [_Mark(m.span.start, m.span.end, mention=m) for m in mentions]
    marks += [
        _Mark(span.start, span.end, fact=number)
        for number, stored in enumerate(facts, 1)
        for span in stored.fact.evidence
    ]
    if target is not None:
        marks.append(_Mark(*target, is_target=True))
    marks = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=_start)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces: list[Piece] = []
    active: list[_Mark] = []
    waiting = iter(marks)
    upcoming = next(waiting, None)
    for start, end in itertools.pairwise(bounds):
        # a sweep: marks join when they start and leave when they end (bounds hold every end)
        while upcoming is not None and upcoming.start <= start:
            active.append(upcoming)
            upcoming = next(waiting, None)
        active = [mark for mark in active if mark.end > start]
        pieces.append(_piece(text[start:end], start, active))
    return pieces


def _start(mark: _Mark) -> int:
    return mark.start


def _piece(text: str, start: int, over: list[_Mark]) -> Piece:
    mentions = sorted(
        (mark for mark in over if mark.mention is not None), key=lambda mark: mark.end - mark.start
    )
    innermost = mentions[0].mention if mentions else None
    return Piece(
        text=text,
        start=start,
        type=innermost.type.value if innermost is not None else None,
        label=" · ".join(
            f"{mark.mention.type.value} {mark.mention.normalized}"
            for mark in mentions
            if mark.mention is not None
        ),
        facts=tuple(sorted({mark.fact for mark in over if mark.fact is not None})),
        is_target=any(mark.is_target for mark in over),
    )

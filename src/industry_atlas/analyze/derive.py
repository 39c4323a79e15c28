"""Statements read from the text around mentions: who supplies which component, and which
products go into which application scenes.

Part of analyze; imports only core (and analyze). Extraction stores no `supplies` facts
yet, so the chain reads them here, grounded the same way: each `Derived` statement keeps
the spans of the term and of the mention it joins. A mention owns the words of its own
clause: those before it back to the previous mention or clause break ("专注谐波减速器的
昊志机电"), else those after it up to the clause break ("兆威机电提供的灵巧手模组"); the
clause must hold one of the cue words, so "采购减速器" is not a supplier.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import ahocorasick

from industry_atlas.analyze.model import Derived
from industry_atlas.core.models import Mention, Span

_CLAUSE_BREAK = re.compile("[，。；！？：,;!?:\n]")
# greedy, so the match ends just after the last break before an offset
_UP_TO_LAST_BREAK = re.compile("(?s).*[，。；！？：,;!?:\n]")


@dataclass(frozen=True, slots=True)
class Reading:
    """What to look for: terms (word -> category), cue words, which mentions qualify."""

    kind: str  # "supplies" | "applies"
    terms: Mapping[str, str]
    cues: tuple[str, ...]
    accepts: Callable[[Mention], bool]


def derive(windows: Sequence[tuple[Mention, Span]], reading: Reading) -> list[Derived]:
    """Return the statements `reading` finds next to the accepted mentions of `windows`.

    Args:
        windows: mentions with the text around them, in document and text order.
        reading: the terms, cues and mention filter.

    Returns:
        One statement per (mention, term) pair found, in text order.
    """
    if not reading.terms:
        return []
    pattern = _matcher(reading.terms)
    cues = re.compile("|".join(map(re.escape, reading.cues))) if reading.cues else None
    found: list[Derived] = []
    # Only accepted mentions whose window holds a term can yield a statement: find those,
    # and their terms, in one pass of the automaton per window.
    matches = {
        id(window): _matches(pattern, window.quote)
        for mention, window in windows
        if reading.accepts(mention)
    }
    candidates = [item for item in windows if matches.get(id(item[1]))]
    for mention, window, first, last, ends_at_mention in _clauses(candidates, windows):
        found_in = matches[id(window)]
        before = _terms(found_in, window, first, mention.span.start, cues)
        after = (
            []
            if before or ends_at_mention
            else _terms(found_in, window, mention.span.end, last, cues)
        )
        for term in before or after:
            found.append(
                Derived(
                    reading.kind,
                    mention.normalized,
                    term.quote,
                    reading.terms[term.quote],
                    tuple(sorted((term, mention.span), key=lambda span: span.start)),
                )
            )
    return found


def _clauses(
    candidates: Sequence[tuple[Mention, Span]], windows: Sequence[tuple[Mention, Span]]
) -> Iterator[tuple[Mention, Span, int, int, bool]]:
    """Yield each candidate mention with its window and the clause it owns: (first, last)
    offsets and whether the part after it ends at the next mention of `windows`."""
    position_of = {id(item): position for position, item in enumerate(windows)}
    for item in candidates:
        mention, window = item
        position = position_of[id(item)]
        first = _clause_start(window, mention.span.start)
        previous = _neighbour(windows, position, -1)
        if previous is not None:
            first = min(max(first, previous.span.end), mention.span.start)
        last = _clause_end(window, mention.span.end)
        following = _neighbour(windows, position, 1)
        ends_at_mention = following is not None and following.span.start < last
        if following is not None:
            last = max(min(last, following.span.start), mention.span.end)
        yield mention, window, first, last, ends_at_mention


def _neighbour(windows: Sequence[tuple[Mention, Span]], position: int, step: int) -> Mention | None:
    other = position + step
    if not 0 <= other < len(windows):
        return None
    mention, neighbour = windows[position][0], windows[other][0]
    if neighbour.span.doc_id != mention.span.doc_id or neighbour.span == mention.span:
        return None
    return neighbour


def _clause_start(window: Span, offset: int) -> int:
    found = _UP_TO_LAST_BREAK.match(window.quote, 0, offset - window.start)
    return window.start + (found.end() if found else 0)


def _clause_end(window: Span, offset: int) -> int:
    found = _CLAUSE_BREAK.search(window.quote, offset - window.start)
    return window.start + found.start() if found else window.end


def _matcher(terms: Mapping[str, str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in terms:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _matches(matcher: ahocorasick.Automaton, text: str) -> list[tuple[int, int, str]]:
    """Every term in `text` as (start, end, word), by start, the longest first at a start."""
    return sorted(
        ((end + 1 - len(word), end + 1, word) for end, word in matcher.iter(text)),
        key=lambda match: (match[0], match[0] - match[1]),
    )


def _terms(
    matches: Sequence[tuple[int, int, str]],
    window: Span,
    first: int,
    last: int,
    cues: re.Pattern[str] | None,
) -> list[Span]:
    """The terms of `window` (its `matches`) between `first` and `last`, longest first where
    they overlap, when the stretch also holds a cue word."""
    if last <= first:
        return []
    low, high = first - window.start, last - window.start
    if cues is None or not cues.search(window.quote, low, high):
        return []
    spans: list[Span] = []
    for start, end, word in matches:
        if low <= start and end <= high and (not spans or window.start + start >= spans[-1].end):
            spans.append(Span(window.doc_id, window.start + start, window.start + end, word))
    return spans

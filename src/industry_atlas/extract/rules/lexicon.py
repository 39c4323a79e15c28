"""Fast lookup of the makers and products the domain packs know (Aho-Corasick).

Part of the rules extractor; imports only core and the packs. A Latin name matches only
as a whole word: H1 is not found inside GH12.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from industry_atlas.extract.packs import DomainKnowledge, KnownEntity, load_packs


@dataclass(frozen=True, slots=True)
class LexiconHit:
    """A known name found in a text."""

    start: int
    end: int
    entry: KnownEntity
    is_maker: bool


class Lexicon:
    """Every name and alias of the packs' makers and products, matched in one pass."""

    def __init__(self, knowledge: DomainKnowledge) -> None:
        """Build the automaton from the packs."""
        self._automaton = ahocorasick.Automaton()
        names: dict[str, tuple[KnownEntity, bool]] = {}
        self._names = names
        for entries, is_maker in ((knowledge.products, False), (knowledge.makers, True)):
            for entry in entries:
                for name in (entry.name, *entry.aliases):
                    names.setdefault(name, (entry, is_maker))
        for name, value in names.items():
            self._automaton.add_word(name, (name, *value))
        self._automaton.make_automaton()
        self.makers = {entry.name: entry for entry in knowledge.makers}
        self.products = {entry.name: entry for entry in knowledge.products}

    def entry_of(self, name: str) -> LexiconHit | None:
        """Return the pack entry a whole name or alias belongs to, as a hit at 0."""
        found = self._names.get(name)
        return LexiconHit(0, len(name), found[0], found[1]) if found else None

    def find(self, text: str) -> Iterator[LexiconHit]:
        """Yield the longest known name at each place, whole Latin words only."""
        hits = []
        for end_index, (name, entry, is_maker) in self._automaton.iter(text):
            start, end = end_index - len(name) + 1, end_index + 1
            if _cuts_latin_word(text, start, end):
                continue
            hits.append(LexiconHit(start, end, entry, is_maker))
        hits.sort(key=lambda hit: (hit.start, -(hit.end - hit.start)))
        last_end = -1
        for hit in hits:
            if hit.start >= last_end:
                last_end = hit.end
                yield hit


def _cuts_latin_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    is_word = str.isascii
    return (
        is_word(text[start]) and text[start].isalnum() and is_word(before) and before.isalnum()
    ) or (
        is_word(text[end - 1])
        and text[end - 1].isalnum()
        and is_word(after)
        and (after.isalnum() or after == "-")
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon of the installed packs, built once."""
    return Lexicon(load_packs())

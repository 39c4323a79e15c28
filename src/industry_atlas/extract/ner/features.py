"""Per-character inputs of the entity tagger: character ids, character-pair ids and flags.

The same code runs at training and at tagging time, so the two can never drift. Flags
come from character classes and from lexicons matched with Aho-Corasick (words of the
jieba dictionary tagged as person, place, organization or other proper name, and the
entity lists of the training split). Imports numpy, ahocorasick and core only; must not
import torch, jieba or the CLI.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

import ahocorasick
import numpy as np
import numpy.typing as npt

from industry_atlas.core.text import fold_width

CHAR_CLASSES = ("digit", "latin", "cjk", "punct", "space", "other")
WORD_POSITIONS = ("B", "M", "E")
PAD_ID = 0
UNKNOWN_ID = 1
_PAIR_SHIFT = 21  # a code point fits in 21 bits

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class CharInputs:
    """The tagger's inputs for one text: one row per character."""

    char_ids: IntArray
    pair_ids: IntArray
    flags: FloatArray


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Words with categories. A word of category `c` found in a text marks its first,
    inner and last characters with the flags B-c, M-c and E-c.

    Attributes:
        name: what the lexicon is ("names", "words", "gazetteer").
        categories: the category order, which fixes the flag columns.
        words: surface -> category; words under two characters are ignored.
    """

    name: str
    categories: tuple[str, ...]
    words: Mapping[str, str]

    @property
    def width(self) -> int:
        """Number of flag columns: three per category."""
        return len(WORD_POSITIONS) * len(self.categories)


@dataclass(frozen=True, slots=True)
class _LexiconIndex:
    """Every lexicon word in one automaton whose value is the word's number; per number,
    the word's length and its flag columns (a word may be in several lexicons):
    `columns[first[n] : first[n] + count[n]]`."""

    automaton: ahocorasick.Automaton
    length: IntArray
    first: IntArray
    count: IntArray
    columns: IntArray


def _index_lexicons(lexicons: Sequence[Lexicon], first_column: int) -> _LexiconIndex:
    columns: dict[str, list[int]] = {}
    base = first_column
    for lexicon in lexicons:
        index = {category: number for number, category in enumerate(lexicon.categories)}
        for word, category in lexicon.words.items():
            if len(word) >= 2 and category in index:
                columns.setdefault(word, []).append(base + 3 * index[category])
        base += lexicon.width
    automaton = ahocorasick.Automaton()
    for number, word in enumerate(columns):
        automaton.add_word(word, number)
    if columns:
        automaton.make_automaton()
    count = np.array([len(found) for found in columns.values()], dtype=np.int64)
    return _LexiconIndex(
        automaton,
        length=np.array([len(word) for word in columns], dtype=np.int64),
        first=np.cumsum(count) - count,
        count=count,
        columns=np.array([c for found in columns.values() for c in found], dtype=np.int64),
    )


class Vocabulary:
    """Character and character-pair ids, looked up with sorted arrays (vectorized)."""

    def __init__(self, chars: str, pairs: Iterable[str]) -> None:
        """Index `chars` from 2 (0 pads, 1 is unknown) and `pairs` from 1 (0 is unknown)."""
        self.chars = chars
        self.pairs = tuple(pairs)
        codes = np.array([ord(char) for char in chars], dtype=np.int64)
        order = np.argsort(codes, kind="stable")
        self._char_codes = codes[order]
        self._char_ids = order + 2
        keys = np.array([_pair_key(pair) for pair in self.pairs], dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        self._pair_keys = keys[order]
        self._pair_ids = order + 1

    @property
    def char_count(self) -> int:
        """Rows of the character embedding, padding and unknown included."""
        return len(self.chars) + 2

    @property
    def pair_count(self) -> int:
        """Rows of the pair embedding, unknown included."""
        return len(self.pairs) + 1

    def char_ids(self, codes: IntArray) -> IntArray:
        """Map code points to character ids (unknown characters to UNKNOWN_ID)."""
        return _lookup(self._char_codes, self._char_ids, codes, UNKNOWN_ID)

    def pair_ids(self, codes: IntArray) -> IntArray:
        """Map each character and its right neighbour to a pair id (0 if unseen or last)."""
        if codes.size < 2:
            return np.zeros(codes.size, dtype=np.int64)
        keys = (codes[:-1] << _PAIR_SHIFT) | codes[1:]
        ids = _lookup(self._pair_keys, self._pair_ids, keys, 0)
        return np.append(ids, 0)


def _pair_key(pair: str) -> int:
    return (ord(pair[0]) << _PAIR_SHIFT) | ord(pair[1])


def _lookup(keys: IntArray, values: IntArray, queries: IntArray, missing: int) -> IntArray:
    if keys.size == 0:
        return np.full(queries.size, missing, dtype=np.int64)
    positions = np.minimum(np.searchsorted(keys, queries), keys.size - 1)
    return np.where(keys[positions] == queries, values[positions], missing)


class Featurizer:
    """Turns a text into `CharInputs` with a vocabulary and lexicons."""

    def __init__(self, vocabulary: Vocabulary, lexicons: Sequence[Lexicon]) -> None:
        """Keep the vocabulary; match all lexicons with one automaton (one pass per text)."""
        self.vocabulary = vocabulary
        self.lexicons = tuple(lexicons)
        self.flag_count = len(CHAR_CLASSES) + sum(lexicon.width for lexicon in self.lexicons)
        self._index = _index_lexicons(self.lexicons, len(CHAR_CLASSES))

    def featurize(self, text: str) -> CharInputs:
        """Compute the inputs for every character of `text` (which may be empty)."""
        matched = fold_width(text)
        codes = code_points(matched)
        flags = np.zeros((len(text), self.flag_count), dtype=np.float32)
        flags[np.arange(len(text)), char_classes(matched)] = 1.0
        self._mark(matched, flags)
        return CharInputs(self.vocabulary.char_ids(codes), self.vocabulary.pair_ids(codes), flags)

    def _mark(self, text: str, flags: FloatArray) -> None:
        index = self._index
        if index.length.size == 0 or not text:
            return  # an automaton without words cannot search
        # every match as (end, word number), flattened; the rest is vectorized
        found = np.fromiter(chain.from_iterable(index.automaton.iter(text)), dtype=np.int64)
        if found.size == 0:
            return
        words = found[1::2]
        per_word = index.count[words]
        last = np.repeat(found[0::2], per_word)
        size = np.repeat(index.length[words], per_word)
        within = np.arange(per_word.sum()) - np.repeat(np.cumsum(per_word) - per_word, per_word)
        base = index.columns[np.repeat(index.first[words], per_word) + within]
        flags[last - size + 1, base] = 1.0
        flags[last, base + 2] = 1.0
        inner = size > 2
        if inner.any():
            counts = size[inner] - 2
            starts = np.repeat(last[inner] - size[inner] + 2, counts)
            steps = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
            flags[starts + steps, np.repeat(base[inner] + 1, counts)] = 1.0


def featurize_batch(
    featurizer: Featurizer, texts: Sequence[str], gap: int
) -> tuple[CharInputs, IntArray, IntArray]:
    """Featurize texts as one block, `gap` padding rows before, between and after them.

    One pass over the joined texts is much faster than one per text. The joining
    character (NUL) is in no lexicon word, so no match crosses from one text to the next.

    Returns:
        (inputs, start row of each text, length of each text).
    """
    lengths = np.array([len(text) for text in texts], dtype=np.int64)
    separator = "\0" * gap
    inputs = featurizer.featurize(separator + separator.join(texts) + separator)
    starts = gap + np.concatenate(([0], np.cumsum(lengths + gap)[:-1])).astype(np.int64)
    edges = np.zeros(inputs.char_ids.size + 1, dtype=np.int64)
    np.add.at(edges, starts, 1)
    np.add.at(edges, starts + lengths, -1)
    padding = np.cumsum(edges[:-1]) == 0
    inputs.char_ids[padding] = PAD_ID
    inputs.pair_ids[padding] = 0
    inputs.flags[padding] = 0.0
    return inputs, starts, lengths


def code_points(text: str) -> IntArray:
    """Return the code points of `text` as an int64 array (lone surrogates included)."""
    data = text.encode("utf-32-le", errors="surrogatepass")
    return np.frombuffer(data, dtype="<u4").astype(np.int64)


_CLASS_OF_ASCII = np.array(
    [
        0
        if chr(code).isdigit()
        else 1
        if chr(code).isalpha()
        else 4
        if chr(code).isspace()
        else 3
        if unicodedata.category(chr(code)).startswith(("P", "S"))
        else 5
        for code in range(128)
    ],
    dtype=np.int64,
)


def char_classes(text: str) -> IntArray:
    """Return the index into CHAR_CLASSES of every character of `text`."""
    codes = code_points(text)
    classes = np.full(codes.size, 5, dtype=np.int64)
    ascii_mask = codes < 128
    classes[ascii_mask] = _CLASS_OF_ASCII[codes[ascii_mask]]
    cjk = ((codes >= 0x3400) & (codes <= 0x9FFF)) | ((codes >= 0x20000) & (codes <= 0x2A6DF))
    classes[cjk] = 2
    punct = ((codes >= 0x3000) & (codes <= 0x303F)) | ((codes >= 0xFF00) & (codes <= 0xFF65))
    classes[punct & ~cjk] = 3
    for index in np.flatnonzero(~ascii_mask & ~cjk & ~punct):
        classes[index] = _class_of(text[index])
    return classes


def _class_of(char: str) -> int:
    category = unicodedata.category(char)
    if category == "Nd":
        return 0
    if category.startswith("L") and char.isascii():
        return 1
    if category.startswith(("P", "S")):
        return 3
    if category.startswith("Z"):
        return 4
    return 5

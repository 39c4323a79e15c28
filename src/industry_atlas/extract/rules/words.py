"""Chinese word segmentation (jieba), loaded once and quietly.

Part of the rules extractor. jieba's dictionary also tells how common a word is, which
separates brand names (宇树, 乐聚) from everyday words (人形, 工业).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import lru_cache

import jieba


@lru_cache(maxsize=1)
def _segmenter() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def jieba_tokenize(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield (word, start, end) for the words of `text`."""
    return _segmenter().tokenize(text)  # type: ignore[no-any-return]


def jieba_words(text: str) -> list[str]:
    """Return the words of a short text."""
    return list(_segmenter().cut(text))


def jieba_frequencies() -> dict[str, int]:
    """Return jieba's word -> corpus count table."""
    return _segmenter().FREQ  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def jieba_tags() -> dict[str, str]:
    """Return jieba's dictionary part-of-speech tag per word (v verb, p preposition, nt
    organization...): a lookup, not tagging, so it costs nothing per document."""
    from jieba import posseg

    _segmenter()
    return posseg.dt.word_tag_tab  # type: ignore[no-any-return]

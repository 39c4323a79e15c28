"""`EntityRecognizer`: generic Chinese entities (CLUENER labels) in any text, as spans.

Loads the model shipped in `ner/data/` on first use, never at import. Long texts are cut
into sentences and chunks and tagged in batches. Imports numpy and the `ner` inference
modules; must not import torch, jieba or the CLI.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from industry_atlas.core.text import SENTENCE_END
from industry_atlas.extract.ner.features import featurize_batch
from industry_atlas.extract.ner.model import TaggerModel, default_model_path, load_model
from industry_atlas.extract.ner.spans import NamedSpan, decode_tag_ids

__all__ = ["EntityRecognizer", "NamedSpan"]

MAX_CHUNK = 120
BATCH_CHARS = 16_000
_BREAKS = SENTENCE_END | frozenset("\n\r\u2028\u2029")
_SOFT_BREAKS = frozenset("，,、：: \t")
_BREAK = re.compile("[" + re.escape("".join(sorted(_BREAKS))) + "]")


class EntityRecognizer:
    """Find names, companies, government bodies, organizations, positions and more.

    Example:
        >>> recognizer = EntityRecognizer()
        >>> [(s.label, s.text) for s in recognizer.recognize("小米集团董事长雷军表示。")]
        [('company', '小米集团'), ('position', '董事长'), ('name', '雷军')]
    """

    def __init__(
        self, model_path: Path | None = None, *, labels: Sequence[str] | None = None
    ) -> None:
        """Remember where the model is; it is read on the first `recognize` call.

        Args:
            model_path: a model file from `industry-atlas ner --train`; default: shipped one.
            labels: keep only spans with these labels (default: every label of the model).
        """
        self.model_path = model_path or default_model_path()
        self.labels = frozenset(labels) if labels is not None else None
        self._model: TaggerModel | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> TaggerModel:
        """The loaded model (read from disk on first access)."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = load_model(self.model_path)
        return self._model

    def recognize(self, text: str) -> list[NamedSpan]:
        """Return the entities in `text` as half-open character spans, in text order."""
        return self.recognize_many([text])[0]

    def recognize_many(self, texts: Sequence[str]) -> list[list[NamedSpan]]:
        """Return the entities of each text; batching many short texts is faster."""
        model = self.model
        labels = model.config["labels"]
        gap = model.network.kernel // 2
        results: list[list[NamedSpan]] = [[] for _ in texts]
        # Chunks of like length batched together: a batch is decoded for as many steps
        # as its longest chunk has characters, so mixed lengths would decode padding.
        for batch in _batches(sorted(_chunks(texts), key=lambda chunk: len(chunk[2]))):
            inputs, starts, lengths = featurize_batch(
                model.featurizer, [chunk for _, _, chunk in batch], gap
            )
            for (number, offset, chunk), tags in zip(
                batch, model.network.tag(inputs, starts, lengths), strict=True
            ):
                positions = np.flatnonzero(tags)
                spans = decode_tag_ids(
                    chunk, positions.tolist(), tags[positions].tolist(), labels, offset
                )
                results[number].extend(
                    span for span in spans if self.labels is None or span.label in self.labels
                )
        for spans in results:
            spans.sort(key=lambda span: span.start)
        return results


Chunk = tuple[int, int, str]


def _chunks(texts: Sequence[str]) -> Iterator[Chunk]:
    """Yield (text number, offset, chunk) for every non-blank chunk of every text."""
    for number, text in enumerate(texts):
        for start, end in split_chunks(text):
            if not text[start:end].isspace():
                yield number, start, text[start:end]


def _batches(chunks: Iterable[Chunk]) -> Iterator[list[Chunk]]:
    batch: list[Chunk] = []
    size = 0
    for chunk in chunks:
        batch.append(chunk)
        size += len(chunk[2])
        if size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def split_chunks(text: str, max_chunk: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Cut `text` into (start, end) pieces at sentence ends, none longer than `max_chunk`.

    A sentence over the limit is cut after its last comma or space within the limit, or
    hard at the limit. The pieces cover the text without gaps, in order.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    for found in _BREAK.finditer(text):
        pieces.extend(_cut_long(text, start, found.end(), max_chunk))
        start = found.end()
    if start < len(text):
        pieces.extend(_cut_long(text, start, len(text), max_chunk))
    return pieces


def _cut_long(text: str, start: int, end: int, max_chunk: int) -> Iterator[tuple[int, int]]:
    while end - start > max_chunk:
        limit = start + max_chunk
        cut = max(
            (index + 1 for index in range(limit - 1, start, -1) if text[index] in _SOFT_BREAKS),
            default=limit,
        )
        yield start, cut
        start = cut
    if start < end:
        yield start, end

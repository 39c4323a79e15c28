"""Read and write CLUENER2020 JSON lines, converting its inclusive ends to half-open spans.

A line is `{"text": ..., "label": {label: {surface: [[start, end_inclusive], ...]}}}`;
`label` may be absent (unlabelled input). Imports only the standard library and
`ner.spans`; must not import numpy or the tagger.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from industry_atlas.core.errors import AtlasError
from industry_atlas.extract.ner.spans import NamedSpan


@dataclass(frozen=True, slots=True)
class CluenerRecord:
    """One CLUENER line: the sentence, its spans, and any other keys it carried (e.g. "id")."""

    text: str
    spans: tuple[NamedSpan, ...] = ()
    extra: tuple[tuple[str, Any], ...] = ()


def parse_line(line: str, where: str = "input") -> CluenerRecord:
    """Parse one CLUENER JSON line.

    Args:
        line: the JSON object as text.
        where: names the line in error messages, e.g. "train.json:12".

    Raises:
        AtlasError: if the line is not a CLUENER object or a span does not match its text.
    """
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise AtlasError(f"{where}: not JSON ({error.msg})") from error
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise AtlasError(f'{where}: expected an object with a "text" string')
    text = data["text"]
    spans = tuple(sorted(_spans(text, data.get("label") or {}, where)))
    extra = tuple((key, value) for key, value in data.items() if key not in ("text", "label"))
    return CluenerRecord(text, spans, extra)


def _spans(text: str, labels: Any, where: str) -> Iterator[NamedSpan]:
    if not isinstance(labels, dict):
        raise AtlasError(f'{where}: "label" must be an object')
    for label, surfaces in labels.items():
        for surface, positions in dict(surfaces).items():
            for start, end_inclusive in positions:
                span = NamedSpan(int(start), int(end_inclusive) + 1, str(label), str(surface))
                if text[span.start : span.end] != span.text:
                    raise AtlasError(
                        f"{where}: span {label} [{start}, {end_inclusive}] is not {surface!r}"
                    )
                yield span


def read_records(lines: Iterable[str], name: str = "input") -> Iterator[CluenerRecord]:
    """Parse CLUENER JSON lines, skipping blank ones.

    Raises:
        AtlasError: naming the file and line of the first bad line.
    """
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield parse_line(line, f"{name}:{number}")


def format_record(
    text: str, spans: Sequence[NamedSpan], extra: Iterable[tuple[str, Any]] = ()
) -> str:
    """Write one CLUENER JSON line (no newline) with inclusive ends, as the benchmark does."""
    labels: dict[str, dict[str, list[list[int]]]] = {}
    for span in sorted(spans):
        labels.setdefault(span.label, {}).setdefault(span.text, []).append(
            [span.start, span.end - 1]
        )
    data: dict[str, Any] = {"text": text, **dict(extra), "label": labels}
    return json.dumps(data, ensure_ascii=False)


class Recognizer(Protocol):
    """Anything that tags many texts at once (`EntityRecognizer` does)."""

    def recognize_many(self, texts: Sequence[str]) -> list[list[NamedSpan]]:
        """Return the spans of each text."""
        ...


def annotate_lines(
    lines: Iterable[str], recognizer: Recognizer, name: str = "input", batch_size: int = 256
) -> Iterator[str]:
    """Tag CLUENER lines and yield one output line per input line, in order.

    Existing labels are replaced by the predictions; other keys (such as "id") are kept.
    A blank input line gives a blank output line, so line numbers stay aligned.
    """
    batch: list[CluenerRecord | None] = []
    for number, line in enumerate(lines, start=1):
        batch.append(parse_line(line, f"{name}:{number}") if line.strip() else None)
        if len(batch) >= batch_size:
            yield from _annotate(batch, recognizer)
            batch = []
    yield from _annotate(batch, recognizer)


def _annotate(batch: Sequence[CluenerRecord | None], recognizer: Recognizer) -> Iterator[str]:
    records = [record for record in batch if record is not None]
    predicted = iter(recognizer.recognize_many([record.text for record in records]))
    for record in batch:
        yield "" if record is None else format_record(record.text, next(predicted), record.extra)

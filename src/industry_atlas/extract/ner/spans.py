"""Labelled character spans and their BIOES tag encoding.

Imports only the standard library. Spans are half-open: `text[start:end] == span.text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

OUTSIDE = "O"
_PREFIXES = "BMES"


@dataclass(frozen=True, slots=True, order=True)
class NamedSpan:
    """One recognized entity: `text[start:end]` is its surface, `label` its CLUENER type."""

    start: int
    end: int
    label: str
    text: str


def tag_names(labels: Sequence[str]) -> tuple[str, ...]:
    """Return the BIOES tag set for `labels`: "O" first, then B/M/E/S per label."""
    return (OUTSIDE, *(f"{prefix}-{label}" for label in labels for prefix in _PREFIXES))


def encode_tags(length: int, spans: Sequence[NamedSpan]) -> list[str]:
    """Tag every character of a text of `length` characters with BIOES tags.

    Spans that overlap an earlier one are dropped: a tagger can only emit one per character.
    """
    tags = [OUTSIDE] * length
    for span in sorted(spans):
        if span.start < 0 or span.end > length or span.start >= span.end:
            continue
        if any(tag != OUTSIDE for tag in tags[span.start : span.end]):
            continue
        if span.end - span.start == 1:
            tags[span.start] = f"S-{span.label}"
            continue
        tags[span.start] = f"B-{span.label}"
        tags[span.start + 1 : span.end - 1] = [f"M-{span.label}"] * (span.end - span.start - 2)
        tags[span.end - 1] = f"E-{span.label}"
    return tags


def decode_tags(text: str, tags: Sequence[str], offset: int = 0) -> list[NamedSpan]:
    """Read the well-formed spans (B M* E, or S) out of a tag sequence over `text`.

    Args:
        text: the characters the tags are for.
        tags: one BIOES tag per character.
        offset: added to every start and end, for texts cut out of a longer one.

    Returns:
        The spans in text order; an unfinished or mislabelled B-M-E run yields nothing.
    """
    spans: list[NamedSpan] = []
    start: int | None = None
    current = ""
    for index, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if prefix == "S":
            spans.append(NamedSpan(offset + index, offset + index + 1, label, text[index]))
            start = None
        elif prefix == "B":
            start, current = index, label
        elif prefix == "M" and start is not None and label == current:
            continue
        elif prefix == "E" and start is not None and label == current:
            spans.append(
                NamedSpan(offset + start, offset + index + 1, label, text[start : index + 1])
            )
            start = None
        else:
            start = None
    return spans


def decode_tag_ids(
    text: str,
    positions: Sequence[int],
    tag_ids: Sequence[int],
    labels: Sequence[str],
    offset: int = 0,
) -> list[NamedSpan]:
    """Like `decode_tags`, from the characters that are not "O" only (fast on sparse tags).

    Args:
        text: the characters the tags are for.
        positions: the indices of the characters not tagged "O", ascending.
        tag_ids: their tags, as indices into `tag_names(labels)`.
        labels: the labels the tag set was made for.
        offset: added to every start and end.
    """
    spans: list[NamedSpan] = []
    start: int | None = None
    current = previous = -2
    for index, tag in zip(positions, tag_ids, strict=True):
        if index != previous + 1:
            start = None
        previous = index
        kind, label = divmod(tag - 1, 4)[::-1]
        if kind == 3:
            spans.append(NamedSpan(offset + index, offset + index + 1, labels[label], text[index]))
            start = None
        elif kind == 0:
            start, current = index, label
        elif kind == 2 and start is not None and label == current:
            spans.append(
                NamedSpan(
                    offset + start, offset + index + 1, labels[label], text[start : index + 1]
                )
            )
            start = None
        elif kind != 1 or label != current:
            start = None
    return spans

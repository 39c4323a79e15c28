"""Batched Viterbi decoding of a linear-chain CRF over BIOES tags, in numpy.

Tags are ordered as `spans.tag_names` makes them: "O", then B, M, E, S for each label.
Decoding allows only well-formed sequences (B-x M-x* E-x, S-x, O), which also makes it
cheap: a tag after B-x or M-x must be M-x or E-x, so only the "opening" tags (O, B, S)
need a full maximum over the "closing" tags (O, E, S). Imports numpy only; must not
import torch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_NEVER = np.float32(-1e9)


@dataclass(frozen=True, slots=True)
class Transitions:
    """The CRF's tag-sequence scores: start, tag -> tag matrix, end."""

    start: FloatArray
    matrix: FloatArray
    end: FloatArray


@dataclass(frozen=True, slots=True)
class _Plan:
    """Index arrays of the BIOES tag groups, for `label_count` labels."""

    opening: IntArray  # O, B-*, S-*: may follow a closing tag
    closing: IntArray  # O, E-*, S-*: may be followed by an opening tag
    begin: IntArray
    inside: IntArray
    end: IntArray

    def opening_matrix(self, matrix: FloatArray) -> FloatArray:
        """[opening, closing] transition scores from each closing tag to each opening tag."""
        return np.ascontiguousarray(matrix[self.closing][:, self.opening].T)

    @classmethod
    def for_tags(cls, tag_count: int) -> _Plan:
        label_count = (tag_count - 1) // 4
        base = 1 + 4 * np.arange(label_count)
        zero = np.zeros(1, dtype=np.int64)
        return cls(
            opening=np.concatenate((zero, base, base + 3)),
            closing=np.concatenate((zero, base + 2, base + 3)),
            begin=base,
            inside=base + 1,
            end=base + 2,
        )


def viterbi(emissions: FloatArray, mask: BoolArray, transitions: Transitions) -> IntArray:
    """Return the best well-formed BIOES tag sequence of every row of a padded batch.

    Args:
        emissions: [batch, length, tags] scores, tags = 1 + 4 * labels; rows padded at the end.
        mask: [batch, length], True on real characters; every row has at least one.
        transitions: the CRF's start, transition and end scores.

    Returns:
        [batch, length] tag indices; positions outside the mask hold 0.
    """
    batch, length, tag_count = emissions.shape
    if batch == 0 or length == 0:
        return np.zeros((batch, length), dtype=np.int64)
    plan = _Plan.for_tags(tag_count)
    start = np.full(tag_count, _NEVER, dtype=np.float32)
    start[plan.opening] = transitions.start[plan.opening]
    scores = start + emissions[:, 0]
    backpointers = np.zeros((length, batch, tag_count), dtype=np.int64)
    opening = plan.opening_matrix(transitions.matrix)
    for position in range(1, length):
        stepped, best = _step(scores, transitions.matrix, opening, plan)
        active = mask[:, position, None]
        scores = np.where(active, stepped + emissions[:, position], scores)
        backpointers[position] = np.where(active, best, np.arange(tag_count))
    end = np.full(tag_count, _NEVER, dtype=np.float32)
    end[plan.closing] = transitions.end[plan.closing]
    tags = np.zeros((batch, length), dtype=np.int64)
    tags[:, -1] = (scores + end).argmax(axis=1)
    rows = np.arange(batch)
    for position in range(length - 1, 0, -1):
        tags[:, position - 1] = backpointers[position, rows, tags[:, position]]
    return np.where(mask, tags, 0)


def _step(
    scores: FloatArray, matrix: FloatArray, opening: FloatArray, plan: _Plan
) -> tuple[FloatArray, IntArray]:
    """Best previous score and tag for every tag, given the scores at the previous position."""
    stepped = np.full(scores.shape, _NEVER, dtype=np.float32)
    best = np.zeros(scores.shape, dtype=np.int64)
    # Opening tags: maximum over all closing tags (reduced along the last, contiguous axis).
    candidates = scores[:, None, plan.closing] + opening
    choice = candidates.argmax(axis=2)
    stepped[:, plan.opening] = np.take_along_axis(candidates, choice[:, :, None], axis=2)[:, :, 0]
    best[:, plan.opening] = plan.closing[choice]
    # Inner and end tags of label x: the previous tag is B-x or M-x.
    for target in (plan.inside, plan.end):
        from_begin = scores[:, plan.begin] + matrix[plan.begin, target]
        from_inside = scores[:, plan.inside] + matrix[plan.inside, target]
        use_inside = from_inside > from_begin
        stepped[:, target] = np.where(use_inside, from_inside, from_begin)
        best[:, target] = np.where(use_inside, plan.inside, plan.begin)
    return stepped, best

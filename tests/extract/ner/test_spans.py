"""BIOES tags: spans encode to tags and decode back; Viterbi keeps sequences well formed."""

from __future__ import annotations

import itertools

import numpy as np

from industry_atlas.extract.ner.crf import Transitions, viterbi
from industry_atlas.extract.ner.spans import (
    NamedSpan,
    decode_tag_ids,
    decode_tags,
    encode_tags,
    tag_names,
)

TEXT = "小米集团董事长雷军说"
SPANS = [
    NamedSpan(0, 4, "company", "小米集团"),
    NamedSpan(4, 7, "position", "董事长"),
    NamedSpan(7, 9, "name", "雷军"),
    NamedSpan(9, 10, "name", "说"),
]


def test_spans_survive_encoding_and_decoding() -> None:
    tags = encode_tags(len(TEXT), SPANS)
    assert decode_tags(TEXT, tags) == SPANS
    names = tag_names(["company", "name", "position"])
    ids = [names.index(tag) for tag in tags]
    positions = [i for i, tag in enumerate(ids) if tag]
    labels = ["company", "name", "position"]
    assert decode_tag_ids(TEXT, positions, [ids[i] for i in positions], labels) == SPANS


def test_decoding_drops_broken_runs_and_applies_the_offset() -> None:
    tags = ["B-name", "M-name", "O", "B-name", "E-company", "S-name"]
    assert decode_tags("abcdef", tags, offset=10) == [NamedSpan(15, 16, "name", "f")]


def test_overlapping_spans_keep_the_first() -> None:
    tags = encode_tags(4, [NamedSpan(0, 3, "a", "xyz"), NamedSpan(2, 4, "b", "zw")])
    assert tags == ["B-a", "M-a", "E-a", "O"]


def _is_well_formed(names: list[str]) -> bool:
    previous = "O"
    for name in [*names, "O"]:
        kind, _, label = name.partition("-")
        open_kind, _, open_label = previous.partition("-")
        if kind in "ME" and not (open_kind in "BM" and open_label == label):
            return False
        if kind in "BSO" and open_kind in "BM":
            return False
        previous = name
    return True


def test_viterbi_finds_the_best_well_formed_sequence() -> None:
    rng = np.random.default_rng(0)
    names = tag_names(["a", "b"])
    for _ in range(20):
        length = int(rng.integers(1, 5))
        emissions = rng.normal(size=(1, length, len(names))).astype(np.float32)
        transitions = Transitions(
            *(rng.normal(size=shape).astype(np.float32) for shape in [9, (9, 9), 9])
        )

        def score(sequence: tuple[int, ...], e=emissions, t=transitions) -> float:
            steps = itertools.pairwise(sequence)
            return float(
                t.start[sequence[0]]
                + sum(e[0, i, tag] for i, tag in enumerate(sequence))
                + sum(t.matrix[a, b] for a, b in steps)
                + t.end[sequence[-1]]
            )

        candidates = [
            seq
            for seq in itertools.product(range(len(names)), repeat=length)
            if _is_well_formed([names[tag] for tag in seq])
        ]
        best = max(candidates, key=score)
        found = viterbi(emissions, np.ones((1, length), dtype=bool), transitions)
        assert tuple(found[0].tolist()) == best

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from industry_atlas.core.errors import GroundingError
from industry_atlas.core.models import (
    Document,
    Fact,
    FactKind,
    OffsetMap,
    PartialDate,
    Span,
)


@pytest.mark.parametrize("value", ["2023", "2023-10", "2024-01-16"])
def test_partial_date_round_trips_its_precision(value: str) -> None:
    assert PartialDate.parse(value).iso() == value


@pytest.mark.parametrize("value", ["2023-13", "2023-1", "23-01-01", "2024-02-32", "yesterday"])
def test_partial_date_rejects_malformed_dates(value: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(value)


def test_partial_dates_sort_chronologically() -> None:
    dates = [PartialDate.parse(v) for v in ["2024-01-16", "2023-10", "2023-05", "2024-01-12"]]
    assert [d.iso() for d in sorted(dates)] == ["2023-05", "2023-10", "2024-01-12", "2024-01-16"]


def test_offset_map_skips_removed_characters() -> None:
    original = "加快\n\n落地实施"
    derived = "加快落地实施"
    mapping = OffsetMap(((0, 0), (2, 4)))
    for index, char in enumerate(derived):
        assert original[mapping.to_original(index)] == char


def test_offset_map_compose_chains_two_edits() -> None:
    a = "ab\n\ncd\nef"
    c = "abcdef"  # b = "abcd\nef" removed "\n\n" at 2; c removed "\n" at 4 of b
    b_to_a = OffsetMap(((0, 0), (2, 4)))
    c_to_b = OffsetMap(((0, 0), (4, 5)))
    c_to_a = c_to_b.compose(b_to_a)
    assert [a[c_to_a.to_original(i)] for i in range(len(c))] == list(c)


def test_span_of_checks_bounds_and_quotes_the_text() -> None:
    doc = Document("d1", "s", "t", "北京人形机器人创新中心")
    span = Span.of(doc, 2, 7)
    assert span.quote == "人形机器人"
    assert span.is_grounded_in(doc)
    with pytest.raises(GroundingError):
        Span.of(doc, 5, 50)
    with pytest.raises(GroundingError):
        Span.of(doc, 3, 3)


def test_fact_without_evidence_is_refused() -> None:
    with pytest.raises(GroundingError):
        Fact(FactKind.METRIC, "北京市", "机器人产业收入", evidence=())


@given(st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=30))
def test_offset_map_inverts_deletions(gaps: list[int]) -> None:
    # build an original text with gaps of removed characters between kept letters
    original, kept, anchors = "", "", [(0, 0)]
    for index, gap in enumerate(gaps):
        original += "\n" * gap
        if gap:
            anchors.append((len(kept), len(original)))
        char = chr(0x4E00 + index)
        original += char
        kept += char
    mapping = OffsetMap(tuple(anchors))
    assert [original[mapping.to_original(i)] for i in range(len(kept))] == list(kept)


def test_partial_dates_order_with_the_less_precise_first() -> None:
    dates = [
        PartialDate(2023, 10, 5),
        PartialDate(2023),
        PartialDate(2023, 10),
        PartialDate(2022, 12),
    ]
    assert sorted(dates) == [
        PartialDate(2022, 12),
        PartialDate(2023),
        PartialDate(2023, 10),
        PartialDate(2023, 10, 5),
    ]
    assert min(PartialDate(2024, 1), PartialDate(2024, 1, 16)) == PartialDate(2024, 1)

"""Exact-match scoring: P/R/F1 per label and the micro-average over the focus labels."""

from __future__ import annotations

import pytest

from industry_atlas.extract.ner.evaluation import score_spans
from industry_atlas.extract.ner.spans import NamedSpan


def span(start: int, end: int, label: str) -> NamedSpan:
    return NamedSpan(start, end, label, "x" * (end - start))


def test_precision_recall_and_f1_count_exact_matches_only() -> None:
    gold = [
        [span(0, 2, "name"), span(3, 6, "company")],
        [span(0, 4, "company"), span(5, 7, "book")],
    ]
    predicted = [
        [span(0, 2, "name"), span(3, 5, "company")],  # company boundary wrong
        [span(0, 4, "company"), span(5, 7, "movie")],  # book labelled movie
    ]
    result = score_spans(gold, predicted, focus_labels=("company", "name"))
    scores = {score.label: score for score in result.labels}
    assert scores["name"].f1 == 1.0
    assert (scores["company"].precision, scores["company"].recall) == (0.5, 0.5)
    assert (scores["book"].recall, scores["movie"].precision) == (0.0, 0.0)
    assert (result.focus.correct_count, result.focus.gold_count) == (2, 3)
    assert result.focus.precision == pytest.approx(2 / 3)
    assert result.focus.f1 == pytest.approx(2 / 3)
    assert result.overall.f1 == pytest.approx(0.5)


def test_nothing_predicted_scores_zero_without_dividing_by_zero() -> None:
    result = score_spans([[span(0, 1, "name")]], [[]])
    assert result.focus.precision == 0.0
    assert result.focus.f1 == 0.0


def test_mismatched_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        score_spans([[]], [])

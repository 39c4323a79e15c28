"""Exact-match precision, recall and F1 of labelled spans, per label and micro-averaged.

Imports only the standard library and `ner.spans`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from industry_atlas.extract.ner.spans import NamedSpan

FOCUS_LABELS = ("company", "government", "organization", "name", "position")


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Counts and scores of one label (or of a micro-average over several)."""

    label: str
    gold_count: int
    predicted_count: int
    correct_count: int

    @property
    def precision(self) -> float:
        """Correct / predicted (0 when nothing was predicted)."""
        return self.correct_count / self.predicted_count if self.predicted_count else 0.0

    @property
    def recall(self) -> float:
        """Correct / gold (0 when there is no gold span)."""
        return self.correct_count / self.gold_count if self.gold_count else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Counts and rounded scores, for JSON."""
        scores = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return {**asdict(self), **{key: round(value, 4) for key, value in scores.items()}}


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores per label, and micro-averages over the focus labels and over all labels."""

    labels: tuple[LabelScore, ...]
    focus: LabelScore
    overall: LabelScore

    def as_dict(self) -> dict[str, Any]:
        """The evaluation as JSON-ready data."""
        return {
            "labels": {score.label: score.as_dict() for score in self.labels},
            "micro_focus": self.focus.as_dict(),
            "micro_all": self.overall.as_dict(),
            "focus_labels": self.focus.label.split("+"),
        }


def score_spans(
    gold: Sequence[Iterable[NamedSpan]],
    predicted: Sequence[Iterable[NamedSpan]],
    focus_labels: Sequence[str] = FOCUS_LABELS,
) -> Evaluation:
    """Compare predicted with gold spans text by text (exact start, end and label).

    Args:
        gold: the reference spans of each text.
        predicted: the predicted spans of the same texts, in the same order.
        focus_labels: the labels of the `focus` micro-average.

    Raises:
        ValueError: if the two sequences differ in length.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold texts but {len(predicted)} predicted")
    counts: dict[str, Counter[str]] = {
        "gold": Counter(),
        "predicted": Counter(),
        "correct": Counter(),
    }
    for gold_spans, predicted_spans in zip(gold, predicted, strict=True):
        expected = {(s.start, s.end, s.label) for s in gold_spans}
        found = {(s.start, s.end, s.label) for s in predicted_spans}
        counts["gold"].update(label for _, _, label in expected)
        counts["predicted"].update(label for _, _, label in found)
        counts["correct"].update(label for _, _, label in expected & found)
    names = sorted(set(counts["gold"]) | set(counts["predicted"]))
    labels = tuple(_label_score(label, [label], counts) for label in names)
    return Evaluation(
        labels=labels,
        focus=_label_score("+".join(focus_labels), focus_labels, counts),
        overall=_label_score("all", names, counts),
    )


def _label_score(name: str, labels: Sequence[str], counts: dict[str, Counter[str]]) -> LabelScore:
    return LabelScore(
        name,
        sum(counts["gold"][label] for label in labels),
        sum(counts["predicted"][label] for label in labels),
        sum(counts["correct"][label] for label in labels),
    )

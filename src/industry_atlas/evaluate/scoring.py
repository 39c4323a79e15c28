"""Precision, recall and F1 per section, and attribute accuracy on matched pairs.

Part of evaluate; imports only core. Pairs are made greedily, best pairing score first,
each gold and each predicted item used at most once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from industry_atlas.evaluate.gold import SECTIONS, GoldDocument
from industry_atlas.evaluate.matching import SECTION_RULES, Canon, Item, attribute_agrees, norm


@dataclass
class SectionScore:
    """Counts for one section (of one document or summed over many)."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    attributes: Counter[str] = field(default_factory=Counter)
    attributes_correct: Counter[str] = field(default_factory=Counter)
    missed: list[Item] = field(default_factory=list)
    spurious: list[Item] = field(default_factory=list)
    mismatches: list[tuple[Item, Item, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Matched / predicted (1.0 when nothing was predicted and nothing was due)."""
        return self.matched / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        """Matched / gold."""
        return self.matched / self.gold if self.gold else float(self.predicted == 0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def attribute_accuracy(self, name: str) -> float | None:
        """Share of matched pairs whose attribute agrees (None if never compared)."""
        total = self.attributes[name]
        return self.attributes_correct[name] / total if total else None

    def add(self, other: SectionScore) -> None:
        """Sum another score into this one."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.attributes.update(other.attributes)
        self.attributes_correct.update(other.attributes_correct)
        self.missed.extend(other.missed)
        self.spurious.extend(other.spurious)
        self.mismatches.extend(other.mismatches)


@dataclass
class DocumentScore:
    """Section scores of one document (or of a folder, summed)."""

    doc: str
    sections: dict[str, SectionScore]
    published_correct: bool | None = None

    @property
    def overall(self) -> SectionScore:
        """Micro-average over all sections."""
        combined = SectionScore()
        for score in self.sections.values():
            combined.add(score)
        return combined


def score_document(gold: GoldDocument, predicted: GoldDocument) -> DocumentScore:
    """Score a predicted gold-format document against the gold one."""
    canon = Canon(gold.get("organizations", []), predicted.get("organizations", []))
    sections = {
        section: _score_section(section, predicted.get(section, []), gold.get(section, []), canon)
        for section in SECTIONS
    }
    published = None
    if gold.get("published"):
        published = norm(gold["published"]) == norm(predicted.get("published"))
    return DocumentScore(str(gold.get("id", "")), sections, published)


def total(scores: Iterable[DocumentScore], name: str = "total") -> DocumentScore:
    """Sum the section scores of many documents."""
    combined = {section: SectionScore() for section in SECTIONS}
    for score in scores:
        for section, section_score in score.sections.items():
            combined[section].add(section_score)
    return DocumentScore(name, combined)


def _score_section(
    section: str, predicted: list[Item], gold: list[Item], canon: Canon
) -> SectionScore:
    pairing, attributes = SECTION_RULES[section]
    candidates = sorted(
        (
            (score, p_index, g_index)
            for p_index, p_item in enumerate(predicted)
            for g_index, g_item in enumerate(gold)
            if (score := pairing(p_item, g_item, canon)) > 0
        ),
        key=lambda triple: -triple[0],
    )
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    result = SectionScore(gold=len(gold), predicted=len(predicted))
    for _, p_index, g_index in candidates:
        if p_index in used_pred or g_index in used_gold:
            continue
        used_pred.add(p_index)
        used_gold.add(g_index)
        result.matched += 1
        _compare_attributes(result, attributes, predicted[p_index], gold[g_index], canon)
    result.missed = [item for index, item in enumerate(gold) if index not in used_gold]
    result.spurious = [item for index, item in enumerate(predicted) if index not in used_pred]
    return result


def _compare_attributes(
    result: SectionScore, attributes: dict[str, str], pred: Item, gold: Item, canon: Canon
) -> None:
    for name, kind in attributes.items():
        result.attributes[name] += 1
        gold_value: Any = gold.get(name)
        if attribute_agrees(kind, pred.get(name), gold_value, canon):
            result.attributes_correct[name] += 1
        else:
            result.mismatches.append((pred, gold, name))

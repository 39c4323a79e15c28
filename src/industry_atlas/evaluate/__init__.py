"""Evaluate: score extracted facts against gold annotations (../shared/seed/SCHEMA.md).

Imports only core. Analysts use it on their own annotated documents; the project uses it
on the seed page and its own sample corpus.
"""

from industry_atlas.evaluate.gold import SECTIONS, load_gold, validate_gold
from industry_atlas.evaluate.scoring import DocumentScore, SectionScore, score_document, total

__all__ = [
    "SECTIONS",
    "DocumentScore",
    "SectionScore",
    "load_gold",
    "score_document",
    "total",
    "validate_gold",
]

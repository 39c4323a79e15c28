"""The issue's extraction targets on the seed page, measured with the project's own eval."""

from __future__ import annotations

from pathlib import Path

import pytest

from industry_atlas import pipeline
from industry_atlas.evaluate import DocumentScore
from industry_atlas.extract import get_extractor
from industry_atlas.ingest import LoadOptions
from tests.conftest import SHARED


@pytest.fixture(scope="module")
def seed_score() -> DocumentScore:
    seed = SHARED / "seed"
    return pipeline.evaluate_target(
        seed / "gold.json", seed / "seed.txt", get_extractor(), LoadOptions()
    )


def test_seed_policies_are_all_found_with_dates_and_regions(seed_score: DocumentScore) -> None:
    policies = seed_score.sections["policies"]
    assert policies.f1 == 1.0
    assert policies.attribute_accuracy("date") == 1.0
    assert policies.attribute_accuracy("region") == 1.0


@pytest.mark.parametrize("section", ["organizations", "products", "persons"])
def test_seed_entities_reach_f1_095(seed_score: DocumentScore, section: str) -> None:
    assert seed_score.sections[section].f1 >= 0.95


def test_seed_metrics_reach_f1_090(seed_score: DocumentScore) -> None:
    assert seed_score.sections["metrics"].f1 >= 0.90


def test_seed_count_claim_seven_claimed_six_listed_is_found(seed_text: str, tmp_path: Path) -> None:
    extraction = pipeline.extract_file(SHARED / "seed" / "seed.txt", get_extractor(), LoadOptions())
    claims = [f for f in extraction.facts if f.kind.value == "count_claim"]
    shanghai = [c for c in claims if c.quantity and c.quantity.value == 7]
    assert len(shanghai) == 1
    assert shanghai[0].qualifiers["enumerated"] == "6"
    assert "远征A1" in shanghai[0].qualifiers["items"].split("|")

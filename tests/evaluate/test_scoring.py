"""Scoring rules of `eval`: what counts as the same item, and how the figures add up."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from industry_atlas.core.errors import ConfigError
from industry_atlas.evaluate import load_gold, score_document, total, validate_gold
from tests.conftest import SHARED

GOLD: dict[str, Any] = {
    "id": "tiny",
    "published": "2024-03",
    "policies": [
        {
            "title": "杭州市人形机器人产业发展行动计划（2024—2027年）",
            "issuer": "杭州市人民政府办公厅",
            "region": "杭州市",
            "date": "2024-03-18",
            "period": "2024-2027",
        }
    ],
    "organizations": [
        {"name": "小米集团", "aliases": ["小米"], "kind": "company", "city": "北京市"},
        {"name": "宇树科技", "aliases": [], "kind": "company", "city": "杭州市"},
    ],
    "products": [
        {"name": "CyberOne", "aliases": ["铁大"], "maker": "小米集团", "kind": "humanoid_robot"}
    ],
    "persons": [{"name": "王兴兴", "titles": ["创始人"], "org": "宇树科技"}],
    "metrics": [
        {
            "subject": "杭州市",
            "indicator": "人形机器人产业规模（目标）",
            "value": 10000000000,
            "unit": "元",
            "time": "2027",
            "qualifier": ">",
        }
    ],
    "events": [{"type": "release", "date": "2022-08", "subject": "CyberOne", "detail": "发布"}],
    "count_claims": [],
}


def test_a_perfect_prediction_scores_one_everywhere() -> None:
    score = score_document(GOLD, copy.deepcopy(GOLD))
    assert all(section.f1 == 1.0 for section in score.sections.values())
    assert score.overall.f1 == 1.0
    assert score.published_correct is True


def test_a_short_name_from_the_gold_aliases_still_matches_an_organization() -> None:
    predicted = copy.deepcopy(GOLD)
    predicted["organizations"][0] = {"name": "小米", "aliases": [], "kind": "company"}
    predicted["products"][0]["maker"] = "小米"
    score = score_document(GOLD, predicted)
    assert score.sections["organizations"].f1 == 1.0
    assert score.sections["products"].attribute_accuracy("maker") == 1.0


def test_a_missing_and_a_spurious_item_lower_recall_and_precision() -> None:
    predicted = copy.deepcopy(GOLD)
    predicted["organizations"] = [
        GOLD["organizations"][0],
        {"name": "某某公司", "aliases": [], "kind": "company"},
    ]
    organizations = score_document(GOLD, predicted).sections["organizations"]
    assert (organizations.matched, organizations.precision, organizations.recall) == (1, 0.5, 0.5)
    assert [item["name"] for item in organizations.missed] == ["宇树科技"]
    assert [item["name"] for item in organizations.spurious] == ["某某公司"]


def test_a_metric_needs_its_subject_value_and_unit_and_reports_wrong_attributes() -> None:
    predicted = copy.deepcopy(GOLD)
    predicted["metrics"][0].update(qualifier="=", time="2024")
    metrics = score_document(GOLD, predicted).sections["metrics"]
    assert metrics.f1 == 1.0
    assert metrics.attribute_accuracy("qualifier") == 0.0
    assert metrics.attribute_accuracy("time") == 0.0
    wrong_value = copy.deepcopy(GOLD)
    wrong_value["metrics"][0]["value"] = 20000000000
    assert score_document(GOLD, wrong_value).sections["metrics"].f1 == 0.0
    wrong_subject = copy.deepcopy(GOLD)
    wrong_subject["metrics"][0]["subject"] = "上海市"
    assert score_document(GOLD, wrong_subject).sections["metrics"].f1 == 0.0


@pytest.mark.parametrize(
    ("gold_unit", "predicted_unit", "same"),
    [
        ("N·m", "牛·米", True),
        ("P", "PFlops", True),
        ("新台币元", "新台币", True),
        ("元", "美元", False),
    ],
)
def test_units_compare_in_the_form_the_extractor_writes_them(
    gold_unit: str, predicted_unit: str, same: bool
) -> None:
    gold = copy.deepcopy(GOLD)
    gold["metrics"][0]["unit"] = gold_unit
    predicted = copy.deepcopy(gold)
    predicted["metrics"][0]["unit"] = predicted_unit
    assert score_document(gold, predicted).sections["metrics"].f1 == (1.0 if same else 0.0)


def test_a_metric_subject_may_be_any_name_the_gold_gives_its_organization() -> None:
    gold = copy.deepcopy(GOLD)
    gold["metrics"][0]["subject"] = "小米集团"
    by_alias = copy.deepcopy(gold)
    by_alias["metrics"][0]["subject"] = "小米"
    assert score_document(gold, by_alias).sections["metrics"].f1 == 1.0
    # a prediction cannot make two subjects one by claiming an alias the gold never gave
    self_declared = copy.deepcopy(gold)
    self_declared["metrics"][0]["subject"] = "宇树科技"
    self_declared["organizations"][1]["aliases"] = ["小米集团"]
    assert score_document(gold, self_declared).sections["metrics"].f1 == 0.0


def test_an_event_matches_on_type_date_and_subject() -> None:
    predicted = copy.deepcopy(GOLD)
    predicted["events"][0]["date"] = "2022-09"
    assert score_document(GOLD, predicted).sections["events"].f1 == 0.0


def test_totals_add_counts_not_averages() -> None:
    empty = copy.deepcopy(GOLD)
    for section in ("organizations", "products", "persons", "metrics", "events"):
        empty[section] = []
    perfect = score_document(GOLD, copy.deepcopy(GOLD))
    nothing = score_document(GOLD, empty)
    combined = total([perfect, nothing]).sections["organizations"]
    assert (combined.gold, combined.predicted, combined.matched) == (4, 2, 2)
    assert combined.precision == 1.0 and combined.recall == 0.5


def test_the_seed_gold_file_is_valid() -> None:
    gold = load_gold(SHARED / "seed" / "gold.json")
    assert gold["policies"] and gold["count_claims"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a readable JSON gold file"),
        ("[1, 2]", "holds one JSON object"),
        ('{"metrics": {}}', "'metrics' must be a list"),
        ('{"metrics": [{"subject": "北京市"}]}', r"metrics\[0\] lacks value, unit"),
    ],
)
def test_a_broken_gold_file_is_named_with_the_reason(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as raised:
        load_gold(path)
    assert "bad.json" in str(raised.value)


def test_missing_sections_count_as_empty() -> None:
    gold = validate_gold(json.loads('{"id": "x"}'), "inline")
    assert gold["metrics"] == [] and gold["policies"] == []

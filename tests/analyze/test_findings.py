"""Consistency findings across documents, on knowledge bases written through the store."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from industry_atlas.analyze import build_findings
from industry_atlas.analyze.scorecard import ScorecardOptions, build_scorecard
from industry_atlas.core.models import FactKind, Quantity
from tests.analyze.builders import Doc, store_of

REVENUE = "北京机器人产业收入突破了170亿元。"


def beijing(text: str, value: str, qualifier: str, title: str) -> Doc:
    doc = Doc(text, title=title)
    doc.metric("北京市", "机器人产业收入", text.rstrip("。"), value, "元", qualifier, "2022")
    return doc


def test_conflicting_figures_of_two_documents_are_reported_with_both_citations(
    tmp_path: Path,
) -> None:
    first = beijing(REVENUE, "17000000000", ">", "甲")
    second = beijing("北京机器人产业收入为150亿元。", "15000000000", "=", "乙")
    with store_of(tmp_path / "kb.sqlite", first, second) as store:
        (finding,) = [f for f in build_findings(store) if f.kind == "conflicting_figures"]
    assert finding.subject == "北京市"
    assert [c.spans[0].doc_id for c in finding.citations] == [
        first.document.doc_id,
        second.document.doc_id,
    ]


def test_figures_that_can_both_be_true_are_no_finding(tmp_path: Path) -> None:
    first = beijing(REVENUE, "17000000000", ">", "甲")
    second = beijing("北京机器人产业收入约180亿元。", "18000000000", "~", "乙")
    with store_of(tmp_path / "kb.sqlite", first, second) as store:
        assert not [f for f in build_findings(store) if f.kind == "conflicting_figures"]


def test_conflicting_policy_dates_are_reported(tmp_path: Path) -> None:
    title = "北京市机器人产业创新发展行动方案"
    first, second = Doc(f"2023年6月，{title}印发。", "甲"), Doc(f"2023年7月，{title}印发。", "乙")
    first.policy(title, "北京市", "110000", "2023-06")
    second.policy(title, "北京市", "110000", "2023-07")
    with store_of(tmp_path / "kb.sqlite", first, second) as store:
        (finding,) = build_findings(store)
    assert finding.kind == "conflicting_dates"
    assert "2023-06 ≠ 2023-07" in finding.message


def test_a_syndicated_copy_is_counted_once_and_reported(tmp_path: Path) -> None:
    title = "深圳市人形机器人行动方案"
    original = Doc(f"2023年5月，{title}印发。", "原文")
    copy = Doc(f"2023年5月，{title}印发。\n转载自某报", "转载")
    for doc in (original, copy):
        doc.policy(title, "深圳市", "440300", "2023-05")
    with store_of(tmp_path / "kb.sqlite", original) as store:
        store.add_document(copy.record(duplicate_of=original.document.doc_id))
        findings = build_findings(store)
        card = build_scorecard(store, ScorecardOptions(regions=("深圳",)))
    (duplicate,) = [f for f in findings if f.kind == "duplicate_document"]
    assert len(duplicate.citations) == 2
    assert card.regions[0].cell("policy_count").value == 1
    assert len(card.regions[0].cell("policy_count").fact_ids) == 1


def test_a_list_of_examples_is_no_count_mismatch(tmp_path: Path) -> None:
    doc = Doc("已有500家机器人企业接入，包括优必选、宇树科技。")
    doc.fact(
        FactKind.COUNT_CLAIM,
        "接入企业",
        "count",
        ["500家机器人企业接入，包括", "优必选", "宇树科技"],
        quantity=Quantity(Decimal(500), "家"),
        qualifiers={"enumerated": "2", "items": "优必选|宇树科技"},
    )
    with store_of(tmp_path / "kb.sqlite", doc) as store:
        assert build_findings(store) == ()

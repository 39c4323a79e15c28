"""The time a figure is of, when its own sentence names none or names a part of a year:
a half or quarters ("2025H1", "2025Q3", "2025Q1-Q3"), the period of its paragraph, of
the heading or caption above it, of the headline — and no period for a product's
specification, a policy's grant, or a place the earlier period was not stated of."""

from __future__ import annotations

from decimal import Decimal

from industry_atlas.core.models import FactKind, PartialDate
from industry_atlas.extract import get_extractor
from industry_atlas.ingest import LoadOptions, build_document


def _times(text: str) -> dict[tuple[str, Decimal], tuple[PartialDate | None, str | None]]:
    """(subject, value) -> (time, label) of every figure found in `text`."""
    document = build_document(text.encode(), "periods.txt", LoadOptions())
    return {
        (fact.subject, fact.quantity.value): (fact.time, fact.qualifiers.get("time_text"))
        for fact in get_extractor().extract(document).facts
        if fact.kind == FactKind.METRIC and fact.quantity is not None
    }


def test_a_half_or_quarters_after_a_year_label_the_figure() -> None:
    times = _times(
        "青岚智能发布业绩快报\n\n2025年10月20日\n\n"
        "青岚智能2025年上半年实现营业收入3.1亿元。"
        "2025年第三季度，青岚智能营业收入为2.4亿元。"
        "2025年前三季度，青岚智能累计交付人形机器人860台。\n"
    )
    assert times[("青岚智能", Decimal("3.1e8"))] == (PartialDate(2025), "2025H1")
    assert times[("青岚智能", Decimal("2.4e8"))] == (PartialDate(2025), "2025Q3")
    assert times[("青岚智能", Decimal(860))] == (PartialDate(2025), "2025Q1-Q3")


def test_a_part_of_a_year_named_alone_takes_the_year_of_the_text() -> None:
    times = _times(
        "苏州前九月机器人产量增长三成\n\n2025年10月18日\n\n"
        "1—9月，苏州市工业机器人产量2.6万套。下半年以来，苏州市新增机器人企业45家。\n"
    )
    assert times[("苏州市", Decimal(26000))] == (PartialDate(2025), "2025-01/2025-09")
    assert times[("苏州市", Decimal(45))] == (PartialDate(2025), "2025H2")


def test_a_figure_takes_the_period_its_paragraph_stated() -> None:
    times = _times(
        "湖州发布统计公报\n\n2026年3月2日\n\n"
        "初步核算，2025年湖州市地区生产总值4300亿元。其中，机器人产业产值320亿元，增长18%。\n"
    )
    assert times[("湖州市", Decimal("3.2e10"))] == (PartialDate(2025), None)
    assert times[("湖州市", Decimal(18))] == (PartialDate(2025), None)


def test_a_figure_takes_the_period_of_the_heading_or_caption_above() -> None:
    times = _times(
        "温州市政府工作报告（摘要）\n\n2025年1月9日\n\n"
        "## 一、2024年工作回顾\n\n"
        "温州市工业机器人产量1.2万套，增长25%。\n\n"
        "表1：温州市各区机器人产业主要指标（2025年第二季度）\n\n"
        "区县      产值（亿元）  企业（家）\n"
        "鹿城区    12.5        38\n"
        "瓯海区    9.8         31\n"
    )
    assert times[("温州市", Decimal(12000))] == (PartialDate(2024), None)
    assert times[("温州市鹿城区", Decimal("1.25e9"))] == (PartialDate(2025), "2025Q2")
    assert times[("温州市瓯海区", Decimal(31))] == (PartialDate(2025), "2025Q2")


def test_a_specification_a_grant_and_another_place_take_no_earlier_period() -> None:
    times = _times(
        "新品与政策\n\n2025年9月1日\n\n"
        "北京2024年机器人产值突破200亿元。上海浦东机器人企业超过150家。\n\n"
        "2025年青岚智能推出人形机器人QL-2。QL-2身高1.65米，拥有42个自由度。\n\n"
        "到2027年，嘉兴市具身智能产业规模突破100亿元。对首次量产的整机企业给予最高500万元奖励。\n"
    )
    assert times[("北京市", Decimal("2e10"))] == (PartialDate(2024), None)
    assert times[("上海市浦东新区", Decimal(150))] == (None, None)
    assert times[("QL-2", Decimal(42))] == (None, None)
    assert times[("嘉兴市", Decimal("1e10"))] == (PartialDate(2027), None)
    assert times[("嘉兴市", Decimal("5e6"))] == (None, None)

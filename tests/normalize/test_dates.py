from __future__ import annotations

from industry_atlas.core.models import PartialDate
from industry_atlas.normalize.dates import find_dates

TEXT = (
    "2023年5月，深圳印发方案。2023年6月，北京发布方案。同年8月，经开区发布计划。"
    "到2025年，打造高地。同月印发的另一份方案。1月16日，智谱AI发布GLM-4。"
    "今年3月出台实施方案。上个月20日发布新品。2024-09-12 来源：杭州日报"
)


JANUARY_2024 = PartialDate(2024, 1)


def resolved(reference: PartialDate | None = JANUARY_2024) -> dict[str, str]:
    return {TEXT[m.start : m.end]: m.date.iso() for m in find_dates(TEXT, reference)}


def test_absolute_dates_keep_their_precision() -> None:
    dates = resolved()
    assert dates["2023年5月"] == "2023-05"
    assert dates["2024-09-12"] == "2024-09-12"


def test_a_fiscal_year_is_the_year_with_its_du() -> None:
    text = "2024年度实现营业收入2.3亿元"
    (match,) = find_dates(text, JANUARY_2024)
    assert (text[match.start : match.end], match.date) == ("2024年度", PartialDate(2024))


def test_same_year_and_same_month_refer_to_the_previous_past_date() -> None:
    dates = resolved()
    assert dates["同年8月"] == "2023-08"
    # "到2025年" is a target, not the time of an event: 同月 still means 2023-08
    assert dates["同月"] == "2023-08"


def test_month_and_day_take_the_document_year() -> None:
    assert resolved()["1月16日"] == "2024-01-16"


def test_a_later_month_without_year_is_last_year() -> None:
    text = "11月，工信部印发意见。"
    dates = {text[m.start : m.end]: m.date.iso() for m in find_dates(text, PartialDate(2024, 2))}
    assert dates["11月"] == "2023-11"


def test_relative_words_count_from_the_document_date() -> None:
    dates = resolved(PartialDate(2025, 4))
    assert dates["今年3月"] == "2025-03"
    assert dates["上个月20日"] == "2025-03-20"


def test_without_a_reference_month_and_day_alone_are_dropped() -> None:
    assert "1月16日" not in resolved(None)


def test_same_day_words_take_the_previous_day_and_the_next_day_crosses_months() -> None:
    text = "2024年7月31日，大会开幕。当日发布宣言。同日，协会发布导则。次日闭幕。"
    dates = [(text[m.start : m.end], m.date.iso()) for m in find_dates(text, None)]
    assert dates == [
        ("2024年7月31日", "2024-07-31"),
        ("当日", "2024-07-31"),
        ("同日", "2024-07-31"),
        ("次日", "2024-08-01"),
    ]


def test_the_next_day_counts_from_the_last_day_named_past_a_month_named_after_it() -> None:
    # the founding month between does not say which day 次日 follows
    text = "11月12日，A公司完成融资。A公司成立于2023年9月。次日，B公司完成融资。同一天，C公司也完成融资。"
    dates = [
        (text[m.start : m.end], m.date.iso()) for m in find_dates(text, PartialDate(2025, 11, 17))
    ]
    assert dates == [
        ("11月12日", "2025-11-12"),
        ("2023年9月", "2023-09"),
        ("次日", "2025-11-13"),
        ("同一天", "2025-11-13"),
    ]


def test_the_same_day_after_yesterday_is_yesterday_not_the_dateline() -> None:
    # "昨天…宣布…。同一天…发布": the day counted from the document is the day narrated
    text = "2025年11月20日\n溯光智能昨天宣布完成融资，今年3月曾获A+轮。同一天，公司发布新模型。"
    dates = [
        (text[m.start : m.end], m.date.iso()) for m in find_dates(text, PartialDate(2025, 11, 20))
    ]
    assert dates == [
        ("2025年11月20日", "2025-11-20"),
        ("昨天", "2025-11-19"),
        ("今年3月", "2025-03"),
        ("同一天", "2025-11-19"),
    ]


def test_a_date_written_out_in_numerals_is_resolved() -> None:
    text = "二〇二四年十二月三十一日前完成；二零二六年一月九日起施行，二〇二五年十月复核。"
    assert [(text[m.start : m.end], m.date.iso()) for m in find_dates(text, None)] == [
        ("二〇二四年十二月三十一日", "2024-12-31"),
        ("二零二六年一月九日", "2026-01-09"),
        ("二〇二五年十月", "2025-10"),
    ]


def test_same_day_without_a_known_day_is_dropped() -> None:
    text = "2024年7月，大会开幕。同日发布宣言。"
    assert [text[m.start : m.end] for m in find_dates(text, None)] == ["2024年7月"]


def test_days_count_from_the_documents_own_day() -> None:
    text = "上周五，帕西尼感知完成融资。昨日发布新品。本周一开幕。"
    dates = [
        (text[m.start : m.end], m.date.iso()) for m in find_dates(text, PartialDate(2025, 4, 28))
    ]
    assert dates == [("上周五", "2025-04-25"), ("昨日", "2025-04-27"), ("本周一", "2025-04-28")]
    assert find_dates(text, PartialDate(2025, 4)) == []  # no day, no counting
    evening = "苏州绿的谐波昨晚公告。"
    assert [m.date.iso() for m in find_dates(evening, PartialDate(2026, 5, 13))] == ["2026-05-12"]


def test_days_before_and_after_the_document_day() -> None:
    text = "智元机器人带来了三天前刚刚发布的远征A2，十天后量产。"
    dates = [
        (text[m.start : m.end], m.date.iso()) for m in find_dates(text, PartialDate(2024, 8, 21))
    ]
    assert dates == [("三天前", "2024-08-18"), ("十天后", "2024-08-31")]


def test_days_before_count_from_the_day_the_text_narrates() -> None:
    text = "8月21日，大会开幕。星尘智能展出的Astribot S1两天前才正式发布；昨天有雨。"
    dates = [
        (text[m.start : m.end], m.date.iso()) for m in find_dates(text, PartialDate(2024, 8, 22))
    ]
    assert dates == [("8月21日", "2024-08-21"), ("两天前", "2024-08-19"), ("昨天", "2024-08-21")]


def test_a_week_without_its_day_is_the_month_it_lies_in() -> None:
    text = "上周，双方签约。本周期内不变。下周发布。"
    dates = [
        (text[m.start : m.end], m.date.iso()) for m in find_dates(text, PartialDate(2025, 7, 14))
    ]
    assert dates == [("上周", "2025-07"), ("下周", "2025-07")]
    straddling = find_dates("上周，双方签约。", PartialDate(2025, 7, 10))
    assert [m.date.iso() for m in straddling] == ["2025"]  # 6月30日 to 7月6日
    assert find_dates("上周，双方签约。", PartialDate(2026, 1, 5)) == []  # New Year's week


def test_a_year_end_is_december_as_a_date_and_the_year_as_a_period() -> None:
    text = "去年底发布新品，截至2023年末累计交付，计划年底前投产，上月底完成签约。"
    found = {text[m.start : m.end]: m for m in find_dates(text, PartialDate(2025, 3, 1))}
    assert {written: m.date.iso() for written, m in found.items()} == {
        "去年底": "2024-12",
        "2023年末": "2023-12",
        "年底": "2025-12",
        "上月底": "2025-02",
    }
    assert found["2023年末"].period == PartialDate(2023)
    assert found["上月底"].period == PartialDate(2025, 2)  # a month's end is that month


def test_this_month_is_the_month_of_the_document() -> None:
    text = "京东物流本月与银河通用签署框架协议，这个月底交付，本月3日发布。"
    dates = [
        (text[m.start : m.end], m.date.iso()) for m in find_dates(text, PartialDate(2025, 9, 6))
    ]
    assert dates == [("本月", "2025-09"), ("这个月底", "2025-09"), ("本月3日", "2025-09-03")]


def test_taiwans_yesterday_with_the_day_in_brackets_is_that_day_of_the_nearest_month() -> None:
    (april,) = find_dates("鈦躍昨（15）日發表新機", PartialDate(2026, 4, 16))
    (march,) = find_dates("昨（31）日宣布", PartialDate(2026, 4, 1))
    assert (april.date, march.date) == (PartialDate(2026, 4, 15), PartialDate(2026, 3, 31))

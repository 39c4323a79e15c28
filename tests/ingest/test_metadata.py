from industry_atlas.core.models import PartialDate
from industry_atlas.ingest.metadata import find_dateline


def test_a_short_line_with_one_date_near_the_end_is_the_dateline() -> None:
    text = "某公司关于签订重大合同的公告\n\n正文第一段。\n\n某公司董事会\n2025年12月17日\n"
    assert find_dateline(text) == PartialDate(2025, 12, 17)


def test_a_period_on_a_short_line_is_no_dateline() -> None:
    text = (
        "某公司关于签订重大合同的公告\n\n● 合同履行期限：2026年1月1日至2027年6月30日。\n\n"
        "正文。\n\n某公司董事会\n2025年12月17日\n"
    )
    assert find_dateline(text) == PartialDate(2025, 12, 17)

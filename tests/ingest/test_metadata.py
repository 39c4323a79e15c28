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


def test_an_official_documents_date_written_out_in_numerals_is_the_dateline() -> None:
    text = (
        "关于印发若干措施的通知\n\n各有关单位：\n\n现将《若干措施》印发给你们。\n\n"
        "广州市黄埔区工业和信息化局\n二〇二五年六月十六日\n"
    )
    assert find_dateline(text) == PartialDate(2025, 6, 16)
    # written out inside a sentence it is an event's date, not the document's
    assert (
        find_dateline("通知\n\n二〇二五年六月十六日，市政府召开会议，研究部署相关工作。\n") is None
    )

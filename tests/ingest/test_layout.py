from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from industry_atlas.ingest.layout import repair_layout


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        (
            "《北京市机器人产业创新发展行动方案（2023—\n\n2025年）》明确提出",
            "《北京市机器人产业创新发展行动方案（2023—2025年）》明确提出",
        ),
        (
            "布局并不受产业基础制约，更需要有针对性地加大政策支持力度和加快\n\n落地实施，积极引培",
            "布局并不受产业基础制约，更需要有针对性地加大政策支持力度和加快落地实施，积极引培",
        ),
        (
            "分别是中国电科21所推出的电科机器人1号、\n\n智元机器人推出的",
            "分别是中国电科21所推出的电科机器人1号、智元机器人推出的",
        ),
        (
            "行业专家认为，在产品大规模\n\n量产之前，现阶段",
            "行业专家认为，在产品大规模量产之前，现阶段",
        ),
        (
            "深圳企业优必选今年发布的新一代工业人形机器人Walker\nS已进入汽车工厂实训",
            "深圳企业优必选今年发布的新一代工业人形机器人Walker S已进入汽车工厂实训",
        ),
        (
            "据统计，2024年全市产值达到１２\n亿元，同比增长",
            "据统计，2024年全市产值达到１２亿元，同比增长",
        ),
        (
            "两地领先。记者据公开名单统计，北京市累计备案数量达到\n94款，上海市为62款。",
            "两地领先。记者据公开名单统计，北京市累计备案数量达到94款，上海市为62款。",
        ),
        (  # a line naming a 记者 that goes on past its comma is prose, not a byline
            "记者从广州市工业和信息化局获悉，2024年广州市机器人及相关产业规模约为320\n亿元，工业机器人产量达到1.6万套。",
            "记者从广州市工业和信息化局获悉，2024年广州市机器人及相关产业规模约为320亿元，工业机器人产量达到1.6万套。",
        ),
        (  # two clauses after 记者: prose, however short its last clause
            "正文。\n据记者了解，星动纪元已与7家企业签订协议，其中包括吉\n利、北汽和联想。",
            "正文。\n据记者了解，星动纪元已与7家企业签订协议，其中包括吉利、北汽和联想。",
        ),
        (  # a long line cut after a semicolon goes on
            "本届展会展览面积约12万平方米，586家展商参展，累计接待观众23.8万人次，其中专业观众占比61%；\n"
            "现场签约项目42个，签约总额约86.3亿元。",
            "本届展会展览面积约12万平方米，586家展商参展，累计接待观众23.8万人次，其中专业观众占比61%；"
            "现场签约项目42个，签约总额约86.3亿元。",
        ),
        ("第一段。  \n\n  第二段。\n\n", "第一段。\n\n第二段。"),
    ],
)
def test_layout_breaks_inside_a_sentence_are_joined(broken: str, repaired: str) -> None:
    headline = "标题\n\n"
    assert repair_layout(headline + broken).text == headline + repaired


@pytest.mark.parametrize(
    "text",
    [
        "北上深抢占人形机器人产业制高点\n\n本报记者 王伟\n\n自2023年下半年以来，赛道热度持续升温。",
        "## 产业政策三地最多\n\n人形机器人作为未来产业的代表之一，吸引诸多地方政府争相布局。",
        "他说：“大模型技术还远未到天花板。”\n\n在他看来，未来大模型的泛用性将进一步提升。",
        "主要任务如下。\n一、加快关键技术攻关\n二、培育骨干企业",
        "杭州发布人形机器人行动计划\n3月18日，杭州市人民政府办公厅印发了行动计划。",
        "敬请投资者注意风险。\n一、审议程序情况\n2025年12月15日，公司签订了协议。",
        "对首次采购的企业给予补贴；\n对新建产线的企业给予奖励。",  # short lines: items
        "（一）加快关键技术攻关，突破减速器、伺服电机和灵巧手等核心部件；\n（二）培育骨干企业。",
        "■谐波减速器：龙头扩产，价格下行\n\n在吴中区，苏州绿的谐波的新厂房已经投入使用。",
        # a table row ending in an empty cell's dash, then the next row
        "其他地区\u3000\u300021.0\u3000\u3000 —\n合计\u3000\u3000186.0\u3000\u3000 —",
        # a traditional-script source line under a table, then prose
        "表1見上。\n\n資料來源：各公司公告、地方工信部門、匯弘證券研究部整理\n\n長三角的優勢在零部件。",
    ],
)
def test_real_paragraph_heading_and_list_breaks_stay(text: str) -> None:
    assert repair_layout(text).text == text


def test_leading_and_trailing_blank_lines_are_dropped() -> None:
    assert repair_layout("  \n\n标题\n\n正文。\n\n").text == "标题\n\n正文。"


def test_seed_page_is_repaired(seed_text: str) -> None:
    text = repair_layout(seed_text).text
    assert "（2023—2025年）》明确" in text
    assert "上海的重点产业机器人密度达383台/万人" in text
    assert "这种能力的拓展不应该是简单的线性叠加" in text
    assert "\n\n本报记者 王伟\n\n" in text
    assert "\n\n## 产业基础各具特色\n\n" in text


_LAYOUT_TEXT = st.text(
    alphabet=st.sampled_from(list("人形机器人产业。，、（）《》“”—12 AB\n\n\n\t\u3000\r#")),
    max_size=200,
)


@given(_LAYOUT_TEXT)
def test_repair_only_changes_whitespace(text: str) -> None:
    repaired = repair_layout(text).text
    assert re.sub(r"\s", "", repaired) == re.sub(r"\s", "", text)


@given(_LAYOUT_TEXT)
def test_every_visible_character_maps_back_to_itself(text: str) -> None:
    result = repair_layout(text)
    for index, char in enumerate(result.text):
        if not char.isspace():
            assert text[result.offset_map.to_original(index)] == char

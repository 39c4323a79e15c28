from __future__ import annotations

from decimal import Decimal

from industry_atlas.normalize.tables import cell_quantity, find_tables, without_unit

REPORT = """主要会计数据
单位：元
项目｜本报告期｜本报告期比上年同期增减
营业收入｜1,236,412,305.27｜8.41%
基本每股收益（元/股）｜-0.0377｜-418.64%
经营活动产生的现金流量净额｜—｜—
资料来源：公司公告"""

VALUATION = "公司\t代码\t2024A营收（亿元）\n三花智控\t002050.SZ\t279.5\n拓普集团\t601689.SH\t266.0"


def test_a_report_table_has_its_header_unit_and_rows() -> None:
    (table,) = find_tables(REPORT)
    assert table.unit == "元"
    assert [row.cells[0].text for row in table.rows] == [
        "营业收入",
        "基本每股收益（元/股）",
        "经营活动产生的现金流量净额",
    ]
    assert all(row.header and row.header[1].text == "本报告期" for row in table.rows)
    for row in table.rows:
        for cell in row.cells:
            assert REPORT[cell.start : cell.end] == cell.text


def test_cells_take_the_unit_of_their_row_column_or_table() -> None:
    (table,) = find_tables(REPORT)
    revenue, per_share, cash = table.rows
    assert revenue.header is not None
    amount = cell_quantity(revenue.cells[1], revenue.cells[0], revenue.header[1], table.unit)
    assert amount is not None and (amount.value, amount.unit) == (Decimal("1236412305.27"), "元")
    change = cell_quantity(revenue.cells[2], revenue.cells[0], revenue.header[2], table.unit)
    assert change is not None and (change.value, change.unit) == (Decimal("8.41"), "%")
    eps = cell_quantity(per_share.cells[1], per_share.cells[0], None, table.unit)
    assert eps is not None and (eps.value, eps.unit) == (Decimal("-0.0377"), "元/股")
    assert cell_quantity(cash.cells[1], cash.cells[0], None, table.unit) is None


def test_a_column_unit_scales_and_codes_are_not_amounts() -> None:
    (table,) = find_tables(VALUATION)
    first = table.rows[0]
    assert first.header is not None
    code = cell_quantity(first.cells[1], first.cells[0], first.header[1], table.unit)
    revenue = cell_quantity(first.cells[2], first.cells[0], first.header[2], table.unit)
    assert code is None
    assert revenue is not None and (revenue.value, revenue.unit) == (Decimal("27950000000"), "元")
    assert without_unit(first.header[2]) == "2024A营收"


def test_prose_with_a_single_bar_is_not_a_table() -> None:
    assert find_tables("北京｜上海\n今天天气很好。") == []


ALIGNED = """表2：关节部件市场空间
部件        2025年(亿元)   国产化率
滚珠丝杠        3.6          <30%
伺服电机       12.0          ~55%
编码器    ——    ——
说明：国产化率按出货量计算，  口径  见附注。"""


def test_columns_aligned_with_spaces_are_a_table_and_cells_keep_their_qualifier() -> None:
    (table,) = find_tables(ALIGNED)
    assert [row.cells[0].text for row in table.rows] == ["滚珠丝杠", "伺服电机", "编码器"]
    screw, motor, _ = table.rows
    assert screw.header is not None and [c.text for c in screw.header][1:] == [
        "2025年(亿元)",
        "国产化率",
    ]
    size = cell_quantity(screw.cells[1], screw.cells[0], screw.header[1], table.unit)
    share = cell_quantity(screw.cells[2], screw.cells[0], screw.header[2], table.unit)
    about = cell_quantity(motor.cells[2], motor.cells[0], screw.header[2], table.unit)
    assert size is not None and (size.value, size.unit) == (Decimal("360000000"), "元")
    assert share is not None and (share.value, share.qualifier.value) == (Decimal("30"), "<")
    assert about is not None and (about.value, about.qualifier.value) == (Decimal("55"), "~")


def test_a_line_with_one_wide_gap_is_prose_not_a_row() -> None:
    assert (
        find_tables("证券分析师：周慕白    执业证书编号：S1230\n研究助理：沈一帆    电话：0571")
        == []
    )


CUSTOMERS = """2025年度，公司对前三名客户的销售情况如下：序号 客户名称        销售金额（万元） 占营业收入比
例
1  浙江星衡动力科技有限公司     9,120.50    12.30%
2  Walker Robotics Co          5,002.00     6.75%
注：以上客户均为非关联方。"""


def test_a_header_glued_to_prose_parted_by_single_spaces_and_wrapped_is_one_header() -> None:
    (table,) = find_tables(CUSTOMERS)
    first, second = table.rows
    assert first.header is not None
    assert [c.text for c in first.header][1:] == ["客户名称", "销售金额（万元）", "占营业收入比例"]
    assert [c.text for c in first.cells] == ["1", "浙江星衡动力科技有限公司", "9,120.50", "12.30%"]
    assert second.cells[1].text == "Walker Robotics Co"  # single spaces in a Latin name stay


REGIONS = (
    "表3：分区域营收预测（亿元）\n\n"
    "区域\u3000\u3000\u3000营收\u3000同比增长\u3000\u3000企业数（家）\n"
    "长三角\u3000\u3000\u3000300\u3000\u3000 46.7%\u3000\u3000\u3000312\n"
    "珠三角\u3000\u3000\u3000200\u3000\u3000 65.0%\u3000\u3000\u3000248\n"
)


def test_a_header_one_space_apart_over_wider_rows_splits_and_a_caption_gives_the_unit() -> None:
    (table,) = find_tables(REGIONS)
    first = table.rows[0]
    assert first.header is not None
    assert [cell.text for cell in first.header] == ["区域", "营收", "同比增长", "企业数（家）"]
    assert table.unit == "亿元"
    revenue = cell_quantity(first.cells[1], first.cells[0], first.header[1], table.unit)
    firms = cell_quantity(first.cells[3], first.cells[0], first.header[3], table.unit)
    assert revenue is not None and (revenue.value, revenue.unit) == (Decimal("30000000000"), "元")
    assert firms is not None and (firms.value, firms.unit) == (Decimal("312"), "家")
    for cell in first.header:
        assert REGIONS[cell.start : cell.end] == cell.text


def test_a_caption_bracket_that_is_no_unit_gives_the_table_none() -> None:
    text = "表1：三大区域比较（2025年第三季度）\n区域  营收  同比\n长三角  82.0  52.6%\n珠三角  54.0  91.2%\n"
    (table,) = find_tables(text)
    row = table.rows[0]
    assert row.header is not None
    assert cell_quantity(row.cells[1], row.cells[0], row.header[1], table.unit) is None


def test_a_unit_stated_inside_a_captions_bracket_is_the_unit_without_the_bracket() -> None:
    text = "表2　各部件规模测算（单位：亿元）\n\n部件    2025年    增速\n减速器    12.4    103.3%\n丝杠    8.6    168.7%\n"
    (table,) = find_tables(text)
    assert table.unit == "亿元"
    row = table.rows[0]
    assert row.header is not None
    size = cell_quantity(row.cells[1], row.cells[0], row.header[1], table.unit)
    assert size is not None and (size.value, size.unit) == (Decimal("1240000000"), "元")

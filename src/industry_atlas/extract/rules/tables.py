"""Metrics stated in tables: a valuation table, a quarterly report's key figures.

Part of the rules extractor; imports core and normalize. A row whose first cell names an
organization, product or place holds that subject's figures, one per column ("三花智控｜
279.5" under "2024A营收（亿元）"). Any other row is a figure of the company whose report
the document is ("营业收入｜1,236,412,305.27" in 埃斯顿's report; a change column, "比上年同期
增减", makes the indicator the label's change), or, in any other document, of the national
market ("谐波减速器  6.2" in an industry report). The evidence is the row label, the column
header and the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from industry_atlas.core.models import FactKind, MentionType, PartialDate
from industry_atlas.extract.rules.findings import FactDetails, Findings, FoundEntity
from industry_atlas.extract.rules.periods import FigureTime, carried_time
from industry_atlas.extract.rules.reading import Reading
from industry_atlas.extract.rules.subjects import place_name
from industry_atlas.normalize.regions import NATIONAL
from industry_atlas.normalize.tables import (
    POINTS,
    Cell,
    Table,
    TableRow,
    cell_quantity,
    without_unit,
)

_YEAR = re.compile(r"((?:19|20)\d{2})(?:[AEF年]|$)")
_YEAR_COLUMN = re.compile("年度|年份")
# a column of a period rather than of a measure
_PERIOD = re.compile(
    r"报告期|年度|年末|期末|期初|本期|上期|同期|季度|半年|(?:19|20)\d{2}|增减|变动"
)
_CHANGE = re.compile("增减|增长|变动|同比|环比")
_COLUMN_NAME_LENGTH = 8
_NAMES_COLUMN = re.compile("模型|公司|企业|厂商|厂家|产品|型号|品牌|机器人|名称")
# what a column header says besides its measure: a year (2030E), footnote marks (①)
_NOT_ASPECT = re.compile(r"(?:19|20)\d{2}[AEF年]?|[①-⑳*＊]")
_NAMED_KINDS = (MentionType.ORG, MentionType.PRODUCT)
_TOTALS = frozenset({"合计", "总计", "全市", "总体"})
_ZONE = re.compile("(?:高新区|开发区|经开区|园区|新区|自贸区)$")


# a column of the filer's customers or suppliers: its rows are the filer's dealings
_COUNTERPARTY = re.compile("客户|供应商")
_DEAL_WORD = re.compile("^(?:销售|采购)")
_SCORE_HEADER = re.compile("总分|得分|评分|分数")
# "2.4 / 9.6" under "输入/输出价格（元/百万tokens）": two figures in one cell
_PAIR_CELL = re.compile(r"(?P<first>\d+(?:\.\d+)?)\s*/\s*(?P<second>\d+(?:\.\d+)?)")
_RANK = re.compile(r"\d{1,3}")
_CHANGE_COLUMN = re.compile("(?:同比|环比)?(?:增长|增速|增幅|变动|增减)(?:率)?|同比|环比|YoY|yoy")
_RANK_HEADER = re.compile("排名|排序|名次|序号|编号")


def find_table_metrics(reading: Reading, findings: Findings) -> None:
    """Add a `metric` fact per numeric cell of every table whose subject is known."""
    if not reading.tables:
        return
    names = _named_subjects(findings)
    own = _document_company(reading, findings)
    for table in reading.tables:
        # "表1：三大区域人形机器人产业规模比较（2025年第三季度）": the period of the caption
        # or heading above, for the columns that name no year
        period = carried_time(reading, table.start, None) or FigureTime()
        for row in table.rows:
            _row_metrics(reading, findings, table, row, names, own, period)


def _row_metrics(
    reading: Reading,
    findings: Findings,
    table: Table,
    row: TableRow,
    names: dict[str, str],
    own: FoundEntity | None,
    period: FigureTime,
) -> None:
    row_cells, row_header = row.cells, row.header or ()
    if (
        len(row_cells) > 2
        and _RANK.fullmatch(row_cells[0].text.strip())
        and (not row_header or _RANK_HEADER.search(row_header[0].text))
    ):  # "| 1 | 北京 | 约240 | 38.5 |": the rank is no figure, the city names the row
        row_cells, row_header = row_cells[1:], row_header[1:]
    label, *cells = row_cells
    header = row_header[1:] if row_header else ()
    dealt = _COUNTERPARTY.search(row_header[0].text) if row_header else None
    # "客户名称｜销售金额｜占营业收入比例": the filer's sales to each customer, not the
    # customer's own figures
    dealing = None
    if dealt is not None and own is not None:
        dealing = f"向{label.text}{'销售' if dealt.group() == '客户' else '采购'}"
    subject = (
        own.name
        if dealing and own
        else names.get(label.text) or _row_place(reading, table, label.text)
    )
    if (
        subject is None
        and row_header
        and _names_column(row_header[0].text)
        and without_unit(label) == label.text  # "谐波减速器（万台）" counts, names nothing
    ):
        subject = label.text  # under "模型" or "公司", a name no rule found is still a name
    # a leaderboard's bare numbers are points: "81.3" under 总分 and under 推理 beside it
    scored = any(_SCORE_HEADER.search(cell.text) for cell in header)
    unit = table.unit or (POINTS if scored else None)
    year = _row_year(cells, header)
    for index, whole in enumerate(cells):
        column = header[index] if index < len(header) else None
        if column is not None and _YEAR_COLUMN.fullmatch(column.text):
            continue  # "2025" under 年度 dates the row's figures
        for cell, aspect in _figures(whole, column):
            if dealing is not None:
                aspect = dealing + (_DEAL_WORD.sub("", without_unit(column)) if column else "")
            elif aspect is None and column is not None:
                aspect = _change_of(header, index)
            dated = year or _column_year(column)
            metric = _Metric(cell, column, aspect, unit, FigureTime(dated) if dated else period)
            _cell_metric(reading, findings, label, metric, subject, own)


def _change_of(header: tuple[Cell, ...], index: int) -> str | None:
    """ "营收（亿元）｜同比增长": a change column measures the column before it, as
    营收同比增长 — not a growth of anything."""
    column = without_unit(header[index])
    if index == 0 or not _CHANGE_COLUMN.fullmatch(column):
        return None
    measured = without_unit(header[index - 1])
    if _CHANGE_COLUMN.fullmatch(measured) or _YEAR_COLUMN.fullmatch(measured):
        return None
    return _NOT_ASPECT.sub("", measured) + column


def _row_year(cells: list[Cell], header: tuple[Cell, ...]) -> PartialDate | None:
    """The year a row's 年度 (or 年份) cell states."""
    for cell, column in zip(cells, header, strict=False):
        year = _YEAR.fullmatch(cell.text) if _YEAR_COLUMN.fullmatch(column.text) else None
        if year is not None:
            return PartialDate(int(year[1]))
    return None


def _figures(cell: Cell, column: Cell | None) -> list[tuple[Cell, str | None]]:
    """The figures a cell states, each with the aspect of the column it stands for: a
    pair "2.4 / 9.6" under "输入/输出价格" is 输入价格 2.4 and 输出价格 9.6."""
    pair = _PAIR_CELL.fullmatch(cell.text)
    aspects = without_unit(column).split("/") if column is not None else []
    if pair is None or len(aspects) != 2:
        return [(cell, None)]
    first, second = aspects
    # the words the two share are written once, after the second ("输入/输出价格")
    shared = second[len(first) :] if len(second) > len(first) + 1 else ""
    return [
        (Cell(cell.start + pair.start(g), cell.start + pair.end(g), pair[g]), aspect)
        for g, aspect in (("first", first + shared), ("second", second))
    ]


@dataclass(frozen=True, slots=True)
class _Metric:
    """One figure of a row: its cell, the column it stands in, the aspect of that column
    it stands for (one of a pair), the table's unit and the figure's year."""

    cell: Cell
    column: Cell | None
    aspect: str | None
    unit: str | None
    time: FigureTime


def _cell_metric(
    reading: Reading,
    findings: Findings,
    label: Cell,
    metric: _Metric,
    subject: str | None,
    own: FoundEntity | None,
) -> None:
    cell, column, aspect = metric.cell, metric.column, metric.aspect
    quantity = cell_quantity(cell, label, column, metric.unit)
    if quantity is None:
        return
    if subject is not None:
        who, indicator = subject, aspect or (without_unit(column) if column else "")
    elif own is not None:
        who, indicator = own.name, _own_indicator(label, column)
    else:  # "谐波减速器  6.2  85.0" in an industry report: the market's own figures
        who, indicator = NATIONAL.name, _market_indicator(label, column)
    evidence = [(label.start, label.end), (cell.start, cell.end)]
    if column is not None:
        evidence.append((column.start, column.end))
    findings.fact(
        FactKind.METRIC,
        who,
        indicator or without_unit(label),
        evidence,
        details=FactDetails(
            quantity=quantity,
            time=metric.time.date,
            qualifiers={
                "subject_kind": "table",
                "table_column": column.text if column else "",
                **({"time_text": metric.time.label} if metric.time.label else {}),
            },
        ),
    )
    findings.mention(
        MentionType.QUANTITY, cell.start, cell.end, f"{quantity.value} {quantity.unit}"
    )


def _names_column(header: str) -> bool:
    """ "公司", "模型名称": a column of names; a caption the layout glued before the header
    ("主要环节市场规模预测（中国，人形机器人用）：环节") is not the column's name."""
    name = re.split("[：:]", header)[-1]
    return len(name) <= _COLUMN_NAME_LENGTH and bool(_NAMES_COLUMN.search(name))


def _row_place(reading: Reading, table: Table, label: str) -> str | None:
    """The place a row is about: "吴中区"; in a table of a city's districts, "工业园区" is
    that city's (苏州工业园区) and "合计" the city itself."""
    place = place_name(reading, label)
    if place is not None:
        return place
    home = reading.home_region
    if home is None:
        return None
    city = reading.regions.full_name(home)
    rows = [reading.regions.lookup(row.cells[0].text) for row in table.rows if row.cells]
    if not any(rows):
        return None
    if label in _TOTALS:
        # "合计" under 上海、北京、深圳… sums cities: the nation, not the home city
        cities = any(r is not None and r.level in {"city", "province"} for r in rows)
        return NATIONAL.name if cities else city
    zone = city.removesuffix("市") + label
    return place_name(reading, zone) or (zone if _ZONE.search(label) else None)


def _own_indicator(label: Cell, column: Cell | None) -> str:
    """ "营业收入" under "比上年同期增减" is 营业收入同比增减; under "本报告期" it is 营业收入;
    "谐波减速器" under "产能" is 谐波减速器产能."""
    name = without_unit(label)
    if column is not None and not _PERIOD.search(column.text):
        return f"{name}{without_unit(column)}"
    if column is None or not _CHANGE.search(column.text):
        return name
    if "上年度末" in column.text:
        return f"{name}较上年度末增减"
    return f"{name}同比增减"


def _market_indicator(label: Cell, column: Cell | None) -> str:
    """ "谐波减速器" under "国产化率①" is 谐波减速器国产化率; under "2024年" it is the
    label alone (the year is the figure's time)."""
    aspect = _NOT_ASPECT.sub("", without_unit(column)) if column else ""
    return f"{without_unit(label)}{aspect}"


def _column_year(column: Cell | None) -> PartialDate | None:
    year = _YEAR.search(column.text) if column else None
    return PartialDate(int(year[1])) if year else None


def _named_subjects(findings: Findings) -> dict[str, str]:
    """Names and aliases of the organizations and products found, to their entity."""
    names: dict[str, str] = {}
    for type_ in _NAMED_KINDS:
        for entity in findings.of_type(type_):
            names.setdefault(entity.name, entity.name)
            for alias in entity.aliases:
                names.setdefault(alias, entity.name)
    return names


def _document_company(reading: Reading, findings: Findings) -> FoundEntity | None:
    """The company a report is by: the one its first line names (an industry report names
    many companies, none of which its market tables are about)."""
    companies = [e for e in findings.of_type(MentionType.ORG) if e.kind == "company"]
    return next((e for e in companies if e.first < reading.headline_end), None)

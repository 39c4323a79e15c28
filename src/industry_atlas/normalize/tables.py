"""Tables laid out as text: rows of cells split by ｜, | or tabs (Word and Markdown tables
arrive as tab-separated lines), or aligned by runs of spaces (a report's plain-text table).

Part of normalize; imports only core and normalize. `find_tables` returns each block of
such lines with its header rows told apart from its data rows (a header has no number
after its first cell) and the unit a "单位：元" line above it states. `cell_quantity`
reads a cell ("1,236,412,305.27", "-419.62%", "279.5" under "营收（亿元）") as a typed
amount. Offsets are those of the text given.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from industry_atlas.core.models import Qualifier, Quantity
from industry_atlas.normalize.numbers import find_quantities

_SEPARATOR = re.compile(r"\s*[｜|\t]\s*")
# A report's plain-text table aligns its columns with runs of spaces; prose rarely puts
# two such gaps in one line, so such a row needs at least three cells.
_ALIGNED = re.compile(r"(?<=\S)[ \u3000]{2,}(?=\S)")
_ALIGNED_CELLS = 3
# a single space parts columns only between Chinese words (not "Walker S2")
_IDEOGRAPHIC_GAP = re.compile(
    rf"{_ALIGNED.pattern}|(?<=[\u4e00-\u9fff）)])[ \u3000](?=[\u4e00-\u9fff（(])"
)
_LINE = re.compile(r"[^\n]+")
_NUMBER_CELL = re.compile(
    r"(?P<about>[~～≈约])?(?P<bound>[<>＜＞≤≥])?(?P<sign>[-+−])?(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?P<pct>%)?"
)
_CELL_QUALIFIERS = {
    "": Qualifier.EQ,
    **dict.fromkeys("~～≈约", Qualifier.APPROX),
    **dict.fromkeys("<＜", Qualifier.LT),
    **dict.fromkeys(">＞", Qualifier.GT),
    "≤": Qualifier.LE,
    "≥": Qualifier.GE,
}
_UNIT_LINE = re.compile(r"(?:单位|金额单位|币种单位)[：:]\s*(?P<unit>[^\s，。；|｜（）()]{1,8})")
# "表3：分区域营收预测（亿元）": a caption's closing bracket may give the unit
_CAPTION_UNIT = re.compile(r"^\s*图?表\s*\d+.*[（(](?P<unit>[^（）()]{1,8})[）)]\s*$")
_UNIT_IN_HEADER = re.compile(r"[（(](?P<unit>[^（）()]{1,12})[）)]\s*$")  # 元/百万tokens
_RULE_CELL = re.compile(r":?-{3,}:?")  # a Markdown table's |---|---| line
_PROSE_MARK = re.compile("[，。；：]")
_WORDY = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_UNIT_REACH = 3  # lines above a table where its unit line may stand
_WRAPPED_CHARS = 3  # the most a header cell wrapped onto its own line may hold
POINTS = "分"  # the unit of a leaderboard's scores


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its text and where it stands."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row of cells, and the header row that names its columns."""

    cells: tuple[Cell, ...]
    header: tuple[Cell, ...] | None


@dataclass(frozen=True, slots=True)
class Table:
    """A block of separated lines: its data rows and the unit stated above it."""

    start: int
    end: int
    rows: tuple[TableRow, ...]
    unit: str | None


def find_tables(text: str) -> list[Table]:
    """Every run of at least two lines split into the same kind of cells."""
    tables: list[Table] = []
    block: list[tuple[Cell, ...]] = []
    for line in _LINE.finditer(text):
        cells = _cells(line)
        if len(cells) >= 2:
            block.append(cells)
            continue
        if block and _is_header(block[-1]) and len(line.group().strip()) <= _WRAPPED_CHARS:
            # "…占营业收入比" then "例": a header cell the layout wrapped onto a line of its own
            last = block[-1][-1]
            wrapped = Cell(last.start, line.end(), last.text + line.group().strip())
            block[-1] = (*block[-1][:-1], wrapped)
            continue
        _close(text, block, tables)
        block = []
    _close(text, block, tables)
    return tables


def cell_quantity(
    cell: Cell, label: Cell, column: Cell | None, table_unit: str | None
) -> Quantity | None:
    """The amount a numeric cell states, in the unit its row label ("基本每股收益（元/股）"),
    its column header ("营收（亿元）") or the table ("单位：元") gives."""
    match = _NUMBER_CELL.fullmatch(cell.text)
    if match is None:
        return _measured_by_column(cell, column)
    value = Decimal(match.group().lstrip("~～≈约<>＜＞≤≥+-−").rstrip("%").replace(",", ""))
    if match["sign"] in {"-", "−"}:
        value = -value
    qualifier = _CELL_QUALIFIERS[match["bound"] or match["about"] or ""]
    if match["pct"]:
        return Quantity(value, "%", qualifier)
    stated = _UNIT_IN_HEADER.search(label.text) or (
        _UNIT_IN_HEADER.search(column.text) if column else None
    )
    unit_text = stated["unit"] if stated else table_unit
    if not unit_text:
        return None  # a bare number with no unit anywhere is a code, not an amount
    if unit_text == POINTS:  # a score, which prose would write "81.3分"
        return Quantity(value, POINTS, qualifier)
    scale = find_quantities(f"1{unit_text}")
    if not scale or scale[0].start != 0 or scale[0].end != len(unit_text) + 1:
        return None
    unit = scale[0].quantity
    return Quantity((value * unit.value).normalize(), unit.unit, qualifier)


def _measured_by_column(cell: Cell, column: Cell | None) -> Quantity | None:
    """ "128K" under "上下文长度" reads as "128K上下文长度": 128,000 tokens."""
    if column is None:
        return None
    found = find_quantities(f"{cell.text}{without_unit(column)}")
    if found and found[0].start == 0 and found[0].end == len(cell.text):
        return found[0].quantity
    return None


def without_unit(cell: Cell) -> str:
    """A header or label without its unit: "2024A营收（亿元）" -> "2024A营收"."""
    return _UNIT_IN_HEADER.sub("", cell.text).strip()


def _cells(line: re.Match[str]) -> tuple[Cell, ...]:
    text = line.group()
    if _SEPARATOR.search(text):
        return _split(text, line.start(), _SEPARATOR)
    if len(_ALIGNED.findall(text)) >= _ALIGNED_CELLS - 1:
        return _split(text, line.start(), _ALIGNED)
    if _ALIGNED.search(text) and len(_IDEOGRAPHIC_GAP.findall(text)) >= _ALIGNED_CELLS - 1:
        # "序号 客户名称    销售金额（万元） 占营业收入比": one space alone may part the
        # columns of a line that is aligned elsewhere
        return _split(text, line.start(), _IDEOGRAPHIC_GAP)
    return ()


def _split(text: str, offset: int, separators: re.Pattern[str]) -> tuple[Cell, ...]:
    """The cells of `text` (which starts at `offset`) between `separators`."""
    cells = []
    position = 0
    for separator in [*separators.finditer(text), None]:
        end = separator.start() if separator else len(text)
        raw = text[position:end]
        stripped = raw.strip()
        if stripped:
            start = offset + position + (len(raw) - len(raw.lstrip()))
            cells.append(Cell(start, start + len(stripped), stripped))
        position = separator.end() if separator else len(text)
    return tuple(cells)


def _close(text: str, block: list[tuple[Cell, ...]], tables: list[Table]) -> None:
    if len(block) < 2:
        return
    rows: list[TableRow] = []
    header: tuple[Cell, ...] | None = None
    widths = Counter(len(cells) for cells in block if not _is_header(cells))
    width = widths.most_common(1)[0][0] if widths else 0
    for cells in block:
        if all(_RULE_CELL.fullmatch(cell.text) for cell in cells):
            continue
        if _is_header(cells) and not (rows and _is_wordy_row(cells, rows[-1])):
            header = _as_wide(cells, width)
        elif rows and header and _continues_row_above(cells, header):
            rows.append(TableRow((rows[-1].cells[0], *cells), header))
        else:
            rows.append(TableRow(cells, header))
    if rows:
        start = block[0][0].start
        above = text[: text.rfind("\n", 0, start) + 1].splitlines()[-_UNIT_REACH:]
        unit = next(
            (
                m["unit"]
                for line in reversed(above)
                if (m := _UNIT_LINE.search(line) or _CAPTION_UNIT.match(line))
            ),
            None,
        )
        tables.append(Table(start, block[-1][-1].end, tuple(rows), unit))


def _as_wide(header: tuple[Cell, ...], width: int) -> tuple[Cell, ...]:
    """A header one space apart where its rows have wider gaps ("营收（亿元） 同比增长" over
    "82.0    52.6%"): split at single spaces too when that gives the rows' number of cells."""
    if len(header) >= width:
        return header
    narrower = tuple(
        part for cell in header for part in _split(cell.text, cell.start, _IDEOGRAPHIC_GAP)
    )
    return narrower if len(narrower) == width else header


def _continues_row_above(cells: tuple[Cell, ...], header: tuple[Cell, ...]) -> bool:
    """A line one cell short of its header that opens on a figure leaves the label of the
    row above standing: "谐波减速器（万台）  2025  24.00" then "          2024  15.00"."""
    return len(cells) == len(header) - 1 and _is_figure(cells[0].text)


def _is_header(cells: tuple[Cell, ...]) -> bool:
    """Column names, not figures: no figure after the first cell, and some words (a row
    of "—" is a row whose figures are missing); a line opening on its number ("1｜羊城穗智
    政务大模型｜广州市｜…") is a row of a list, however wordy."""
    rest = cells[1:]
    if cells[0].text.isdigit():
        return False
    return not any(_is_figure(cell.text) for cell in rest) and any(
        _WORDY.search(cell.text) for cell in rest
    )


def _is_wordy_row(cells: tuple[Cell, ...], above: TableRow) -> bool:
    """Under figures, a line of words shaped like their rows is a row whose figures are
    words ("栩触科技 | 杭州 | 数千万元"), not a new header; a note under the table
    ("说明：…按出货量计算，  口径  见附注。") is prose."""
    return len(cells) == len(above.cells) and not any(
        _PROSE_MARK.search(cell.text) for cell in cells
    )


def _is_figure(text: str) -> bool:
    """A bare number ("279.5", "-3.2%") or an amount filling the cell ("8亿元", "约3亿元")."""
    if _NUMBER_CELL.fullmatch(text):
        return True
    found = find_quantities(text)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(text)

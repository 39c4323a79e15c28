"""Table answers: a row of a table in a document (a financial statement, a valuation
table), read with its column headers; or the row with the largest (smallest) value of a
column.

Part of ask; imports core, normalize and the ask helpers beside it. Tables are read by
`normalize.tables` (cells split by tabs or ｜, as ingest renders DOCX, PDF and Markdown
tables, or aligned by runs of spaces). The row whose label the question names is the
answer, every cell with its header, cited by the row and header lines.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from industry_atlas.ask.compose import Finding
from industry_atlas.ask.cues import cues, expand_synonyms
from industry_atlas.ask.question import Intent, Part
from industry_atlas.ask.retrieval import Candidate
from industry_atlas.core.models import Document, Span
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.search import search_terms
from industry_atlas.normalize.tables import (
    Cell,
    Table,
    TableRow,
    cell_quantity,
    find_tables,
    without_unit,
)

METHOD = "table:row"
METHOD_MOST = "table:most"
TABLE_DEPTH = 3
MIN_LABEL_CHARS = 4
MIN_COLUMNS = 3
_SEPARATED = re.compile(r"[\t｜|]")
# rows summing the others: never the largest of them
_TOTALS = frozenset({"合计", "总计", "小计", "全市", "全省", "全国", "总体", "平均"})
_YEAR = re.compile(r"(?:19|20)\d{2}")
# the words right before a superlative: what it measures ("产值增速最快")
_MEASURED = re.compile(r"(?P<measure>[\u4e00-\u9fff]{2,6})(?=最)")
_NUMBER = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?")


def table_row(part: Part, candidates: list[Candidate], _store: AskReader) -> Finding | None:
    """Answer from the table row whose label the question names (or, for 最高/最低, the
    row with the largest or smallest value of the column the question names), in the
    documents of the best passages."""
    if not part.has(Intent.VALUE, Intent.COUNT, Intent.MOST, Intent.WHAT, Intent.WHO):
        return None
    documents = list({c.document.doc_id: c.document for c in candidates[:TABLE_DEPTH]}.values())
    for document in documents:
        tables = find_tables(document.text)
        found = (
            _extreme(part, tables, document) if part.has(Intent.MOST) or part.superlative else None
        )
        found = found or next(
            (row for table in tables if (row := _named_row(part, table, document))), None
        )
        if found is not None:
            return found
    return None


def _named_row(part: Part, table: Table, document: Document) -> Finding | None:
    """The row whose label the question contains (the longest such label wins), in a
    table of separated cells: a label in a table aligned by spaces ("营业收入  86,412.37
    …" in a prospectus) is too often named by a question asking for something else."""
    names = {form for anchor in part.anchors for form in anchor.forms}
    named = [
        row
        for row in table.rows
        if row.header
        and len(row.cells) == len(row.header) >= MIN_COLUMNS
        and _SEPARATED.search(document.text, row.cells[0].end, row.cells[1].start)
        and row.cells[0].text in part.text
        and (len(row.cells[0].text) >= MIN_LABEL_CHARS or row.cells[0].text in names)
    ]
    if not named:
        return None
    row = max(named, key=lambda row: len(row.cells[0].text))
    header = row.header or ()
    label = row.cells[0].text
    asked = set(search_terms(expand_synonyms(part.text.replace(label, ""))))
    if not asked & {term for head in header[1:] for term in search_terms(head.text)}:
        return None  # "拓普集团…基地投资多少": no column of the row says what is asked
    pairs = "；".join(
        f"{head.text} {cell.text}" for head, cell in zip(header[1:], row.cells[1:], strict=True)
    )
    return _finding(f"{label}：{pairs}", (header, row.cells), document, METHOD)


def _extreme(part: Part, tables: list[Table], document: Document) -> Finding | None:
    """The row with the largest (smallest) value, among the rows the question names if
    it names some, of the column the question's words name most ("哪个区的产值增速最快":
    the 同比增长（%） column, not the 产值 one), in any table of the document, including
    one aligned by spaces."""
    larger = cues().superlatives[part.superlative] if part.superlative else True
    asked = set(search_terms(expand_synonyms(part.text)))
    years = set(_YEAR.findall(part.text))
    measured = _MEASURED.search(part.text)  # "市场份额最高": the column names 份额
    measure = set(search_terms(expand_synonyms(measured["measure"]))) if measured else set()
    best: tuple[int, Finding] | None = None
    for table in tables:
        rows = [row for row in table.rows if row.header and _label(row.cells).text not in _TOTALS]
        if not rows:
            continue
        header = rows[0].header or ()
        overlap = [_column_match(head, asked, measure, years) for head in header]
        column = max(range(1, len(overlap)), key=lambda index: overlap[index], default=0)
        if not column or not overlap[column] or (best and best[0] >= overlap[column]):
            continue
        named = [row for row in rows if _label(row.cells).text in part.text]
        valued = [
            (value, row)
            for row in (named if len(named) >= 2 else rows)
            if len(row.cells) == len(header)
            and (value := _value(row.cells[column], row.cells[0], header[column])) is not None
        ]
        if len(valued) < 2:
            continue
        _, row = (max if larger else min)(valued, key=lambda item: item[0])
        head, cell = header[column], row.cells[column].text
        percent = head.text.rstrip("）)").endswith("%") and not cell.endswith("%")
        figure = f"{cell}{'%' if percent else ''}"
        said = (
            f"{_label(row.cells).text}（{head.text} {figure}，表中{'最高' if larger else '最低'}）"
            + "".join(f"；{other}" for other in _cells_asked_besides(part, header, row, column))
        )
        found = _finding(said, (header, row.cells), document, METHOD_MOST)
        best = (overlap[column], replace(found, figure=figure))
    return best[1] if best else None


def _cells_asked_besides(
    part: Part, header: tuple[Cell, ...], row: TableRow, column: int
) -> list[str]:
    """The row's other cells the question's other parts ask for: "哪个项目总投资最大？…位于
    哪个区县？" reads the winner's 所在区县 from its row."""
    wanted = set(search_terms(expand_synonyms(" ".join(part.context_words))))
    label = _label(row.cells)
    return [
        f"{head.text} {cell.text}"
        for index, (head, cell) in enumerate(zip(header, row.cells, strict=False))
        if index != column
        and cell is not label
        and wanted & set(search_terms(expand_synonyms(head.text)))
    ]


def _label(cells: tuple[Cell, ...]) -> Cell:
    """The cell naming a row: the first, or the one after a rank ("1｜北京｜38.5")."""
    return cells[1] if cells[0].text.isdigit() and len(cells) > 2 else cells[0]


def _column_match(head: Cell, asked: set[str], measure: set[str], years: set[str]) -> int:
    """How well a column header matches the question: two for each of its terms the
    question holds, one for each year asked it names ("2030年的市场空间": 2030E), so that
    "2025—2030年增速最快" reads the 2025—2030年CAGR column, not the 2025年增速 one. A column matches nothing when it
    names another year than the ones asked, or when it shares no term with what the
    superlative measures ("市场份额最高") and names no year asked."""
    named_years = set(_YEAR.findall(head.text))
    if named_years and years and not named_years & years:
        return 0
    terms = set(search_terms(without_unit(head)))
    if measure and not terms & measure and not named_years & years:
        return 0
    words = {term for term in terms if not term.isdigit()}
    return 2 * len(asked & words) + len(named_years & years)


def _value(cell: Cell, label: Cell, column: Cell) -> Decimal | None:
    """A cell's amount in the unit its column gives, or its bare number: a column holds
    one unit, so either compares its rows."""
    quantity = cell_quantity(cell, label, column, None)
    if quantity is not None:
        return quantity.value
    number = _NUMBER.search(cell.text)
    return Decimal(number.group().replace(",", "").replace("−", "-")) if number else None


def _finding(
    text: str, lines: tuple[tuple[Cell, ...], ...], document: Document, method: str
) -> Finding:
    spans = tuple(
        Span(
            document.doc_id,
            cells[0].start,
            cells[-1].end,
            document.text[cells[0].start : cells[-1].end],
        )
        for cells in lines
    )
    return Finding(text, spans, method)

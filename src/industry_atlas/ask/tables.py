"""Table answers: a row of a table in a document (a financial statement, a valuation
table), read with its column headers; or the row with the largest value of a column.

Part of ask; imports core and the ask helpers beside it. A table is a run of lines whose
cells are separated by tabs or ｜ (how ingest renders DOCX, PDF and Markdown tables); a
line of cells without digits is a header. The row whose label the question names is
the answer, every cell with its header, cited by the row and header lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from industry_atlas.ask.compose import Finding
from industry_atlas.ask.cues import expand_synonyms
from industry_atlas.ask.question import Intent, Part
from industry_atlas.ask.retrieval import Candidate
from industry_atlas.core.models import Document, Span
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.search import search_terms

METHOD = "table:row"
METHOD_MOST = "table:most"
TABLE_DEPTH = 3
_SEPARATOR = re.compile(r"\t|｜|\|")
_ALIGNMENT = re.compile(r"^[\s|:：\-—]+$")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_NUMERIC = re.compile(r"[-+]?[\d,]*\.?\d+%?|[—–-]")
MIN_LABEL_CHARS = 4


@dataclass(frozen=True, slots=True)
class Row:
    """A line of a table: its cells and where it is in the document."""

    cells: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Table:
    """A header row and the rows under it."""

    header: Row
    rows: tuple[Row, ...]


def table_row(part: Part, candidates: list[Candidate], _store: AskReader) -> Finding | None:
    """Answer from the table row whose label the question names (or, for 最高/最大, the
    row with the largest value of the column the question names), in the documents of
    the best passages."""
    if not part.has(Intent.VALUE, Intent.COUNT, Intent.MOST, Intent.WHAT, Intent.WHO):
        return None
    documents = list({c.document.doc_id: c.document for c in candidates[:TABLE_DEPTH]}.values())
    for document in documents:
        for table in tables_in(document.text):
            found = _most(part, table, document) if part.has(Intent.MOST) else None
            found = found or _named_row(part, table, document)
            if found is not None:
                return found
    return None


def tables_in(text: str) -> list[Table]:
    """Return the tables of a text: runs of lines of two or more cells, each starting at
    a line without digits (its header)."""
    tables: list[Table] = []
    header: Row | None = None
    rows: list[Row] = []
    position = 0
    for line in text.split("\n"):
        row = _row(line, position)
        position += len(line) + 1
        if row is None or (header is not None and len(row.cells) != len(header.cells)):
            _close(tables, header, rows)
            header, rows = None, []
        if row is None:
            continue
        if not any(_NUMERIC.fullmatch(cell) for cell in row.cells[1:]):
            _close(tables, header, rows)
            header, rows = row, []
        elif header is not None:
            rows.append(row)
    _close(tables, header, rows)
    return tables


def _row(line: str, start: int) -> Row | None:
    cells = tuple(cell.strip() for cell in _SEPARATOR.split(line.strip().strip("|｜")))
    if len(cells) < 3 or _ALIGNMENT.match(line):
        return None
    offset = start + len(line) - len(line.lstrip())
    return Row(cells, offset, start + len(line.rstrip()))


def _close(tables: list[Table], header: Row | None, rows: list[Row]) -> None:
    if header is not None and rows:
        tables.append(Table(header, tuple(rows)))


def _named_row(part: Part, table: Table, document: Document) -> Finding | None:
    """The row whose label the question contains (the longest such label wins)."""
    names = {form for anchor in part.anchors for form in anchor.forms}
    named = [
        row
        for row in table.rows
        if row.cells[0] in part.text
        and (len(row.cells[0]) >= MIN_LABEL_CHARS or row.cells[0] in names)
    ]
    if not named:
        return None
    row = max(named, key=lambda row: len(row.cells[0]))
    asked = set(search_terms(expand_synonyms(part.text.replace(row.cells[0], ""))))
    if not asked & {term for head in table.header.cells[1:] for term in search_terms(head)}:
        return None  # "拓普集团…基地投资多少": no column of the row says what is asked
    pairs = "；".join(
        f"{head} {cell}"
        for head, cell in zip(table.header.cells[1:], row.cells[1:], strict=True)
        if cell
    )
    return _finding(f"{row.cells[0]}：{pairs}", table, row, document, METHOD)


def _most(part: Part, table: Table, document: Document) -> Finding | None:
    """The row with the largest value of the column the question's words name most."""
    asked = set(search_terms(expand_synonyms(part.text)))
    overlap = [len(asked & set(search_terms(head))) for head in table.header.cells]
    column = max(range(1, len(overlap)), key=lambda index: overlap[index], default=0)
    if not column or not overlap[column]:
        return None
    valued = [(value, row) for row in table.rows if (value := _value(row.cells[column]))]
    if not valued:
        return None
    _, row = max(valued, key=lambda item: item[0])
    head = table.header.cells[column]
    text = f"{row.cells[0]}（{head} {row.cells[column]}，表中最高）"
    return _finding(text, table, row, document, METHOD_MOST)


def _value(cell: str) -> Decimal | None:
    match = _NUMBER.search(cell)
    if match is None:
        return None
    try:
        return Decimal(match.group().replace(",", ""))
    except InvalidOperation:
        return None


def _finding(text: str, table: Table, row: Row, document: Document, method: str) -> Finding:
    spans = tuple(
        Span(document.doc_id, line.start, line.end, document.text[line.start : line.end])
        for line in (table.header, row)
    )
    return Finding(text, spans, method)

"""Extract the text of a PDF page by page, dropping repeated page headers and footers.

Part of ingest; imports only core and ingest.formats' result type. Pages are joined with a
blank line; layout repair later joins a sentence that a page break cut in two.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from industry_atlas.core.errors import corrupt_file
from industry_atlas.ingest.formats import ExtractedText

_DIGITS = re.compile(r"\d+")
# How many lines at the top and bottom of a page may be a running header or footer.
_EDGE_LINES = 2


def read_pdf(data: bytes, source: str) -> ExtractedText:
    """Return the text of all pages of the PDF in `data`.

    Raises:
        IngestError: if the PDF is damaged or encrypted.
    """
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise corrupt_file(source, "PDF", "the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as error:
        raise corrupt_file(source, "PDF", str(error) or type(error).__name__) from error
    lines_per_page = [page.splitlines() for page in pages]
    furniture = _running_lines(lines_per_page)
    kept = ["\n".join(_strip_furniture(lines, furniture)) for lines in lines_per_page]
    return ExtractedText(
        "\n\n".join(page for page in kept if page.strip()),
        "pdf",
        title=title.strip() or None if title else None,
        meta={"page_count": str(len(pages))},
    )


def _shape(line: str) -> str:
    """A line's shape: page numbers vary from page to page, the rest of a header does not."""
    return _DIGITS.sub("#", line.strip())


def _running_lines(lines_per_page: list[list[str]]) -> set[str]:
    """Return the shapes of lines that recur at a page edge on at least half the pages."""
    if len(lines_per_page) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in lines_per_page:
        edge = {_shape(line) for line in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:] if line.strip()}
        counts.update(edge)
    threshold = max(2, (len(lines_per_page) + 1) // 2)
    return {shape for shape, count in counts.items() if count >= threshold}


def _strip_furniture(lines: list[str], furniture: set[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and start < _EDGE_LINES and _shape(lines[start]) in furniture:
        start += 1
    while end > start and len(lines) - end < _EDGE_LINES and _shape(lines[end - 1]) in furniture:
        end -= 1
    return lines[start:end]

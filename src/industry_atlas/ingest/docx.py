"""Extract the paragraphs and tables of a Word (.docx) document in reading order.

Part of ingest; imports only core and ingest.formats' result type.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from industry_atlas.core.errors import corrupt_file
from industry_atlas.ingest.formats import ExtractedText

_TITLE_STYLES = ("Title", "Heading 1")


def read_docx(data: bytes, source: str) -> ExtractedText:
    """Return the text of the Word document in `data`, one paragraph per line.

    Raises:
        IngestError: if the package is damaged.
    """
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise corrupt_file(source, "DOCX", str(error) or type(error).__name__) from error
    title = document.core_properties.title or _styled_title(document)
    return ExtractedText("\n".join(blocks), "docx", title=title or None)


def _blocks(document: docx.document.Document) -> Iterator[str]:
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item.text
        elif isinstance(item, Table):
            for row in item.rows:
                yield "\t".join(cell.text.strip() for cell in row.cells)


def _styled_title(document: docx.document.Document) -> str | None:
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name in _TITLE_STYLES:
            return paragraph.text.strip() or None
    return None

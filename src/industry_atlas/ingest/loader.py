"""Turn the bytes of one source into a `Document`: extract, repair, simplify, describe.

Part of ingest; imports only core and the other ingest modules.
"""

from __future__ import annotations

from dataclasses import dataclass

from industry_atlas.core import ids
from industry_atlas.core.errors import empty_input
from industry_atlas.core.models import Document, PartialDate
from industry_atlas.ingest.formats import extract_text
from industry_atlas.ingest.layout import repair_layout
from industry_atlas.ingest.metadata import find_dateline, find_title, parse_metadata_date
from industry_atlas.normalize.script import to_simplified

DEFAULT_MAX_BYTES = 50 * 1000 * 1000


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """What the user told ingest about the inputs.

    Attributes:
        max_bytes: inputs larger than this are rejected.
        published: publication date to use instead of the one found in the document.
        source: source label (e.g. a newspaper name) to use instead of the file path.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    published: PartialDate | None = None
    source: str | None = None


def build_document(data: bytes, source: str, options: LoadOptions) -> Document:
    """Build the document for the bytes of `source`.

    Raises:
        IngestError: if the bytes are not a readable document with text in it.
    """
    extracted = extract_text(data, source)
    repaired = repair_layout(extracted.text)
    converted = to_simplified(repaired.text)
    text = converted.text
    if not text.strip():
        raise empty_input(source)
    offset_map = converted.offset_map.compose(repaired.offset_map)
    published, date_basis = _published(options, extracted.published, text)
    meta = {
        **extracted.meta,
        "path": source,
        "format": extracted.format,
        "script": "traditional" if converted.was_traditional else "simplified",
        "size_bytes": str(len(data)),
    }
    if extracted.encoding:
        meta["encoding"] = extracted.encoding
    if date_basis:
        meta["date_basis"] = date_basis
    return Document(
        doc_id=ids.doc_id(text),
        source=options.source or source,
        title=(extracted.title or "").strip() or find_title(text),
        text=text,
        published=published,
        original_text=None if text == extracted.text else extracted.text,
        offset_map=None if offset_map.is_identity else offset_map,
        meta=meta,
    )


def _published(
    options: LoadOptions, metadata_date: str | None, text: str
) -> tuple[PartialDate | None, str | None]:
    if options.published is not None:
        return options.published, "option"
    if metadata_date and (date := parse_metadata_date(metadata_date)):
        return date, "metadata"
    if date := find_dateline(text):
        return date, "dateline"
    return None, None

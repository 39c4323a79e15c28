"""Recognise a file's format from its bytes and pull its text and embedded metadata out.

Part of ingest; imports only core. Formats are told apart by their content (a PDF header,
a Word zip package, HTML markup), with the extension used only to name what a damaged
file was meant to be.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from industry_atlas.core.errors import corrupt_file, unsupported_format
from industry_atlas.ingest.decode import decode_text

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}

_FOREIGN_MAGIC = (
    (b"\xd0\xcf\x11\xe0", "a legacy Office file (.doc/.xls); save it as .docx"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
)
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


@dataclass(frozen=True, slots=True)
class ExtractedText:
    """Text pulled out of a file, before layout repair, with what the file said about itself."""

    text: str
    format: str
    encoding: str | None = None
    title: str | None = None
    published: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def extract_text(data: bytes, source: str) -> ExtractedText:
    """Detect the format of `data` and extract its text.

    Raises:
        IngestError: for unsupported, corrupt or undecodable input.
    """
    suffix = PurePath(source).suffix.lower()
    if data.startswith(b"%PDF-"):
        return _from_pdf(data, source)
    if data.startswith(b"PK\x03\x04"):
        return _from_zip(data, source)
    if suffix == ".pdf":
        raise corrupt_file(source, "PDF", "the file does not start with a PDF header")
    if suffix == ".docx":
        raise corrupt_file(source, "DOCX", "the file is not a Word (zip) package")
    for magic, description in _FOREIGN_MAGIC:
        if data.startswith(magic):
            raise unsupported_format(source, description)
    decoded = decode_text(data, source)
    if suffix in HTML_SUFFIXES or _HTML_START.match(data[:2048]):
        return _from_html(decoded.text, decoded.encoding, source)
    if suffix in {".md", ".markdown"}:
        return _from_markdown(decoded.text, decoded.encoding)
    return ExtractedText(decoded.text, "txt", decoded.encoding)


# The readers import their parsing libraries lazily: trafilatura alone takes half a second
# to import, which every CLI call (even --help) would otherwise pay.


def _from_zip(data: bytes, source: str) -> ExtractedText:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile as error:
        raise corrupt_file(source, "DOCX", str(error)) from error
    if "word/document.xml" not in names:
        raise unsupported_format(source, "a zip archive that is not a Word document")
    from industry_atlas.ingest.docx import read_docx

    return read_docx(data, source)


def _from_pdf(data: bytes, source: str) -> ExtractedText:
    from industry_atlas.ingest.pdf import read_pdf

    return read_pdf(data, source)


def _from_markdown(text: str, encoding: str) -> ExtractedText:
    from industry_atlas.ingest.markdown import read_markdown

    return read_markdown(text, encoding)


def _from_html(html: str, encoding: str, source: str) -> ExtractedText:
    from industry_atlas.ingest.html import read_html

    return read_html(html, encoding, source)

"""Turn the bytes of a text file into a string, detecting its encoding from the content.

Part of ingest; imports only core. The extension never decides the encoding: a GB18030
copy of a UTF-8 file decodes to the same string.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from industry_atlas.core.errors import undecodable_text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The encodings Chinese documents come in; detection is restricted to them so that a
# binary file is rejected instead of being read as some Latin code page.
_CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be"]
_DISALLOWED_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.01


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A decoded string and the encoding it was found in."""

    text: str
    encoding: str


def decode_text(data: bytes, source: str) -> DecodedText:
    """Decode `data`, trying a byte-order mark, strict UTF-8, then detection.

    Raises:
        IngestError: if the bytes are not text in a supported encoding.
    """
    decoded = _decode_with_bom(data) or _decode_utf8(data) or _detect(data)
    if decoded is None or not _looks_like_text(decoded.text):
        raise undecodable_text(source)
    return decoded


def _decode_with_bom(data: bytes) -> DecodedText | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding.removesuffix("-sig"))
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf8(data: bytes) -> DecodedText | None:
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> DecodedText | None:
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    # GBK and GB2312 are subsets of GB18030; decoding with the superset never loses text.
    if encoding in {"gbk", "gb2312"}:
        encoding = "gb18030"
    try:
        return DecodedText(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None


def _looks_like_text(text: str) -> bool:
    if "\x00" in text:
        return False
    controls = len(_DISALLOWED_CONTROL.findall(text))
    return controls <= _MAX_CONTROL_RATIO * max(len(text), 1)

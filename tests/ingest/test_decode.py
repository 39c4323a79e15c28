from __future__ import annotations

import codecs
import os

import pytest

from industry_atlas.core.errors import IngestError
from industry_atlas.ingest.decode import decode_text

SIMPLIFIED = "深圳市加快推动人工智能高质量发展高水平应用，北京人形机器人创新中心专委会成立。"
TRADITIONAL = "深圳市加快推動人工智慧高質量發展，北京人形機器人創新中心專委會成立。"


@pytest.mark.parametrize(
    ("text", "data", "encoding"),
    [
        (SIMPLIFIED, SIMPLIFIED.encode("utf-8"), "utf-8"),
        (SIMPLIFIED, codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8"),
        (SIMPLIFIED, SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED, SIMPLIFIED.encode("gbk"), "gb18030"),
        (TRADITIONAL, TRADITIONAL.encode("big5"), "big5"),
        (SIMPLIFIED, SIMPLIFIED.encode("utf-16"), "utf-16"),
        (SIMPLIFIED, codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
    ],
)
def test_encoding_is_detected_from_the_bytes(text: str, data: bytes, encoding: str) -> None:
    decoded = decode_text(data, "x.txt")
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_seed_in_gb18030_decodes_to_the_same_text(seed_text: str) -> None:
    assert decode_text(seed_text.encode("gb18030"), "seed.txt").text == seed_text


@pytest.mark.parametrize("data", [os.urandom(4096), b"\x00\x01\x02binary\x00" * 50])
def test_binary_bytes_are_rejected_naming_the_file(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"^blob\.txt: not text"):
        decode_text(data, "blob.txt")

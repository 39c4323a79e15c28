"""Content-hash identifiers: the same content always gets the same id, so re-runs are no-ops.

Imports only the standard library.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from industry_atlas.core.models import Fact


def content_hash(*parts: str) -> str:
    """Return a 16-hex-digit SHA-256 digest of the parts (separated, so ("ab","c") != ("a","bc"))."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:16]


def doc_id(text: str) -> str:
    """Return the id of a document: a hash of its normalized text alone.

    The source path is deliberately left out, so a GB18030 copy of a UTF-8 file, or the
    same text under another name, is recognised as the same document.
    """
    return content_hash(text)


def fact_id(doc_id: str, fact: Fact) -> str:
    """Return the id of a fact: the same statement from the same text is the same row."""
    quantity = fact.quantity
    return content_hash(
        doc_id,
        fact.kind.value,
        fact.subject,
        fact.predicate,
        fact.object or "",
        f"{quantity.value}|{quantity.unit}|{quantity.qualifier.value}" if quantity else "",
        fact.time.iso() if fact.time else "",
        json.dumps(dict(fact.qualifiers), ensure_ascii=False, sort_keys=True),
        ",".join(f"{span.start}:{span.end}" for span in fact.evidence),
    )

"""Ingest: files, folders and stdin in many formats and encodings -> `Document`.

Imports only core. See loader.build_document for the steps.
"""

from industry_atlas.ingest.fingerprint import Fingerprint, best_match, fingerprint
from industry_atlas.ingest.loader import DEFAULT_MAX_BYTES, LoadOptions, build_document
from industry_atlas.ingest.sources import Source, expand_sources

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Fingerprint",
    "LoadOptions",
    "Source",
    "best_match",
    "build_document",
    "expand_sources",
    "fingerprint",
]

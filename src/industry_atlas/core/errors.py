"""The error tree of Industry Atlas and factories for messages used in more than one place.

Imports only the standard library. Edges (CLI, web) turn these into user-facing output;
`InternalError` means a bug in industry_atlas rather than bad input.
"""

from __future__ import annotations


class AtlasError(Exception):
    """Root of every error Industry Atlas raises on purpose."""


class IngestError(AtlasError):
    """A source could not be turned into a document."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ExtractionError(AtlasError):
    """An extractor failed on a document."""


class GroundingError(AtlasError):
    """Evidence does not point at the characters it claims to."""


class NormalizationError(AtlasError):
    """A raw string could not be turned into a typed value."""


class StoreError(AtlasError):
    """The knowledge base could not be read or written."""


class ConfigError(AtlasError):
    """A setting or configuration file is invalid."""


class InternalError(AtlasError):
    """A bug in industry_atlas: please report it."""


def file_too_large(source: str, size_bytes: int, limit_bytes: int) -> IngestError:
    """Build the error for an input over the size limit."""
    return IngestError(
        source,
        f"file is {size_bytes / 1e6:.1f} MB, over the {limit_bytes / 1e6:.0f} MB limit "
        "(Tip: raise it with --max-mb or INDUSTRY_ATLAS_MAX_FILE_MB)",
    )


def empty_input(source: str) -> IngestError:
    """Build the error for an input with no text."""
    return IngestError(source, "no text found (the file is empty or holds only whitespace)")


def unsupported_format(source: str, detail: str) -> IngestError:
    """Build the error for an input whose format is not one Industry Atlas reads."""
    return IngestError(
        source,
        f"unsupported format: {detail} (Tip: ingest reads .txt .md .html .htm .pdf .docx)",
    )


def corrupt_file(source: str, kind: str, detail: str) -> IngestError:
    """Build the error for a damaged file of a known format."""
    return IngestError(source, f"corrupt or unreadable {kind}: {detail}")


def undecodable_text(source: str) -> IngestError:
    """Build the error for bytes that are not text in any supported encoding."""
    return IngestError(
        source,
        "not text in a supported encoding (UTF-8, UTF-16, GB18030/GBK, Big5); "
        "it may be a binary file",
    )


def unknown_document(ref: str) -> StoreError:
    """Build the error for a document id or prefix that matches nothing."""
    return StoreError(
        f"no document matches {ref!r} (Tip: list them with 'industry-atlas documents')"
    )

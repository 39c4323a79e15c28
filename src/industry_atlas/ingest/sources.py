"""Expand command-line inputs (files, folders, "-" for stdin) into readable sources.

Part of ingest; imports only core. Reading is deferred so that one unreadable file is one
failure, not the end of the run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from industry_atlas.core.errors import IngestError, empty_input, file_too_large
from industry_atlas.ingest.formats import SUPPORTED_SUFFIXES

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file path, or standard input when `path` is None."""

    name: str
    path: Path | None

    def read(self, max_bytes: int) -> bytes:
        """Return the bytes of the source.

        Raises:
            IngestError: if it is missing, unreadable, empty or over `max_bytes`.
        """
        data = self._read_stdin(max_bytes) if self.path is None else self._read_file(max_bytes)
        if not data.strip():
            raise empty_input(self.name)
        return data

    def _read_file(self, max_bytes: int) -> bytes:
        assert self.path is not None
        try:
            size = self.path.stat().st_size
            if size > max_bytes:
                raise file_too_large(self.name, size, max_bytes)
            return self.path.read_bytes()
        except FileNotFoundError as error:
            raise IngestError(self.name, "no such file") from error
        except IsADirectoryError as error:
            raise IngestError(self.name, "is a directory") from error
        except OSError as error:
            raise IngestError(self.name, f"cannot read: {error.strerror or error}") from error

    def _read_stdin(self, max_bytes: int) -> bytes:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise file_too_large(self.name, len(data), max_bytes)
        return data


def expand_sources(inputs: Sequence[str]) -> list[Source]:
    """Turn inputs into sources: folders recursively (supported suffixes, no hidden files),
    in a stable order, each file once."""
    sources: dict[str, Source] = {}
    for item in inputs:
        for source in _expand(item):
            sources.setdefault(source.name, source)
    return list(sources.values())


def _expand(item: str) -> Iterator[Source]:
    if item == STDIN:
        yield Source("<stdin>", None)
        return
    path = Path(item)
    if not path.is_dir():
        yield Source(item, path)
        return
    for child in sorted(path.rglob("*")):
        relative = child.relative_to(path)
        if (
            child.is_file()
            and child.suffix.lower() in SUPPORTED_SUFFIXES
            and not any(part.startswith(".") for part in relative.parts)
        ):
            yield Source(str(child), child)

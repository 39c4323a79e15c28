"""Uploaded files -> the knowledge base, through the same pipeline and errors as `ingest`.

Part of web. Each upload is kept in the data folder (the `uploads` folder beside the
knowledge base) under a name made safe here: the client's file name loses any folder
part, control characters and leading dots, and gets a content-hash prefix, so an upload
can neither leave the folder ("../../x", "C:\\x", "/etc/x") nor replace another one.
The kept file is then ingested like a file given to `industry-atlas ingest`.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from industry_atlas import pipeline
from industry_atlas.core.errors import IngestError, file_too_large
from industry_atlas.core.models import IngestOutcome
from industry_atlas.core.protocols import Extractor
from industry_atlas.extract import get_extractor
from industry_atlas.ingest import LoadOptions, Source
from industry_atlas.web.knowledge import KnowledgeBase

_UNSAFE = re.compile(r'[<>:"|?*\\/\x00-\x1f\x7f]')
_MAX_NAME_CHARS = 120


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file: the name the client gave, its bytes (at most the limit plus
    one) and its full size."""

    filename: str
    data: bytes
    size: int


class Uploader:
    """Keeps uploads in the data folder and ingests them, one writer at a time."""

    def __init__(self, knowledge: KnowledgeBase, folder: Path, threshold: float) -> None:
        """Write into `knowledge`, keeping uploads in `folder`.

        Args:
            knowledge: the knowledge base.
            folder: the data folder for uploaded files (created on first upload).
            threshold: similarity from which a document is a copy of an earlier one.
        """
        self._knowledge = knowledge
        self._folder = folder
        self._threshold = threshold
        self._extractor: Extractor | None = None

    def ingest(self, uploads: Sequence[Upload], options: LoadOptions) -> list[IngestOutcome]:
        """Keep and ingest `uploads`; return one outcome per upload, in order."""
        outcomes: dict[int, IngestOutcome] = {}
        sources: list[tuple[int, Source]] = []
        for index, upload in enumerate(uploads):
            name = safe_name(upload.filename)
            try:
                sources.append((index, Source(name, self._keep(name, upload, options))))
            except IngestError as error:
                outcomes[index] = IngestOutcome(name, "failed", reason=error.reason)
        if sources:
            outcomes.update(
                zip([index for index, _ in sources], self._ingest(sources, options), strict=True)
            )
        return [outcomes[index] for index in range(len(uploads))]

    def _ingest(
        self, sources: list[tuple[int, Source]], options: LoadOptions
    ) -> list[IngestOutcome]:
        with self._knowledge.writer() as store:
            if self._extractor is None:
                self._extractor = get_extractor()
            return pipeline.ingest(
                [source for _, source in sources],
                store,
                options,
                extractor=self._extractor,
                near_duplicate_threshold=self._threshold,
            )

    def _keep(self, name: str, upload: Upload, options: LoadOptions) -> Path:
        if upload.size > options.max_bytes:
            raise file_too_large(name, upload.size, options.max_bytes)
        digest = hashlib.sha256(upload.data).hexdigest()[:16]
        folder = self._folder.resolve()
        target = (folder / f"{digest}-{name}").resolve()
        if target.parent != folder:
            raise IngestError(name, "the file name leads outside the upload folder")
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            _write_atomically(target, upload.data)
        return target


def safe_name(filename: str) -> str:
    """Return the last part of a client's file name with nothing that could reach
    another folder or confuse a shell or file system ("../../etc/passwd" -> "passwd")."""
    last = PurePath(filename.replace("\\", "/")).name
    name = _UNSAFE.sub("_", last).strip().lstrip(".").strip()
    if len(name) > _MAX_NAME_CHARS:
        suffix = PurePath(name).suffix[:10]
        name = name[: _MAX_NAME_CHARS - len(suffix)] + suffix
    return name or "upload"


def _write_atomically(target: Path, data: bytes) -> None:
    """Write a temporary file beside `target` and rename it: a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

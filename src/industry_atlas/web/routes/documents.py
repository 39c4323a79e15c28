"""REST API: list, read and upload documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, UploadFile
from fastapi.responses import JSONResponse

from industry_atlas.core.models import PartialDate
from industry_atlas.ingest import LoadOptions
from industry_atlas.web.deps import PagingDep, StateDep
from industry_atlas.web.schemas import (
    DocumentPublic,
    DocumentsPublic,
    UploadPublic,
    document_public,
    error_responses,
    outcome_public,
    summary_public,
)
from industry_atlas.web.security import require_write_access
from industry_atlas.web.uploads import Upload

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=DocumentsPublic)
def list_documents(state: StateDep, paging: PagingDep) -> DocumentsPublic:
    """List the documents, newest first."""
    page = state.knowledge.reader().document_page(paging.limit, paging.offset)
    return DocumentsPublic(
        items=[summary_public(row) for row in page.items],
        total=page.total,
        limit=paging.limit,
        offset=paging.offset,
    )


@router.get("/{doc_id}", response_model=DocumentPublic, responses=error_responses(404))
def get_document(doc_id: str, state: StateDep) -> DocumentPublic:
    """Return a document: its text, the spans highlighted in it (offsets into the text)
    and the facts it yields with their evidence."""
    reader = state.knowledge.reader()
    summary = reader.document_summary(doc_id)
    if summary is None:
        raise HTTPException(404, f"no document has the id {doc_id!r}")
    document = reader.get_documents([doc_id])[doc_id]
    return document_public(
        summary, document, reader.mentions_of(doc_id), reader.facts(doc_id=doc_id)
    )


@router.post(
    "",
    response_model=UploadPublic,
    responses=error_responses(401, 403, 413, 422),
    dependencies=[Depends(require_write_access)],
)
def upload_documents(
    state: StateDep,
    files: Annotated[list[UploadFile], File(description="Documents: .txt .md .html .pdf .docx")],
    date: Annotated[
        str | None,
        Form(max_length=10, description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD."),
    ] = None,
    source: Annotated[
        str | None, Form(max_length=200, description="Source label, e.g. 中国电子报.")
    ] = None,
) -> JSONResponse:
    """Ingest uploaded documents with the same pipeline, limits and errors as
    `industry-atlas ingest`: 200 with one outcome per file, or 422 when every file failed."""
    options = LoadOptions(max_bytes=state.max_bytes, published=_date(date), source=source or None)
    uploads = [_read(file, state.max_bytes) for file in files]
    outcomes = state.uploader.ingest(uploads, options)
    counts = {
        status: sum(o.status == status for o in outcomes)
        for status in ("stored", "unchanged", "failed")
    }
    body = UploadPublic(
        ok=counts["failed"] < len(outcomes),
        outcomes=[outcome_public(o) for o in outcomes],
        **counts,
    ).model_dump()
    if body["ok"]:
        return JSONResponse(body)
    first = outcomes[0]
    error = {"error": f"{first.source}: {first.reason}", "status": 422}
    return JSONResponse({**body, **error}, status_code=422)


def _read(file: UploadFile, max_bytes: int) -> Upload:
    data = file.file.read(max_bytes + 1)
    size = file.size if file.size is not None else len(data)
    return Upload(file.filename or "upload", data, max(size, len(data)))


def _date(value: str | None) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise HTTPException(422, f"date: {error}") from None

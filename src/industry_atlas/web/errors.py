"""One error envelope for the whole app: `{"ok": false, "error": message, "status": code}`.

Part of web. API paths answer in JSON, pages with the same message in an HTML page. No
traceback ever reaches a client: an unexpected error is logged with its traceback and
answered with a 500 that says where to look.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from industry_atlas.core.errors import AtlasError, ConfigError, IngestError, StoreError

API_PREFIX = "/api/"
INTERNAL = "internal error: a bug in industry_atlas (Tip: the server log has the details; please report it)"
_log = logging.getLogger("industry_atlas.web")
# Errors of the library by what they mean for a request.
_STATUS_OF = ((IngestError, 422), (ConfigError, 422), (StoreError, 503), (AtlasError, 400))


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error of `app` with the envelope."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(AtlasError, _atlas_error)
    app.add_exception_handler(Exception, _internal_error)


def envelope(status: int, message: str) -> dict[str, Any]:
    """Return the JSON body of an error."""
    return {"ok": False, "error": message, "status": status}


def error_response(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """Return the error as JSON for the API, as an HTML page for the dashboard."""
    if request.url.path.startswith(API_PREFIX) or "text/html" not in request.headers.get(
        "accept", ""
    ):
        return JSONResponse(envelope(status, message), status_code=status, headers=headers)
    templates = request.app.state.atlas.templates
    context = {"status": status, "message": message}
    page: Response = templates.TemplateResponse(
        request, "error.html.j2", context, status_code=status, headers=headers
    )
    return page


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = str(exc.detail)
    if exc.status_code == 404 and message == HTTPStatus.NOT_FOUND.phrase:  # no route matched
        message = f"no such page or endpoint: {request.url.path} (Tip: the API is listed at /openapi.json)"
    return error_response(request, exc.status_code, message, exc.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [_problem(error) for error in exc.errors()]
    return error_response(request, 422, "; ".join(problems) or "invalid request")


def _problem(error: dict[str, Any]) -> str:
    """One parameter's problem: "limit: Input should be less than or equal to 500"."""
    location = [str(part) for part in error.get("loc", ())]
    name = ".".join(location[1:]) or ".".join(location) or "request"
    return f"{name}: {error.get('msg', 'invalid')}"


async def _atlas_error(request: Request, exc: Exception) -> Response:
    status = next(code for kind, code in _STATUS_OF if isinstance(exc, kind))
    return error_response(request, status, str(exc))


async def _internal_error(request: Request, exc: Exception) -> Response:
    _log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500, INTERNAL)

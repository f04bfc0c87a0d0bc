"""One exception handler: every error leaves the API as ``{"error": {code, message, detail}}``
with the status of its ``callnotes.errors`` class, never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from callnotes.errors import AuthenticationError, CallnotesError
from models.api import ErrorResponse

log = logging.getLogger("callnotes.api")


def documented_errors(descriptions: dict[int, str]) -> dict[int | str, dict[str, object]]:
    """OpenAPI entries for the errors a route answers with. Every route needs a token, so 401
    is always among them."""
    return {
        status: {"model": ErrorResponse, "description": text}
        for status, text in {401: "Missing or invalid bearer token.", **descriptions}.items()
    }

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    416: "range_not_satisfiable",
}


def error_response(status: int, code: str, message: str, detail: object | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "detail": detail}}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_detail(error: RequestValidationError) -> list[dict[str, object]]:
    # The offending input is left out: it may be a phone number or a name.
    return [
        {"loc": list(problem.get("loc", ())), "msg": problem.get("msg"), "type": problem.get("type")}
        for problem in error.errors()
    ]


def install(app: FastAPI) -> None:
    @app.exception_handler(CallnotesError)
    async def _callnotes_error(_request: Request, error: CallnotesError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(error, AuthenticationError) else None
        if error.status_code >= 500:
            log.error("%s: %s", error.code, error.message)
        return error_response(error.status_code, error.code, error.message, error.detail, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        return error_response(
            422, "invalid_input", "the request is not valid", _validation_detail(error)
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(error.status_code, "http_error")
        return error_response(error.status_code, code, str(error.detail), None, error.headers)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, error: Exception) -> JSONResponse:
        # Only the type: the message of an arbitrary exception may quote personal data.
        log.error("unexpected %s while serving a request", type(error).__name__)
        return error_response(500, "internal_error", "internal error; the request was not applied")

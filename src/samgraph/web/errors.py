"""One error body for every HTTP path: GraphQL-shaped, `{"errors": [{message, extensions:
{code, ...}}]}`, so clients read a refusal from /graphql, /reports or a probe alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from samgraph.errors import format_loc, message

# HTTP statuses without a more precise code of ours.
CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHENTICATED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "RATE_LIMITED",
    503: "DATABASE_UNAVAILABLE",
}


def error_body(code: str, message: str, **extensions: Any) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": code, **extensions}}]}


def error_response(
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    """A GraphQL-shaped error body, so clients read every refusal the same way."""
    return JSONResponse(error_body(code, message, **extensions), status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    fallback = "INTERNAL_SERVER_ERROR" if exc.status_code >= 500 else "BAD_REQUEST"
    code = CODES.get(exc.status_code, fallback)
    return error_response(exc.status_code, code, str(exc.detail), dict(exc.headers or {}))


async def _bad_request(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        # ("query", "format") -> "format": the parameter as the client sent it.
        {"path": format_loc(tuple(e["loc"][1:])) or "request", "message": message(e)}
        for e in exc.errors()
    ]
    first = problems[0]
    return error_response(
        422, "BAD_USER_INPUT", f"{first['path']}: {first['message']}",
        field=first["path"], problems=problems,
    )  # fmt: skip


def install(app: FastAPI) -> None:
    """Answer FastAPI's own refusals (unknown path, wrong method, bad parameter) in the
    same shape as every other error."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_request)


def recoded(status: int, headers: Mapping[str, str], body: bytes) -> JSONResponse:
    """A plain-text error answer (strawberry answers its own refusals so: no query, a
    mutation over GET, a body that is not JSON) as the error body, its `X-` headers kept."""
    kept = {k: v for k, v in headers.items() if k.lower().startswith("x-")}
    if b"when using GET" in body:  # a mutation over GET (GraphQL over HTTP: 405)
        status, kept["Allow"] = 405, "POST"
    return error_response(status, CODES.get(status, "BAD_REQUEST"), body.decode() or "error", kept)

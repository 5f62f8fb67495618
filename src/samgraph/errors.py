"""Expected failures, each with a machine-readable code (shown to API clients)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from samgraph.common import PATTERN_PROBLEMS

# Every code an error of the API carries (`extensions.code`), with the HTTP status of a
# request error of that code (GraphQL over HTTP with application/graphql-response+json,
# /reports and the probes) and its meaning. README.md lists them; a test checks this
# table against every code the code can produce (tests/web/test_error_codes.py).
ERROR_CODES: dict[str, tuple[int, str]] = {
    "GRAPHQL_PARSE_FAILED": (400, "the document does not parse"),
    "GRAPHQL_VALIDATION_FAILED": (400, "the document does not validate against the schema"),
    "OPERATION_RESOLUTION_FAILURE": (400, "several operations and no operationName"),
    "BAD_REQUEST": (400, "the HTTP request itself is malformed (body, query string)"),
    "BAD_USER_INPUT": (400, "an argument, input field or variable is wrong (`field` names it)"),
    "NOT_FOUND": (404, "an argument names something that does not exist or that the "
                  "credential cannot see (a lookup by id answers null instead)"),
    "UNAUTHENTICATED": (401, "no credential, or one that is unknown, revoked or expired"),
    "FORBIDDEN": (403, "the credential's role does not allow the operation"),
    "METHOD_NOT_ALLOWED": (405, "a mutation over GET, or queries over GET turned off"),
    "PAYLOAD_TOO_LARGE": (413, "the request body is over SAMGRAPH_MAX_BODY_BYTES"),
    "UNSUPPORTED_MEDIA_TYPE": (415, "the body's content type is not one GraphQL takes"),
    "LIMIT_EXCEEDED": (400, "over a limit (depth, aliases, tokens, cost, page size, time)"),
    "RATE_LIMITED": (429, "over the rate limit (Retry-After says when to try again)"),
    "PERSISTED_QUERY_NOT_FOUND": (400, "a persisted query's hash is not known yet: send "
                                  "the document with it"),
    "PERSISTED_QUERY_NOT_ALLOWED": (403, "allow-list mode: the document is not registered"),
    "PERSISTED_QUERY_NOT_SUPPORTED": (400, "persisted queries are off here"),
    "REPORT_FAILED": (500, "a report's field failed while running"),
    "DATABASE_UNAVAILABLE": (503, "Neo4j does not answer: retry later"),
    "INTERNAL_SERVER_ERROR": (500, "a bug: the message is masked, `requestId` finds the log"),
}  # fmt: skip


@dataclass(frozen=True)
class Problem:
    """One offending field: `path` like `stakeholders[3].strength`; `missing` when its
    value names something that does not exist (or that the caller cannot see)."""

    path: str
    message: str
    missing: bool = False


def unknown(path: str, kind: str, ident: object) -> Problem:
    """`path` names a `kind` (stakeholder, team...) that does not exist."""
    return Problem(path, f"unknown {kind} {ident!r}", missing=True)


class SamgraphError(Exception):
    """Base of the errors that are safe to show to clients."""

    code = "ERROR"

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []
        # graphql-core copies an `extensions` dict of the original error into the response.
        self.extensions: dict[str, Any] = {"code": self.code}
        if self.problems:
            self.extensions["field"] = self.problems[0].path
            self.extensions["problems"] = [
                {"path": p.path, "message": p.message} for p in self.problems
            ]


class InvalidInput(SamgraphError):
    code = "BAD_USER_INPUT"


class NotFound(InvalidInput):
    """An argument names something that does not exist, or that the caller cannot see
    (the same answer: docs/design.md "Not found"). A lookup by id answers null instead."""

    code = "NOT_FOUND"


class Forbidden(SamgraphError):
    """The caller's role does not allow this operation."""

    code = "FORBIDDEN"


class LimitExceeded(SamgraphError):
    """A query over one of the configured limits (cost, page size, rows)."""

    code = "LIMIT_EXCEEDED"


class Unauthenticated(SamgraphError):
    """The credential is unknown, revoked or expired (a WebSocket checks it again on every
    operation)."""

    code = "UNAUTHENTICATED"


class RateLimited(SamgraphError):
    """Over the caller's rate limit (SAMGRAPH_RATE_LIMIT)."""

    code = "RATE_LIMITED"


class DatabaseUnavailable(SamgraphError):
    """Neo4j cannot be reached; the request answers 503 and may be retried."""

    code = "DATABASE_UNAVAILABLE"


def format_loc(loc: tuple[Any, ...], prefix: str = "") -> str:
    """('stakeholders', 3, 'strength') -> 'stakeholders[3].strength'."""
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def message(error: ErrorDetails) -> str:
    """pydantic's message of one error, in words where pydantic's would quote a regular
    expression (an id's, a text's pattern)."""
    if error["type"] == "string_pattern_mismatch":
        problem = PATTERN_PROBLEMS.get(error.get("ctx", {}).get("pattern", ""))
        if problem is not None:
            return problem(str(error["input"]))
    return error["msg"]


def from_validation_error(exc: ValidationError, prefix: str = "") -> InvalidInput:
    problems = [Problem(format_loc(tuple(e["loc"]), prefix), message(e)) for e in exc.errors()]
    return invalid(problems)


def invalid(problems: list[Problem]) -> InvalidInput:
    """BAD_USER_INPUT listing the problems; NOT_FOUND when each one is a reference to
    something that does not exist."""
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    kind = NotFound if all(p.missing for p in problems) else InvalidInput
    return kind(f"{first.path}: {first.message}{more}", problems)

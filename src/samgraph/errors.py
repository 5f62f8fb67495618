"""Expected failures, each with a machine-readable code (shown to API clients)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError


@dataclass(frozen=True)
class Problem:
    """One offending field: `path` like `stakeholders[3].strength`."""

    path: str
    message: str


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


class NotFound(SamgraphError):
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


def from_validation_error(exc: ValidationError, prefix: str = "") -> InvalidInput:
    problems = [Problem(format_loc(tuple(e["loc"]), prefix), e["msg"]) for e in exc.errors()]
    return invalid(problems)


def invalid(problems: list[Problem]) -> InvalidInput:
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return InvalidInput(f"{first.path}: {first.message}{more}", problems)

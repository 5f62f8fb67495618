"""The GraphQL over HTTP specification's media types for answers on /graphql.

A client that accepts `application/graphql-response+json` (Apollo Client 4, urql,
graphql-http, and any client following the specification) gets it, with the
specification's status codes: a request error (a document that does not parse or
validate, variables that do not coerce, an operation that cannot be chosen, a refusal
before execution) answers 4xx (5xx when the database is away) with `errors` and no
`data`; an executed operation answers 200, its field errors beside its `data`. A client
that accepts only `application/json` (or sends no Accept header) gets what it always
got: 200 and `data`, as the specification's legacy rules say.
"""

from __future__ import annotations

from typing import Any

from samgraph.errors import ERROR_CODES

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


def _weights(accept: str) -> dict[str, float]:
    """The media ranges of an Accept header with their q values (parameters other than
    q ignored)."""
    found: dict[str, float] = {}
    for part in accept.split(","):
        kind, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if kind:
            found[kind.lower()] = max(q, found.get(kind.lower(), 0.0))
    return found


def answer_type(accept: str | None) -> str:
    """The media type to answer with: graphql-response+json when the client accepts it
    at least as much as application/json, else application/json."""
    weights = _weights(accept or "")
    wanted = weights.get(GRAPHQL_RESPONSE, 0.0)
    return GRAPHQL_RESPONSE if wanted > 0 and wanted >= weights.get(JSON, 0.0) else JSON


def request_error_status(response: dict[str, Any]) -> int | None:
    """The status of an answer that is a request error (no data, and no error raised by
    a field: those carry a `path`), by its first error's code; None for an executed
    operation, which answers 200."""
    errors = response.get("errors") or []
    if response.get("data") is not None or not errors:
        return None
    if any(e.get("path") for e in errors):
        return None
    code = (errors[0].get("extensions") or {}).get("code", "")
    return ERROR_CODES.get(code, (400, ""))[0]

"""Schema extensions: masked errors, round trips per response, 503 when Neo4j is down."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import MaskErrors, SchemaExtension

from samgraph.errors import DatabaseUnavailable, SamgraphError

log = logging.getLogger("samgraph.errors")


def should_mask(error: GraphQLError) -> bool:
    """Hide unexpected failures; show ours and GraphQL's own (syntax, validation)."""
    original = error.original_error
    return original is not None and not isinstance(original, SamgraphError | GraphQLError)


class RoundTrips(SchemaExtension):
    """Report the database round trips of each request in `extensions.dbRoundTrips`."""

    def get_results(self) -> dict[str, Any]:
        db = getattr(self.execution_context.context, "db", None)
        return {"dbRoundTrips": db.round_trips} if db is not None else {}


class UnavailableIs503(SchemaExtension):
    """A request that failed because Neo4j is unreachable answers HTTP 503, not 200."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = result.errors if result else None
        if errors and any(isinstance(e.original_error, DatabaseUnavailable) for e in errors):
            response = getattr(self.execution_context.context, "response", None)
            if response is not None:
                response.status_code = 503


class Mask(MaskErrors):
    """Unexpected failures become "Unexpected error." with the request id; the real
    exception is logged server-side under that id (never sent to the client)."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        rid = getattr(self.execution_context.context, "request_id", "-")
        log.error(
            "unexpected error, request id %s, path %s",
            rid, ".".join(map(str, error.path or [])),
            exc_info=error.original_error,
        )  # fmt: skip
        return GraphQLError(
            message=f"Unexpected error (request id {rid}).",
            nodes=error.nodes, source=error.source, positions=error.positions, path=error.path,
            extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": rid},
        )  # fmt: skip

"""Schema extensions: masked errors, round trips per response, 503 when Neo4j is down."""

from __future__ import annotations

import logging
import re
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
    """Report the database round trips of each request in `extensions.dbRoundTrips`, and
    the notes resolvers left for the response (`Context.notes`)."""

    def get_results(self) -> dict[str, Any]:
        ctx = self.execution_context.context
        db = getattr(ctx, "db", None)
        notes: dict[str, Any] = getattr(ctx, "notes", {})
        return {"dbRoundTrips": db.round_trips, **notes} if db is not None else {}


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

    def _process_result(self, result: object) -> None:
        # strawberry's checks the result against a runtime Protocol (some 10 us on every
        # request); an `errors` attribute is what that check looks for.
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = self._process_errors(errors)  # type: ignore[attr-defined]

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


# graphql-core's own refusals that are limits of ours (token, depth and alias limiters).
_LIMIT_MESSAGES = (
    "Document contains more than",
    "exceeds maximum operation depth",
    "exceeds maximum alias count",
    "aliases found. Allowed:",  # strawberry's MaxAliasesLimiter
    "Too many validation errors",
    "directives on one field",
    "directives in the document",
)
_VARIABLE = re.compile(r"^Variable '\$(\w+)' (?:has|got) invalid value(?: at ([^:]+))?:")


def _field_of_variable(message: str) -> str | None:
    """`Variable '$r' has invalid value at [0].tier: ...` -> `r[0].tier`: the variable as
    the client sent it."""
    match = _VARIABLE.match(message)
    if match is None:
        return None
    at = (match.group(2) or "").strip()
    return match.group(1) + ("" if not at or at.startswith(("[", ".")) else ".") + at


_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


class Codes(SchemaExtension):
    """Every error carries `extensions.code`: GRAPHQL_PARSE_FAILED for a document that does
    not parse, GRAPHQL_VALIDATION_FAILED for one that does not validate, BAD_USER_INPUT
    (with `field`) for variables of the wrong type, LIMIT_EXCEEDED for the token, depth
    and alias limits. Errors of ours already carry theirs."""

    executed = False

    def on_execute(self) -> Iterator[None]:
        self.executed = True
        yield

    def on_operation(self) -> Iterator[None]:
        try:
            yield
        except GraphQLError as error:
            # A document that fails in ParserCache's hook is raised through the others.
            self._tag([error])
            raise
        self._tag(None)

    def _tag(self, raised: list[GraphQLError] | None) -> None:
        ec = self.execution_context
        phase = (
            "parse" if ec.graphql_document is None else "execute" if self.executed else "validate"
        )
        errors = raised or (ec.result.errors if ec.result else None) or ec.pre_execution_errors
        production = (
            getattr(getattr(ec.context, "settings", None), "samgraph_env", "") == "production"
        )
        for error in errors or []:
            extensions = error.extensions if error.extensions is not None else {}
            if "code" not in extensions:
                extensions.update(self._code(error, phase))
            error.extensions = extensions
            if production:
                # No hints of the schema's names in production: graphql-core suggests
                # fields, arguments, input fields, enum values and type names.
                error.message = _SUGGESTION.sub("", error.message)

    def _code(self, error: GraphQLError, phase: str) -> dict[str, Any]:
        message = error.message
        if any(m in message for m in _LIMIT_MESSAGES) and phase != "execute":
            return {"code": "LIMIT_EXCEEDED"}
        if phase == "parse":
            return {"code": "GRAPHQL_PARSE_FAILED"}
        if phase == "validate":
            return {"code": "GRAPHQL_VALIDATION_FAILED"}
        field = _field_of_variable(message)
        if field is not None and not error.path:
            return {"code": "BAD_USER_INPUT", "field": field}
        return {"code": "INTERNAL_SERVER_ERROR" if error.original_error else "BAD_REQUEST"}

"""The strawberry schema; `schema.graphql` is exported from this object."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.query_depth_limiter import IgnoreContext
from strawberry.schema.config import StrawberryConfig

from samgraph.api.guard import Guard, Mask
from samgraph.api.mutation import Mutation
from samgraph.api.query import Query
from samgraph.config import Settings, get_settings
from samgraph.errors import DatabaseUnavailable, SamgraphError


def _should_mask(error: GraphQLError) -> bool:
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

    def on_operation(self):  # type: ignore[no-untyped-def]
        yield
        result = self.execution_context.result
        errors = result.errors if result else None
        if errors and any(isinstance(e.original_error, DatabaseUnavailable) for e in errors):
            response = getattr(self.execution_context.context, "response", None)
            if response is not None:
                response.status_code = 503


def _introspection(ctx: IgnoreContext) -> bool:
    # GraphiQL's introspection query is deep by nature; it is not data.
    return ctx.field_name.startswith("__")


class SamgraphSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        # Masked errors are logged once, with their request id, by `Mask`.
        super().process_errors([e for e in errors if not _should_mask(e)], execution_context)


CACHE_SIZE = 256
"""Distinct documents whose parse and validation are kept (LRU, per process)."""


def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema with the limits and modes of `settings`."""
    # The depth and alias rules are built once: the validation cache is keyed on the
    # rule classes, and each limiter instance makes new ones (docs/benchmarks.md:
    # parsing and validating the nested read cost 2.3 ms of every request).
    rules = [
        *QueryDepthLimiter(
            max_depth=settings.samgraph_max_depth, should_ignore=_introspection
        ).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.samgraph_max_aliases).validation_rules,
    ]
    extensions: list[Any] = [
        lambda: Mask(should_mask_error=_should_mask),
        Guard,
        RoundTrips,
        UnavailableIs503,
        lambda: MaxTokensLimiter(max_token_count=settings.samgraph_max_tokens),
        lambda: AddValidationRules(rules),
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
    ]
    production = settings.samgraph_env == "production"
    if production:
        extensions.append(DisableIntrospection)
    return SamgraphSchema(
        query=Query, mutation=Mutation, extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=production),
    )  # fmt: skip


schema = build_schema(get_settings())

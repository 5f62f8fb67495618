"""The strawberry schema: each domain's root Query and Mutation, merged.

`build_schema(settings)` is what the app serves (limits and modes of the settings);
`schema` (built on first access from the environment's settings) is what
`make schema` exports to schema.graphql.
"""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.extensions.query_depth_limiter import IgnoreContext
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from samgraph.accounts import compiled as compiled_accounts
from samgraph.accounts import resolvers as accounts
from samgraph.analyses import resolvers as analyses
from samgraph.auth import resolvers as auth
from samgraph.bundle import resolvers as bundle
from samgraph.config import Settings, get_settings
from samgraph.errors import DatabaseUnavailable, SamgraphError
from samgraph.gql.dated import DatedIds
from samgraph.gql.executor import Executor
from samgraph.gql.extensions import Codes, Mask, RoundTrips, UnavailableIs503, should_mask
from samgraph.gql.guard import Guard
from samgraph.gql.hooks import Runner
from samgraph.gql.persisted import persisted_queries
from samgraph.gql.validation import Validation, validator
from samgraph.graph import resolvers as graph
from samgraph.live import resolvers as live
from samgraph.live.extension import Changes
from samgraph.privacy import resolvers as privacy
from samgraph.reports import resolvers as reports
from samgraph.snapshots import resolvers as snapshots
from samgraph.sync import resolvers as sync
from samgraph.webhooks import resolvers as webhooks

# The order of the domains is the order of the root fields in schema.graphql.
Query = merge_types(
    "Query",
    (accounts.Query, analyses.Query, snapshots.Query, reports.Query, graph.Query, bundle.Query, auth.Query,
     privacy.Query, webhooks.Query),
)  # fmt: skip
Mutation = merge_types(
    "Mutation",
    (bundle.Mutation, accounts.Mutation, graph.Mutation, sync.Mutation, reports.Mutation,
     auth.Mutation, privacy.Mutation, webhooks.Mutation),
)  # fmt: skip

CACHE_SIZE = 256
"""Distinct documents whose parse and validation are kept (LRU, per process)."""

refusals = logging.getLogger("samgraph.refusals")
"""One line per refused operation (INFO): the audit log has who and what."""


def _introspection(ctx: IgnoreContext) -> bool:
    # GraphiQL's introspection query is deep by nature; it is not data.
    return ctx.field_name.startswith("__")


class SamgraphSchema(strawberry.Schema):
    def create_extensions_runner(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension]
    ) -> SchemaExtensionsRunner:
        # Each extension's hooks looked up once per class, not per request (gql/hooks.py).
        return Runner(execution_context=execution_context, extensions=extensions)

    def process_errors(self, errors: list[Any], execution_context: Any = None) -> None:
        # Masked errors are logged once, with their request id, by `Mask`. A refusal the
        # caller caused (a bad input, a limit, a role) is one line at INFO, never a
        # traceback: a hostile caller must not fill the log (issue 23 found megabytes).
        logged = []
        for e in errors:
            if should_mask(e):
                continue
            original = e.original_error
            if original is None:  # GraphQL's own: a document that does not parse or validate
                refusals.info("%s: %s", (e.extensions or {}).get("code"), e.message.split("\n")[0])
            elif isinstance(original, SamgraphError) and not isinstance(original, DatabaseUnavailable):  # fmt: skip
                refusals.info("%s: %s", original.code, original.message)
            else:
                logged.append(e)
        super().process_errors(logged, execution_context)


class CompiledExecutor(Executor):
    """The executor with the plain account reads compiled (accounts/compiled.py)."""

    compiled = compiled_accounts.ROOTS


def build_schema(
    settings: Settings, *, executor: type[Any] = CompiledExecutor
) -> strawberry.Schema:
    """The schema with the limits and modes of `settings` (and graphql-core's own executor
    when a test compares `executor`s)."""
    # The depth and alias rules are built once: the validation cache is keyed on the
    # rule classes, and each limiter instance makes new ones (docs/benchmarks.md:
    # parsing and validating the nested read cost 2.3 ms of every request).
    rules = [
        *QueryDepthLimiter(
            max_depth=settings.samgraph_max_depth, should_ignore=_introspection
        ).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.samgraph_max_aliases).validation_rules,
    ]
    run = validator(
        max_field_directives=settings.samgraph_max_field_directives,
        max_directives=settings.samgraph_max_directives,
        max_errors=settings.samgraph_max_errors, cache_size=CACHE_SIZE,
        max_fields=settings.samgraph_max_fields,
    )  # fmt: skip
    extensions: list[Any] = [
        Mask,
        Codes,
        persisted_queries(
            settings.samgraph_persisted_queries,
            max_bytes=settings.samgraph_persisted_max_bytes,
            max_documents=settings.samgraph_persisted_max_documents,
            rate=settings.samgraph_persisted_rate,
        ),
        Guard,
        DatedIds,
        Changes,
        RoundTrips,
        UnavailableIs503,
        lambda: MaxTokensLimiter(max_token_count=settings.samgraph_max_tokens),
        lambda: AddValidationRules(rules),
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: Validation(run),
    ]
    production = settings.samgraph_env == "production"
    if production:
        extensions.append(DisableIntrospection)
    return SamgraphSchema(
        query=Query, mutation=Mutation, subscription=live.Subscription, extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=production),
        execution_context_class=executor,
    )  # fmt: skip


def __getattr__(name: str) -> strawberry.Schema:
    """`samgraph.schema:schema` for `strawberry export-schema`, built on first use (not at
    import: building reads the settings)."""
    if name == "schema":
        built = build_schema(get_settings())
        globals()["schema"] = built
        return built
    raise AttributeError(name)

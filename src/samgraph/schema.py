"""The strawberry schema; `schema.graphql` is exported from this object."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, SchemaExtension

from samgraph.api.mutation import Mutation
from samgraph.api.query import Query
from samgraph.errors import SamgraphError


def _should_mask(error: GraphQLError) -> bool:
    """Hide unexpected failures; show ours and GraphQL's own (syntax, validation)."""
    original = error.original_error
    return original is not None and not isinstance(original, SamgraphError | GraphQLError)


class RoundTrips(SchemaExtension):
    """Report the database round trips of each request in `extensions.dbRoundTrips`."""

    def get_results(self) -> dict[str, Any]:
        db = getattr(self.execution_context.context, "db", None)
        return {"dbRoundTrips": db.round_trips} if db is not None else {}


schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    extensions=[lambda: MaskErrors(should_mask_error=_should_mask), RoundTrips],
)

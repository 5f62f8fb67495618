"""Root fields of saved queries and built-in reports."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON

from samgraph.auth import audit
from samgraph.errors import NotFound, SamgraphError
from samgraph.gql.loading import Ctx
from samgraph.gql.pagination import Connection, paginate
from samgraph.gql.results import DeleteResult
from samgraph.reports import service
from samgraph.reports.types import SavedQuery


@strawberry.type
class Query:
    @strawberry.field(description="Built-in reports first, then the saved queries by name.")
    async def saved_queries(
        self, info: Ctx, first: int = 50, after: str | None = None
    ) -> Connection[SavedQuery]:
        ctx = info.context
        found = [SavedQuery.from_data(x) for x in await service.list_all(ctx.db, ctx.principal)]
        return paginate(found, first=first, after=after, kind="savedQuery", key=lambda x: x.name)

    @strawberry.field
    async def saved_query(self, info: Ctx, name: str) -> SavedQuery | None:
        try:
            return SavedQuery.from_data(
                await service.get(info.context.db, name, info.context.principal)
            )
        except NotFound:
            return None

    @strawberry.field(
        description="Run a saved query or built-in report; returns its data. A root list "
        "selected without `first` is read whole; any list that returned fewer rows than "
        "its totalCount is named in the response's `extensions.cut` (path, returned, "
        "totalCount)."
    )
    async def run_saved_query(self, info: Ctx, name: str, variables: JSON | None = None) -> JSON:
        given: Any = variables
        try:
            ran = await service.run(info.context, name, variables=given)
        except SamgraphError as exc:
            # A refused or failed run is audited with its reason (and logs no traceback).
            audit.record(info.context, "runSavedQuery", kind="export",
                         accounts=audit.accounts_in(given or {}), outcome="refused",
                         code=exc.code)  # fmt: skip
            raise
        if ran.cut:
            cut = info.context.notes.setdefault("cut", [])
            cut.extend({"report": name, **c.as_dict()} for c in ran.cut)
        audit.record(info.context, "runSavedQuery", kind="export",
                     accounts=audit.accounts_in(given or {}))  # fmt: skip
        return JSON(ran.data)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Save (or replace) a named query after parsing and validating it against "
        "the schema; mutations and subscriptions are refused."
    )
    async def save_query(
        self, info: Ctx, name: str, document: str, description: str | None = None,
        variables: JSON | None = None,
        shared: Annotated[bool, strawberry.argument(
            description="Visible to every caller (default: only to you and to an ADMIN "
            "key bound to no member).")] = False,
    ) -> SavedQuery:  # fmt: skip
        ctx = info.context
        saved = await service.save(
            ctx.db, schema=ctx.schema, name=name, document=document, description=description,
            variables=variables, principal=ctx.principal, shared=shared,
        )  # fmt: skip
        return SavedQuery.from_data(saved)

    @strawberry.mutation(description="Delete a saved query (built-in reports cannot be deleted).")
    async def delete_saved_query(self, info: Ctx, name: str) -> DeleteResult:
        deleted = await service.delete(info.context.db, name, principal=info.context.principal)
        return DeleteResult(id=strawberry.ID(name), deleted=deleted)

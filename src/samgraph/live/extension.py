"""After every mutation, count a change of each account it touched."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

from graphql import value_from_ast_untyped
from graphql.utilities import get_operation_ast
from strawberry.extensions import SchemaExtension

from samgraph.errors import SamgraphError
from samgraph.gql.guard import fragments_of, root_fields
from samgraph.live import service

log = logging.getLogger("samgraph.live")


class Changes(SchemaExtension):
    """The accounts a mutation names are looked up before it runs (a node it deletes
    still answers), and the accounts it names that did not exist yet after it (one it
    created), then their change counters are bumped in one write. A failed mutation may have committed part of its rows, so
    it counts too: a spurious event costs a refetch, a lost one a stale page."""

    async def on_execute(self) -> AsyncIterator[None]:
        ec = self.execution_context
        ctx = ec.context
        document = ec.graphql_document
        op = get_operation_ast(document, ec.operation_name) if document else None
        if op is None or op.operation.value != "mutation" or not hasattr(ctx, "db"):
            yield
            return
        # Its own write is counted only after it: what its payload reads comes from the
        # graph, never from rows kept under the old counter (live/kept.py).
        ctx.loaders.kept = None
        variables = ec.variables or {}
        nodes: dict[str, set[str]] = {k: set() for k in service.KINDS}
        for field in root_fields(op.selection_set, fragments_of(document)):
            args: dict[str, Any] = {
                a.name.value: value_from_ast_untyped(a.value, variables)
                for a in field.arguments or ()
            }
            for kind, ids in service.nodes_named(field.name.value, args).items():
                nodes[kind] |= ids
        try:
            before = await service.accounts_touched(ctx.db, nodes)
        except SamgraphError:  # Neo4j away: the mutation itself reports it (503)
            yield
            return
        yield
        try:
            # Only an account the mutation created is new after it: read again for those.
            created = nodes["accounts"] - before
            after = (
                await service.accounts_touched(ctx.db, {"accounts": created}) if created else set()
            )
            catalog = await service.catalog_touched(ctx.db, nodes)
            await service.announce(ctx.db, before | after, catalog=catalog)
        except SamgraphError as exc:
            log.warning("could not announce the change of %s: %s", sorted(before), exc.message)

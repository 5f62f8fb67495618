"""The subscription root: `accountChanged`."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from samgraph.db.queries import queries as q
from samgraph.errors import NotFound, Problem
from samgraph.gql.loading import Ctx
from samgraph.live import service
from samgraph.live.types import AccountChange


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="An event after every committed write that touches the account (any "
        "client, worker or instance), within about SAMGRAPH_SUBSCRIPTION_POLL_SECONDS. "
        "Over WebSocket (graphql-transport-ws); authenticate in connection_init's payload "
        '(`{"Authorization": "Bearer <key>"}`).'
    )
    async def account_changed(
        self, info: Ctx, id: strawberry.ID
    ) -> AsyncGenerator[AccountChange, None]:
        ctx = info.context
        # Read through the caller's scope: another account's id reads as unknown.
        if not await ctx.loaders.one(q.accounts.get_accounts).load(id):
            raise NotFound(f"no account {id!r}", [Problem("id", "not found")])
        poll = ctx.settings.samgraph_subscription_poll_seconds
        with service.counted(ctx):
            async for change in service.watcher_for(ctx.db, poll).watch(id):
                # Before each event: the credential is still valid (else the socket is
                # closed) and the account still in its scope (else the subscription ends).
                refused = await ctx.recheck() if ctx.recheck is not None else None
                if refused is not None:
                    raise refused
                if not ctx.principal.scope.sees(id):
                    raise NotFound(f"no account {id!r}", [Problem("id", "not found")])
                ctx.forget()  # each event reads the account afresh, in its own time budget
                ctx.db.deadline.start(ctx.settings.samgraph_request_seconds)
                yield AccountChange(
                    account_id=strawberry.ID(change.account_id), revision=change.revision,
                    changed_at=change.changed_at,
                )  # fmt: skip

"""Root fields of outbound webhooks (ADMIN; a bound credential only its member's)."""

from __future__ import annotations

import strawberry

from samgraph.gql.loading import Ctx
from samgraph.gql.pagination import Connection, paginate
from samgraph.gql.results import DeleteResult
from samgraph.webhooks import service
from samgraph.webhooks.types import (
    NewWebhookEndpoint,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEventType,
)


@strawberry.type
class Query:
    @strawberry.field(description="Registered webhook endpoints, newest first (ADMIN).")
    async def webhook_endpoints(self, info: Ctx) -> list[WebhookEndpoint]:
        ctx = info.context
        return [WebhookEndpoint.from_row(r) for r in await service.endpoints(ctx.db, ctx.principal)]

    @strawberry.field(description="An endpoint's delivery log, newest first (ADMIN).")
    async def webhook_deliveries(
        self, info: Ctx, endpoint_id: strawberry.ID, first: int = 50, after: str | None = None
    ) -> Connection[WebhookDelivery]:
        ctx = info.context
        rows = await service.deliveries(ctx.db, ctx.principal, endpoint_id)
        return paginate([WebhookDelivery.from_row(r) for r in rows], first=first, after=after,
                        kind="delivery", key=lambda d: str(d.id), trusted=ctx.trusted)  # fmt: skip


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Register a URL for signed events (ADMIN): the event types it wants "
        "(none: all), and a member to bind it to (only that member's accounts' events; a "
        "bound credential registers for its own member only). https only, and no "
        "private or loopback address, in production. The secret is shown this once."
    )
    async def create_webhook_endpoint(
        self, info: Ctx, url: str, events: list[WebhookEventType] | None = None,
        member_id: strawberry.ID | None = None,
    ) -> NewWebhookEndpoint:  # fmt: skip
        ctx = info.context
        row, secret = await service.create_endpoint(
            ctx.db, ctx.settings, ctx.principal, url=url,
            events=[e.value for e in events or []], member_id=member_id,
        )  # fmt: skip
        return NewWebhookEndpoint(secret=secret, endpoint=WebhookEndpoint.from_row(row))

    @strawberry.mutation(description="Delete an endpoint and its delivery log (ADMIN).")
    async def delete_webhook_endpoint(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        ctx = info.context
        await service.delete_endpoint(ctx.db, ctx.principal, id)
        return DeleteResult(id=id, deleted=True)

    @strawberry.mutation(
        description="Send a delivery again as soon as possible, a FAILED one too (ADMIN)."
    )
    async def redeliver_webhook(self, info: Ctx, id: strawberry.ID) -> WebhookDelivery:
        ctx = info.context
        return WebhookDelivery.from_row(await service.redeliver(ctx.db, ctx.principal, id))

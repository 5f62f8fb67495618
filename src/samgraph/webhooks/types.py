"""Types of outbound webhooks (ADMIN)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import orjson
import strawberry


@strawberry.enum(description="What an endpoint hears of (the event's `type` on the wire).")
class WebhookEventType(Enum):
    STAKEHOLDER_DEPARTED = "stakeholder.departed"
    GAP_OPENED = "gap.opened"
    GAP_CLOSED = "gap.closed"
    COVERAGE_CHANGED = "coverage.changed"
    CHAMPION_MOVED = "champion.moved"


@strawberry.enum(description="Where a delivery stands.")
class WebhookDeliveryStatus(Enum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"


def _when(v: Any) -> dt.datetime | None:
    value: dt.datetime | None = v.to_native() if hasattr(v, "to_native") else v
    return value


@strawberry.type(description="A URL that receives signed events (Standard Webhooks).")
class WebhookEndpoint:
    id: strawberry.ID
    url: str
    events: list[WebhookEventType] = strawberry.field(description="Empty: every event type.")
    member_id: strawberry.ID | None = strawberry.field(
        description="Bound to a member: only events of that member's accounts."
    )
    created_at: dt.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> WebhookEndpoint:
        return cls(id=strawberry.ID(row["id"]), url=row["url"],
                   events=[WebhookEventType(e) for e in row.get("events") or []],
                   member_id=row.get("memberId"), created_at=_when(row.get("createdAt")))  # fmt: skip


@strawberry.type(description="A new endpoint: `secret` (whsec_...) is shown this once.")
class NewWebhookEndpoint:
    secret: str
    endpoint: WebhookEndpoint


@strawberry.type(description="One event sent (or being sent) to one endpoint.")
class WebhookDelivery:
    id: strawberry.ID
    event_id: strawberry.ID = strawberry.field(description="The `webhook-id` header's value.")
    type: WebhookEventType
    account_id: strawberry.ID
    payload: strawberry.scalars.JSON = strawberry.field(description="The event's `data`.")
    status: WebhookDeliveryStatus
    attempts: int = 0
    last_status: int | None = strawberry.field(default=None, description="HTTP status met last.")
    last_error: str | None = None
    created_at: dt.datetime | None = None
    next_attempt_at: dt.datetime | None = None
    delivered_at: dt.datetime | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> WebhookDelivery:
        return cls(
            id=strawberry.ID(row["id"]), event_id=strawberry.ID(row["eventId"]),
            type=WebhookEventType(row["type"]), account_id=strawberry.ID(row["accountId"]),
            payload=orjson.loads(row["payload"]), status=WebhookDeliveryStatus(row["status"]),
            attempts=int(row.get("attempts") or 0), last_status=row.get("lastStatus"),
            last_error=row.get("lastError"), created_at=_when(row.get("createdAt")),
            next_attempt_at=_when(row.get("nextAttemptAt")),
            delivered_at=_when(row.get("deliveredAt")),
        )  # fmt: skip

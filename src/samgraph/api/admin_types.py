"""Types of the ADMIN operations: API keys and personal data requests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from samgraph import common

Role = strawberry.enum(common.Role)


@strawberry.type(description="An API key (the secret itself is never stored or shown again).")
class ApiKey:
    id: strawberry.ID
    name: str | None
    role: Role  # type: ignore[valid-type]
    member_id: strawberry.ID | None
    created_at: dt.datetime | None
    revoked_at: dt.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ApiKey:
        def when(v: Any) -> dt.datetime | None:
            return v.to_native() if hasattr(v, "to_native") else v

        return cls(
            id=strawberry.ID(row["id"]), name=row.get("name"), role=common.Role(row["role"]),
            member_id=row.get("memberId"), created_at=when(row.get("createdAt")),
            revoked_at=when(row.get("revokedAt")),
        )  # fmt: skip


@strawberry.type(description="A new API key: `token` is shown this once.")
class NewApiKey:
    token: str
    key: ApiKey


@strawberry.type(description="What an erasure removed (counts only).")
class Erasure:
    stakeholder_id: strawberry.ID
    account_id: strawberry.ID | None
    edges_removed: int = strawberry.field(
        description="Edges of the person of every kind, besides those to their history."
    )
    history_removed: int
    interactions_scrubbed: int = strawberry.field(
        description="Interactions they attended; their name in the summary is now [erased]."
    )
    reports_unlinked: int
    other_history_cleared: int = strawberry.field(
        description="Other people's recorded manager changes that named them."
    )

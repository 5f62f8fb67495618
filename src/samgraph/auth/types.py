"""Types of the ADMIN operations on API keys."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from samgraph.common import Role


@strawberry.type(description="An API key (the secret itself is never stored or shown again).")
class ApiKey:
    id: strawberry.ID
    name: str | None
    role: Role
    member_id: strawberry.ID | None
    created_at: dt.datetime | None
    revoked_at: dt.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ApiKey:
        def when(v: Any) -> dt.datetime | None:
            value: dt.datetime | None = v.to_native() if hasattr(v, "to_native") else v
            return value

        return cls(
            id=strawberry.ID(row["id"]), name=row.get("name"), role=Role(row["role"]),
            member_id=row.get("memberId"), created_at=when(row.get("createdAt")),
            revoked_at=when(row.get("revokedAt")),
        )  # fmt: skip


@strawberry.type(description="A new API key: `token` is shown this once.")
class NewApiKey:
    token: str
    key: ApiKey

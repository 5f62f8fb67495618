"""Root fields of API keys (ADMIN)."""

from __future__ import annotations

import strawberry

from samgraph.auth import keys
from samgraph.auth.types import ApiKey, NewApiKey
from samgraph.common import Role
from samgraph.gql.loading import Ctx


@strawberry.type
class Query:
    @strawberry.field(description="Every API key, newest first (ADMIN).")
    async def api_keys(self, info: Ctx) -> list[ApiKey]:
        return [ApiKey.from_row(r) for r in await keys.list_keys(info.context.db)]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Create an API key (ADMIN); bound to a member, it sees only that "
        "member's accounts. The token is returned this once."
    )
    async def create_api_key(
        self, info: Ctx, role: Role, member_id: strawberry.ID | None = None,
        name: str | None = None,
    ) -> NewApiKey:  # fmt: skip
        new = await keys.create_key(info.context.db, role=role, member_id=member_id, name=name)
        return NewApiKey(token=new.token, key=ApiKey.from_row(new.record))

    @strawberry.mutation(description="Revoke an API key by id (ADMIN); it stops working at once.")
    async def revoke_api_key(self, info: Ctx, id: strawberry.ID) -> ApiKey:
        return ApiKey.from_row(await keys.revoke_key(info.context.db, id))

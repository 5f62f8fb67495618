"""Root fields of API keys (ADMIN)."""

from __future__ import annotations

import strawberry

from samgraph.auth import keys
from samgraph.auth.types import ApiKey, NewApiKey
from samgraph.common import Role
from samgraph.gql.loading import Ctx
from samgraph.gql.pagination import Connection, paginate


@strawberry.type
class Query:
    @strawberry.field(
        description="Every API key, newest first (ADMIN); an ADMIN key bound to a member "
        "sees only the keys bound to that member."
    )
    async def api_keys(self, info: Ctx) -> list[ApiKey]:
        return await _api_keys(info)

    @strawberry.field(
        description="`apiKeys` as a connection: `first` (1-100) after a cursor, newest first."
    )
    async def api_keys_connection(
        self, info: Ctx, first: int = 50, after: str | None = None
    ) -> Connection[ApiKey]:
        found = await _api_keys(info)
        return paginate(found, first=first, after=after, kind="apikey", key=lambda k: str(k.id),
                        trusted=info.context.trusted)  # fmt: skip


async def _api_keys(info: Ctx) -> list[ApiKey]:
    p = info.context.principal
    return [ApiKey.from_row(r) for r in await keys.list_keys(info.context.db)
            if keys.manages(p, r)]  # fmt: skip


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Create an API key (ADMIN); bound to a member, it sees only that "
        "member's accounts. The token is returned this once. A key never outranks its "
        "maker: an ADMIN key bound to a member creates only keys bound to that member."
    )
    async def create_api_key(
        self, info: Ctx, role: Role, member_id: strawberry.ID | None = None,
        name: str | None = None,
    ) -> NewApiKey:  # fmt: skip
        member = keys.may_create(info.context.principal, role, member_id)
        new = await keys.create_key(info.context.db, role=role, member_id=member, name=name)
        return NewApiKey(token=new.token, key=ApiKey.from_row(new.record))

    @strawberry.mutation(
        description="Revoke an API key by id (ADMIN); it stops working at once. An ADMIN "
        "key bound to a member revokes only the keys bound to that member."
    )
    async def revoke_api_key(self, info: Ctx, id: strawberry.ID) -> ApiKey:
        return ApiKey.from_row(await keys.revoke_key(info.context.db, id, info.context.principal))

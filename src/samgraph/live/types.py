"""Strawberry types of live updates."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from samgraph.db.queries import queries as q
from samgraph.gql.loading import Ctx, Later, load_one

if TYPE_CHECKING:
    from samgraph.accounts.types import Account

_ACCOUNTS = "samgraph.accounts.types"
ACCOUNT: Later[Account] = Later(_ACCOUNTS, "Account")


@strawberry.type(description="A committed change of an account: refetch what you show of it.")
class AccountChange:
    account_id: strawberry.ID
    revision: int = strawberry.field(description="The account's change counter; it only grows.")
    changed_at: dt.datetime | None = strawberry.field(description="When the write committed.")

    @strawberry.field(description="The account as it is now (null once deleted).")
    async def account(self, info: Ctx) -> Annotated[Account, strawberry.lazy(_ACCOUNTS)] | None:
        return await load_one(info, q.accounts.get_accounts, self.account_id, ACCOUNT.get())

"""Root queries: lookups, paginated accounts, bundle export."""

from __future__ import annotations

import base64
import binascii

import strawberry
from strawberry.scalars import JSON

from samgraph.api.inputs import AccountFilter
from samgraph.api.types import (
    Account,
    AccountConnection,
    AccountEdge,
    Ctx,
    Interaction,
    Member,
    Opportunity,
    PageInfo,
    Product,
    Stakeholder,
    Team,
    load_one,
)
from samgraph.bundle import service as bundle_service
from samgraph.errors import Problem, invalid

MAX_PAGE = 500


def encode_cursor(account_id: str) -> str:
    return base64.urlsafe_b64encode(f"account:{account_id}".encode()).decode()


def decode_cursor(cursor: str) -> str:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not text.startswith("account:"):
        raise invalid([Problem("after", "not a cursor returned by `accounts`")])
    return text.removeprefix("account:")


@strawberry.type
class Query:
    @strawberry.field(description="One account by id, or null.")
    async def account(self, info: Ctx, id: strawberry.ID) -> Account | None:
        return await load_one(info, "accounts.get_accounts", id, Account)

    @strawberry.field(
        description="Accounts ordered by id, `first` at a time (1-500) after a cursor."
    )
    async def accounts(
        self,
        info: Ctx,
        filter: AccountFilter | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> AccountConnection:
        if not 1 <= first <= MAX_PAGE:
            raise invalid([Problem("first", f"must be between 1 and {MAX_PAGE}")])
        f = filter or AccountFilter()
        rows = await info.context.db.read(
            "accounts.list_accounts",
            industry=f.industry,
            name_contains=f.name_contains,
            member_id=f.member_id,
            min_arr=f.min_arr,
            max_arr=f.max_arr,
            after=decode_cursor(after) if after else None,
            limit=first + 1,
        )
        page = rows[0]["page"]
        nodes = [Account.from_row(r) for r in page[:first]]
        edges = [AccountEdge(cursor=encode_cursor(a.id), node=a) for a in nodes]
        return AccountConnection(
            edges=edges,
            nodes=nodes,
            page_info=PageInfo(
                has_next_page=len(page) > first,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            total_count=rows[0]["total"],
        )

    @strawberry.field
    async def team(self, info: Ctx, id: strawberry.ID) -> Team | None:
        return await load_one(info, "teams.get_teams", id, Team)

    @strawberry.field
    async def stakeholder(self, info: Ctx, id: strawberry.ID) -> Stakeholder | None:
        return await load_one(info, "stakeholders.get_stakeholders", id, Stakeholder)

    @strawberry.field
    async def member(self, info: Ctx, id: strawberry.ID) -> Member | None:
        return await load_one(info, "members.get_members", id, Member)

    @strawberry.field(description="All members, by name.")
    async def members(self, info: Ctx) -> list[Member]:
        return [
            Member.from_row(r["item"]) for r in await info.context.db.read("members.list_members")
        ]

    @strawberry.field
    async def product(self, info: Ctx, id: strawberry.ID) -> Product | None:
        return await load_one(info, "products.get_products", id, Product)

    @strawberry.field(description="The whole product catalog, by name.")
    async def products(self, info: Ctx) -> list[Product]:
        rows = await info.context.db.read("products.list_products")
        return [Product.from_row(r["item"]) for r in rows]

    @strawberry.field
    async def opportunity(self, info: Ctx, id: strawberry.ID) -> Opportunity | None:
        return await load_one(info, "opportunities.get_opportunities", id, Opportunity)

    @strawberry.field
    async def interaction(self, info: Ctx, id: strawberry.ID) -> Interaction | None:
        return await load_one(info, "interactions.get_interactions", id, Interaction)

    @strawberry.field(description="The lossless bundle (domain.md §10) of these accounts, or all.")
    async def export_bundle(
        self, info: Ctx, account_ids: list[strawberry.ID] | None = None
    ) -> JSON:
        return await bundle_service.export_bundle(
            info.context.db, list(account_ids) if account_ids is not None else None
        )

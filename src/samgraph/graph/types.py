"""Strawberry types of the graph around an account. Plain fields come from the Cypher
row by name (gql/rows.py); nested fields resolve through the request's DataLoaders
(no N+1). The logic they need lives in graph/service.py and analyses/service.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from samgraph.analyses import cadence as cadence_mod
from samgraph.analyses import service as analyses
from samgraph.common import (
    BuyingRole,
    DeploymentStatus,
    FunctionGroup,
    InteractionType,
    MemberRole,
    OpportunityStatus,
    Pricing,
    Seniority,
    Sentiment,
    StakeholderStatus,
    edge_id,
)
from samgraph.db.queries import queries as q
from samgraph.gql.loading import Ctx, Later, load_many, load_one, many_now
from samgraph.gql.pagination import Connection, paginate
from samgraph.gql.rows import from_row
from samgraph.graph import service

if TYPE_CHECKING:
    from samgraph.accounts.types import Account

_ACCOUNTS = "samgraph.accounts.types"
ACCOUNT: Later[Account] = Later(_ACCOUNTS, "Account")
AccountRef = Annotated["Account", strawberry.lazy(_ACCOUNTS)]


@strawberry.type(description="A team (business unit) of a customer account; teams nest.")
class Team:
    id: strawberry.ID
    account_id: strawberry.ID = strawberry.ID("")
    name: str = ""
    parent_id: strawberry.ID | None = None
    function_group: FunctionGroup | None = None
    headcount: int | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Team:
        return from_row(cls, row)

    @strawberry.field
    async def account(self, info: Ctx) -> AccountRef | None:
        return await load_one(info, q.accounts.get_accounts, self.account_id, ACCOUNT.get())

    @strawberry.field
    async def parent(self, info: Ctx) -> Team | None:
        if not self.parent_id:
            return None
        return await load_one(info, q.teams.get_teams, self.parent_id, Team)

    @strawberry.field
    async def children(self, info: Ctx) -> list[Team]:
        return await load_many(info, q.teams.children_by_team, self.id, Team)

    @strawberry.field(graphql_type=list["Stakeholder"])
    def stakeholders(
        self, info: Ctx, include_departed: bool = False
    ) -> list[Stakeholder] | Awaitable[list[Stakeholder]]:
        return many_now(
            info, q.stakeholders.stakeholders_by_team, self.id, Stakeholder,
            include_departed=include_departed,
        )  # fmt: skip

    @strawberry.field(description="Products this team uses (DEPLOYED or PILOT).")
    async def deployments(self, info: Ctx) -> list[Deployment]:
        return await load_many(info, q.relationships.deployments.by_team, self.id, Deployment)

    @strawberry.field
    async def opportunities(self, info: Ctx) -> list[Opportunity]:
        return await load_many(info, q.opportunities.opportunities_by_team, self.id, Opportunity)


@strawberry.type(description="A person at the customer.")
class Stakeholder:
    id: strawberry.ID
    account_id: strawberry.ID = strawberry.ID("")
    name: str = ""
    title: str | None = None
    email: str | None = None
    linkedin_url: str | None = None
    seniority: Seniority | None = None
    team_id: strawberry.ID | None = None
    manager_id: strawberry.ID | None = None
    buying_role: BuyingRole | None = None
    sentiment: Sentiment | None = None
    status: StakeholderStatus = StakeholderStatus.ACTIVE
    departed_at: dt.date | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Stakeholder:
        return from_row(cls, row)

    async def as_it_was(self, info: Ctx, date: dt.date) -> Stakeholder | None:
        """This stakeholder with the title, team, manager, seniority, buying role,
        sentiment and status of `date` (domain §18); None when they joined after it."""
        past = await service.as_of(info.context, stakeholder=_row(self), date=date)
        if past is None:
            return None
        return dataclasses.replace(
            self, title=past["title"], team_id=past["teamId"], manager_id=past["managerId"],
            seniority=past["seniority"], buying_role=past["buyingRole"],
            sentiment=past["sentiment"], status=past["status"],
        )  # fmt: skip

    @strawberry.field
    async def account(self, info: Ctx) -> AccountRef | None:
        return await load_one(info, q.accounts.get_accounts, self.account_id, ACCOUNT.get())

    @strawberry.field
    async def team(self, info: Ctx) -> Team | None:
        if not self.team_id:
            return None
        return await load_one(info, q.teams.get_teams, self.team_id, Team)

    @strawberry.field(description="Who this stakeholder reports to (REPORTS_TO).")
    async def manager(self, info: Ctx) -> Stakeholder | None:
        if not self.manager_id:
            return None
        return await load_one(info, q.stakeholders.get_stakeholders, self.manager_id, Stakeholder)

    @strawberry.field(description="Direct reports; departed ones on request.")
    async def reports(self, info: Ctx, include_departed: bool = False) -> list[Stakeholder]:
        return await load_many(
            info, q.stakeholders.reports_by_stakeholder, self.id, Stakeholder,
            include_departed=include_departed,
        )  # fmt: skip

    @strawberry.field(
        description="Our relationships (KNOWS) with this stakeholder.",
        graphql_type=list["Relationship"],
    )
    def relationships(self, info: Ctx) -> list[Relationship] | Awaitable[list[Relationship]]:
        return many_now(info, q.relationships.knows.by_stakeholder, self.id, Relationship)

    @strawberry.field(description="Stakeholders this one sways (INFLUENCES, outgoing).")
    async def influences(self, info: Ctx) -> list[Influence]:
        return await load_many(info, q.relationships.influences.outgoing, self.id, Influence)

    @strawberry.field(
        description="Recorded changes of title, team, manager, seniority, buying role, "
        "sentiment and status (each with its source), oldest first, `first` at a time."
    )
    async def history(
        self, info: Ctx, first: int = 50, after: str | None = None
    ) -> Connection[StakeholderChange]:
        found = await load_many(
            info, q.stakeholders.history_by_stakeholder, self.id, StakeholderChange
        )
        # Changes are only ever added, oldest first: a position is a stable cursor.
        return paginate(found, first=first, after=after, kind="change",
                        trusted=info.context.trusted)  # fmt: skip

    @strawberry.field(
        description="This stakeholder as of a date, rebuilt from the history; null when they "
        "were only added to the org chart after it."
    )
    async def as_of(self, info: Ctx, date: dt.date) -> StakeholderSnapshot | None:
        past = await service.as_of(info.context, stakeholder=_row(self), date=date)
        if past is None:
            return None
        return StakeholderSnapshot.on(past, date)

    @strawberry.field(description="Stakeholders who sway this one (INFLUENCES, incoming).")
    async def influenced_by(self, info: Ctx) -> list[Influence]:
        return await load_many(info, q.relationships.influences.incoming, self.id, Influence)


def _row(s: Stakeholder) -> dict[str, Any]:
    """The stakeholder's current values, as the history service reads them."""
    return {"id": s.id, "name": s.name, "title": s.title, "teamId": s.team_id,
            "managerId": s.manager_id, "seniority": s.seniority, "buyingRole": s.buying_role,
            "sentiment": s.sentiment, "status": s.status,
            "departedAt": s.departed_at}  # fmt: skip


@strawberry.type(
    description="A recorded change of a stakeholder's title, team, manager, seniority, "
    "buying role, sentiment or status (domain §18)."
)
class StakeholderChange:
    date: dt.date = strawberry.field(description="When it took effect (the sync or write date).")
    field: str = strawberry.field(
        description="title, teamId, managerId, seniority, buyingRole, sentiment or status."
    )
    old: str | None
    new: str | None
    recorded_at: dt.datetime
    source: str | None = strawberry.field(
        default=None,
        description="Who made it: the API key's name (or key:<id>, jwt:<sub>), import, "
        "sync:<format> or feed; null for changes recorded before sources were kept.",
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StakeholderChange:
        return from_row(cls, row)


@strawberry.type(
    description="A stakeholder's title, team, manager, seniority, buying role, sentiment and "
    "status on a past date. Its `id` is dated (`jwu@2026-01-19`), so client caches keep "
    "each date's values apart; `teamId` and `managerId` are plain."
)
class StakeholderSnapshot:
    id: strawberry.ID
    name: str = ""
    title: str | None = None
    team_id: strawberry.ID | None = None
    manager_id: strawberry.ID | None = None
    seniority: Seniority | None = None
    buying_role: BuyingRole | None = None
    sentiment: Sentiment | None = None
    status: StakeholderStatus = StakeholderStatus.ACTIVE

    @classmethod
    def on(cls, row: dict[str, Any], date: dt.date) -> StakeholderSnapshot:
        """The stakeholder of `row` as of `date`, under its dated id (gql/dated.py)."""
        return from_row(cls, {**row, "id": f"{row['id']}@{date.isoformat()}"})


@strawberry.type(description="One of our own people (account-team member).")
class Member:
    id: strawberry.ID
    name: str = ""
    email: str | None = None
    role: MemberRole | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Member:
        return from_row(cls, row)

    @strawberry.field(description="Accounts this member is assigned to, with the role.")
    async def accounts(self, info: Ctx) -> list[AccountTeamAssignment]:
        return await load_many(
            info, q.relationships.account_team.by_member, self.id, AccountTeamAssignment
        )

    @strawberry.field(description="The stakeholders this member knows (KNOWS).")
    async def relationships(self, info: Ctx) -> list[Relationship]:
        return await load_many(info, q.relationships.knows.by_member, self.id, Relationship)

    @strawberry.field(description="This member's relationships past cadence, most overdue first.")
    async def overdue_touches(self, info: Ctx, as_of: dt.date | None = None) -> list[Relationship]:
        rows = await analyses.member_overdue(
            info.context, member_id=self.id, as_of=info.context.as_of(info, as_of)
        )
        return [Relationship.from_row(r) for r in rows]

    @strawberry.field(
        description="`overdueTouches` as a connection: `first` (1-100) after a cursor."
    )
    async def overdue_touches_connection(
        self, info: Ctx, as_of: dt.date | None = None, first: int = 50, after: str | None = None
    ) -> Connection[Relationship]:
        found = await self.overdue_touches(info, as_of)
        return touches_page(found, first=first, after=after, trusted=info.context.trusted)


@strawberry.type(description="A member on an account team (ON_ACCOUNT_TEAM).")
class AccountTeamAssignment:
    member_id: strawberry.ID
    account_id: strawberry.ID
    role: MemberRole | None = None

    @strawberry.field(description="`memberId:accountId`: stable, for client caches.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(edge_id(self.member_id, self.account_id))

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AccountTeamAssignment:
        return from_row(cls, row)

    @strawberry.field
    async def member(self, info: Ctx) -> Member | None:
        return await load_one(info, q.members.get_members, self.member_id, Member)

    @strawberry.field
    async def account(self, info: Ctx) -> AccountRef | None:
        return await load_one(info, q.accounts.get_accounts, self.account_id, ACCOUNT.get())


def touches_page(
    found: list[Relationship], *, first: int, after: str | None, trusted: bool
) -> Connection[Relationship]:
    """A page of overdue touches, with the cursors of `Query.overdueTouches` (the edge)."""
    return paginate(found, first=first, after=after, kind="touch", trusted=trusted,
                    key=lambda r: edge_id(r.member_id, r.stakeholder_id))  # fmt: skip


@strawberry.type(description="A relationship we hold (KNOWS): strength 1-5 and last contact.")
class Relationship:
    member_id: strawberry.ID
    stakeholder_id: strawberry.ID
    strength: int = 0
    last_contact: dt.date | None = None
    seniority: strawberry.Private[str | None] = None

    @strawberry.field(
        description="`memberId:stakeholderId`: stable, for client caches and graph drawings."
    )
    def id(self) -> strawberry.ID:
        return strawberry.ID(edge_id(self.member_id, self.stakeholder_id))

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Relationship:
        return from_row(cls, row, seniority=row.get("seniority"))

    def _decay(self, info: Ctx, as_of: dt.date | None) -> cadence_mod.Decay:
        return cadence_mod.decay(
            self.strength, self.last_contact, self.seniority, info.context.as_of(info, as_of),
            info.context.settings.samgraph_cadence_days,
        )  # fmt: skip

    @strawberry.field(description="Strength after decay on asOf (default today) (§2).")
    def effective_strength(self, info: Ctx, as_of: dt.date | None = None) -> int:
        return self._decay(info, as_of).effective

    @strawberry.field(description="Days from lastContact to asOf; null when never contacted.")
    def days_since_contact(self, info: Ctx, as_of: dt.date | None = None) -> int | None:
        return self._decay(info, as_of).days_since

    @strawberry.field(description="More days since contact than the stakeholder's cadence.")
    def overdue(self, info: Ctx, as_of: dt.date | None = None) -> bool:
        return self._decay(info, as_of).overdue

    @strawberry.field(description="lastContact + cadence days; null when never contacted.")
    def next_due(self, info: Ctx) -> dt.date | None:
        return self._decay(info, None).next_due

    @strawberry.field
    async def member(self, info: Ctx) -> Member | None:
        return await load_one(info, q.members.get_members, self.member_id, Member)

    @strawberry.field
    async def stakeholder(self, info: Ctx) -> Stakeholder | None:
        return await load_one(info, q.stakeholders.get_stakeholders, self.stakeholder_id, Stakeholder)  # fmt: skip


@strawberry.type(description="`from` sways `to`'s decisions (INFLUENCES), weight 1-5.")
class Influence:
    from_id: strawberry.ID
    to_id: strawberry.ID
    weight: int = 0

    @strawberry.field(description="`fromId:toId`: stable, for client caches and graph drawings.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(edge_id(self.from_id, self.to_id))

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Influence:
        return from_row(cls, row)

    @strawberry.field(name="from")
    async def from_(self, info: Ctx) -> Stakeholder | None:
        return await load_one(info, q.stakeholders.get_stakeholders, self.from_id, Stakeholder)

    @strawberry.field
    async def to(self, info: Ctx) -> Stakeholder | None:
        return await load_one(info, q.stakeholders.get_stakeholders, self.to_id, Stakeholder)


@strawberry.type(description="A product in our catalog.")
class Product:
    id: strawberry.ID
    name: str = ""
    pricing: Pricing | None = None
    list_price: float | None = strawberry.field(
        default=None, description="USD a year, per team (PER_TEAM) or per seat (PER_SEAT)."
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Product:
        return from_row(cls, row)

    @strawberry.field
    async def deployments(self, info: Ctx) -> list[Deployment]:
        return await load_many(info, q.relationships.deployments.by_product, self.id, Deployment)


@strawberry.type(description="A team using a product (USES): DEPLOYED or PILOT.")
class Deployment:
    team_id: strawberry.ID
    product_id: strawberry.ID
    status: DeploymentStatus
    arr: float | None = None
    seats: int | None = None
    since: dt.date | None = None

    @strawberry.field(description="`teamId:productId`: stable, for client caches.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(edge_id(self.team_id, self.product_id))

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Deployment:
        return from_row(cls, row)

    @strawberry.field
    async def team(self, info: Ctx) -> Team | None:
        return await load_one(info, q.teams.get_teams, self.team_id, Team)

    @strawberry.field
    async def product(self, info: Ctx) -> Product | None:
        return await load_one(info, q.products.get_products, self.product_id, Product)


@strawberry.type(description="A sales opportunity for a team and a product.")
class Opportunity:
    id: strawberry.ID
    account_id: strawberry.ID = strawberry.ID("")
    team_id: strawberry.ID | None = None
    product_id: strawberry.ID | None = None
    name: str = ""
    amount: float | None = None
    probability: float | None = None
    stage: str | None = None
    close_date: dt.date | None = None
    status: OpportunityStatus = OpportunityStatus.OPEN

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Opportunity:
        return from_row(cls, row)

    @strawberry.field
    async def team(self, info: Ctx) -> Team | None:
        if not self.team_id:
            return None
        return await load_one(info, q.teams.get_teams, self.team_id, Team)

    @strawberry.field
    async def product(self, info: Ctx) -> Product | None:
        if not self.product_id:
            return None
        return await load_one(info, q.products.get_products, self.product_id, Product)


@strawberry.type(description="A meeting, call, email, QBR or event with attendees on both sides.")
class Interaction:
    id: strawberry.ID
    account_id: strawberry.ID = strawberry.ID("")
    date: dt.date | None = None
    type: InteractionType | None = None
    summary: str | None = None
    member_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    stakeholder_ids: list[strawberry.ID] = strawberry.field(default_factory=list)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Interaction:
        return from_row(cls, row)

    @strawberry.field
    async def members(self, info: Ctx) -> list[Member]:
        rows = await info.context.loaders.one(q.members.get_members).load_many(self.member_ids)
        return [Member.from_row(r) for r in rows if r]

    @strawberry.field
    async def stakeholders(self, info: Ctx) -> list[Stakeholder]:
        loader = info.context.loaders.one(q.stakeholders.get_stakeholders)
        return [Stakeholder.from_row(r) for r in await loader.load_many(self.stakeholder_ids) if r]

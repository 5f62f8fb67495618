"""Root fields of the graph domain: lookups, upserts, deletes, links and unlinks."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol, TypeVar

import strawberry

from samgraph.bundle import service as bundle_service
from samgraph.common import DeploymentStatus, MemberRole
from samgraph.db.cypher import CypherQuery
from samgraph.db.queries import queries as q
from samgraph.errors import InvalidInput
from samgraph.gql.inputs import to_row
from samgraph.gql.loading import Ctx, RowType, load_one
from samgraph.gql.pagination import Connection, paginate
from samgraph.gql.results import DeleteResult
from samgraph.graph import service
from samgraph.graph.inputs import (
    InteractionInput,
    MemberInput,
    OpportunityInput,
    ProductInput,
    StakeholderInput,
    TeamInput,
)
from samgraph.graph.types import (
    AccountTeamAssignment,
    Deployment,
    Influence,
    Interaction,
    Member,
    Opportunity,
    Product,
    Relationship,
    Stakeholder,
    Team,
)


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


async def upserted(info: Ctx, section: str, inputs: list[Any], get: CypherQuery, kind: RowType[Any]) -> list[Any]:  # fmt: skip
    """Write `inputs` as one bundle section, then read back what was written."""
    await bundle_service.import_rows(info.context, section=section, rows=to_row(inputs))
    rows = await info.context.loaders.one(get).load_many([i.id for i in inputs])
    return [kind.from_row(r) for r in rows if r]


async def linked(
    info: Ctx,
    section: str,
    row: dict[str, Any],
    *,
    read: CypherQuery,
    key: str,
    other: str,
) -> dict[str, Any]:
    """Write one edge, then read it back (by `key`'s loader, the item whose `other` end is
    the row's); optional arguments left out keep the stored value."""
    ctx = info.context
    given = {section: [{k: v for k, v in row.items() if v is not None}]}
    try:
        await bundle_service.import_bundle(
            ctx.db, given, batch_size=ctx.settings.samgraph_import_batch_size,
            changed_on=ctx.settings.today(), source=ctx.principal.source,
        )  # fmt: skip
    except InvalidInput as exc:
        # `relationships[0].strength` -> `strength`: the argument as the client sent it.
        raise bundle_service.renamed(exc, f"{section}[0].", "") from None
    items = await ctx.loaders.many(read).load(row[key])
    return next(i for i in items if i[other] == row[other])


async def _listed(
    info: Ctx, query: CypherQuery, kind: RowType[T], name: str, *, first: int, after: str | None
) -> Connection[T]:
    """A page of a whole-catalog list (`item` rows, ordered), cursors by id."""
    found = [kind.from_row(r["item"]) for r in await info.context.db.read(query)]
    return paginate(found, first=first, after=after, kind=name,
                    key=lambda x: x.id, trusted=info.context.trusted)  # fmt: skip


def _deleted(label: str, deleted: bool) -> DeleteResult:
    return DeleteResult(id=strawberry.ID(label), deleted=deleted)


@strawberry.type
class Query:
    @strawberry.field
    async def team(self, info: Ctx, id: strawberry.ID) -> Team | None:
        return await load_one(info, q.teams.get_teams, id, Team)

    @strawberry.field(
        description="One stakeholder by id; `asOf` as on `account`. On a past `asOf`, with "
        "that day's title, team, manager, seniority, buying role, sentiment and status "
        "(null when they joined the org chart after it), under a dated id."
    )
    async def stakeholder(
        self, info: Ctx, id: strawberry.ID, as_of: dt.date | None = None
    ) -> Stakeholder | None:
        on = info.context.set_as_of(info, as_of)
        found = await load_one(info, q.stakeholders.get_stakeholders, id, Stakeholder)
        if found is None or as_of is None or on >= info.context.today_or(None):
            return found
        return await found.as_it_was(info, on)  # that day's title, team, manager (§18)

    @strawberry.field(description="One member by id; `asOf` as on `account`.")
    async def member(
        self, info: Ctx, id: strawberry.ID, as_of: dt.date | None = None
    ) -> Member | None:
        info.context.set_as_of(info, as_of)
        return await load_one(info, q.members.get_members, id, Member)

    @strawberry.field(description="All members, by name, `first` at a time.")
    async def members(
        self, info: Ctx, first: int = 50, after: str | None = None
    ) -> Connection[Member]:
        return await _listed(
            info, q.members.list_members, Member, "member", first=first, after=after
        )

    @strawberry.field
    async def product(self, info: Ctx, id: strawberry.ID) -> Product | None:
        return await load_one(info, q.products.get_products, id, Product)

    @strawberry.field(description="The product catalog, by name, `first` at a time.")
    async def products(
        self, info: Ctx, first: int = 50, after: str | None = None
    ) -> Connection[Product]:
        return await _listed(
            info, q.products.list_products, Product, "product", first=first, after=after
        )

    @strawberry.field
    async def opportunity(self, info: Ctx, id: strawberry.ID) -> Opportunity | None:
        return await load_one(info, q.opportunities.get_opportunities, id, Opportunity)

    @strawberry.field
    async def interaction(self, info: Ctx, id: strawberry.ID) -> Interaction | None:
        return await load_one(info, q.interactions.get_interactions, id, Interaction)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create or update teams by id.")
    async def upsert_teams(self, info: Ctx, input: list[TeamInput]) -> list[Team]:
        return await upserted(info, "teams", input, q.teams.get_teams, Team)

    @strawberry.mutation(description="Create or update stakeholders by id.")
    async def upsert_stakeholders(
        self, info: Ctx, input: list[StakeholderInput]
    ) -> list[Stakeholder]:
        return await upserted(info, "stakeholders", input, q.stakeholders.get_stakeholders, Stakeholder)  # fmt: skip

    @strawberry.mutation(description="Create or update members (our people) by id.")
    async def upsert_members(self, info: Ctx, input: list[MemberInput]) -> list[Member]:
        return await upserted(info, "members", input, q.members.get_members, Member)

    @strawberry.mutation(description="Create or update catalog products by id.")
    async def upsert_products(self, info: Ctx, input: list[ProductInput]) -> list[Product]:
        return await upserted(info, "products", input, q.products.get_products, Product)

    @strawberry.mutation(description="Create or update opportunities by id.")
    async def upsert_opportunities(
        self, info: Ctx, input: list[OpportunityInput]
    ) -> list[Opportunity]:
        return await upserted(info, "opportunities", input, q.opportunities.get_opportunities, Opportunity)  # fmt: skip

    @strawberry.mutation(
        description="Create or update interactions; attendees move KNOWS.lastContact forward."
    )
    async def upsert_interactions(
        self, info: Ctx, input: list[InteractionInput]
    ) -> list[Interaction]:
        return await upserted(info, "interactions", input, q.interactions.get_interactions, Interaction)  # fmt: skip

    @strawberry.mutation
    async def delete_team(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return _deleted(id, await service.delete(info.context, kind="teams", node_id=id))

    @strawberry.mutation(description="Erase a stakeholder. To keep history use markDeparted.")
    async def delete_stakeholder(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return _deleted(id, await service.delete(info.context, kind="stakeholders", node_id=id))

    @strawberry.mutation
    async def delete_member(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return _deleted(id, await service.delete(info.context, kind="members", node_id=id))

    @strawberry.mutation
    async def delete_product(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return _deleted(id, await service.delete(info.context, kind="products", node_id=id))

    @strawberry.mutation
    async def delete_opportunity(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return _deleted(id, await service.delete(info.context, kind="opportunities", node_id=id))

    @strawberry.mutation
    async def delete_interaction(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return _deleted(id, await service.delete(info.context, kind="interactions", node_id=id))

    @strawberry.mutation(
        description="Put a member on an account team (or change the role); returns the assignment."
    )
    async def link_account_team(
        self, info: Ctx, member_id: strawberry.ID, account_id: strawberry.ID,
        role: MemberRole | None = None,
    ) -> AccountTeamAssignment:  # fmt: skip
        row = {"memberId": member_id, "accountId": account_id, "role": role and role.value}
        read = q.relationships.account_team.by_member
        written = await linked(
            info, "accountTeam", row, read=read, key="memberId", other="accountId"
        )
        return AccountTeamAssignment.from_row(written)

    @strawberry.mutation
    async def unlink_account_team(
        self, info: Ctx, member_id: strawberry.ID, account_id: strawberry.ID
    ) -> DeleteResult:
        done = await service.unlink(
            info.context, query=q.relationships.account_team.unlink,
            owners={"accounts": [account_id]}, member_id=member_id, account_id=account_id,
        )  # fmt: skip
        return _deleted(f"{member_id}:{account_id}", done)

    @strawberry.mutation(
        description="Record or update a relationship we hold (KNOWS); returns it as stored."
    )
    async def link_knows(
        self, info: Ctx, member_id: strawberry.ID, stakeholder_id: strawberry.ID,
        strength: int, last_contact: dt.date | None = None,
    ) -> Relationship:  # fmt: skip
        row = {"memberId": member_id, "stakeholderId": stakeholder_id, "strength": strength,
               "lastContact": last_contact}  # fmt: skip
        read = q.relationships.knows.by_member
        written = await linked(
            info, "relationships", row, read=read, key="memberId", other="stakeholderId"
        )
        return Relationship.from_row(written)

    @strawberry.mutation
    async def unlink_knows(
        self, info: Ctx, member_id: strawberry.ID, stakeholder_id: strawberry.ID
    ) -> DeleteResult:
        done = await service.unlink(
            info.context, query=q.relationships.knows.unlink,
            owners={"stakeholders": [stakeholder_id]},
            member_id=member_id, stakeholder_id=stakeholder_id,
        )  # fmt: skip
        return _deleted(f"{member_id}:{stakeholder_id}", done)

    @strawberry.mutation(
        description="`fromId` sways `toId` with a weight 1-5 (INFLUENCES); returns the edge."
    )
    async def link_influence(
        self, info: Ctx, from_id: strawberry.ID, to_id: strawberry.ID, weight: int
    ) -> Influence:
        row = {"fromId": from_id, "toId": to_id, "weight": weight}
        read = q.relationships.influences.outgoing
        return Influence.from_row(
            await linked(info, "influences", row, read=read, key="fromId", other="toId")
        )

    @strawberry.mutation
    async def unlink_influence(
        self, info: Ctx, from_id: strawberry.ID, to_id: strawberry.ID
    ) -> DeleteResult:
        done = await service.unlink(
            info.context, query=q.relationships.influences.unlink,
            owners={"stakeholders": [from_id, to_id]}, from_id=from_id, to_id=to_id,
        )  # fmt: skip
        return _deleted(f"{from_id}:{to_id}", done)

    @strawberry.mutation(
        description="Record a team using a product (USES); returns the deployment."
    )
    async def link_deployment(
        self, info: Ctx, team_id: strawberry.ID, product_id: strawberry.ID,
        status: DeploymentStatus, arr: float | None = None, seats: int | None = None,
        since: dt.date | None = None,
    ) -> Deployment:  # fmt: skip
        row = {"teamId": team_id, "productId": product_id, "status": status.value, "arr": arr,
               "seats": seats, "since": since}  # fmt: skip
        read = q.relationships.deployments.by_team
        written = await linked(info, "deployments", row, read=read, key="teamId", other="productId")
        return Deployment.from_row(written)

    @strawberry.mutation
    async def unlink_deployment(
        self, info: Ctx, team_id: strawberry.ID, product_id: strawberry.ID
    ) -> DeleteResult:
        done = await service.unlink(
            info.context, query=q.relationships.deployments.unlink,
            owners={"teams": [team_id]}, team_id=team_id, product_id=product_id,
        )  # fmt: skip
        return _deleted(f"{team_id}:{product_id}", done)

    @strawberry.mutation(description="Mark a stakeholder DEPARTED (kept for history).")
    async def mark_departed(
        self, info: Ctx, stakeholder_id: strawberry.ID, date: dt.date | None = None
    ) -> Stakeholder:
        row = await service.mark_departed(info.context, stakeholder_id=stakeholder_id, date=date)
        return Stakeholder.from_row(row)

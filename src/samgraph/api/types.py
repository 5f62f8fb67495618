"""Strawberry output types. Each has `from_row()` taking the map a Cypher query returns;
nested fields resolve through the request's DataLoaders (no N+1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Protocol, TypeVar

import strawberry
from pydantic.alias_generators import to_snake
from strawberry.types import Info
from strawberry.types.nodes import SelectedField

from samgraph import common
from samgraph.analyses import cadence as cadence_mod
from samgraph.analyses import service as analyses
from samgraph.common import SCORE_INPUTS
from samgraph.context import Context
from samgraph.errors import NotFound, Problem, invalid

if TYPE_CHECKING:
    from samgraph.api.analysis_types import (
        ChampionBackup,
        Coverage,
        InfluenceMap,
        Renewal,
        WarmPath,
        Whitespace,
    )

_AT = "samgraph.api.analysis_types"

FunctionGroup = strawberry.enum(common.FunctionGroup)
Seniority = strawberry.enum(common.Seniority)
BuyingRole = strawberry.enum(common.BuyingRole)
Sentiment = strawberry.enum(common.Sentiment)
StakeholderStatus = strawberry.enum(common.StakeholderStatus)
MemberRole = strawberry.enum(common.MemberRole)
Pricing = strawberry.enum(common.Pricing)
OpportunityStatus = strawberry.enum(common.OpportunityStatus)
InteractionType = strawberry.enum(common.InteractionType)
DeploymentStatus = strawberry.enum(common.DeploymentStatus)

E = TypeVar("E", bound=Enum)
Ctx = Info[Context, None]


def _enum(kind: type[E], value: Any) -> E | None:
    return None if value is None else kind(value)


class _FromRow(Protocol):
    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Any: ...


R = TypeVar("R", bound=_FromRow)


async def load_one(info: Ctx, query: str, key: str, kind: type[R]) -> R | None:
    """The node `key` through the request's by-id DataLoader for `query`."""
    row = await info.context.loaders.one(query).load(key)
    return kind.from_row(row) if row else None  # type: ignore[no-any-return]


async def load_many(info: Ctx, query: str, key: str, kind: type[R], **params: Any) -> list[R]:
    """The children of `key` through the request's grouped DataLoader for `query`."""
    rows = await info.context.loaders.many(query, **params).load(key)
    return [kind.from_row(r) for r in rows]


def many_now(
    info: Ctx, query: str, key: str, kind: type[R], **params: Any
) -> list[R] | Awaitable[list[R]]:
    """`load_many`, but answered on the spot when the rows are already loaded (a
    nested read primes them): a plain list instead of a coroutine spares the
    event loop a task per parent row. GraphQL awaits whichever it gets."""
    cached = info.context.loaders.many(query, **params).cache_map.get(key)
    if cached is not None and cached.done() and not cached.cancelled() and not cached.exception():
        return [kind.from_row(r) for r in cached.result()]
    return load_many(info, query, key, kind, **params)


def _nested_people(info: Ctx) -> tuple[bool, bool] | None:
    """For `teams { stakeholders { ... } }`: (includeDeparted, relationships selected?),
    so the teams come with their people in one query. None for any other selection,
    or one this shortcut does not read (fragments, two differently-argued
    `stakeholders` fields): the fields then load level by level, as always."""
    found: list[tuple[bool, bool]] = []
    for team_field in info.selected_fields:
        for sel in team_field.selections:
            if not isinstance(sel, SelectedField):
                return None
            if sel.name != "stakeholders":
                continue
            if any(not isinstance(x, SelectedField) for x in sel.selections):
                return None
            departed = bool(sel.arguments.get("includeDeparted", False))
            found.append((departed, any(x.name == "relationships" for x in sel.selections)))
    if len(set(found)) != 1:
        return None
    return found[0]


@strawberry.type(description="The seven strategic-score inputs, each 0-10 (domain.md §8).")
class AccountScores:
    current_revenue: float | None
    expansion_potential: float | None
    strategic_fit: float | None
    market_influence: float | None
    relationship_strength: float | None
    product_adoption: float | None
    partnership_potential: float | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AccountScores:
        return cls(**{to_snake(k): row.get(f"score_{k}") for k in SCORE_INPUTS})


@strawberry.type(description="A customer account.")
class Account:
    id: strawberry.ID
    name: str
    industry: str | None
    arr: float | None = strawberry.field(description="Current annual recurring revenue, USD.")
    renewal_date: dt.date | None
    health_score: int | None
    scores: AccountScores
    row: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Account:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            industry=row.get("industry"),
            arr=row.get("arr"),
            renewal_date=row.get("renewalDate"),
            health_score=row.get("healthScore"),
            scores=AccountScores.from_row(row),
            row=row,
        )

    @strawberry.field(description="sum(weight x input) / 10, on 0-100 (domain.md §8).")
    def strategic_score(self, info: Ctx) -> float:
        return analyses.strategic(info.context, self.row)[0]

    @strawberry.field(description="STRATEGIC, KEY or STANDARD by strategic score (§8).")
    def tier(self, info: Ctx) -> Annotated[Tier, strawberry.lazy(_AT)]:  # type: ignore[valid-type]  # noqa: F821
        from samgraph.common import Tier as TierEnum

        return TierEnum(analyses.strategic(info.context, self.row)[1])  # type: ignore[return-value]

    @strawberry.field(description="The renewal timeline on a date (§9); asOf defaults to today.")
    def renewal(self, as_of: dt.date | None = None) -> Annotated[Renewal, strawberry.lazy(_AT)]:
        from samgraph.analyses.scores import renewal
        from samgraph.api.analysis_types import Renewal as RenewalType

        return RenewalType.from_data(renewal(self.renewal_date, analyses.today_or(as_of)))

    @strawberry.field(description="Multi-threading coverage on a date (§3).")
    async def coverage(
        self, info: Ctx, as_of: dt.date | None = None
    ) -> Annotated[Coverage, strawberry.lazy(_AT)]:
        from samgraph.api.analysis_types import Coverage as CoverageType

        c = await analyses.coverage_of(info.context, self.id, analyses.today_or(as_of))
        return CoverageType.from_data(c)

    @strawberry.field(description="Each active champion's ranked backups and scoreIfLost (§4).")
    async def champion_backups(
        self, info: Ctx, as_of: dt.date | None = None
    ) -> list[Annotated[ChampionBackup, strawberry.lazy(_AT)]]:
        from samgraph.api.analysis_types import ChampionBackup as BackupType

        c = await analyses.coverage_of(info.context, self.id, analyses.today_or(as_of))
        return [BackupType.from_data(ch) for ch in c.champions]

    @strawberry.field(description="Best chains of introductions from a member to `to` (§5).")
    async def warm_paths(
        self,
        info: Ctx,
        to: strawberry.ID,
        from_: Annotated[strawberry.ID | None, strawberry.argument(name="from")] = None,
        max_hops: int = 4,
        first: int = 3,
        as_of: dt.date | None = None,
    ) -> list[Annotated[WarmPath, strawberry.lazy(_AT)]]:
        from samgraph.analyses.paths import MAX_FIRST, MAX_HOPS, warm_paths
        from samgraph.api.analysis_types import WarmPath as PathType

        problems = []
        if not 1 <= max_hops <= MAX_HOPS:
            problems.append(Problem("maxHops", f"must be between 1 and {MAX_HOPS}"))
        if not 1 <= first <= MAX_FIRST:
            problems.append(Problem("first", f"must be between 1 and {MAX_FIRST}"))
        if problems:
            raise invalid(problems)
        graph = await analyses.graph_of(info.context, self.id)
        if to not in graph.people:
            raise NotFound(
                f"no active stakeholder {to!r} on account {self.id!r}", [Problem("to", "not found")]
            )
        if from_ is not None and not await info.context.loaders.one("members.get_members").load(
            from_
        ):
            raise NotFound(f"no member {from_!r}", [Problem("from", "not found")])
        paths = warm_paths(
            graph, to, as_of=analyses.today_or(as_of),
            cadence=info.context.settings.samgraph_cadence_days,
            source=from_, max_hops=max_hops, first=first,
        )  # fmt: skip
        names = {p.id: p.name for p in graph.people.values()}
        names.update({k.member_id: k.member_name for k in graph.knows})
        members = {k.member_id for k in graph.knows}
        return [PathType.from_data(p, names, members) for p in paths]

    @strawberry.field(description="PageRank of who sways whom, nodes and edges to draw (§6).")
    async def influence_map(
        self, info: Ctx, as_of: dt.date | None = None
    ) -> Annotated[InfluenceMap, strawberry.lazy(_AT)]:
        from samgraph.analyses.influence import REPORTS_TO_WEIGHT, influence_scores
        from samgraph.api import analysis_types as at
        from samgraph.common import EdgeKind

        graph = await analyses.graph_of(info.context, self.id)
        eng = cadence_mod.engagement(
            graph, analyses.today_or(as_of), info.context.settings.samgraph_cadence_days
        )
        nodes = [
            at.InfluenceNode.from_data(s, graph.people[s.stakeholder_id].row, eng[s.stakeholder_id])
            for s in influence_scores(graph)
        ]
        edges = [
            at.InfluenceEdge(
                source=strawberry.ID(a), target=strawberry.ID(b), weight=w, kind=EdgeKind.INFLUENCES
            )
            for a, b, w in sorted(graph.influences)
        ] + [
            at.InfluenceEdge(
                source=strawberry.ID(r),
                target=strawberry.ID(m),
                weight=REPORTS_TO_WEIGHT,
                kind=EdgeKind.REPORTS_TO,
            )
            for r, m in sorted(graph.reports)
        ]
        return at.InfluenceMap(nodes=nodes, edges=edges)

    @strawberry.field(description="Team x product grid with totals, in USD (§7).")
    async def whitespace(self, info: Ctx) -> Annotated[Whitespace, strawberry.lazy(_AT)]:
        from samgraph.api.analysis_types import Whitespace as WhitespaceType

        return WhitespaceType.from_data(await analyses.whitespace_of(info.context, self.id))

    @strawberry.field(description="Relationships past their cadence, most overdue first (§2).")
    async def overdue_touches(self, info: Ctx, as_of: dt.date | None = None) -> list[Relationship]:
        graph = await analyses.graph_of(info.context, self.id)
        rows = [
            {"memberId": k.member_id, "stakeholderId": k.stakeholder_id, "strength": k.strength,
             "lastContact": k.last_contact, "seniority": graph.people[k.stakeholder_id].seniority}
            for k in graph.knows
        ]  # fmt: skip
        return overdue_first(info, rows, analyses.today_or(as_of))

    @strawberry.field(description="The account's teams, by name.")
    async def teams(self, info: Ctx) -> list[Team]:
        nested = _nested_people(info)
        if nested is None:
            return await load_many(info, "teams.teams_by_account", self.id, Team)
        include_departed, with_relationships = nested
        rows = await info.context.loaders.team_trees(
            self.id, include_departed=include_departed, with_relationships=with_relationships
        )
        return [Team.from_row(r) for r in rows]

    @strawberry.field(description="The account's stakeholders, by name; departed ones on request.")
    async def stakeholders(self, info: Ctx, include_departed: bool = False) -> list[Stakeholder]:
        return await load_many(
            info,
            "stakeholders.stakeholders_by_account",
            self.id,
            Stakeholder,
            include_departed=include_departed,
        )

    @strawberry.field(
        description="The org chart as it was on a date (e.g. the last QBR): every stakeholder "
        "who was on it then, with title, team, manager and status of that day."
    )
    async def org_chart(self, info: Ctx, date: dt.date) -> list[StakeholderSnapshot]:
        people = await load_many(
            info,
            "stakeholders.stakeholders_by_account",
            self.id,
            Stakeholder,
            include_departed=True,
        )
        loader = info.context.loaders.many("stakeholders.history_by_stakeholder")
        histories = await loader.load_many([p.id for p in people])
        snaps = [
            StakeholderSnapshot.rebuild(p, [StakeholderChange.from_row(r) for r in h], date)
            for p, h in zip(people, histories, strict=True)
        ]
        return [s for s in snaps if s is not None]

    @strawberry.field(description="Our members assigned to the account, with their role.")
    async def account_team(self, info: Ctx) -> list[AccountTeamAssignment]:
        return await load_many(
            info, "members.account_team_by_account", self.id, AccountTeamAssignment
        )

    @strawberry.field(description="Opportunities, latest close date first.")
    async def opportunities(self, info: Ctx) -> list[Opportunity]:
        return await load_many(info, "opportunities.opportunities_by_account", self.id, Opportunity)

    @strawberry.field(description="Interactions, newest first.")
    async def interactions(self, info: Ctx) -> list[Interaction]:
        return await load_many(info, "interactions.interactions_by_account", self.id, Interaction)


@strawberry.type(description="A team (business unit) of a customer account; teams nest.")
class Team:
    id: strawberry.ID
    account_id: strawberry.ID
    name: str
    parent_id: strawberry.ID | None
    function_group: FunctionGroup | None  # type: ignore[valid-type]
    headcount: int | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Team:
        return cls(
            id=strawberry.ID(row["id"]),
            account_id=strawberry.ID(row.get("accountId") or ""),
            name=row.get("name") or "",
            parent_id=row.get("parentId"),
            function_group=_enum(common.FunctionGroup, row.get("functionGroup")),
            headcount=row.get("headcount"),
        )

    @strawberry.field
    async def account(self, info: Ctx) -> Account | None:
        return await load_one(info, "accounts.get_accounts", self.account_id, Account)

    @strawberry.field
    async def parent(self, info: Ctx) -> Team | None:
        if not self.parent_id:
            return None
        return await load_one(info, "teams.get_teams", self.parent_id, Team)

    @strawberry.field
    async def children(self, info: Ctx) -> list[Team]:
        return await load_many(info, "teams.children_by_team", self.id, Team)

    @strawberry.field
    def stakeholders(
        self, info: Ctx, include_departed: bool = False
    ) -> list[Stakeholder]:  # or its awaitable
        return many_now(  # type: ignore[return-value]
            info,
            "stakeholders.stakeholders_by_team",
            self.id,
            Stakeholder,
            include_departed=include_departed,
        )

    @strawberry.field(description="Products this team uses (DEPLOYED or PILOT).")
    async def deployments(self, info: Ctx) -> list[Deployment]:
        return await load_many(info, "relationships.deployments_by_team", self.id, Deployment)

    @strawberry.field
    async def opportunities(self, info: Ctx) -> list[Opportunity]:
        return await load_many(info, "opportunities.opportunities_by_team", self.id, Opportunity)


@strawberry.type(description="A person at the customer.")
class Stakeholder:
    id: strawberry.ID
    account_id: strawberry.ID
    name: str
    title: str | None
    email: str | None
    seniority: Seniority | None  # type: ignore[valid-type]
    team_id: strawberry.ID | None
    manager_id: strawberry.ID | None
    buying_role: BuyingRole | None  # type: ignore[valid-type]
    sentiment: Sentiment | None  # type: ignore[valid-type]
    status: StakeholderStatus  # type: ignore[valid-type]
    departed_at: dt.date | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Stakeholder:
        return cls(
            id=strawberry.ID(row["id"]),
            account_id=strawberry.ID(row.get("accountId") or ""),
            name=row.get("name") or "",
            title=row.get("title"),
            email=row.get("email"),
            seniority=_enum(common.Seniority, row.get("seniority")),
            team_id=row.get("teamId"),
            manager_id=row.get("managerId"),
            buying_role=_enum(common.BuyingRole, row.get("buyingRole")),
            sentiment=_enum(common.Sentiment, row.get("sentiment")),
            status=common.StakeholderStatus(row.get("status") or "ACTIVE"),
            departed_at=row.get("departedAt"),
        )

    @strawberry.field
    async def account(self, info: Ctx) -> Account | None:
        return await load_one(info, "accounts.get_accounts", self.account_id, Account)

    @strawberry.field
    async def team(self, info: Ctx) -> Team | None:
        if not self.team_id:
            return None
        return await load_one(info, "teams.get_teams", self.team_id, Team)

    @strawberry.field(description="Who this stakeholder reports to (REPORTS_TO).")
    async def manager(self, info: Ctx) -> Stakeholder | None:
        if not self.manager_id:
            return None
        return await load_one(info, "stakeholders.get_stakeholders", self.manager_id, Stakeholder)

    @strawberry.field(description="Direct reports; departed ones on request.")
    async def reports(self, info: Ctx, include_departed: bool = False) -> list[Stakeholder]:
        return await load_many(
            info,
            "stakeholders.reports_by_stakeholder",
            self.id,
            Stakeholder,
            include_departed=include_departed,
        )

    @strawberry.field(description="Our relationships (KNOWS) with this stakeholder.")
    def relationships(self, info: Ctx) -> list[Relationship]:  # or its awaitable
        return many_now(info, "relationships.knows_by_stakeholder", self.id, Relationship)  # type: ignore[return-value]

    @strawberry.field(description="Stakeholders this one sways (INFLUENCES, outgoing).")
    async def influences(self, info: Ctx) -> list[Influence]:
        return await load_many(info, "relationships.influences_from", self.id, Influence)

    @strawberry.field(
        description="Recorded changes of title, team, manager and status, oldest first."
    )
    async def history(self, info: Ctx) -> list[StakeholderChange]:
        return await load_many(
            info, "stakeholders.history_by_stakeholder", self.id, StakeholderChange
        )

    @strawberry.field(
        description="This stakeholder as of a date, rebuilt from the history; null when they "
        "were only added to the org chart after it."
    )
    async def as_of(self, info: Ctx, date: dt.date) -> StakeholderSnapshot | None:
        changes = await load_many(
            info, "stakeholders.history_by_stakeholder", self.id, StakeholderChange
        )
        return StakeholderSnapshot.rebuild(self, changes, date)

    @strawberry.field(description="Stakeholders who sway this one (INFLUENCES, incoming).")
    async def influenced_by(self, info: Ctx) -> list[Influence]:
        return await load_many(info, "relationships.influences_to", self.id, Influence)


@strawberry.type(description="A recorded change of a stakeholder's title, team, manager or status.")
class StakeholderChange:
    date: dt.date = strawberry.field(description="When it took effect (the sync or write date).")
    field: str = strawberry.field(description="title, teamId, managerId or status.")
    old: str | None
    new: str | None
    recorded_at: dt.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StakeholderChange:
        return cls(
            date=row["date"],
            field=row["field"],
            old=row.get("old"),
            new=row.get("new"),
            recorded_at=row["recordedAt"],
        )


@strawberry.type(description="A stakeholder's title, team, manager and status on a past date.")
class StakeholderSnapshot:
    id: strawberry.ID
    name: str
    title: str | None
    team_id: strawberry.ID | None
    manager_id: strawberry.ID | None
    status: StakeholderStatus  # type: ignore[valid-type]

    @classmethod
    def rebuild(
        cls, now: Stakeholder, changes: list[StakeholderChange], date: dt.date
    ) -> StakeholderSnapshot | None:
        """Start from today's values and undo, newest first, every change dated after `date`."""
        values: dict[str, Any] = {
            "title": now.title,
            "teamId": now.team_id,
            "managerId": now.manager_id,
            "status": common.StakeholderStatus(now.status).value,
        }
        for change in reversed(changes):
            if change.date <= date:
                break
            if change.field == "status" and change.old is None:
                return None  # added to the org chart after `date`
            values[change.field] = change.old
        return cls(
            id=now.id,
            name=now.name,
            title=values["title"],
            team_id=values["teamId"],
            manager_id=values["managerId"],
            status=common.StakeholderStatus(values["status"] or "ACTIVE"),
        )


@strawberry.type(description="One of our own people (account-team member).")
class Member:
    id: strawberry.ID
    name: str
    email: str | None
    role: MemberRole | None  # type: ignore[valid-type]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Member:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            email=row.get("email"),
            role=_enum(common.MemberRole, row.get("role")),
        )

    @strawberry.field(description="Accounts this member is assigned to, with the role.")
    async def accounts(self, info: Ctx) -> list[AccountTeamAssignment]:
        return await load_many(
            info, "members.account_team_by_member", self.id, AccountTeamAssignment
        )

    @strawberry.field(description="The stakeholders this member knows (KNOWS).")
    async def relationships(self, info: Ctx) -> list[Relationship]:
        return await load_many(info, "relationships.knows_by_member", self.id, Relationship)

    @strawberry.field(description="This member's relationships past cadence, most overdue first.")
    async def overdue_touches(self, info: Ctx, as_of: dt.date | None = None) -> list[Relationship]:
        rows = await info.context.loaders.many("relationships.knows_by_member").load(self.id)
        active = [r for r in rows if (r.get("stakeholderStatus") or "ACTIVE") == "ACTIVE"]
        return overdue_first(info, active, analyses.today_or(as_of))


@strawberry.type(description="A member on an account team (ON_ACCOUNT_TEAM).")
class AccountTeamAssignment:
    member_id: strawberry.ID
    account_id: strawberry.ID
    role: MemberRole | None  # type: ignore[valid-type]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AccountTeamAssignment:
        return cls(
            member_id=strawberry.ID(row["memberId"]),
            account_id=strawberry.ID(row["accountId"]),
            role=_enum(common.MemberRole, row.get("role")),
        )

    @strawberry.field
    async def member(self, info: Ctx) -> Member | None:
        return await load_one(info, "members.get_members", self.member_id, Member)

    @strawberry.field
    async def account(self, info: Ctx) -> Account | None:
        return await load_one(info, "accounts.get_accounts", self.account_id, Account)


@strawberry.type(description="A relationship we hold (KNOWS): strength 1-5 and last contact.")
class Relationship:
    member_id: strawberry.ID
    stakeholder_id: strawberry.ID
    strength: int
    last_contact: dt.date | None
    seniority: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Relationship:
        return cls(
            member_id=strawberry.ID(row["memberId"]),
            stakeholder_id=strawberry.ID(row["stakeholderId"]),
            strength=int(row.get("strength") or 0),
            last_contact=row.get("lastContact"),
            seniority=row.get("seniority"),
        )

    def decay(self, info: Ctx, as_of: dt.date | None) -> cadence_mod.Decay:
        return cadence_mod.decay(
            self.strength, self.last_contact, self.seniority, analyses.today_or(as_of),
            info.context.settings.samgraph_cadence_days,
        )  # fmt: skip

    @strawberry.field(description="Strength after decay on asOf (default today) (§2).")
    def effective_strength(self, info: Ctx, as_of: dt.date | None = None) -> int:
        return self.decay(info, as_of).effective

    @strawberry.field(description="Days from lastContact to asOf; null when never contacted.")
    def days_since_contact(self, info: Ctx, as_of: dt.date | None = None) -> int | None:
        return self.decay(info, as_of).days_since

    @strawberry.field(description="More days since contact than the stakeholder's cadence.")
    def overdue(self, info: Ctx, as_of: dt.date | None = None) -> bool:
        return self.decay(info, as_of).overdue

    @strawberry.field(description="lastContact + cadence days; null when never contacted.")
    def next_due(self, info: Ctx) -> dt.date | None:
        return self.decay(info, None).next_due

    @strawberry.field
    async def member(self, info: Ctx) -> Member | None:
        return await load_one(info, "members.get_members", self.member_id, Member)

    @strawberry.field
    async def stakeholder(self, info: Ctx) -> Stakeholder | None:
        return await load_one(
            info, "stakeholders.get_stakeholders", self.stakeholder_id, Stakeholder
        )


@strawberry.type(description="`from` sways `to`'s decisions (INFLUENCES), weight 1-5.")
class Influence:
    from_id: strawberry.ID
    to_id: strawberry.ID
    weight: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Influence:
        return cls(
            from_id=strawberry.ID(row["fromId"]),
            to_id=strawberry.ID(row["toId"]),
            weight=int(row.get("weight") or 0),
        )

    @strawberry.field(name="from")
    async def from_(self, info: Ctx) -> Stakeholder | None:
        return await load_one(info, "stakeholders.get_stakeholders", self.from_id, Stakeholder)

    @strawberry.field
    async def to(self, info: Ctx) -> Stakeholder | None:
        return await load_one(info, "stakeholders.get_stakeholders", self.to_id, Stakeholder)


@strawberry.type(description="A product in our catalog.")
class Product:
    id: strawberry.ID
    name: str
    pricing: Pricing | None  # type: ignore[valid-type]
    list_price: float | None = strawberry.field(
        description="USD a year, per team (PER_TEAM) or per seat (PER_SEAT)."
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Product:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            pricing=_enum(common.Pricing, row.get("pricing")),
            list_price=row.get("listPrice"),
        )

    @strawberry.field
    async def deployments(self, info: Ctx) -> list[Deployment]:
        return await load_many(info, "relationships.deployments_by_product", self.id, Deployment)


@strawberry.type(description="A team using a product (USES): DEPLOYED or PILOT.")
class Deployment:
    team_id: strawberry.ID
    product_id: strawberry.ID
    status: DeploymentStatus  # type: ignore[valid-type]
    arr: float | None
    seats: int | None
    since: dt.date | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Deployment:
        return cls(
            team_id=strawberry.ID(row["teamId"]),
            product_id=strawberry.ID(row["productId"]),
            status=common.DeploymentStatus(row["status"]),
            arr=row.get("arr"),
            seats=row.get("seats"),
            since=row.get("since"),
        )

    @strawberry.field
    async def team(self, info: Ctx) -> Team | None:
        return await load_one(info, "teams.get_teams", self.team_id, Team)

    @strawberry.field
    async def product(self, info: Ctx) -> Product | None:
        return await load_one(info, "products.get_products", self.product_id, Product)


@strawberry.type(description="A sales opportunity for a team and a product.")
class Opportunity:
    id: strawberry.ID
    account_id: strawberry.ID
    team_id: strawberry.ID | None
    product_id: strawberry.ID | None
    name: str
    amount: float | None
    probability: float | None
    stage: str | None
    close_date: dt.date | None
    status: OpportunityStatus  # type: ignore[valid-type]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Opportunity:
        return cls(
            id=strawberry.ID(row["id"]),
            account_id=strawberry.ID(row.get("accountId") or ""),
            team_id=row.get("teamId"),
            product_id=row.get("productId"),
            name=row.get("name") or "",
            amount=row.get("amount"),
            probability=row.get("probability"),
            stage=row.get("stage"),
            close_date=row.get("closeDate"),
            status=common.OpportunityStatus(row.get("status") or "OPEN"),
        )

    @strawberry.field
    async def team(self, info: Ctx) -> Team | None:
        if not self.team_id:
            return None
        return await load_one(info, "teams.get_teams", self.team_id, Team)

    @strawberry.field
    async def product(self, info: Ctx) -> Product | None:
        if not self.product_id:
            return None
        return await load_one(info, "products.get_products", self.product_id, Product)


@strawberry.type(description="A meeting, call, email, QBR or event with attendees on both sides.")
class Interaction:
    id: strawberry.ID
    account_id: strawberry.ID
    date: dt.date | None
    type: InteractionType | None  # type: ignore[valid-type]
    summary: str | None
    member_ids: list[strawberry.ID]
    stakeholder_ids: list[strawberry.ID]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Interaction:
        return cls(
            id=strawberry.ID(row["id"]),
            account_id=strawberry.ID(row.get("accountId") or ""),
            date=row.get("date"),
            type=_enum(common.InteractionType, row.get("type")),
            summary=row.get("summary"),
            member_ids=[strawberry.ID(x) for x in row.get("memberIds") or []],
            stakeholder_ids=[strawberry.ID(x) for x in row.get("stakeholderIds") or []],
        )

    @strawberry.field
    async def members(self, info: Ctx) -> list[Member]:
        rows = await info.context.loaders.one("members.get_members").load_many(self.member_ids)
        return [Member.from_row(r) for r in rows if r]

    @strawberry.field
    async def stakeholders(self, info: Ctx) -> list[Stakeholder]:
        loader = info.context.loaders.one("stakeholders.get_stakeholders")
        return [Stakeholder.from_row(r) for r in await loader.load_many(self.stakeholder_ids) if r]


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class AccountEdge:
    cursor: str
    node: Account


@strawberry.type(description="A page of accounts ordered by id, with the filtered total.")
class AccountConnection:
    edges: list[AccountEdge]
    nodes: list[Account]
    page_info: PageInfo
    total_count: int


@strawberry.type(description="Rows written per bundle section.")
class ImportResult:
    accounts: int
    teams: int
    stakeholders: int
    members: int
    account_team: int
    relationships: int
    influences: int
    products: int
    deployments: int
    opportunities: int
    interactions: int
    batches: int = strawberry.field(description="Write transactions used.")


@strawberry.type(description="Outcome of a delete or unlink.")
class DeleteResult:
    id: strawberry.ID
    deleted: bool = strawberry.field(description="False when there was nothing to delete.")


def overdue_first(info: Ctx, rows: list[dict[str, Any]], as_of: dt.date) -> list[Relationship]:
    """The overdue relationships among `rows`: never contacted first, then most days past
    cadence, then stakeholder id and member id."""
    cadence = info.context.settings.samgraph_cadence_days
    due = []
    for row in rows:
        d = cadence_mod.decay(
            int(row.get("strength") or 0),
            row.get("lastContact"),
            row.get("seniority"),
            as_of,
            cadence,
        )
        if d.overdue:
            late = d.days_overdue
            key = (0 if late is None else 1, -(late or 0), row["stakeholderId"], row["memberId"])
            due.append((key, Relationship.from_row(row)))
    due.sort(key=lambda item: item[0])
    return [r for _, r in due]

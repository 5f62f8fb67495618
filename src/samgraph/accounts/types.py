"""Strawberry types of accounts: the account with its analyses, and its list page."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types.nodes import SelectedField

from samgraph.accounts import service as accounts_service
from samgraph.analyses import entries
from samgraph.analyses import service as analyses
from samgraph.analyses.reach import MAX_HOPS_DEFAULT
from samgraph.analyses.scores import renewal, scores_of
from samgraph.common import GraphInclude, MemberRole, Tier
from samgraph.db.queries import queries as q
from samgraph.gql.loading import Ctx, Later, load_many, selects_only
from samgraph.gql.pagination import Connection, PageInfo, paginate
from samgraph.gql.rows import from_row
from samgraph.graph import service as graph_service
from samgraph.graph.types import (
    AccountTeamAssignment,
    Interaction,
    Member,
    Opportunity,
    Relationship,
    Stakeholder,
    StakeholderSnapshot,
    Team,
    touches_page,
)
from samgraph.pages import Page, check_first, encode_cursor
from samgraph.snapshots import service as snapshots

if TYPE_CHECKING:
    from samgraph.analyses.types import (
        ChampionBackup,
        Coverage,
        Drawing,
        InfluenceMap,
        MemberDependency,
        Play,
        Reachable,
        Renewal,
        WarmPath,
        Whitespace,
    )
    from samgraph.snapshots.types import AccountSnapshot

_ANALYSES = "samgraph.analyses.types"
COVERAGE: Later[Coverage] = Later(_ANALYSES, "Coverage")
BACKUP: Later[ChampionBackup] = Later(_ANALYSES, "ChampionBackup")
PATH: Later[WarmPath] = Later(_ANALYSES, "WarmPath")
MAP: Later[InfluenceMap] = Later(_ANALYSES, "InfluenceMap")
WHITESPACE: Later[Whitespace] = Later(_ANALYSES, "Whitespace")
RENEWAL: Later[Renewal] = Later(_ANALYSES, "Renewal")
DRAWING: Later[Drawing] = Later(_ANALYSES, "Drawing")
_SNAPSHOTS = "samgraph.snapshots.types"
_TOTALS = frozenset({"totals"})
SNAPSHOT: Later[AccountSnapshot] = Later(_SNAPSHOTS, "AccountSnapshot")
REACHABLE: Later[Reachable] = Later(_ANALYSES, "Reachable")
DEPENDENCY: Later[MemberDependency] = Later(_ANALYSES, "MemberDependency")
PLAY: Later[Play] = Later(_ANALYSES, "Play")


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
        return from_row(cls, scores_of(row))


@strawberry.type(description="A customer account.")
class Account:
    id: strawberry.ID
    name: str = ""
    industry: str | None = None
    arr: float | None = strawberry.field(
        default=None, description="Current annual recurring revenue, USD."
    )
    renewal_date: dt.date | None = None
    health_score: int | None = None
    scores: AccountScores = strawberry.field(default_factory=lambda: AccountScores.from_row({}))
    row: strawberry.Private[dict[str, Any]] = strawberry.field(default_factory=dict)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Account:
        return from_row(cls, row, scores=AccountScores.from_row(row), row=row)

    @strawberry.field(description="sum(weight x input) / 10, on 0-100 (domain.md §8).")
    def strategic_score(self, info: Ctx) -> float:
        return analyses.strategic(info.context, self.row)[0]

    @strawberry.field(description="STRATEGIC, KEY or STANDARD by strategic score (§8).")
    def tier(self, info: Ctx) -> Tier:
        return analyses.strategic(info.context, self.row)[1]

    @strawberry.field(description="The renewal timeline on a date (§9); asOf defaults to today.")
    def renewal(
        self, info: Ctx, as_of: dt.date | None = None
    ) -> Annotated[Renewal, strawberry.lazy(_ANALYSES)]:
        return RENEWAL.get().from_data(renewal(self.renewal_date, info.context.as_of(info, as_of)))

    @strawberry.field(description="Multi-threading coverage on a date (§3).")
    async def coverage(
        self, info: Ctx, as_of: dt.date | None = None
    ) -> Annotated[Coverage, strawberry.lazy(_ANALYSES)]:
        c = await entries.coverage(info.context, self.id, info.context.as_of(info, as_of))
        return COVERAGE.get().from_data(c)

    @strawberry.field(description="Each active champion's ranked backups and scoreIfLost (§4).")
    async def champion_backups(
        self, info: Ctx, as_of: dt.date | None = None
    ) -> list[Annotated[ChampionBackup, strawberry.lazy(_ANALYSES)]]:
        found = await entries.champion_backups(
            info.context, self.id, info.context.as_of(info, as_of)
        )
        return [BACKUP.get().from_data(ch) for ch in found]

    @strawberry.field(
        description="Best chains of introductions from a member to `to` (§5); null (with "
        "an error naming the argument) when `to` or `from` is unknown, so the account's "
        "other fields still answer."
    )
    async def warm_paths(
        self,
        info: Ctx,
        to: strawberry.ID,
        from_: Annotated[strawberry.ID | None, strawberry.argument(name="from")] = None,
        max_hops: int = 4,
        first: int = 3,
        as_of: dt.date | None = None,
    ) -> list[Annotated[WarmPath, strawberry.lazy(_ANALYSES)]] | None:
        paths = await entries.warm_paths(
            info.context, self.id, to=to, source=from_, max_hops=max_hops,
            first=first, as_of=info.context.as_of(info, as_of),
        )  # fmt: skip
        return [PATH.get().from_data(p) for p in paths]

    @strawberry.field(description="PageRank of who sways whom, nodes and edges to draw (§6).")
    async def influence_map(
        self, info: Ctx, as_of: dt.date | None = None
    ) -> Annotated[InfluenceMap, strawberry.lazy(_ANALYSES)]:
        nodes, edges = await entries.influence_map(
            info.context, self.id, info.context.as_of(info, as_of)
        )
        return MAP.get().from_data(nodes, edges)

    @strawberry.field(
        description="The account drawn for a graph explorer: stakeholders (and our members) "
        "with influence, engagement and flags, KNOWS / REPORTS_TO / INFLUENCES edges with "
        "stable ids (those of warmPaths), teams as groups. On a past asOf, the org as it "
        "stood that day (people, titles, teams, managers) and the decay of that day. One "
        "read for today's org."
    )
    async def graph(
        self,
        info: Ctx,
        as_of: dt.date | None = None,
        include: list[GraphInclude] | None = None,
    ) -> Annotated[Drawing, strawberry.lazy(_ANALYSES)]:
        drawn = await entries.drawing(
            info.context, self.id, as_of=info.context.as_of(info, as_of),
            include=[GraphInclude.MEMBERS] if include is None else include,
        )  # fmt: skip
        return DRAWING.get().from_data(drawn)

    @strawberry.field(
        description="Of the whitespace, where we have a warm way in (§13): each team's "
        "door and best warm path, cells weighted by reach."
    )
    async def reachable_whitespace(
        self, info: Ctx, as_of: dt.date | None = None, max_hops: int = MAX_HOPS_DEFAULT
    ) -> Annotated[Reachable, strawberry.lazy(_ANALYSES)]:
        graph, found = await entries.reachable_whitespace(
            info.context, self.id, info.context.as_of(info, as_of), max_hops=max_hops,
            totals_only=selects_only(info, _TOTALS),
        )  # fmt: skip
        return REACHABLE.get().from_data(graph, found)

    @strawberry.field(
        description="What to do next (§17): for each active stakeholder we do not engage, "
        "the play that would engage them (RECONNECT a decayed relationship, else INTRODUCE "
        "along the best warm path) and what it wins, best first."
    )
    async def plays(
        self, info: Ctx, as_of: dt.date | None = None, first: int = 10
    ) -> list[Annotated[Play, strawberry.lazy(_ANALYSES)]]:
        check_first(first, trusted=info.context.trusted)
        day = info.context.as_of(info, as_of)
        found = await entries.plays(info.context, self.id, day)
        return [PLAY.get().from_data(self, p, path) for p, path in found[:first]]

    @strawberry.field(
        description="Key-person risk on our side (§14): per member, who they alone keep "
        "engaged and the coverage score if they left."
    )
    async def member_dependency(
        self, info: Ctx, as_of: dt.date | None = None
    ) -> list[Annotated[MemberDependency, strawberry.lazy(_ANALYSES)]]:
        found, people = await entries.member_dependency(
            info.context, self.id, info.context.as_of(info, as_of)
        )
        return [DEPENDENCY.get().of(d, people) for d in found]

    @strawberry.field(
        description="How the account stood each day from `from` to `to` (§16 snapshots: "
        "today's is kept fresh; finished days are the record), by date. With "
        "`reconstruct`, days up to today without a snapshot (before the first, or a gap) "
        "are computed from the graph's recorded history and marked `reconstructed`; at "
        "most 366 days then. `to` defaults to today, `from` to 89 days before `to`."
    )
    async def trend(
        self,
        info: Ctx,
        from_: Annotated[dt.date | None, strawberry.argument(name="from")] = None,
        to: dt.date | None = None,
        reconstruct: bool = False,
    ) -> list[Annotated[AccountSnapshot, strawberry.lazy(_SNAPSHOTS)]]:
        start, end = snapshots.window(info.context, from_, to)
        rows = await snapshots.trend(
            info.context, account_id=self.id, start=start, end=end, reconstruct=reconstruct
        )
        return [SNAPSHOT.get().from_row(r) for r in rows]

    @strawberry.field(description="Team x product grid with totals, in USD (§7).")
    async def whitespace(self, info: Ctx) -> Annotated[Whitespace, strawberry.lazy(_ANALYSES)]:
        found = await entries.whitespace(
            info.context, self.id, totals_only=selects_only(info, _TOTALS)
        )
        return WHITESPACE.get().from_data(found)

    @strawberry.field(description="Relationships past their cadence, most overdue first (§2).")
    async def overdue_touches(self, info: Ctx, as_of: dt.date | None = None) -> list[Relationship]:
        rows = await entries.overdue_touches(info.context, self.id, info.context.as_of(info, as_of))
        return [Relationship.from_row(r) for r in rows]

    @strawberry.field(
        description="`overdueTouches` as a connection: `first` (1-100) after a cursor."
    )
    async def overdue_touches_connection(
        self, info: Ctx, as_of: dt.date | None = None, first: int = 50, after: str | None = None
    ) -> Connection[Relationship]:
        found = await self.overdue_touches(info, as_of)
        return touches_page(found, first=first, after=after, trusted=info.context.trusted)

    @strawberry.field(description="The account's teams, by name.")
    async def teams(self, info: Ctx) -> list[Team]:
        nested = _nested_people(info)
        if nested is None:
            return await load_many(info, q.teams.teams_by_account, self.id, Team)
        include_departed, with_relationships = nested
        rows = await graph_service.team_trees(
            info.context, account_id=self.id, include_departed=include_departed,
            with_relationships=with_relationships,
        )  # fmt: skip
        return [Team.from_row(r) for r in rows]

    @strawberry.field(description="The account's stakeholders, by name; departed ones on request.")
    async def stakeholders(self, info: Ctx, include_departed: bool = False) -> list[Stakeholder]:
        return await load_many(
            info, q.stakeholders.stakeholders_by_account, self.id, Stakeholder,
            include_departed=include_departed,
        )  # fmt: skip

    @strawberry.field(
        description="`stakeholders` as a connection: `first` (1-100) after a cursor, by name."
    )
    async def stakeholders_connection(
        self, info: Ctx, include_departed: bool = False, first: int = 50, after: str | None = None
    ) -> Connection[Stakeholder]:
        found = await self.stakeholders(info, include_departed)
        return paginate(found, first=first, after=after, kind="stakeholder", key=_id_of,
                        trusted=info.context.trusted)  # fmt: skip

    @strawberry.field(
        description="The org chart as it was on a date (e.g. the last QBR): every stakeholder "
        "who was on it then, with title, team, manager and status of that day."
    )
    async def org_chart(self, info: Ctx, date: dt.date) -> list[StakeholderSnapshot]:
        rows = await graph_service.org_chart(info.context, account_id=self.id, date=date)
        return [StakeholderSnapshot.on(r, date) for r in rows]

    @strawberry.field(
        description="The account's owner on our side: its SAM (by name when several), else null."
    )
    async def owner(self, info: Ctx) -> Member | None:
        team = await info.context.loaders.many(q.relationships.account_team.by_account).load(self.id)  # fmt: skip
        ids = [t["memberId"] for t in team if t.get("role") == MemberRole.SAM]  # only theirs read
        rows = await info.context.loaders.one(q.members.get_members).load_many(ids)
        found = accounts_service.owner_of(
            team, {i: r for i, r in zip(ids, rows, strict=True) if r is not None}
        )
        return Member.from_row(dict(found)) if found is not None else None

    @strawberry.field(description="Our members assigned to the account, with their role.")
    async def account_team(self, info: Ctx) -> list[AccountTeamAssignment]:
        return await load_many(
            info, q.relationships.account_team.by_account, self.id, AccountTeamAssignment
        )

    @strawberry.field(description="Opportunities, latest close date first.")
    async def opportunities(self, info: Ctx) -> list[Opportunity]:
        return await load_many(info, q.opportunities.opportunities_by_account, self.id, Opportunity)

    @strawberry.field(description="Interactions, newest first.")
    async def interactions(self, info: Ctx) -> list[Interaction]:
        return await load_many(info, q.interactions.interactions_by_account, self.id, Interaction)

    @strawberry.field(
        description="`interactions` as a connection: `first` (1-100) after a cursor, newest first."
    )
    async def interactions_connection(
        self, info: Ctx, first: int = 50, after: str | None = None
    ) -> Connection[Interaction]:
        found = await self.interactions(info)
        return paginate(found, first=first, after=after, kind="interaction", key=_id_of,
                        trusted=info.context.trusted)  # fmt: skip


def _id_of(item: Any) -> str:
    """A cursor names its item by id: the next page starts right behind it even when
    the list changed in between."""
    return str(item.id)


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
            nested = any(isinstance(x, SelectedField) and x.name == "relationships" for x in sel.selections)  # fmt: skip
            found.append((departed, nested))
    if len(set(found)) != 1:
        return None
    return found[0]


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

    @classmethod
    def from_page(cls, page: Page[dict[str, Any]], *, after: str | None) -> AccountConnection:
        nodes = [Account.from_row(r) for r in page.rows]
        edges = [AccountEdge(cursor=encode_cursor("account", a.id), node=a) for a in nodes]
        info = page_info(page, [e.cursor for e in edges], after=after)
        return cls(edges=edges, nodes=nodes, total_count=page.total, page_info=info)


def page_info(page: Page[Any], cursors: list[str], *, after: str | None) -> PageInfo:
    """A page of accounts' PageInfo, from its rows' cursors."""
    return PageInfo(
        has_next_page=page.has_next, end_cursor=cursors[-1] if cursors else None,
        has_previous_page=after is not None, start_cursor=cursors[0] if cursors else None,
    )  # fmt: skip

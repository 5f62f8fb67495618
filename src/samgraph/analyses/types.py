"""Strawberry types of the analyses (domain.md §11 names); each converts the
result of a pure analysis function (`from_data`), computing nothing itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any, cast

import strawberry

from samgraph.accounts.types import Account
from samgraph.analyses import coverage as cov
from samgraph.analyses import dependency as dependency_mod
from samgraph.analyses import drawing as drawing_mod
from samgraph.analyses import moves as moves_mod
from samgraph.analyses import plays as plays_mod
from samgraph.analyses import reach as reach_mod
from samgraph.analyses import service
from samgraph.analyses.graph import AccountGraph as AccountGraphData
from samgraph.analyses.scores import Renewal as RenewalData
from samgraph.analyses.service import InfluenceEdgeData, InfluenceNodeData, NamedPath
from samgraph.analyses.whitespace import Whitespace as WhitespaceData
from samgraph.common import (
    Band,
    BuyingRole,
    CellStatus,
    EdgeKind,
    FunctionGroup,
    GapCode,
    GraphEdgeKind,
    GraphNodeFlag,
    GraphNodeKind,
    PathNodeKind,
    PlayKind,
    RenewalMilestone,
    Seniority,
    Sentiment,
    Severity,
    StakeholderStatus,
    edge_id,
)
from samgraph.db.queries import queries as q
from samgraph.gql.loading import Ctx, load_one
from samgraph.graph.types import Member, Stakeholder


@strawberry.type(description="One of the nine seniority band x function group cells.")
class CoverageCell:
    band: Band
    group: FunctionGroup
    engaged_count: int
    covered: bool


@strawberry.type(description="A coverage gap (domain.md §3).")
class CoverageGap:
    code: GapCode
    severity: Severity
    stakeholder_id: strawberry.ID | None
    band: Band | None
    group: FunctionGroup | None

    @classmethod
    def from_gap(cls, gap: cov.Gap) -> CoverageGap:
        return cls(
            code=gap.code, severity=gap.severity, band=gap.band, group=gap.group,
            stakeholder_id=strawberry.ID(gap.stakeholder_id) if gap.stakeholder_id else None,
        )  # fmt: skip

    @strawberry.field(description="The stakeholder the gap is about, if any.")
    async def stakeholder(self, info: Ctx) -> Stakeholder | None:
        if not self.stakeholder_id:
            return None
        return await load_one(info, q.stakeholders.get_stakeholders, self.stakeholder_id, Stakeholder)  # fmt: skip


@strawberry.type
class GapCounts:
    critical: int
    high: int
    medium: int
    low: int
    total: int


@strawberry.type(description="Multi-threading coverage, the 3x3 rule (domain.md §3).")
class Coverage:
    score: int
    mapped_count: int
    engaged_count: int
    strong_count: int
    three_by_three: bool
    # The analysis' result: cells, gaps and their counts are made from it when asked (a
    # report of 2,000 accounts asking for the score alone makes no 18,000 cells).
    data: strawberry.Private[cov.Coverage]

    @strawberry.field
    def cells(self) -> list[CoverageCell]:
        return [CoverageCell(band=x.band, group=x.group, engaged_count=x.engaged_count,
                             covered=x.covered) for x in self.data.cells]  # fmt: skip

    @strawberry.field
    def gaps(self) -> list[CoverageGap]:
        return [CoverageGap.from_gap(g) for g in self.data.gaps]

    @strawberry.field(description="How many gaps of each severity (for reports and lists).")
    def gap_counts(self) -> GapCounts:
        gaps = self.data.gaps

        def n(level: Severity) -> int:
            return sum(1 for g in gaps if g.severity == level)

        return GapCounts(critical=n(Severity.CRITICAL), high=n(Severity.HIGH),
                         medium=n(Severity.MEDIUM), low=n(Severity.LOW), total=len(gaps))  # fmt: skip

    @classmethod
    def from_data(cls, c: cov.Coverage) -> Coverage:
        return cls(score=c.score, mapped_count=c.mapped_count, engaged_count=c.engaged_count,
                   strong_count=c.strong_count, three_by_three=c.three_by_three, data=c)  # fmt: skip


@strawberry.type(description="A backup candidate for a champion, with why it qualifies.")
class BackupCandidate:
    stakeholder: Stakeholder
    engagement: int
    org_distance: int


@strawberry.type(description="If this champion left, who carries the deal (domain.md §4).")
class ChampionBackup:
    champion: Stakeholder
    has_backup: bool
    score_if_lost: int = strawberry.field(description="Coverage score as if the champion departed.")
    backups: list[Stakeholder] = strawberry.field(description="Ranked best first.")
    candidates: list[BackupCandidate]

    @classmethod
    def from_data(cls, ch: cov.ChampionBackups) -> ChampionBackup:
        return cls(
            champion=Stakeholder.from_row(ch.champion.row),
            has_backup=ch.has_backup,
            score_if_lost=ch.score_if_lost,
            backups=[Stakeholder.from_row(b.person.row) for b in ch.backups],
            candidates=[
                BackupCandidate(
                    stakeholder=Stakeholder.from_row(b.person.row),
                    engagement=b.engagement,
                    org_distance=b.distance,
                )
                for b in ch.backups
            ],
        )


@strawberry.type(description="A person on a warm path: one of our members, or a stakeholder.")
class PathNode:
    id: strawberry.ID
    kind: PathNodeKind
    name: str


@strawberry.type(description="One link of a path, with the kind of edge that gives its strength.")
class PathEdge:
    id: strawberry.ID = strawberry.field(
        description="The stored edge's id (a Relationship's or Influence's id; REPORTS_TO "
        "edges `report:manager:REPORTS_TO`), as in influenceMap, for highlighting."
    )
    source: strawberry.ID = strawberry.field(description="The step's start, in path order.")
    target: strawberry.ID = strawberry.field(description="The step's end, in path order.")
    kind: EdgeKind
    strength: int
    forward: bool = strawberry.field(
        description="True when the path walks the edge in its stored direction."
    )


@strawberry.type(description="A chain of introductions from a member to a stakeholder (§5).")
class WarmPath:
    hops: int
    weakest_link: int
    total_strength: int
    nodes: list[PathNode] = strawberry.field(description="Member first, target last.")
    edges: list[PathEdge]

    @classmethod
    def from_data(cls, named: NamedPath) -> WarmPath:
        p = named.path
        return cls(
            hops=p.hops,
            weakest_link=p.weakest_link,
            total_strength=p.total_strength,
            nodes=[PathNode(id=strawberry.ID(n.id), kind=n.kind, name=n.name) for n in named.steps],
            edges=[
                PathEdge(id=strawberry.ID(edge_id(link.source, link.target, link.kind)),
                         source=strawberry.ID(a), target=strawberry.ID(b), kind=link.kind,
                         strength=link.strength, forward=link.source == a)
                for a, b, link in zip(p.nodes, p.nodes[1:], p.links, strict=False)
            ],
        )  # fmt: skip


@strawberry.type(description="A stakeholder on the influence map, ready to draw.")
class InfluenceNode:
    stakeholder: Stakeholder
    score: float = strawberry.field(description="PageRank; the scores of a map sum to 1.")
    rank: int = strawberry.field(description="1 is the most influential.")
    engagement: int
    buying_role: BuyingRole | None
    sentiment: Sentiment | None
    seniority: Seniority | None
    team_id: strawberry.ID | None

    @classmethod
    def from_data(cls, node: InfluenceNodeData) -> InfluenceNode:
        st = Stakeholder.from_row(node.person_row)
        return cls(
            stakeholder=st, score=node.score, rank=node.rank, engagement=node.engagement,
            buying_role=st.buying_role, sentiment=st.sentiment, seniority=st.seniority,
            team_id=st.team_id,
        )  # fmt: skip


@strawberry.type(description="An edge to draw: INFLUENCES (source sways target) or REPORTS_TO.")
class InfluenceEdge:
    source: strawberry.ID
    target: strawberry.ID
    weight: int
    kind: EdgeKind

    @strawberry.field(description="`source:target` (REPORTS_TO: `source:target:REPORTS_TO`), "
                      "the id warm-path edges use for the same edge.")  # fmt: skip
    def id(self) -> strawberry.ID:
        return strawberry.ID(edge_id(self.source, self.target, self.kind))

    @strawberry.field(description="The weight, under the name warm-path edges use.")
    def strength(self) -> int:
        return self.weight


@strawberry.type(description="Who sways whom in one account (domain.md §6).")
class InfluenceMap:
    nodes: list[InfluenceNode] = strawberry.field(description="By rank.")
    edges: list[InfluenceEdge]

    @classmethod
    def from_data(cls, nodes: list[InfluenceNodeData], edges: list[InfluenceEdgeData]) -> InfluenceMap:  # fmt: skip
        return cls(
            nodes=[InfluenceNode.from_data(n) for n in nodes],
            edges=[InfluenceEdge(source=strawberry.ID(e.source), target=strawberry.ID(e.target),
                                 weight=e.weight, kind=e.kind) for e in edges],
        )  # fmt: skip


@strawberry.type(description="One team x product cell (domain.md §7).")
class WhitespaceCell:
    team_id: strawberry.ID
    product_id: strawberry.ID
    status: CellStatus
    value: float = strawberry.field(
        description="USES arr (DEPLOYED, PILOT), open amount (IN_PIPELINE) or estimate."
    )
    weighted_value: float = strawberry.field(
        description="Sum of amount x probability for IN_PIPELINE; 0 for other statuses."
    )


@strawberry.type
class WhitespaceTotals:
    deployed_arr: float
    pipeline_amount: float
    weighted_pipeline: float
    whitespace_estimate: float


@strawberry.type
class TeamWhitespace(WhitespaceTotals):
    team_id: strawberry.ID


@strawberry.type
class ProductWhitespace(WhitespaceTotals):
    product_id: strawberry.ID


@strawberry.type(description="Business unit x product, in dollars (domain.md §7).")
class Whitespace:
    # Each list is built when asked: a page showing the totals builds no cell.
    data: strawberry.Private[WhitespaceData]

    # The analysis' own cells and totals are answered as they are: they have every
    # attribute of the GraphQL types (a copy per cell was a third of the field's time).
    @strawberry.field
    def cells(self) -> list[WhitespaceCell]:
        return cast("list[WhitespaceCell]", self.data.cells)

    @strawberry.field
    def totals(self) -> WhitespaceTotals:
        return cast("WhitespaceTotals", self.data.totals)

    @strawberry.field
    def by_team(self) -> list[TeamWhitespace]:
        return [TeamWhitespace(team_id=strawberry.ID(k), **asdict(v))
                for k, v in self.data.by_team.items()]  # fmt: skip

    @strawberry.field
    def by_product(self) -> list[ProductWhitespace]:
        return [ProductWhitespace(product_id=strawberry.ID(k), **asdict(v))
                for k, v in self.data.by_product.items()]  # fmt: skip

    @classmethod
    def from_data(cls, w: WhitespaceData) -> Whitespace:
        return cls(data=w)


@strawberry.type(description="Where the renewal stands on a date (domain.md §9).")
class Renewal:
    milestone: RenewalMilestone | None = strawberry.field(
        description="The latest milestone dated on or before asOf; null before day 180."
    )
    date: dt.date | None = strawberry.field(description="The date of that milestone.")
    days_to_renewal: int | None = strawberry.field(description="Negative once passed.")
    renewal_date: dt.date | None
    next_milestone: RenewalMilestone | None
    next_milestone_date: dt.date | None

    @classmethod
    def from_data(cls, r: RenewalData) -> Renewal:
        return cls(
            milestone=r.milestone.name if r.milestone else None,
            date=r.milestone.date if r.milestone else None,
            days_to_renewal=r.days_to_renewal,
            renewal_date=r.renewal_date,
            next_milestone=r.next_milestone.name if r.next_milestone else None,
            next_milestone_date=r.next_milestone.date if r.next_milestone else None,
        )


@strawberry.type(description="A coverage gap somewhere in the portfolio, with its account.")
class PortfolioGap(CoverageGap):
    account: Account

    @classmethod
    def from_data(cls, account: Account, gap: cov.Gap) -> PortfolioGap:
        return cls(
            account=account, code=gap.code, severity=gap.severity, band=gap.band,
            group=gap.group,
            stakeholder_id=strawberry.ID(gap.stakeholder_id) if gap.stakeholder_id else None,
        )  # fmt: skip


@strawberry.type(description="A person on an account's graph: a stakeholder or one of our members.")
class GraphNode:
    id: strawberry.ID
    kind: GraphNodeKind
    label: str
    title: str | None = None
    seniority: Seniority | None = None
    group: strawberry.ID | None = strawberry.field(
        default=None, description="The team (a group); null for members and people without one."
    )
    function_group: FunctionGroup | None = None
    buying_role: BuyingRole | None = None
    sentiment: Sentiment | None = None
    engagement: int | None = strawberry.field(
        default=None, description="Max effective KNOWS strength on asOf (§2); stakeholders only."
    )
    influence_score: float | None = strawberry.field(
        default=None, description="PageRank (§6); active stakeholders only."
    )
    influence_rank: int | None = None
    status: StakeholderStatus | None = None
    departed_at: dt.date | None = None
    flags: list[GraphNodeFlag] = strawberry.field(default_factory=list)

    @classmethod
    def from_data(cls, n: drawing_mod.Node) -> GraphNode:
        row = n.row

        def enum(kind: type[Any], key: str) -> Any:
            return kind(row[key]) if row.get(key) else None

        return cls(
            id=strawberry.ID(n.id), kind=GraphNodeKind(n.kind), label=n.label,
            title=row.get("title"), seniority=enum(Seniority, "seniority"),
            group=strawberry.ID(n.group) if n.group else None,
            function_group=enum(FunctionGroup, "functionGroup"),
            buying_role=enum(BuyingRole, "buyingRole"), sentiment=enum(Sentiment, "sentiment"),
            engagement=n.engagement, influence_score=n.influence_score,
            influence_rank=n.influence_rank,
            status=StakeholderStatus(row.get("status") or "ACTIVE") if n.kind == "STAKEHOLDER" else None,
            departed_at=row.get("departedAt"), flags=[GraphNodeFlag(f) for f in n.flags],
        )  # fmt: skip


@strawberry.type(description="An edge of an account's graph, with the id warm paths use.")
class GraphEdge:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    kind: GraphEdgeKind
    strength: int | None = strawberry.field(
        default=None, description="KNOWS strength, INFLUENCES weight, REPORTS_TO 3 (§5, §6)."
    )
    effective_strength: int | None = strawberry.field(
        default=None, description="KNOWS only: strength after decay on asOf (§2)."
    )
    overdue: bool | None = strawberry.field(default=None, description="KNOWS only (§2).")
    last_contact: dt.date | None = None


@strawberry.type(description="A team: a box around its people; teams nest by parent.")
class GraphGroup:
    id: strawberry.ID
    label: str
    parent: strawberry.ID | None = None
    function_group: FunctionGroup | None = None


@strawberry.type(
    name="AccountGraph",
    description="An account drawn: nodes, edges and team groups, ready for Cytoscape.js, "
    "vis.js or D3 (ids are stable; warm paths and influence maps use the same).",
)
class Drawing:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    groups: list[GraphGroup]

    @classmethod
    def from_data(cls, d: drawing_mod.Drawing) -> Drawing:
        return cls(
            nodes=[GraphNode.from_data(n) for n in d.nodes],
            edges=[GraphEdge(id=strawberry.ID(e.id), source=strawberry.ID(e.source),
                             target=strawberry.ID(e.target), kind=GraphEdgeKind(e.kind),
                             strength=e.strength, effective_strength=e.effective_strength,
                             overdue=e.overdue, last_contact=e.last_contact) for e in d.edges],
            groups=[GraphGroup(id=strawberry.ID(g.id), label=g.label,
                               parent=strawberry.ID(g.parent) if g.parent else None,
                               function_group=FunctionGroup(g.function_group) if g.function_group else None)
                    for g in d.groups],
        )  # fmt: skip


@strawberry.type(description="Our way into one team (§13): its door and the best warm path there.")
class TeamReach:
    team_id: strawberry.ID
    door: list[Stakeholder] = strawberry.field(
        description="Economic buyers and business owners, else the most senior; from the "
        "parent team up when the team has nobody active."
    )
    way_in: WarmPath | None = strawberry.field(description="Null when reach is 0.")
    reach: float = strawberry.field(description="The way in's weakestLink / 5, in 0..1.")


@strawberry.type(description="A whitespace cell weighted by reach (§13).")
class ReachCell:
    team_id: strawberry.ID
    product_id: strawberry.ID
    status: CellStatus
    value: float
    reachable_value: float | None = strawberry.field(
        description="value x reach for WHITESPACE and IN_PIPELINE; null for DEPLOYED, PILOT."
    )


@strawberry.type
class ReachTotals:
    reachable_whitespace: float
    reachable_pipeline: float


@strawberry.type(name="ReachableWhitespace", description="Where we have a way in (§13).")
class Reachable:
    teams: list[TeamReach] = strawberry.field(description="By team id.")
    cells: list[ReachCell]
    totals: ReachTotals

    @classmethod
    def from_data(
        cls, graph: AccountGraphData | None, r: reach_mod.ReachableWhitespace
    ) -> Reachable:
        """`graph` names the teams' doors and ways in; None when `r` holds totals alone
        (from a snapshot: no teams then)."""
        teams = []
        if graph is not None:
            people = graph.people
            teams = [TeamReach(team_id=strawberry.ID(t.team_id),
                               door=[Stakeholder.from_row(people[s].row) for s in t.door],
                               way_in=WarmPath.from_data(service.named(graph, t.way_in)) if t.way_in else None,
                               reach=t.reach) for t in r.teams]  # fmt: skip
        return cls(
            teams=teams,
            cells=[ReachCell(team_id=strawberry.ID(c.team_id), product_id=strawberry.ID(c.product_id),
                             status=c.status, value=c.value, reachable_value=c.reachable_value)
                   for c in r.cells],
            totals=ReachTotals(reachable_whitespace=r.reachable_whitespace,
                               reachable_pipeline=r.reachable_pipeline),
        )  # fmt: skip


@strawberry.type(description="What one of our members holds on an account (§14).")
class MemberDependency:
    member_id: strawberry.ID
    engaged_through: int = strawberry.field(
        description="Active stakeholders this member holds at effective strength >= 3."
    )
    sole_engaged: list[Stakeholder] = strawberry.field(
        description="Engaged now, but not without this member's relationships (by id)."
    )
    coverage_if_leaves: int = strawberry.field(
        description="The coverage score (§3) without this member's relationships."
    )

    @strawberry.field
    async def member(self, info: Ctx) -> Member | None:
        return await load_one(info, q.members.get_members, self.member_id, Member)

    @classmethod
    def from_data(
        cls, graph: AccountGraphData, d: dependency_mod.MemberDependency
    ) -> MemberDependency:
        return cls.of(d, {s: graph.people[s].row for s in d.sole_engaged})

    @classmethod
    def of(cls, d: dependency_mod.MemberDependency, people: Mapping[str, dict[str, Any]]) -> MemberDependency:  # fmt: skip
        """From the figures and the rows of the people they name (by id)."""
        return cls(
            member_id=strawberry.ID(d.member_id), engaged_through=d.engaged_through,
            sole_engaged=[Stakeholder.from_row(people[s]) for s in d.sole_engaged if s in people],
            coverage_if_leaves=d.coverage_if_leaves,
        )  # fmt: skip


@strawberry.type(description="A departed champion of one account, active at another (§15).")
class ChampionMove:
    person: Stakeholder = strawberry.field(description="Who they are now, at toAccount.")
    former_stakeholder: Stakeholder
    from_account_id: strawberry.ID
    to_account_id: strawberry.ID
    former_buying_role: BuyingRole | None
    former_sentiment: Sentiment | None
    former_engagement: int = strawberry.field(description="Engagement (§2) on departedAt.")
    engagement_now: int = strawberry.field(description="Their engagement at toAccount on asOf.")
    departed_at: dt.date | None

    @strawberry.field
    async def from_account(self, info: Ctx) -> Account | None:
        return await load_one(info, q.accounts.get_accounts, self.from_account_id, Account)

    @strawberry.field
    async def to_account(self, info: Ctx) -> Account | None:
        return await load_one(info, q.accounts.get_accounts, self.to_account_id, Account)

    @classmethod
    def from_data(cls, m: moves_mod.Move) -> ChampionMove:
        def role(value: Any) -> BuyingRole | None:
            return BuyingRole(value) if value else None

        return cls(
            person=Stakeholder.from_row(m.person), former_stakeholder=Stakeholder.from_row(m.former),
            from_account_id=strawberry.ID(str(m.former["accountId"])),
            to_account_id=strawberry.ID(str(m.person["accountId"])),
            former_buying_role=role(m.former.get("buyingRole")),
            former_sentiment=Sentiment(m.former["sentiment"]) if m.former.get("sentiment") else None,
            former_engagement=m.former_engagement, engagement_now=m.engagement_now,
            departed_at=m.departed_at,
        )  # fmt: skip


@strawberry.type(
    description="What to do next about one stakeholder we do not engage, and what it wins "
    "(domain §17): simulated on the account's graph, never stored as a task."
)
class Play:
    kind: PlayKind
    stakeholder_id: strawberry.Private[str]
    member_id: strawberry.Private[str]
    path: WarmPath | None = strawberry.field(
        description="The introductions to ask for (INTRODUCE); null for RECONNECT."
    )
    score_gain: int = strawberry.field(description="Coverage score after - before (§3).")
    reach_gain: float = strawberry.field(
        description="Reachable whitespace after - before (§13), USD."
    )
    gaps_closed: list[CoverageGap] = strawberry.field(
        description="Gaps present before and absent after, most severe first."
    )
    account: Account

    @classmethod
    def from_data(cls, account: Account, play: plays_mod.Play, path: NamedPath | None) -> Play:
        return cls(
            kind=play.kind, stakeholder_id=play.stakeholder_id, member_id=play.member_id,
            path=WarmPath.from_data(path) if path is not None else None,
            score_gain=play.score_gain, reach_gain=play.reach_gain,
            gaps_closed=[CoverageGap.from_gap(g) for g in play.gaps_closed], account=account,
        )  # fmt: skip

    @strawberry.field(description="The stakeholder the play engages.")
    async def stakeholder(self, info: Ctx) -> Stakeholder | None:
        return await load_one(info, q.stakeholders.get_stakeholders, self.stakeholder_id, Stakeholder)  # fmt: skip

    @strawberry.field(description="The member who acts: the relationship's holder, or the "
                      "path's first node.")  # fmt: skip
    async def member(self, info: Ctx) -> Member | None:
        return await load_one(info, q.members.get_members, self.member_id, Member)

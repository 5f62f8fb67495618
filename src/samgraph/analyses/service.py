"""Fetch what the analyses need (through the request's DataLoaders) and run them.

One Cypher query per request level fetches the subgraphs of every account asked
for (`analyses.account_graphs`); the arithmetic of docs/domain.md §2-§9 then runs
in the pure functions beside this module, so a page of 2,000 accounts costs the
same number of round trips as one account. Resolvers call these functions and
only convert what they return.
"""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import heapq
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import orjson

from samgraph.analyses import cadence as cadence_mod
from samgraph.analyses import coverage as coverage_mod
from samgraph.analyses import dependency as dependency_mod
from samgraph.analyses import drawing as drawing_mod
from samgraph.analyses import moves as moves_mod
from samgraph.analyses import plays as plays_mod
from samgraph.analyses import reach as reach_mod
from samgraph.analyses import scores as scores_mod
from samgraph.analyses.graph import AccountGraph
from samgraph.analyses.influence import REPORTS_TO_WEIGHT, influence_scores
from samgraph.analyses.paths import MAX_FIRST, MAX_HOPS, Link, WarmPath
from samgraph.analyses.paths import warm_paths as find_paths
from samgraph.analyses.whitespace import Whitespace, whitespace
from samgraph.common import (
    EdgeKind,
    GapCode,
    GraphInclude,
    PathNodeKind,
    PlayKind,
    Severity,
    StakeholderStatus,
    Tier,
)
from samgraph.context import Context
from samgraph.db.cypher import CypherQuery
from samgraph.db.queries import queries
from samgraph.errors import NotFound, Problem, invalid
from samgraph.graph import service as graph_service
from samgraph.pages import Page, page_of
from samgraph.snapshots import stored


async def graph_of(ctx: Context, account_id: str, as_of: dt.date | None = None) -> AccountGraph:
    """The account's subgraph (empty when the account does not exist); on a past `as_of`,
    with the org as it stood that day (domain §18)."""
    if as_of is not None and as_of < ctx.settings.today():
        return (await graphs_of(ctx, [account_id], as_of))[account_id]
    drawn = ctx.loaders.one(queries.analyses.account_drawing)
    if drawn.asked(account_id):  # Account.graph reads a superset: no second read
        row = await drawn.load(account_id)
        return _graph(ctx, queries.analyses.account_drawing, account_id, row, None)
    row = await ctx.loaders.one(queries.analyses.account_graphs).load(account_id)
    return _graph(ctx, queries.analyses.account_graphs, account_id, row, None)


def _graph(
    ctx: Context,
    query: CypherQuery,
    account_id: str,
    row: dict[str, Any] | None,
    as_of: dt.date | None,
) -> AccountGraph:
    """The graph of `row` (read by `query`): today's active part, or the org of a past
    `as_of`, built once per row kept (live/kept.py), so its analyses' memo lives as long."""
    if row is None:
        return AccountGraph.from_row(account_id, {})
    memo = ctx.loaders.derived(query, account_id, row)
    key = ("graph", as_of)
    if key not in memo:
        if as_of is not None:
            row = drawing_mod.active_row(org_on(row, as_of))
        elif query is queries.analyses.account_drawing:
            row = drawing_mod.active_row(row)
        memo[key] = AccountGraph.from_row(account_id, row)
    graph: AccountGraph = memo[key]
    return graph


def org_on(row: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
    """A drawing row (every person, with their recorded changes) as the org stood on a
    past day: who was on it, with that day's title, team, manager, seniority, buying role,
    sentiment and status (domain §18)."""
    snaps = (graph_service.rebuild(p, p.get("history") or [], as_of) for p in row.get("people", []))
    return drawing_mod.as_of_org(row, [s for s in snaps if s is not None])


async def graphs_of(
    ctx: Context, account_ids: Sequence[str], as_of: dt.date | None = None
) -> dict[str, AccountGraph]:
    """The subgraphs of many accounts in one read; on a past `as_of`, each rebuilt from
    its people's recorded changes (one read that brings the history, built once per day
    and row)."""
    ids = list(account_ids)
    if as_of is not None and as_of < ctx.settings.today():
        query, day = queries.analyses.account_drawing, as_of
    else:
        query, day = queries.analyses.account_graphs, None
    rows = await ctx.loaders.one(query).load_many(ids)
    return {a: _graph(ctx, query, a, r, day) for a, r in zip(ids, rows, strict=True)}


def _cadence(ctx: Context) -> dict[str, int]:
    return ctx.settings.samgraph_cadence_days


async def coverage_of(ctx: Context, account_id: str, as_of: dt.date) -> coverage_mod.Coverage:
    """§3 and §4 for one account on a date (computed once per request)."""
    key = ("coverage", account_id, as_of)
    if key not in ctx.memo:  # a portfolio view may have computed it already
        graph = await graph_of(ctx, account_id, as_of)
        ctx.memo[key] = graph.once(
            ("coverage", as_of), lambda: coverage_mod.coverage(graph, as_of, _cadence(ctx))
        )
    found: coverage_mod.Coverage = ctx.memo[key]
    return found


async def whitespace_of(ctx: Context, account_id: str) -> Whitespace:
    """§7: the team x product grid of one account."""
    query = queries.analyses.whitespace_inputs
    row = ctx.loaders.kept_now(query, account_id)
    if row is None:
        row = await ctx.loaders.one(query).load(account_id)
    # A catalog change counts a change of every account: a kept row is that of today's
    # catalog too, so its grid is kept with it (live/kept.py).
    memo = ctx.loaders.derived(query, account_id, row) if row is not None else {}
    if "whitespace" not in memo:
        catalog = [r["item"] for r in await ctx.loaders.rows(queries.products.list_products)]
        memo["whitespace"] = whitespace(
            (row or {}).get("teams", []), catalog, (row or {}).get("uses", []),
            (row or {}).get("openOpportunities", []),
        )  # fmt: skip
    found: Whitespace = memo["whitespace"]
    return found


@dataclass(frozen=True)
class PathStep:
    """A person on a warm path, with what a client shows of them."""

    id: str
    kind: PathNodeKind
    name: str


@dataclass(frozen=True)
class NamedPath:
    path: WarmPath
    steps: tuple[PathStep, ...]


async def warm_paths(
    ctx: Context,
    *,
    account_id: str,
    to: str,
    source: str | None,
    max_hops: int,
    first: int,
    as_of: dt.date,
) -> list[NamedPath]:
    """§5: the best chains of introductions from a member (or `source`) to `to`."""
    problems = []
    if not 1 <= max_hops <= MAX_HOPS:
        problems.append(Problem("maxHops", f"must be between 1 and {MAX_HOPS}"))
    if not 1 <= first <= MAX_FIRST:
        problems.append(Problem("first", f"must be between 1 and {MAX_FIRST}"))
    if problems:
        raise invalid(problems)
    graph = await graph_of(ctx, account_id, as_of)
    if to not in graph.people:
        raise NotFound(
            f"no active stakeholder {to!r} on account {account_id!r}", [Problem("to", "not found")]
        )
    if source is not None and not await ctx.loaders.one(queries.members.get_members).load(source):
        raise NotFound(f"no member {source!r}", [Problem("from", "not found")])
    return graph.once(("warmPaths", as_of, to, source, max_hops, first), lambda: [
        named(graph, p) for p in find_paths(
            graph, to, as_of=as_of, cadence=_cadence(ctx), source=source,
            max_hops=max_hops, first=first,
        )
    ])  # fmt: skip


def _names(graph: AccountGraph) -> tuple[dict[str, str], set[str]]:
    """Everyone's name on the graph, and its members' ids: once per graph (a snapshot
    names the path of each of its plays)."""

    def build() -> tuple[dict[str, str], set[str]]:
        names = {p.id: p.name for p in graph.people.values()}
        names.update({k.member_id: k.member_name for k in graph.knows})
        return names, {k.member_id for k in graph.knows}

    return graph.once(("names",), build)


def named(graph: AccountGraph, path: WarmPath) -> NamedPath:
    """A path with the name and kind of each person on it."""
    names, members = _names(graph)

    def step(i: int, node: str) -> PathStep:
        member = i == 0 and node in members
        kind = PathNodeKind.MEMBER if member else PathNodeKind.STAKEHOLDER
        return PathStep(node, kind, names.get(node, ""))

    return NamedPath(path, tuple(step(i, n) for i, n in enumerate(path.nodes)))


@dataclass(frozen=True)
class InfluenceNodeData:
    person_row: dict[str, Any]
    score: float
    rank: int
    engagement: int


@dataclass(frozen=True)
class InfluenceEdgeData:
    source: str
    target: str
    weight: int
    kind: EdgeKind


async def influence_map(
    ctx: Context, *, account_id: str, as_of: dt.date
) -> tuple[list[InfluenceNodeData], list[InfluenceEdgeData]]:
    """§6: nodes by rank with their engagement; edges INFLUENCES then REPORTS_TO."""
    graph = await graph_of(ctx, account_id, as_of)
    return graph.once(("influenceMap", as_of), lambda: _influence(ctx, graph, as_of))


def _influence(
    ctx: Context, graph: AccountGraph, as_of: dt.date
) -> tuple[list[InfluenceNodeData], list[InfluenceEdgeData]]:
    eng = cadence_mod.engagement(graph, as_of, _cadence(ctx))
    nodes = [
        InfluenceNodeData(graph.people[s.stakeholder_id].row, s.score, s.rank, eng[s.stakeholder_id])
        for s in influence_scores(graph)
    ]  # fmt: skip
    edges = [
        InfluenceEdgeData(a, b, w, EdgeKind.INFLUENCES) for a, b, w in sorted(graph.influences)
    ]
    edges += [
        InfluenceEdgeData(r, m, REPORTS_TO_WEIGHT, EdgeKind.REPORTS_TO)
        for r, m in sorted(graph.reports)
    ]
    return nodes, edges


def overdue_first(ctx: Context, rows: Iterable[dict[str, Any]], as_of: dt.date) -> list[dict[str, Any]]:  # fmt: skip
    """The overdue relationships among KNOWS rows: never contacted first, then most days
    past cadence, then stakeholder id and member id."""
    due = []
    for row in rows:
        d = cadence_mod.decay(
            int(row.get("strength") or 0), row.get("lastContact"), row.get("seniority"),
            as_of, _cadence(ctx),
        )  # fmt: skip
        if d.overdue:
            late = d.days_overdue
            key = (0 if late is None else 1, -(late or 0), row["stakeholderId"], row["memberId"])
            due.append((key, row))
    due.sort(key=lambda item: item[0])
    return [r for _, r in due]


async def account_overdue(ctx: Context, *, account_id: str, as_of: dt.date) -> list[dict[str, Any]]:  # fmt: skip
    """§2: the account's relationships past cadence, most overdue first."""
    graph = await graph_of(ctx, account_id, as_of)

    def compute() -> list[dict[str, Any]]:
        rows = [
            {"memberId": k.member_id, "stakeholderId": k.stakeholder_id, "strength": k.strength,
             "lastContact": k.last_contact, "seniority": graph.people[k.stakeholder_id].seniority}
            for k in graph.knows
        ]  # fmt: skip
        return overdue_first(ctx, rows, as_of)

    return graph.once(("overdue", as_of), compute)


async def member_overdue(ctx: Context, *, member_id: str, as_of: dt.date) -> list[dict[str, Any]]:  # fmt: skip
    """One member's relationships with active stakeholders past cadence."""
    rows = await ctx.loaders.many(queries.relationships.knows.by_member).load(member_id)
    active = [r for r in rows if (r.get("stakeholderStatus") or "ACTIVE") == StakeholderStatus.ACTIVE]  # fmt: skip
    return overdue_first(ctx, active, as_of)


def _cutoff(ctx: Context, as_of: dt.date) -> dict[str, dt.date]:
    """Per seniority, the last contact before which a relationship is overdue on as_of."""
    return {band: as_of - dt.timedelta(days=days) for band, days in _cadence(ctx).items()}


async def overdue_head(ctx: Context, *, member_id: str | None, as_of: dt.date, first: int) -> list[dict[str, Any]]:  # fmt: skip
    """The portfolio's first `first` + 1 overdue relationships, in `portfolio_overdue`'s
    order, read member by member until there are enough."""
    rows = await ctx.db.read(queries.relationships.knows.overdue_head, member_id=member_id, as_of=as_of,
                             cadence=_cadence(ctx), cutoff=_cutoff(ctx, as_of), first=first)  # fmt: skip
    return _dated(rows[0]["page"])


def _dated(page: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An overdue page's edges, their `lastContact` (read as ISO text) a date again."""
    for edge in page:
        if edge.get("lastContact") is not None:
            edge["lastContact"] = dt.date.fromisoformat(edge["lastContact"])
    return page


async def overdue_count(ctx: Context, *, member_id: str | None, as_of: dt.date) -> int:
    """How many relationships are overdue across the portfolio (a member's, given one):
    today, the sum of what the snapshots keep when every listed account's is fresh (about
    20 ms at 2,000 accounts); else counted in the graph (every edge read: 290 ms)."""
    if as_of == ctx.settings.today():
        kept = (await ctx.db.read(queries.snapshots.overdue_total, member_id=member_id, today=as_of,
                                  basis=ctx.settings.analysis_basis()))[0]  # fmt: skip
        if not kept["stale"]:
            return int(kept["total"])
    rows = await ctx.db.read(queries.relationships.knows.overdue_count, member_id=member_id,
                             cutoff=_cutoff(ctx, as_of))  # fmt: skip
    return int(rows[0]["total"])


async def portfolio_overdue(
    ctx: Context, *, member_id: str | None, as_of: dt.date, after: str | None, first: int
) -> Page[dict[str, Any]]:
    """Relationships past cadence across the portfolio (§2), by member name, then never
    contacted first, then most overdue (the overdue-touches-by-member report): the page
    `first` after the edge `after`. A page is read member by member, from the first
    member or the cursor's, until it is full, beside a count of them all: it orders no
    more edges than it returns."""

    async def page() -> dict[str, Any]:
        if after is None:
            return {"cursorFound": True, "page": await overdue_head(ctx, member_id=member_id, as_of=as_of, first=first)}  # fmt: skip
        pairs = [[after[:i], after[i + 1 :]] for i, ch in enumerate(after) if ch == ":"]
        rows = await ctx.db.read(queries.relationships.knows.overdue_after, member_id=member_id, as_of=as_of,
                                 cadence=_cadence(ctx), cutoff=_cutoff(ctx, as_of), pairs=pairs, first=first)  # fmt: skip
        return {"cursorFound": rows[0]["cursorFound"], "page": _dated(rows[0]["page"])}

    row, total = await asyncio.gather(page(), overdue_count(ctx, member_id=member_id, as_of=as_of))
    return page_of({**row, "total": total}, first)


@dataclass(frozen=True)
class AccountView:
    """An account row with the derived figures the portfolio views filter and sort on."""

    row: dict[str, Any]
    strategic_score: float
    tier: Tier
    days_to_renewal: int | None
    coverage: coverage_mod.Coverage | None
    reachable_whitespace: float | None = None
    # Today's snapshot (§16) of a listed account, instead of `coverage` (stored.listed_of).
    snapshot: dict[str, Any] | None = None

    @property
    def id(self) -> str:
        return str(self.row["id"])

    @property
    def coverage_score(self) -> int | None:
        if self.coverage is not None:
            return self.coverage.score
        return int(self.snapshot["coverageScore"]) if self.snapshot else None

    @property
    def gap_codes(self) -> set[str]:
        if self.coverage is not None:
            return {str(g.code) for g in self.coverage.gaps}
        return {g.split(":", 1)[0] for g in (self.snapshot or {}).get("gaps") or []}


def strategic(ctx: Context, row: dict[str, Any]) -> tuple[float, Tier]:
    """The account's strategic score and tier under the configured weights (§8)."""
    s = ctx.settings
    score = scores_mod.strategic_score(scores_mod.scores_of(row), s.samgraph_score_weights)
    return score, scores_mod.tier(score, s.samgraph_tier_strategic, s.samgraph_tier_key)


def view(
    ctx: Context, row: dict[str, Any], as_of: dt.date, cov: coverage_mod.Coverage | None
) -> AccountView:
    score, tier = strategic(ctx, row)
    renewal_date = row.get("renewalDate")
    return AccountView(
        row=row,
        strategic_score=score,
        tier=tier,
        days_to_renewal=(renewal_date - as_of).days if renewal_date else None,
        coverage=cov,
    )


async def portfolio(
    ctx: Context,
    *,
    as_of: dt.date,
    with_coverage: bool,
    industry: str | None = None,
    name_contains: str | None = None,
    member_id: str | None = None,
    min_arr: float | None = None,
    max_arr: float | None = None,
    severities: Sequence[str] = (),
) -> list[AccountView]:
    """Every account passing the stored filters, with derived figures: two round trips
    at most (accounts, then all their subgraphs at once), whatever their number. On
    asOf today, an account with a fresh snapshot of today (§16) takes its coverage score,
    gap codes and reach from it (and the whole gap rows of `severities`); only the
    others are computed."""
    rows = [
        r["item"]
        for r in await ctx.db.read(
            queries.accounts.list_accounts,
            industry=industry,
            name_contains=name_contains,
            member_id=member_id,
            min_arr=min_arr,
            max_arr=max_arr,
        )
    ]
    snaps = (
        await stored.listed_of(ctx, [r["id"] for r in rows], as_of, severities)
        if with_coverage
        else {}
    )
    covs: dict[str, coverage_mod.Coverage] = {}
    live = [r for r in rows if r["id"] not in snaps]
    if with_coverage and live:
        graphs = await graphs_of(ctx, [r["id"] for r in live], as_of)
        computed = {a: coverage_mod.coverage(g, as_of, _cadence(ctx)) for a, g in graphs.items()}
        ctx.memo.update({("coverage", a, as_of): c for a, c in computed.items()})
        covs.update(computed)
    return [
        replace(view(ctx, r, as_of, covs.get(r["id"])), snapshot=snaps.get(r["id"])) for r in rows
    ]


async def portfolio_gaps(
    ctx: Context,
    *,
    as_of: dt.date,
    min_severity: Severity,
    member_id: str | None,
    codes: Iterable[GapCode] | None,
) -> list[tuple[dict[str, Any], coverage_mod.Gap]]:
    """Every coverage gap across the portfolio on a date, with its account row: most
    severe first, then by account name and id, then in the account's gap order."""
    wanted = set(codes) if codes else None
    limit = coverage_mod.SEVERITIES.index(min_severity)
    severities = [str(s) for s in coverage_mod.SEVERITIES[: limit + 1]]
    views = await portfolio(
        ctx, as_of=as_of, with_coverage=True, member_id=member_id, severities=severities
    )
    found: list[tuple[tuple[int, str, str, int], tuple[dict[str, Any], coverage_mod.Gap]]] = []
    for v in views:
        if v.coverage is not None:
            gaps = list(v.coverage.gaps)
        elif v.snapshot is not None:  # its rows of these severities, in the account's order
            gaps = stored.gaps_of(v.snapshot)
        else:
            continue
        name = v.row.get("name") or ""
        for order, gap in enumerate(gaps):
            rank = coverage_mod.SEVERITIES.index(gap.severity)
            if rank > limit or (wanted is not None and gap.code not in wanted):
                continue
            found.append(((rank, name, v.id, order), (v.row, gap)))
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


async def portfolio_gap_page(
    ctx: Context, *, as_of: dt.date, min_severity: Severity, member_id: str | None,
    codes: Iterable[GapCode] | None, after: str | None, first: int,
) -> Page[tuple[dict[str, Any], coverage_mod.Gap, str]] | None:  # fmt: skip
    """`portfolio_gaps`' page `first` after the gap keyed `after`, ordered and cut in one
    query over today's snapshots (§16). None when asOf is not today or a listed account
    has no fresh snapshot: then the caller computes the list."""
    if as_of != ctx.settings.today():
        return None
    limit = coverage_mod.SEVERITIES.index(min_severity)
    row = (await ctx.db.read(
        queries.snapshots.gap_page, member_id=member_id, today=as_of,
        basis=ctx.settings.analysis_basis(),
        severities=[str(x) for x in coverage_mod.SEVERITIES[: limit + 1]],
        codes=[str(c) for c in codes] if codes else None, after=after, first=first,
    ))[0]  # fmt: skip
    if row["stale"]:
        return None
    return page_of(row, first, lambda g: (g["account"], stored.gap_of(g["row"]), g["key"]))


async def drawing(
    ctx: Context, *, account_id: str, as_of: dt.date, include: Iterable[GraphInclude]
) -> drawing_mod.Drawing:
    """The account drawn on `as_of` (for a past date, the org of that day, rebuilt from
    the recorded changes the same read brings): one read."""
    row = await ctx.loaders.one(queries.analyses.account_drawing).load(account_id) or {}
    # The analyses of this account in the same request reuse what was just read.
    ctx.loaders.one(queries.analyses.account_graphs).prime(account_id, drawing_mod.active_row(row))
    if as_of < ctx.settings.today():
        row = org_on(row, as_of)
    wanted = set(include)
    return drawing_mod.drawing(
        row, as_of, _cadence(ctx), members=GraphInclude.MEMBERS in wanted,
        departed=GraphInclude.DEPARTED in wanted,
        member_of=GraphInclude.MEMBER_OF_EDGES in wanted,
    )  # fmt: skip


async def member_dependency(
    ctx: Context, *, account_id: str, as_of: dt.date
) -> list[dependency_mod.MemberDependency]:
    """§14: for each member with a KNOWS edge into the account, what leaving would cost."""
    graph = await graph_of(ctx, account_id, as_of)
    return dependency_mod.member_dependency(graph, as_of, _cadence(ctx))


async def reachable_whitespace(
    ctx: Context, *, account_id: str, as_of: dt.date, max_hops: int
) -> tuple[AccountGraph, reach_mod.ReachableWhitespace]:
    """§13: the whitespace weighted by how warm our way into each team is."""
    if not 1 <= max_hops <= MAX_HOPS:
        raise invalid([Problem("maxHops", f"must be between 1 and {MAX_HOPS}")])
    graph = await graph_of(ctx, account_id, as_of)
    key = ("reach", account_id, as_of, max_hops)
    if key not in ctx.memo:  # a portfolio sort may have computed it already
        grid = await whitespace_of(ctx, account_id)
        row = await ctx.loaders.one(queries.analyses.whitespace_inputs).load(account_id) or {}
        ctx.memo[key] = reach_mod.reachable_whitespace(
            graph, row.get("teams", []), grid, as_of, _cadence(ctx), max_hops=max_hops
        )
    found: reach_mod.ReachableWhitespace = ctx.memo[key]
    return graph, found


async def account_plays(
    ctx: Context, *, account_id: str, as_of: dt.date
) -> tuple[AccountGraph, list[plays_mod.Play]]:
    """§17: the account's plays on a date, in order (computed once per request)."""
    graph = await graph_of(ctx, account_id, as_of)
    key = ("plays", account_id, as_of)
    if key not in ctx.memo:
        grid = await whitespace_of(ctx, account_id)
        row = await ctx.loaders.one(queries.analyses.whitespace_inputs).load(account_id) or {}
        _, reach = await reachable_whitespace(
            ctx, account_id=account_id, as_of=as_of, max_hops=reach_mod.MAX_HOPS_DEFAULT
        )
        ctx.memo[key] = plays_mod.plays(
            graph, row.get("teams", []), grid, as_of, _cadence(ctx), reach_before=reach
        )
    found: list[plays_mod.Play] = ctx.memo[key]
    return graph, found


def play_row(graph: AccountGraph, play: plays_mod.Play) -> str:
    """A play as a snapshot keeps it (JSON text), its path with each step's name and
    kind, so a stored play answers without the account's graph; with its stakeholder's
    name and title (`sn`, `st`), which the plays report shows for 5,000 plays."""
    path = None
    if play.path is not None:
        steps = named(graph, play.path).steps
        path = {"n": [[s.id, s.kind.value, s.name] for s in steps],
                "l": [[k.strength, k.kind.value, k.source, k.target] for k in play.path.links]}  # fmt: skip
    person = graph.people.get(play.stakeholder_id)
    return orjson.dumps({
        "k": play.kind.value, "s": play.stakeholder_id, "m": play.member_id, "p": path,
        "g": play.score_gain, "r": play.reach_gain, "i": play.influence_rank,
        "c": [stored.gap_row(gap) for gap in play.gaps_closed],
        **({} if person is None else {"sn": person.row.get("name"), "st": person.row.get("title")}),
    }).decode()  # fmt: skip


# Enum members by value (a page of 5,000 stored plays names some 20,000 of them).
_EDGES = {str(x.value): x for x in EdgeKind}
_STEPS = {str(x.value): x for x in PathNodeKind}
_PLAYS = {str(x.value): x for x in PlayKind}


def play_of(text: str, parsed: dict[str, Any] | None = None) -> tuple[plays_mod.Play, NamedPath | None]:  # fmt: skip
    """A stored play, and its path named (`parsed`: its JSON, when read already)."""
    r = parsed if parsed is not None else orjson.loads(text)
    named_path = None
    if r["p"] is not None:
        links = tuple(Link(int(s), _EDGES[k], a, b) for s, k, a, b in r["p"]["l"])
        path = WarmPath(tuple(n[0] for n in r["p"]["n"]), links)
        steps = tuple(PathStep(i, _STEPS[k], name) for i, k, name in r["p"]["n"])
        named_path = NamedPath(path, steps)
    play = plays_mod.Play(
        kind=_PLAYS[r["k"]], stakeholder_id=r["s"], member_id=r["m"],
        path=named_path.path if named_path else None, score_gain=int(r["g"]),
        gaps_closed=tuple(stored.gap_of(g) for g in r["c"]), reach_gain=float(r["r"]),
        influence_rank=int(r["i"]),
    )  # fmt: skip
    return play, named_path


async def account_plays_named(
    ctx: Context, *, account_id: str, as_of: dt.date
) -> list[tuple[plays_mod.Play, NamedPath | None]]:
    """§17 for one account: from today's fresh snapshot when it keeps them, else
    computed; each play with its path named."""
    snap = (await stored.plays_of(ctx, [account_id], as_of)).get(account_id)
    if snap is not None:
        return [play_of(text) for text in snap]
    graph, found = await account_plays(ctx, account_id=account_id, as_of=as_of)
    return [(p, named(graph, p.path) if p.path else None) for p in found]


@dataclass(frozen=True)
class RankedPlay:
    """One play of the portfolio with its rank, before it is decoded: a stored play's
    row is decoded (with its path) only when its page is asked, not for every play of
    every account."""

    key: tuple[Any, ...]
    account: dict[str, Any]
    stakeholder_id: str
    row: str | None = None  # a stored play (JSON text)
    computed: tuple[plays_mod.Play, NamedPath | None] | None = None
    data: dict[str, Any] | None = None  # the stored play's JSON, parsed (`play_row`'s keys)

    @property
    def cursor(self) -> str:
        """A play is one (account, stakeholder) on the date asked: its cursor key."""
        return f"{self.account['id']}|{self.stakeholder_id}"

    def decoded(self) -> tuple[plays_mod.Play, NamedPath | None]:
        if self.computed is not None:
            return self.computed
        assert self.row is not None
        return play_of(self.row, self.data)


async def portfolio_plays(
    ctx: Context, *, as_of: dt.date, member_id: str | None, first: int, after: str | None
) -> Page[RankedPlay]:
    """A page of §17 across every account the caller sees (only `member_id`'s plays when
    given), best first: by scoreGain, the most severe gap closed, reachGain, the
    account's strategic score (descending), account id, then the account's own order.
    `after` is a play's key (`account|stakeholder`).

    Each account's plays are in its own order already, which agrees with this one
    within the account; so the portfolio's order is a merge of the accounts' lists, and
    a page decodes the head of each list and the page's plays, not every play of every
    account. Today's fresh snapshots answer in one read; the other accounts are
    computed (their reads batch in the loaders). A first page of today, when every
    account's snapshot is fresh, is a range of the play index instead (`_play_page`)."""
    if after is None and as_of == ctx.settings.today():
        page = await _play_page(ctx, as_of=as_of, member_id=member_id, first=first)
        if page is not None:
            return page
    rows = [r["item"] for r in await ctx.db.read(
        queries.accounts.list_accounts, industry=None, name_contains=None, member_id=None,
        min_arr=None, max_arr=None)]  # fmt: skip
    # A stored row names its member as `"m":<the id as JSON>`: found without decoding.
    needle = None if member_id is None else '"m":' + orjson.dumps(member_id).decode()
    # The first page needs no more than `first` + 1 plays of any account (each is in
    # order), and most accounts give it far fewer: their heads are read first, and only
    # an account whose every play read made the page is read deeper (below). A page
    # after a cursor reads them all.
    limit = None if after is not None else min(first + 1, HEAD + (first + 1) // max(len(rows), 1))
    kept = await stored.plays_head_of(ctx, [r["id"] for r in rows], as_of, needle=needle, limit=limit)  # fmt: skip
    missing = [r for r in rows if r["id"] not in kept]

    async def compute(account_id: str) -> list[tuple[plays_mod.Play, NamedPath | None]]:
        graph, found = await account_plays(ctx, account_id=account_id, as_of=as_of)
        return [(p, named(graph, p.path) if p.path else None) for p in found]

    computed = dict(zip([r["id"] for r in missing],
                        await asyncio.gather(*(compute(r["id"]) for r in missing)), strict=True))  # fmt: skip
    # Each stored play parsed once: a deeper read's list starts with the head read before.
    parsed: dict[tuple[str, int], RankedPlay] = {}

    def from_rows(row: dict[str, Any], score: float, texts: list[str]) -> Iterator[RankedPlay]:
        for order, text in enumerate(texts):  # the member's alone, in the account's order
            ranked = parsed.get((row["id"], order))
            if ranked is None or ranked.row != text:  # (a refresh between the two reads)
                r = orjson.loads(text)
                gain, severe, reach = stored.play_rank(r)
                key = (-gain, severe, -reach, -score, row["id"], order)
                ranked = parsed[row["id"], order] = RankedPlay(key, row, r["s"], row=text, data=r)
            yield ranked

    def from_plays(row: dict[str, Any], score: float,
                   plays: list[tuple[plays_mod.Play, NamedPath | None]]) -> Iterator[RankedPlay]:  # fmt: skip
        for order, (play, path) in enumerate(plays):
            if member_id is not None and play.member_id != member_id:
                continue
            key = (-play.score_gain, play.most_severe, -play.reach_gain, -score, row["id"], order)
            yield RankedPlay(key, row, play.stakeholder_id, computed=(play, path))

    scores = {row["id"]: strategic(ctx, row)[0] for row in rows}

    def merged_page(kept: dict[str, tuple[list[str], int]]) -> tuple[list[RankedPlay], int]:
        streams: list[Iterator[RankedPlay]] = []
        total = 0
        for row in rows:
            score = scores[row["id"]]
            if row["id"] in kept:
                texts, count = kept[row["id"]]
                total += count
                streams.append(from_rows(row, score, texts))
            else:
                plays = computed[row["id"]]
                total += sum(1 for p, _ in plays if member_id is None or p.member_id == member_id)
                streams.append(from_plays(row, score, plays))
        merged = heapq.merge(*streams, key=lambda p: p.key)
        if after is not None:
            for p in merged:
                if p.cursor == after:
                    break
            else:
                raise invalid([Problem("after", "cursor is not in this list any more")])
        return list(itertools.islice(merged, first + 1)), total

    found, total = merged_page(kept)
    if limit is not None and limit < first + 1:
        # An account none of whose read plays was left out may hold more that belong on
        # the page (its next play can rank anywhere after its last read one); the others'
        # unread plays rank after a play that did not make it.
        taken = collections.Counter(p.account["id"] for p in found if p.row is not None)
        deeper = [a for a, (texts, count) in kept.items() if count > len(texts) == taken[a]]
        if deeper:
            kept |= await stored.plays_head_of(ctx, deeper, as_of, needle=needle, limit=first + 1)  # fmt: skip
            found, total = merged_page(kept)
    return Page(found[:first], has_next=len(found) > first, total=total)


async def _play_page(
    ctx: Context, *, as_of: dt.date, member_id: str | None, first: int
) -> Page[RankedPlay] | None:
    """`portfolio_plays`' first page from the play index (snapshots/play_page.cypher): the
    plays in order and counted in one read, their accounts in a second. None when a
    listed account has no fresh snapshot, or one was deleted between the two reads: then
    the caller merges the accounts' lists."""
    found = (await ctx.db.read(
        queries.snapshots.play_page, member_id=member_id, today=as_of,
        basis=ctx.settings.analysis_basis(), first=first,
    ))[0]  # fmt: skip
    if found["stale"]:
        return None
    entries = found["page"]
    ids = list(dict.fromkeys(e[0] for e in entries))
    accounts = dict(zip(ids, await ctx.loaders.one(queries.accounts.get_accounts).load_many(ids), strict=True))  # fmt: skip
    plays = []
    for account_id, order, ng, sev, nr, ns, text in entries:
        account = accounts[account_id]
        if account is None:
            return None
        r = orjson.loads(text)
        plays.append(RankedPlay((ng, sev, nr, ns, account_id, order), account, r["s"], row=text, data=r))  # fmt: skip
    return Page(plays[:first], has_next=len(plays) > first, total=int(found["total"]))


HEAD = 8
"""Plays read of each account before the portfolio's first page is merged (at least;
more when the page is long beside the portfolio): `portfolio_plays`."""


async def champion_moves(
    ctx: Context, *, as_of: dt.date, since: dt.date | None
) -> list[moves_mod.Move]:
    """§15 across the portfolio (within the caller's scope: both accounts seen)."""
    people = [r["item"] for r in await ctx.db.read(queries.stakeholders.with_linkedin)]
    return moves_mod.champion_moves(people, as_of, _cadence(ctx), since=since)


async def reachable_totals(ctx: Context, account_ids: Sequence[str], as_of: dt.date) -> dict[str, float]:  # fmt: skip
    """§13's reachableWhitespace of many accounts. Their reads batch in the loaders (two
    round trips and the catalog, whatever their number); each result is memoised for the
    account's own `reachableWhitespace` field."""
    ids = list(account_ids)
    found = await asyncio.gather(*(
        reachable_whitespace(ctx, account_id=a, as_of=as_of, max_hops=reach_mod.MAX_HOPS_DEFAULT)
        for a in ids))  # fmt: skip
    return {a: r.reachable_whitespace for a, (_, r) in zip(ids, found, strict=True)}

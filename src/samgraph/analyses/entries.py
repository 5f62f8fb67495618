"""One service entry per analysis of an account.

Each entry owns where its answer comes from, today's fresh snapshot (§16) when the
snapshot holds what was asked, else computed from the graph, and declares the Cypher it
reads (`READS`), so the account resolver starts those reads together with the account
itself. A GraphQL field calls its entry and only shapes the result; an analysis added
later is one more entry here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, TypeVar

from samgraph.analyses import coverage as coverage_mod
from samgraph.analyses import dependency as dependency_mod
from samgraph.analyses import drawing as drawing_mod
from samgraph.analyses import plays as plays_mod
from samgraph.analyses import reach as reach_mod
from samgraph.analyses import service
from samgraph.analyses.graph import AccountGraph
from samgraph.analyses.whitespace import Whitespace
from samgraph.context import Context
from samgraph.db.cypher import CypherQuery
from samgraph.db.queries import queries as q
from samgraph.snapshots import stored

F = TypeVar("F", bound=Callable[..., Awaitable[Any]])

# Account field name -> the Cypher its entry reads (through the request's loaders).
READS: dict[str, tuple[CypherQuery, ...]] = {}
# Account fields whose entries answer from today's snapshot when it is fresh (`_today`).
FROM_SNAPSHOT: set[str] = set()


def entry(field: str, *reads: CypherQuery, snapshot: bool = False) -> Callable[[F], F]:
    """Register the entry that answers Account's `field`, with the reads it needs, and
    whether it may answer from today's snapshot."""

    def register(fn: F) -> F:
        READS[field] = reads
        if snapshot:
            FROM_SNAPSHOT.add(field)
        return fn

    return register


def reads_of(fields: Iterable[tuple[str, bool]]) -> set[CypherQuery]:
    """The reads a selection of Account's fields (each with whether it asks a past day)
    will make, each once. On a past day an analysis reads the drawing, whose recorded
    changes rebuild the org of that day, instead of the subgraph; the drawing's read
    holds the subgraph, so it alone is read when both are wanted."""
    wanted: set[CypherQuery] = set()
    for field, past in fields:
        for query in READS.get(field, ()):
            drawn = past and query is q.analyses.account_graphs
            wanted.add(q.analyses.account_drawing if drawn else query)
    if q.analyses.account_drawing in wanted:
        wanted.discard(q.analyses.account_graphs)
    return wanted


async def _today(ctx: Context, account_id: str, day: dt.date) -> dict[str, Any] | None:
    """Today's fresh snapshot of the account; None on other days or when it is stale.
    Sibling entries' calls batch into one read."""
    return (await stored.today_of(ctx, [account_id], day)).get(account_id)


@entry("coverage", q.analyses.account_graphs, snapshot=True)
async def coverage(ctx: Context, account_id: str, day: dt.date) -> coverage_mod.Coverage:
    """§3: stored today, else computed."""
    snap = await _today(ctx, account_id, day)
    if snap is not None:
        return stored.coverage_of(snap)
    return await service.coverage_of(ctx, account_id, day)


@entry("championBackups", q.analyses.account_graphs)
async def champion_backups(
    ctx: Context, account_id: str, day: dt.date
) -> tuple[coverage_mod.ChampionBackups, ...]:
    """§4: always computed (a snapshot keeps no champions)."""
    return (await service.coverage_of(ctx, account_id, day)).champions


@entry("warmPaths", q.analyses.account_graphs)
async def warm_paths(ctx: Context, account_id: str, **kwargs: Any) -> list[service.NamedPath]:
    """§5: computed (they depend on the asked target)."""
    return await service.warm_paths(ctx, account_id=account_id, **kwargs)


@entry("influenceMap", q.analyses.account_graphs)
async def influence_map(
    ctx: Context, account_id: str, day: dt.date
) -> tuple[list[service.InfluenceNodeData], list[service.InfluenceEdgeData]]:
    """§6: computed."""
    return await service.influence_map(ctx, account_id=account_id, as_of=day)


@entry("overdueTouches", q.analyses.account_graphs)
async def overdue_touches(ctx: Context, account_id: str, day: dt.date) -> list[dict[str, Any]]:
    """§2's overdue relationships: computed."""
    return await service.account_overdue(ctx, account_id=account_id, as_of=day)


@entry("graph", q.analyses.account_drawing)
async def drawing(ctx: Context, account_id: str, **kwargs: Any) -> drawing_mod.Drawing:
    """The explorer's drawing: computed."""
    return await service.drawing(ctx, account_id=account_id, **kwargs)


@entry("whitespace", q.analyses.whitespace_inputs, snapshot=True)
async def whitespace(ctx: Context, account_id: str, *, totals_only: bool) -> Whitespace:
    """§7: only the totals from today's snapshot when nothing else is asked, else the
    whole grid computed. A grid this process keeps, under the counter this request
    read, answers the totals too (no read at all; the snapshot costs one)."""
    if totals_only and ctx.loaders.kept_now(q.analyses.whitespace_inputs, account_id) is None:
        snap = await _today(ctx, account_id, ctx.settings.today())
        if snap is not None:
            return Whitespace(totals=stored.totals_of(snap))
    return await service.whitespace_of(ctx, account_id)


@entry(
    "reachableWhitespace", q.analyses.account_graphs, q.analyses.whitespace_inputs, snapshot=True
)
async def reachable_whitespace(
    ctx: Context, account_id: str, day: dt.date, *, max_hops: int, totals_only: bool
) -> tuple[AccountGraph | None, reach_mod.ReachableWhitespace]:
    """§13: the totals from today's snapshot when nothing else is asked at the default
    depth (no graph then: nothing to name), else computed with the graph it names."""
    if totals_only and max_hops == reach_mod.MAX_HOPS_DEFAULT:
        snap = await _today(ctx, account_id, day)
        if snap is not None:
            return None, reach_mod.ReachableWhitespace(
                teams=[], cells=[], reachable_whitespace=snap["reachableWhitespace"],
                reachable_pipeline=snap["reachablePipeline"],
            )  # fmt: skip
    return await service.reachable_whitespace(
        ctx, account_id=account_id, as_of=day, max_hops=max_hops
    )


@entry("plays", q.analyses.account_graphs, q.analyses.whitespace_inputs)
async def plays(
    ctx: Context, account_id: str, day: dt.date
) -> list[tuple[plays_mod.Play, service.NamedPath | None]]:
    """§17: stored today, else computed; each play with its path named."""
    return await service.account_plays_named(ctx, account_id=account_id, as_of=day)


@entry("memberDependency", q.analyses.account_graphs, snapshot=True)
async def member_dependency(
    ctx: Context, account_id: str, day: dt.date
) -> tuple[list[dependency_mod.MemberDependency], Mapping[str, dict[str, Any]]]:
    """§14 with the rows of the people it names (by id): stored today (the people then
    read by id), else computed from the graph, which holds them."""
    snap = await _today(ctx, account_id, day)
    if snap is not None and snap["dependency"] is not None:
        found = stored.dependency_of(snap)
        ids = sorted({s for d in found for s in d.sole_engaged})
        rows = await ctx.loaders.one(q.stakeholders.get_stakeholders).load_many(ids)
        return found, {i: r for i, r in zip(ids, rows, strict=True) if r is not None}
    graph = await service.graph_of(ctx, account_id, day)
    computed = await service.member_dependency(ctx, account_id=account_id, as_of=day)
    return computed, {s: graph.people[s].row for d in computed for s in d.sole_engaged}

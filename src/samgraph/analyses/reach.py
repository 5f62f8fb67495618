"""§13 Reachable whitespace: of the whitespace, where we have a warm way in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from samgraph.analyses.coverage import SENIORITY_RANK
from samgraph.analyses.graph import AccountGraph
from samgraph.analyses.paths import Link, WarmPath, link_graph, warm_paths
from samgraph.analyses.whitespace import Whitespace
from samgraph.common import BuyingRole, CellStatus

MAX_HOPS_DEFAULT = 4
DOOR_ROLES = frozenset({BuyingRole.ECONOMIC_BUYER, BuyingRole.BUSINESS_OWNER})
REACHABLE = frozenset({CellStatus.WHITESPACE, CellStatus.IN_PIPELINE})
Links = tuple[dict[str, dict[str, Link]], set[str]]
"""`paths.link_graph`'s adjacency and member ids."""


@dataclass(frozen=True)
class TeamReach:
    team_id: str
    door: tuple[str, ...]  # stakeholder ids, by id
    way_in: WarmPath | None  # None when reach is 0
    reach: float  # way_in.weakest_link / 5, in 0..1


@dataclass(frozen=True)
class ReachCell:
    team_id: str
    product_id: str
    status: CellStatus
    value: float
    reachable_value: float | None  # None for DEPLOYED and PILOT


@dataclass(frozen=True)
class ReachableWhitespace:
    teams: list[TeamReach]
    cells: list[ReachCell]
    reachable_whitespace: float
    reachable_pipeline: float


def door(graph: AccountGraph, team_id: str, parents: Mapping[str, str | None]) -> tuple[str, ...]:
    """The team's economic buyers and business owners; else its most senior people;
    with nobody active, its parent's door, and up (a cycle or a missing team: empty)."""
    seen: set[str] = set()
    team: str | None = team_id
    while team is not None and team not in seen:
        seen.add(team)
        people = [p for p in graph.people.values() if p.team_id == team]
        if people:
            deciders = [p.id for p in people if p.buying_role in DOOR_ROLES]
            if deciders:
                return tuple(sorted(deciders))
            top = max(SENIORITY_RANK.get(p.seniority or "", 0) for p in people)
            return tuple(
                sorted(p.id for p in people if SENIORITY_RANK.get(p.seniority or "", 0) == top)
            )
        team = parents.get(team)
    return ()


def way_in(
    graph: AccountGraph,
    door_ids: Iterable[str],
    as_of: dt.date,
    cadence: Mapping[str, int],
    max_hops: int,
    links: Links,
) -> WarmPath | None:
    """The best warm path (§5) to any of a team's door, on the prebuilt link graph."""
    best = [p for s in door_ids for p in warm_paths(graph, s, as_of=as_of, cadence=cadence,
                                                     max_hops=max_hops, first=1, prebuilt=links)]  # fmt: skip
    return min(best, key=WarmPath.sort_key) if best else None


def reachable_whitespace(
    graph: AccountGraph,
    teams: Iterable[Mapping[str, Any]],
    grid: Whitespace,
    as_of: dt.date,
    cadence: Mapping[str, int],
    max_hops: int = MAX_HOPS_DEFAULT,
) -> ReachableWhitespace:
    parents = {str(t["id"]): t.get("parentId") for t in teams}
    links = link_graph(graph, as_of, cadence)  # once for every door
    reaches = []
    for team_id in sorted(parents):
        people = door(graph, team_id, parents)
        best = way_in(graph, people, as_of, cadence, max_hops, links)
        reach = best.weakest_link / 5 if best else 0.0
        reaches.append(TeamReach(team_id, people, best if reach else None, reach))
    by_team = {r.team_id: r.reach for r in reaches}
    cells = [
        ReachCell(c.team_id, c.product_id, c.status, c.value,
                  c.value * by_team.get(c.team_id, 0.0) if c.status in REACHABLE else None)
        for c in grid.cells
    ]  # fmt: skip
    return ReachableWhitespace(
        teams=reaches, cells=cells,
        reachable_whitespace=sum(c.reachable_value or 0 for c in cells if c.status == CellStatus.WHITESPACE),
        reachable_pipeline=sum(c.reachable_value or 0 for c in cells if c.status == CellStatus.IN_PIPELINE),
    )  # fmt: skip

"""Warm-introduction paths (domain.md §5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from samgraph.analyses.cadence import effective_strengths
from samgraph.analyses.graph import AccountGraph
from samgraph.common import EdgeKind

REPORTS_TO_STRENGTH = 3
MAX_HOPS = 6
MAX_FIRST = 20
KIND_RANK = {EdgeKind.KNOWS: 0, EdgeKind.REPORTS_TO: 1, EdgeKind.INFLUENCES: 2}


@dataclass(frozen=True)
class Link:
    """The undirected link between two people: the strongest of their edges."""

    strength: int
    kind: EdgeKind
    # The stored edge's direction (KNOWS member -> stakeholder, REPORTS_TO report ->
    # manager, INFLUENCES from -> to); a path may walk it either way.
    source: str = ""
    target: str = ""


@dataclass(frozen=True)
class WarmPath:
    nodes: tuple[str, ...]  # member first, target last
    links: tuple[Link, ...]

    @property
    def hops(self) -> int:
        return len(self.links)

    @property
    def weakest_link(self) -> int:
        return min(link.strength for link in self.links)

    @property
    def total_strength(self) -> int:
        return sum(link.strength for link in self.links)

    def sort_key(self) -> tuple[int, int, int, tuple[str, ...]]:
        return (self.hops, -self.weakest_link, -self.total_strength, self.nodes)


def link_graph(
    graph: AccountGraph, as_of: dt.date, cadence: Mapping[str, int]
) -> tuple[dict[str, dict[str, Link]], set[str]]:
    """Adjacency of the §5 graph and the set of member ids in it.

    KNOWS counts at its effective strength (absent at 0), REPORTS_TO at 3,
    INFLUENCES at its weight; parallel edges keep the strongest (ties: KNOWS,
    then REPORTS_TO, then INFLUENCES, for a stable `kind`). Built once per graph, day
    and cadence (warm paths, reach and plays each walk it): callers never change it.
    """
    key = ("link graph", as_of, tuple(sorted(cadence.items())))
    return graph.once(key, lambda: _link_graph(graph, as_of, cadence))


def _link_graph(
    graph: AccountGraph, as_of: dt.date, cadence: Mapping[str, int]
) -> tuple[dict[str, dict[str, Link]], set[str]]:
    adj: dict[str, dict[str, Link]] = {pid: {} for pid in graph.people}
    members: set[str] = set()

    def add(a: str, b: str, link: Link) -> None:
        for x, y in ((a, b), (b, a)):
            old = adj.setdefault(x, {}).get(y)
            if old is None or (link.strength, -KIND_RANK[link.kind]) > (
                old.strength,
                -KIND_RANK[old.kind],
            ):
                adj[x][y] = link

    for k, eff in zip(graph.knows, effective_strengths(graph, as_of, cadence), strict=True):
        if eff is not None and eff > 0:
            members.add(k.member_id)
            add(
                k.member_id,
                k.stakeholder_id,
                Link(eff, EdgeKind.KNOWS, k.member_id, k.stakeholder_id),
            )
    for report, manager in graph.reports:
        add(report, manager, Link(REPORTS_TO_STRENGTH, EdgeKind.REPORTS_TO, report, manager))
    for a, b, w in graph.influences:
        add(a, b, Link(w, EdgeKind.INFLUENCES, a, b))
    return adj, members


def warm_paths(
    graph: AccountGraph,
    target: str,
    *,
    as_of: dt.date,
    cadence: Mapping[str, int],
    source: str | None = None,
    max_hops: int = 4,
    first: int = 3,
    prebuilt: tuple[dict[str, dict[str, Link]], set[str]] | None = None,
) -> list[WarmPath]:
    """The `first` best simple paths from a member (or `source`) to `target`, in §5 order.

    Paths are grown backwards from the target through stakeholders only and end
    when they reach a member, so a member is only ever the first node. `prebuilt` is
    `link_graph(graph, as_of, cadence)` when the caller already built it (one per
    account for many targets).
    """
    adj, members = prebuilt or link_graph(graph, as_of, cadence)
    if target not in graph.people:
        return []
    if first == 1:
        return _best_path(graph, target, adj, members, source, max_hops)
    found: list[WarmPath] = []
    # Depth-first from the target; `trail` is target-first.
    stack: list[tuple[str, tuple[str, ...], tuple[Link, ...]]] = [(target, (target,), ())]
    while stack:
        node, trail, links = stack.pop()
        for nxt, link in adj.get(node, {}).items():
            if nxt in trail:
                continue
            hops = len(links) + 1
            if nxt in members:
                if source is None or nxt == source:
                    path_nodes = (nxt, *reversed(trail))
                    path_links = (link, *reversed(links))
                    found.append(WarmPath(path_nodes, path_links))
            elif hops < max_hops and nxt in graph.people:
                stack.append((nxt, (*trail, nxt), (*links, link)))
    found.sort(key=WarmPath.sort_key)
    return found[:first]


def _best_path(
    graph: AccountGraph,
    target: str,
    adj: Mapping[str, Mapping[str, Link]],
    members: set[str],
    source: str | None,
    max_hops: int,
) -> list[WarmPath]:
    """The one best path (`first` = 1: what reach and plays ask for, many times per
    account), found among the shortest only: §5 orders by hops first, so a breadth-first
    pass from the target finds the fewest hops to a member, and only the paths of that
    length are walked (on them each node's distance is its position) to pick by weakest
    link, total strength and nodes. Same answer as walking every path up to max_hops."""
    dist = {target: 0}
    frontier, hops, reached = [target], 0, False
    while frontier and hops < max_hops and not reached:
        hops += 1
        nxt_frontier = []
        for node in frontier:
            for nxt in adj.get(node, {}):
                if nxt in dist:
                    continue
                if nxt in members:
                    if source is None or nxt == source:
                        dist[nxt] = hops
                        reached = True
                elif nxt in graph.people:
                    dist[nxt] = hops
                    nxt_frontier.append(nxt)
        frontier = nxt_frontier
    if not reached:
        return []
    found: list[WarmPath] = []
    stack: list[tuple[str, tuple[str, ...], tuple[Link, ...]]] = [(target, (target,), ())]
    while stack:
        node, trail, links = stack.pop()
        depth = len(links) + 1
        for nxt, link in adj.get(node, {}).items():
            if dist.get(nxt) != depth:
                continue
            if nxt in members:
                if depth == hops and (source is None or nxt == source):
                    found.append(WarmPath((nxt, *reversed(trail)), (link, *reversed(links))))
            elif depth < hops:
                stack.append((nxt, (*trail, nxt), (*links, link)))
    return [min(found, key=WarmPath.sort_key)]

"""Influence map: PageRank over who sways whom (domain.md §6), with networkx."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from samgraph.analyses.graph import AccountGraph

DAMPING = 0.85
TOLERANCE = 1e-10
REPORTS_TO_WEIGHT = 3


@dataclass(frozen=True)
class InfluenceScore:
    stakeholder_id: str
    score: float
    rank: int


def importance_graph(graph: AccountGraph) -> nx.DiGraph:
    """x -> y passes importance from x to y: INFLUENCES(a -> b, w) gives b -> a with w;
    REPORTS_TO(r -> m) gives r -> m with 3; parallel edges add their weights."""
    g = nx.DiGraph()
    g.add_nodes_from(graph.people)

    def add(x: str, y: str, w: float) -> None:
        if x in graph.people and y in graph.people:
            prev = g.get_edge_data(x, y, default={"weight": 0.0})["weight"]
            g.add_edge(x, y, weight=prev + w)

    for a, b, w in graph.influences:
        add(b, a, w)
    for report, manager in graph.reports:
        add(report, manager, REPORTS_TO_WEIGHT)
    return g


def influence_scores(graph: AccountGraph) -> list[InfluenceScore]:
    """PageRank (damping 0.85, tol 1e-10, dangling nodes spread evenly); rank by the
    score rounded to 9 decimals, highest first, ties by id."""
    g = importance_graph(graph)
    if g.number_of_nodes() == 0:
        return []
    scores = nx.pagerank(g, alpha=DAMPING, tol=TOLERANCE, weight="weight", max_iter=10_000)
    order = sorted(scores, key=lambda pid: (-round(scores[pid], 9), pid))
    return [InfluenceScore(pid, scores[pid], i + 1) for i, pid in enumerate(order)]

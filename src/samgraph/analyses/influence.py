"""Influence map: PageRank over who sways whom (domain.md §6).

networkx.pagerank is the definition the domain names; this computes the same power
iteration (same start, teleport, dangling spread and L1 stopping test) on a dense
matrix with numpy for an account's few hundred people, where networkx spends most of
its time building its graph and sparse matrix: 4.3 ms an account of 100 people against
0.9 ms (a snapshot's plays rank by it; docs/design.md). A larger account goes through
networkx itself (a dense matrix grows with the square of its people).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from samgraph.analyses.graph import AccountGraph

DAMPING = 0.85
TOLERANCE = 1e-10
MAX_ITER = 10_000
REPORTS_TO_WEIGHT = 3
# Up to this many people the matrix is dense (8 MB at 1,000); above it, networkx's sparse one.
DENSE_UP_TO = 1_000


@dataclass(frozen=True)
class InfluenceScore:
    stakeholder_id: str
    score: float
    rank: int


def _edges(graph: AccountGraph) -> list[tuple[str, str, float]]:
    """x -> y passes importance from x to y: INFLUENCES(a -> b, w) gives b -> a with w;
    REPORTS_TO(r -> m) gives r -> m with 3 (only between the graph's people)."""
    people = graph.people
    out = [(b, a, float(w)) for a, b, w in graph.influences]
    out += [(r, m, float(REPORTS_TO_WEIGHT)) for r, m in graph.reports]
    return [(x, y, w) for x, y, w in out if x in people and y in people]


def importance_graph(graph: AccountGraph) -> nx.DiGraph:
    """The importance edges as a networkx graph; parallel edges add their weights."""
    g = nx.DiGraph()
    g.add_nodes_from(graph.people)
    for x, y, w in _edges(graph):
        prev = g.get_edge_data(x, y, default={"weight": 0.0})["weight"]
        g.add_edge(x, y, weight=prev + w)
    return g


def _dense_pagerank(graph: AccountGraph) -> dict[str, float]:
    """networkx's `_pagerank_scipy` step for step, the matrix dense: row-normalised
    weights, x and the teleport vector uniform, dangling rows spread as the teleport,
    stopped once the L1 change is below n * TOLERANCE."""
    ids = list(graph.people)
    n = len(ids)
    at = {pid: i for i, pid in enumerate(ids)}
    a = np.zeros((n, n))
    for giver, taker, w in _edges(graph):
        a[at[giver], at[taker]] += w  # the weights are whole numbers: their sums are exact
    s = a.sum(axis=1)
    dangling = np.where(s == 0)[0]
    s[s != 0] = 1.0 / s[s != 0]
    a *= s[:, None]
    x = np.repeat(1.0 / n, n)
    p = np.repeat(1.0 / n, n)
    for _ in range(MAX_ITER):
        last = x
        x = DAMPING * (x @ a + sum(x[dangling]) * p) + (1 - DAMPING) * p
        if np.absolute(x - last).sum() < n * TOLERANCE:
            return dict(zip(ids, map(float, x), strict=True))
    raise nx.PowerIterationFailedConvergence(MAX_ITER)


def influence_scores(graph: AccountGraph) -> list[InfluenceScore]:
    """PageRank (damping 0.85, tol 1e-10, dangling nodes spread evenly); rank by the
    score rounded to 9 decimals, highest first, ties by id. Kept on the graph: the
    influence map and the plays' tie-break on one kept graph compute it once."""
    return graph.once(("influence scores",), lambda: _ranked(graph))


def _ranked(graph: AccountGraph) -> list[InfluenceScore]:
    if not graph.people:
        scores: dict[str, float] = {}
    elif len(graph.people) <= DENSE_UP_TO:
        scores = _dense_pagerank(graph)
    else:
        scores = nx.pagerank(importance_graph(graph), alpha=DAMPING, tol=TOLERANCE,
                             weight="weight", max_iter=MAX_ITER)  # fmt: skip
    order = sorted(scores, key=lambda pid: (-round(scores[pid], 9), pid))
    return [InfluenceScore(pid, scores[pid], i + 1) for i, pid in enumerate(order)]

"""Property-based tests (hypothesis) on random small account graphs."""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from samgraph.analyses import coverage as cov
from samgraph.analyses import influence
from samgraph.analyses.influence import DENSE_UP_TO, importance_graph, influence_scores
from samgraph.analyses.paths import link_graph, warm_paths
from samgraph.analyses.whitespace import whitespace
from samgraph.config import DEFAULT_CADENCE_DAYS as CADENCE
from tests.analyses.builders import AS_OF, graph, knows, person

SENIORITIES = ["IC", "MANAGER", "DIRECTOR", "VP", "C_LEVEL"]
GROUPS = [None, "BUYING", "USING", "ADJACENT"]
ROLES = ["CHAMPION", "ECONOMIC_BUYER", "USER", "NONE"]
SENTIMENTS = ["ADVOCATE", "NEUTRAL", "DETRACTOR", "UNKNOWN"]


@st.composite
def account_graphs(draw: st.DrawFn) -> Any:
    n = draw(st.integers(0, 8))
    ids = [f"s{i}" for i in range(n)]
    people = [
        person(
            pid,
            draw(st.sampled_from(SENIORITIES)),
            team=draw(st.sampled_from([None, "t1", "t2"])),
            group=draw(st.sampled_from(GROUPS)),
            role=draw(st.sampled_from(ROLES)),
            sentiment=draw(st.sampled_from(SENTIMENTS)),
        )
        for pid in ids
    ]
    edges = []
    for member in ("m0", "m1", "m2"):
        for pid in draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []:
            edges.append(knows(member, pid, draw(st.integers(1, 5)),
                               draw(st.one_of(st.none(), st.integers(0, 200)))))  # fmt: skip
    # Managers only among earlier people: reporting lines stay acyclic as in real data.
    reports = [(ids[i], ids[j]) for i in range(1, n) if (j := draw(st.integers(-1, i - 1))) >= 0]
    pairs = [(a, b) for a in ids for b in ids if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=8)) if pairs else []
    influences = [(a, b, draw(st.integers(1, 5))) for a, b in chosen]
    return graph(people, edges, reports, influences)


@settings(max_examples=200, deadline=None)
@given(account_graphs())
def test_coverage_score_matches_cells(g: Any) -> None:
    c = cov.coverage(g, AS_OF, CADENCE)
    covered = sum(1 for cell in c.cells if cell.covered)
    assert 0 <= c.score <= 100
    assert c.score == math.floor(100 * covered / 9 + 0.5)
    assert sum(cell.engaged_count for cell in c.cells) == c.engaged_count
    assert c.strong_count <= c.engaged_count <= c.mapped_count == len(g.people)
    assert c.three_by_three == (covered == 9)
    for ch in c.champions:
        assert 0 <= ch.score_if_lost <= c.score
        # Worked out from the cells less the champion's own; §4 defines it on the graph
        # without the champion, computed whole.
        assert ch.score_if_lost == cov.coverage(g.without(ch.champion.id), AS_OF, CADENCE).score
        assert all(b.person.id != ch.champion.id and b.engagement >= 3 and b.distance in (1, 2)
                   for b in ch.backups)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(account_graphs())
def test_influence_scores_sum_to_one_with_ranks_1_to_n(g: Any) -> None:
    scores = influence_scores(g)
    if g.people:
        assert abs(sum(s.score for s in scores) - 1) < 1e-9
    assert sorted(s.rank for s in scores) == list(range(1, len(g.people) + 1))
    keys = [(-round(s.score, 9), s.stakeholder_id) for s in scores]
    assert keys == sorted(keys)


@st.composite
def influence_graphs(draw: st.DrawFn) -> Any:
    """Any importance structure §6 admits: cycles, self-influence, parallel INFLUENCES
    and REPORTS_TO edges of one pair, people with no way out (dangling), edges naming
    someone outside the graph (departed: ignored)."""
    ids = [f"s{i}" for i in range(draw(st.integers(1, 30)))]
    name = st.sampled_from([*ids, "gone"])
    reports = draw(st.lists(st.tuples(name, name), max_size=40))
    influences = draw(st.lists(st.tuples(name, name, st.integers(1, 9)), max_size=60))
    return graph([person(pid) for pid in ids], [], reports, influences)


@settings(max_examples=300, deadline=None)
@given(influence_graphs())
def test_influence_scores_are_networkx_pagerank(g: Any) -> None:
    """The dense power iteration is networkx.pagerank's (§6 names it): every score
    within 1e-12 of it, and so the same ranks (on the development graph's 500 accounts
    the largest difference was 1.1e-16)."""
    ref = nx.pagerank(importance_graph(g), alpha=0.85, tol=1e-10, weight="weight",
                      max_iter=10_000)  # fmt: skip
    scores = influence_scores(g)
    assert {s.stakeholder_id for s in scores} == set(ref)
    for s in scores:
        assert abs(s.score - ref[s.stakeholder_id]) < 1e-12
    assert [s.stakeholder_id for s in scores] == sorted(ref, key=lambda p: (-round(ref[p], 9), p))


def test_influence_scores_above_the_dense_bound_come_from_networkx(monkeypatch: Any) -> None:
    """An account larger than DENSE_UP_TO goes through networkx's sparse matrix: a ring
    of 1,001 people who each report to the next has every score 1/1,001 (each passes
    all it has to one other; no one is dangling), so the ranks follow the ids. Kept on
    the graph: asked again, the same list."""

    def dense(_: Any) -> None:
        raise AssertionError("a dense matrix above DENSE_UP_TO")

    monkeypatch.setattr(influence, "_dense_pagerank", dense)
    ids = [f"s{i:04d}" for i in range(DENSE_UP_TO + 1)]
    ring = [(ids[i], ids[(i + 1) % len(ids)]) for i in range(len(ids))]
    g = graph([person(pid) for pid in ids], [], ring, [])
    scores = influence_scores(g)
    assert influence_scores(g) is scores
    assert len(scores) == 1_001
    assert all(abs(s.score - 1 / 1_001) < 1e-12 for s in scores)
    assert [s.stakeholder_id for s in scores] == ids


@settings(max_examples=200, deadline=None)
@given(account_graphs(), st.integers(1, 6), st.integers(1, 20), st.data())
def test_warm_paths_are_simple_bounded_member_first_and_sorted(
    g: Any, max_hops: int, first: int, data: st.DataObject
) -> None:
    if not g.people:
        return
    target = data.draw(st.sampled_from(sorted(g.people)))
    paths = warm_paths(g, target, as_of=AS_OF, cadence=CADENCE, max_hops=max_hops, first=first)
    adj, members = link_graph(g, AS_OF, CADENCE)
    assert len(paths) <= first
    for p in paths:
        assert len(set(p.nodes)) == len(p.nodes)  # simple
        assert 1 <= p.hops <= max_hops and len(p.nodes) == p.hops + 1
        assert p.nodes[0] in members and p.nodes[-1] == target
        assert all(n in g.people for n in p.nodes[1:])  # only stakeholders after the member
        for a, b, link in zip(p.nodes, p.nodes[1:], p.links, strict=False):
            assert adj[a][b] == link and link.strength >= 1
    assert [p.sort_key() for p in paths] == sorted(p.sort_key() for p in paths)


@settings(max_examples=300, deadline=None)
@given(account_graphs(), st.integers(1, 6), st.data())
def test_the_one_best_path_is_the_first_of_all_paths(
    g: Any, max_hops: int, data: st.DataObject
) -> None:
    """first = 1 searches the shortest paths only (what reach and plays ask for): the
    same path as the first of every path up to max_hops, from any member or from one."""
    if not g.people:
        return
    target = data.draw(st.sampled_from(sorted(g.people)))
    source = data.draw(st.sampled_from([None, "m0", "m1", "m2"]))
    every = warm_paths(g, target, as_of=AS_OF, cadence=CADENCE, source=source,
                       max_hops=max_hops, first=10_000)  # fmt: skip
    best = warm_paths(g, target, as_of=AS_OF, cadence=CADENCE, source=source,
                      max_hops=max_hops, first=1)  # fmt: skip
    assert best == every[:1]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 500).map(lambda h: h or None), max_size=4),
    st.lists(st.tuples(st.sampled_from(["PER_TEAM", "PER_SEAT"]), st.floats(0, 1e5)), max_size=3),
    st.data(),
)
def test_whitespace_totals_equal_the_sum_of_cells(
    headcounts: list[int | None], prices: list[tuple[str, float]], data: st.DataObject
) -> None:
    teams = [{"id": f"t{i}", "headcount": h} for i, h in enumerate(headcounts)]
    products = [{"id": f"p{i}", "pricing": k, "listPrice": v} for i, (k, v) in enumerate(prices)]
    keys = [(t["id"], p["id"]) for t in teams for p in products]
    uses = [{"teamId": t, "productId": p, "status": data.draw(st.sampled_from(["DEPLOYED", "PILOT"])),
             "arr": data.draw(st.floats(0, 1e6))}
            for t, p in (data.draw(st.lists(st.sampled_from(keys), unique=True)) if keys else [])]  # fmt: skip
    opps = [{"teamId": t, "productId": p, "amount": data.draw(st.floats(0, 1e6)),
             "probability": data.draw(st.floats(0, 1))}
            for t, p in (data.draw(st.lists(st.sampled_from(keys))) if keys else [])]  # fmt: skip
    w = whitespace(teams, products, uses, opps)
    assert len(w.cells) == len(teams) * len(products)
    by = {
        s: sum(c.value for c in w.cells if c.status in s)
        for s in (("DEPLOYED", "PILOT"), ("IN_PIPELINE",), ("WHITESPACE",))
    }
    assert math.isclose(
        w.totals.deployed_arr, by[("DEPLOYED", "PILOT")], rel_tol=1e-9, abs_tol=1e-6
    )
    assert math.isclose(w.totals.pipeline_amount, by[("IN_PIPELINE",)], rel_tol=1e-9, abs_tol=1e-6)
    assert math.isclose(
        w.totals.whitespace_estimate, by[("WHITESPACE",)], rel_tol=1e-9, abs_tol=1e-6
    )
    assert math.isclose(
        w.totals.weighted_pipeline,
        sum(c.weighted_value for c in w.cells),
        rel_tol=1e-9,
        abs_tol=1e-6,
    )
    assert math.isclose(
        sum(t.whitespace_estimate for t in w.by_team.values()),
        w.totals.whitespace_estimate,
        rel_tol=1e-9,
        abs_tol=1e-6,
    )


@settings(max_examples=200, deadline=None)
@given(account_graphs(), st.data())
def test_engaging_anyone_only_closes_gaps_and_holds_says_which(g: Any, data: st.DataObject) -> None:
    """Plays read the gaps closed off the gaps before (`holds`): that is exact only if
    engaging one more person never opens a gap. On any graph, for anyone not engaged:
    the gaps after are those before that still hold, in the same order."""
    before = cov.coverage(g, AS_OF, CADENCE)
    assert before.tally is not None
    assert all(cov.holds(before.tally, gap) for gap in before.gaps)
    idle = [p for pid, p in g.people.items() if before.engagement[pid] < 3]
    if not idle:
        return
    after = before.tally.engaging(g, data.draw(st.sampled_from(idle)))
    assert list(cov.gaps_of(g, after)) == [gap for gap in before.gaps if cov.holds(after, gap)]

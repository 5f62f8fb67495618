"""Every rule of domain.md §2-§9 on small hand-built graphs, expected answers worked out
in the comments. Pure functions: no database needed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from samgraph.analyses import coverage as cov
from samgraph.analyses.cadence import decay, engagement
from samgraph.analyses.influence import influence_scores
from samgraph.analyses.paths import warm_paths
from samgraph.analyses.scores import renewal, strategic_score, tier
from samgraph.analyses.whitespace import whitespace
from samgraph.common import Band, FunctionGroup, GapCode, Severity
from samgraph.config import DEFAULT_CADENCE_DAYS as CADENCE
from samgraph.config import DEFAULT_SCORE_WEIGHTS as WEIGHTS
from tests.analyses.builders import AS_OF, graph, knows, person

D = dt.timedelta


# §2 cadence and decay ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "effective", "overdue"),
    [
        (0, 4, False),
        (30, 4, False),  # exactly one cadence period: not overdue, nothing missed
        (31, 4, True),  # overdue, floor((31-30)/30) = 0 missed
        (59, 4, True),  # floor(29/30) = 0
        (60, 3, True),  # exactly two periods: floor(30/30) = 1 missed
        (89, 3, True),  # floor(59/30) = 1
        (90, 2, True),  # floor(60/30) = 2
        (300, 0, True),  # floor(270/30) = 9 missed, max(0, 4-9) = 0
    ],
)
def test_vp_decay_boundaries(days: int, effective: int, overdue: bool) -> None:
    d = decay(4, AS_OF - D(days=days), "VP", AS_OF, CADENCE)
    assert (d.effective, d.overdue, d.days_since) == (effective, overdue, days)
    assert d.next_due == AS_OF - D(days=days) + D(days=30)


def test_ic_decay_at_one_and_two_periods() -> None:
    # IC cadence 7: 7 days -> not overdue; 14 days -> floor(7/7) = 1 missed; 21 -> 2.
    assert decay(3, AS_OF - D(days=7), "IC", AS_OF, CADENCE).effective == 3
    assert decay(3, AS_OF - D(days=14), "IC", AS_OF, CADENCE).effective == 2
    assert decay(3, AS_OF - D(days=21), "IC", AS_OF, CADENCE).effective == 1


def test_no_last_contact_keeps_strength_and_is_overdue() -> None:
    d = decay(5, None, "C_LEVEL", AS_OF, CADENCE)
    assert (d.effective, d.overdue, d.days_since, d.next_due) == (5, True, None, None)


def test_engagement_is_the_best_edge() -> None:
    # s known by m1 at 2 (fresh) and m2 at 5 but 180 days stale for a C_LEVEL:
    # floor((180-90)/90) = 1 missed -> 4. Max(2, 4) = 4. t: nobody -> 0.
    g = graph([person("s", "C_LEVEL"), person("t")],
              [knows("m1", "s", 2), knows("m2", "s", 5, 180)])  # fmt: skip
    assert engagement(g, AS_OF, CADENCE) == {"s": 4, "t": 0}


# §3 coverage ------------------------------------------------------------------------


def test_no_team_and_no_function_group_count_as_adjacent() -> None:
    g = graph([person("a", "DIRECTOR"), person("b", "MANAGER", team="t", group=None)],
              [knows("m", "a", 3), knows("m", "b", 3)])  # fmt: skip
    c = cov.coverage(g, AS_OF, CADENCE)
    covered = {(x.band, x.group) for x in c.cells if x.covered}
    # 2 cells of 9: round(22.2) = 22.
    assert covered == {("DIRECTOR", "ADJACENT"), ("STAFF", "ADJACENT")} and c.score == 22


@pytest.mark.parametrize(
    ("cells", "score"), [(0, 0), (1, 11), (2, 22), (4, 44), (5, 56), (7, 78), (8, 89), (9, 100)]
)
def test_score_rounding(cells: int, score: int) -> None:
    # 100*5/9 = 55.6 -> 56, 100*4/9 = 44.4 -> 44, 100*8/9 = 88.9 -> 89.
    assert cov.score_of(cells) == score


def test_full_three_by_three_and_counts() -> None:
    seniorities = {"EXECUTIVE": "C_LEVEL", "DIRECTOR": "DIRECTOR", "STAFF": "IC"}
    people, edges = [], []
    for b, sen in seniorities.items():
        for g in cov.GROUPS:
            pid = f"{b}-{g}"
            people.append(
                person(
                    pid, sen, team=g, group=g, role="CHAMPION" if pid == "STAFF-USING" else "NONE"
                )
            )
            edges.append(knows("m", pid, 4 if sen == "C_LEVEL" else 3))
    c = cov.coverage(
        graph(
            people,
            edges,
            reports=[("DIRECTOR-USING", "EXECUTIVE-USING"), ("STAFF-USING", "DIRECTOR-USING")],
        ),
        AS_OF,
        CADENCE,
    )
    # 9 engaged, 3 strong (the C_LEVELs at 4); champion STAFF-USING has backups on its
    # team (STAFF-USING's team "USING" holds DIRECTOR-USING and EXECUTIVE-USING).
    assert (c.score, c.three_by_three, c.mapped_count, c.engaged_count, c.strong_count) == (
        100,
        True,
        9,
        9,
        3,
    )
    assert c.gaps == ()


def test_gap_rules_and_their_order() -> None:
    g = graph(
        [
            person(
                "vp", "VP", team="t", group="BUYING", role="ECONOMIC_BUYER", sentiment="DETRACTOR"
            ),
            person("cfo", "C_LEVEL", role="ECONOMIC_BUYER", sentiment="DETRACTOR"),
            person("ch", "DIRECTOR", role="CHAMPION", sentiment="ADVOCATE"),
        ],
        [knows("m", "vp", 5), knows("m", "ch", 4), knows("m", "cfo", 2)],
    )
    c = cov.coverage(g, AS_OF, CADENCE)
    # Engaged: vp, ch = 2 -> SINGLE_THREADED and BELOW_TARGET; the only C_LEVEL is at 2:
    # NO_EXECUTIVE_ENGAGED (a VP does not count); ch has no one within org distance 2.
    assert [
        (x.code, x.severity, x.stakeholder_id) for x in c.gaps if x.code != "UNCOVERED_CELL"
    ] == [
        ("NO_EXECUTIVE_ENGAGED", "CRITICAL", None),
        ("CHAMPION_WITHOUT_BACKUP", "HIGH", "ch"),
        ("SINGLE_THREADED", "HIGH", None),
        ("DETRACTOR_ECONOMIC_BUYER", "HIGH", "cfo"),
        ("DETRACTOR_ECONOMIC_BUYER", "HIGH", "vp"),
        ("BELOW_TARGET", "MEDIUM", None),
    ]
    # 2 covered cells -> 7 UNCOVERED_CELL gaps, in band then group order.
    assert len([x for x in c.gaps if x.code == "UNCOVERED_CELL"]) == 7
    assert c.gaps[-1] == cov.Gap(GapCode.UNCOVERED_CELL, Severity.LOW, band=Band.STAFF,
                                 group=FunctionGroup.ADJACENT)  # fmt: skip


def test_single_threaded_and_below_target_thresholds() -> None:
    def engaged(n: int) -> cov.Coverage:
        people = [person(f"p{i}", role="CHAMPION" if i == 0 else "NONE") for i in range(9)]
        return cov.coverage(
            graph(people, [knows("m", f"p{i}", 3) for i in range(n)]), AS_OF, CADENCE
        )

    def codes(c: cov.Coverage) -> set[str]:
        return {g.code for g in c.gaps}

    assert "SINGLE_THREADED" in codes(engaged(2)) and "SINGLE_THREADED" not in codes(engaged(3))
    assert "BELOW_TARGET" in codes(engaged(7)) and "BELOW_TARGET" not in codes(engaged(8))
    assert "NO_CHAMPION" not in codes(engaged(1))
    assert "NO_CHAMPION" in codes(cov.coverage(graph([person("x")]), AS_OF, CADENCE))


# §4 champion backups ---------------------------------------------------------------


def test_backup_distance_rules() -> None:
    # boss <- champ <- rep; boss <- peer (peer: distance 2); boss <- peer <- far (3: out);
    # mate: no reporting line but same team (1); bad: near but DETRACTOR; weak: engagement 2.
    people = [
        person("champ", "DIRECTOR", team="t1", role="CHAMPION", sentiment="ADVOCATE"),
        person("boss", "VP", sentiment="NEUTRAL"),
        person("rep", "IC", sentiment="ADVOCATE"),
        person("peer", "DIRECTOR", sentiment="ADVOCATE"),
        person("far", "IC", sentiment="ADVOCATE"),
        person("mate", "MANAGER", team="t1", sentiment="ADVOCATE"),
        person("bad", "IC", sentiment="DETRACTOR"),
        person("weak", "IC", sentiment="ADVOCATE"),
    ]
    reports = [("champ", "boss"), ("rep", "champ"), ("peer", "boss"), ("far", "peer"),
               ("bad", "champ"), ("weak", "champ")]  # fmt: skip
    edges = [knows("m", p["id"], 4) for p in people if p["id"] != "weak"] + [knows("m", "weak", 2)]
    g = graph(people, edges, reports)
    (ch,) = cov.champion_backups(g, engagement(g, AS_OF, CADENCE))
    # All ADVOCATE at 4 first, by seniority: peer (DIRECTOR), mate (MANAGER), rep (IC);
    # then NEUTRAL boss (VP outranks them but sentiment comes first).
    assert [(b.person.id, b.distance) for b in ch.backups] == [
        ("peer", 2),
        ("mate", 1),
        ("rep", 1),
        ("boss", 1),
    ]


def test_backup_ties_by_name_then_id() -> None:
    people = [person("c", "DIRECTOR", team="t", role="CHAMPION"),
              person("z2", "IC", team="t", name="Ann"), person("z1", "IC", team="t", name="Ann"),
              person("a9", "IC", team="t", name="Bob")]  # fmt: skip
    g = graph(people, [knows("m", p["id"], 3) for p in people])
    (ch,) = cov.champion_backups(g, engagement(g, AS_OF, CADENCE))
    assert [b.person.id for b in ch.backups] == ["z1", "z2", "a9"]


def test_score_if_lost_recomputes_without_the_champion() -> None:
    # Two engaged people in different cells: 2 cells = 22; without the champion: 1 = 11.
    g = graph([person("c", "DIRECTOR", role="CHAMPION"), person("x", "VP")],
              [knows("m", "c", 3), knows("m", "x", 3)])  # fmt: skip
    (ch,) = cov.coverage(g, AS_OF, CADENCE).champions
    assert ch.score_if_lost == 11 and not ch.has_backup


# §5 warm paths ----------------------------------------------------------------------


def test_parallel_links_keep_the_strongest() -> None:
    # a-b linked by REPORTS_TO (3), INFLUENCES a->b (2) and b->a (5): link = 5.
    g = graph([person("a"), person("b")], [knows("m", "a", 4)],
              reports=[("a", "b")], influences=[("a", "b", 2), ("b", "a", 5)])  # fmt: skip
    (p,) = warm_paths(g, "b", as_of=AS_OF, cadence=CADENCE)
    assert p.nodes == ("m", "a", "b") and [link.strength for link in p.links] == [4, 5]
    assert p.links[1].kind == "INFLUENCES" and (p.weakest_link, p.total_strength) == (4, 9)


def test_path_order_hops_weakest_total_then_ids() -> None:
    # Target t. m1 knows t at 1 (1 hop). m2 -> x -> t: links 3, 3. m3 -> y -> t: 3, 3
    # (tie with m2's path on hops, weakest, total: ids decide, m2 < m3). m4 -> z -> t: 5, 2.
    people = [person(p) for p in ("t", "x", "y", "z")]
    g = graph(people, [knows("m1", "t", 1), knows("m2", "x", 3), knows("m3", "y", 3), knows("m4", "z", 5)],
              influences=[("x", "t", 3), ("y", "t", 3), ("z", "t", 2)])  # fmt: skip
    paths = warm_paths(g, "t", as_of=AS_OF, cadence=CADENCE, first=5)
    assert [p.nodes for p in paths] == [
        ("m1", "t"),
        ("m2", "x", "t"),
        ("m3", "y", "t"),
        ("m4", "z", "t"),
    ]
    assert [p.nodes for p in warm_paths(g, "t", as_of=AS_OF, cadence=CADENCE, first=2)] == [
        ("m1", "t"),
        ("m2", "x", "t"),
    ]


def test_paths_pass_only_through_stakeholders_within_max_hops() -> None:
    # m2 knows a and b, but a path may not pass through m2: m1 -> a -> m2 -> b is not allowed.
    g = graph([person("a"), person("b"), person("c")],
              [knows("m1", "a", 3), knows("m2", "a", 3), knows("m2", "b", 3)],
              reports=[("b", "c")])  # fmt: skip
    assert [p.nodes for p in warm_paths(g, "b", as_of=AS_OF, cadence=CADENCE)] == [("m2", "b")]
    # Decayed to 0 (IC, 35 days: floor(28/7) = 4 missed >= 3): the edge is absent.
    g2 = graph([person("a")], [knows("m", "a", 3, 35)])
    assert warm_paths(g2, "a", as_of=AS_OF, cadence=CADENCE) == []
    # c is 2 hops from m2 (m2 -> b -> c); with maxHops 1 there is none, `from` filters.
    assert warm_paths(g, "c", as_of=AS_OF, cadence=CADENCE, max_hops=1) == []
    assert warm_paths(g, "c", as_of=AS_OF, cadence=CADENCE, source="m1") == []


# §6 influence map -------------------------------------------------------------------


def test_pagerank_with_dangling_nodes() -> None:
    # a REPORTS_TO b (a -> b, weight 3); c isolated. b and c are dangling (spread evenly).
    # p_a = p_c = 0.05 + 0.85 (p_b + p_c) / 3 and p_b = 1 - 2 p_a give p_a = 1 / 3.85.
    g = graph([person("a"), person("b"), person("c")], reports=[("a", "b")])
    scores = {s.stakeholder_id: (s.score, s.rank) for s in influence_scores(g)}
    assert scores["a"][0] == pytest.approx(1 / 3.85, abs=1e-8)
    assert scores["b"][0] == pytest.approx(1.85 / 3.85, abs=1e-8)
    # a and c tie: rank by id.
    assert {k: v[1] for k, v in scores.items()} == {"b": 1, "a": 2, "c": 3}


def test_influence_direction_and_parallel_weights_add() -> None:
    # r REPORTS_TO m gives r -> m (3); m INFLUENCES r gives r -> m (2): parallel edges
    # add to 5. All importance flows to m, which ranks first.
    from samgraph.analyses.influence import importance_graph

    g = graph([person("r"), person("m")], reports=[("r", "m")], influences=[("m", "r", 2)])
    assert importance_graph(g).get_edge_data("r", "m") == {"weight": 5.0}
    top = influence_scores(g)[0]
    assert top.stakeholder_id == "m" and top.rank == 1


def test_empty_account_has_an_empty_map() -> None:
    assert influence_scores(graph([])) == []


# §7 whitespace ----------------------------------------------------------------------


def test_whitespace_statuses_and_unknown_headcount() -> None:
    teams: list[dict[str, Any]] = [{"id": "t1", "headcount": 10}, {"id": "t2"}]
    products = [{"id": "seat", "pricing": "PER_SEAT", "listPrice": 100.0},
                {"id": "team", "pricing": "PER_TEAM", "listPrice": 1000.0}]  # fmt: skip
    uses = [{"teamId": "t1", "productId": "team", "status": "PILOT", "arr": 50.0}]
    opps = [
        {"teamId": "t1", "productId": "team", "amount": 999.0, "probability": 1.0},  # PILOT wins
        {"teamId": "t2", "productId": "team", "amount": 300.0, "probability": 0.5},
        {"teamId": "t2", "productId": "team", "amount": 200.0, "probability": 0.25},
    ]
    w = whitespace(teams, products, uses, opps)
    cells = {(c.team_id, c.product_id): (c.status, c.value, c.weighted_value) for c in w.cells}
    assert cells == {
        ("t1", "seat"): ("WHITESPACE", 1000.0, 0.0),  # 100 x 10 seats
        ("t1", "team"): ("PILOT", 50.0, 0.0),
        ("t2", "seat"): ("WHITESPACE", 0.0, 0.0),  # headcount unknown: 0
        ("t2", "team"): ("IN_PIPELINE", 500.0, 200.0),  # 300 + 200; 150 + 50
    }
    assert (w.totals.deployed_arr, w.totals.pipeline_amount, w.totals.weighted_pipeline,
            w.totals.whitespace_estimate) == (50.0, 500.0, 200.0, 1000.0)  # fmt: skip
    assert (
        w.by_team["t2"].pipeline_amount == 500.0
        and w.by_product["seat"].whitespace_estimate == 1000.0
    )


# §8 and §9 --------------------------------------------------------------------------


def test_strategic_score_missing_inputs_and_tier_boundaries() -> None:
    # Only strategicFit 10 and currentRevenue 8: (15*10 + 25*8) / 10 = 35.
    assert (
        strategic_score({"strategicFit": 10, "currentRevenue": 8, "marketInfluence": None}, WEIGHTS)
        == 35.0
    )
    assert [tier(s, 70, 50) for s in (70, 69.9, 50, 49.9)] == [
        "STRATEGIC",
        "KEY",
        "KEY",
        "STANDARD",
    ]


def test_renewal_milestones() -> None:
    r = dt.date(2026, 6, 30)
    assert renewal(r, r - D(days=181)).milestone is None  # before day 180
    assert renewal(r, r - D(days=150)).milestone.name == "EXECUTIVE_ALIGNMENT"  # type: ignore[union-attr]
    assert renewal(r, r - D(days=149)).milestone.name == "EXECUTIVE_ALIGNMENT"  # type: ignore[union-attr]
    past = renewal(r, r + D(days=10))  # renewal date passed
    assert (past.milestone.name, past.days_to_renewal) == ("RENEWAL", -10)  # type: ignore[union-attr]
    none = renewal(None, r)
    assert (none.milestone, none.days_to_renewal) == (None, None)

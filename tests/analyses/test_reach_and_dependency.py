"""§13 reachable whitespace and §14 member dependency: the §12 figures through the API,
and the rules on small cases with the arithmetic in comments."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samgraph.analyses.coverage import coverage
from samgraph.analyses.dependency import member_dependency
from samgraph.analyses.graph import AccountGraph
from samgraph.analyses.reach import door, reachable_whitespace
from samgraph.analyses.whitespace import whitespace
from samgraph.config import DEFAULT_CADENCE_DAYS
from samgraph.db.driver import Db
from samgraph.demo.generate import generate
from tests.conftest import gql, plain_ids
from tests.factories import load

AS_OF = "2026-01-20"


async def test_reachable_whitespace_of_the_worked_example(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    body = await gql(
        client,
        """query($d: Date) { account(id: "gfc", asOf: $d) {
      reachableWhitespace { teams { teamId door { id } reach wayIn { weakestLink nodes { id } } }
        cells { teamId productId status value reachableValue }
        totals { reachableWhitespace reachablePipeline } } } }""",
        d=AS_OF,
    )
    assert "errors" not in body, body
    r = plain_ids(body["data"]["account"]["reachableWhitespace"])  # the dated root dates ids
    # §12: doors and reach by team id. gfc-data has no economic buyer or business owner:
    # its most senior person, dpark (DIRECTOR); Maria knows him at 4 -> reach 4/5 = 0.8.
    # lthompson: Tom at effective 2 -> 0.4. sjohnson: Maria at 3 -> 0.6. rmartinez: nobody
    # knows him; Maria -> sjohnson -> rmartinez, weakest 3 -> 0.6. jwu: Maria at 4 -> 0.8.
    assert [(t["teamId"], [d["id"] for d in t["door"]], t["reach"]) for t in r["teams"]] == [
        ("gfc-data", ["dpark"], 0.8), ("gfc-fin", ["lthompson"], 0.4),
        ("gfc-ops", ["sjohnson"], 0.6), ("gfc-pay", ["rmartinez"], 0.6),
        ("gfc-tech", ["jwu"], 0.8)]  # fmt: skip
    pay = next(t for t in r["teams"] if t["teamId"] == "gfc-pay")
    assert [n["id"] for n in pay["wayIn"]["nodes"]] == ["mrodriguez", "sjohnson", "rmartinez"]
    assert r["totals"] == {"reachableWhitespace": 1_192_800.0, "reachablePipeline": 336_000.0}
    for cell in r["cells"]:
        if cell["status"] in ("DEPLOYED", "PILOT"):
            assert cell["reachableValue"] is None
    # Operations x Advanced Analytics: 1,080,000 whitespace x 0.6 = 648,000.
    ops = next(c for c in r["cells"] if c["teamId"] == "gfc-ops" and c["productId"] == "adv")
    assert ops["value"] == 1_080_000.0 and ops["reachableValue"] == pytest.approx(648_000.0)


async def test_member_dependency_of_the_worked_example(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    body = await gql(client, """query($d: Date) { account(id: "gfc", asOf: $d) {
      memberDependency { member { id } engagedThrough soleEngaged { id } coverageIfLeaves } } }""",
                     d=AS_OF)  # fmt: skip
    rows = plain_ids(body["data"]["account"]["memberDependency"])  # the dated root dates ids
    # §12: Maria holds all four engaged people alone (coverage without her: 0), Tom none
    # (his only edge, lthompson, is at effective 2; without him coverage stays 33).
    assert rows == [
        {"member": {"id": "mrodriguez"}, "engagedThrough": 4,
         "soleEngaged": [{"id": "dpark"}, {"id": "jwu"}, {"id": "mchen"}, {"id": "sjohnson"}],
         "coverageIfLeaves": 0},
        {"member": {"id": "vpsales"}, "engagedThrough": 0, "soleEngaged": [],
         "coverageIfLeaves": 33},
    ]  # fmt: skip


def _graph(people: list[dict[str, Any]], knows: list[dict[str, Any]] | None = None) -> AccountGraph:
    return AccountGraph.from_row("a", {"people": people, "knows": knows or []})


def test_doors_climb_to_the_parent_team() -> None:
    g = _graph([
        {"id": "ceo", "teamId": "top", "seniority": "C_LEVEL"},
        {"id": "vp1", "teamId": "mid", "seniority": "VP"},
        {"id": "vp2", "teamId": "mid", "seniority": "VP"},
        {"id": "ic", "teamId": "mid", "seniority": "IC"},
        {"id": "bo", "teamId": "side", "seniority": "IC", "buyingRole": "BUSINESS_OWNER"},
        {"id": "boss", "teamId": "side", "seniority": "C_LEVEL"},
    ])  # fmt: skip
    parents = {"top": None, "mid": "top", "empty": "mid", "lost": "nowhere", "side": None}
    assert door(g, "mid", parents) == ("vp1", "vp2")  # both share the top seniority
    assert door(g, "empty", parents) == ("vp1", "vp2")  # nobody active: the parent's door
    assert door(g, "side", parents) == ("bo",)  # a business owner beats seniority
    assert door(g, "lost", parents) == ()  # nobody up the chain


def test_a_member_with_no_engaged_contacts() -> None:
    # Ann knows x at 5 (contacted on the day: effective 5); Bob knows x at 2 and y at 1.
    day = dt.date(2026, 1, 20)
    g = _graph(
        [{"id": "x", "seniority": "VP"}, {"id": "y", "seniority": "VP"}],
        [{"memberId": "ann", "stakeholderId": "x", "strength": 5, "lastContact": day},
         {"memberId": "bob", "stakeholderId": "x", "strength": 2, "lastContact": day},
         {"memberId": "bob", "stakeholderId": "y", "strength": 1, "lastContact": day}],
    )  # fmt: skip
    rows = {r.member_id: r for r in member_dependency(g, day, DEFAULT_CADENCE_DAYS)}
    assert rows["bob"].engaged_through == 0 and rows["bob"].sole_engaged == ()
    # Without Ann, x falls to 2 (Bob's): not engaged; the one covered cell
    # (EXECUTIVE x ADJACENT) goes: coverage round(100 x 1/9) = 11 -> 0.
    assert rows["ann"].sole_engaged == ("x",) and rows["ann"].coverage_if_leaves == 0
    assert rows["bob"].coverage_if_leaves == 11


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["m1", "m2", "m3"]), st.integers(0, 5),
                          st.integers(1, 5), st.integers(0, 200)), max_size=12))  # fmt: skip
def test_dependency_properties(edges: list[tuple[str, int, int, int]]) -> None:
    day = dt.date(2026, 1, 20)
    people = [{"id": f"s{i}", "seniority": s, "teamId": None}
              for i, s in enumerate(["C_LEVEL", "VP", "DIRECTOR", "MANAGER", "IC", "VP"])]  # fmt: skip
    knows = {(m, f"s{p}"): {"memberId": m, "stakeholderId": f"s{p}", "strength": st_,
                            "lastContact": day - dt.timedelta(days=ago)}
             for m, p, st_, ago in edges}  # fmt: skip
    g = _graph(people, list(knows.values()))
    cov = coverage(g, day, DEFAULT_CADENCE_DAYS)
    engaged = {p for p, e in cov.engagement.items() if e >= 3}
    for row in member_dependency(g, day, DEFAULT_CADENCE_DAYS):
        assert row.coverage_if_leaves <= cov.score  # leaving never adds coverage
        assert set(row.sole_engaged) <= engaged  # soleEngaged is a subset of engaged
        assert len(row.sole_engaged) <= row.engaged_through


def _generated(seed: int, people: int) -> tuple[AccountGraph, list[dict[str, Any]], Any]:
    """One generated account (samgraph.demo.generate) as the analyses see it."""
    b = generate(accounts=1, stakeholders_per_account=people, seed=seed)
    teams = b["teams"]
    groups = {t["id"]: t.get("functionGroup") for t in teams}
    active = [dict(p, functionGroup=groups.get(p.get("teamId"))) for p in b["stakeholders"]
              if p.get("status", "ACTIVE") == "ACTIVE"]  # fmt: skip
    ids = {p["id"] for p in active}
    row = {
        "people": active,
        "knows": [{**k, "lastContact": dt.date.fromisoformat(k["lastContact"])}
                  for k in b["relationships"] if k["stakeholderId"] in ids],
        "reports": [{"from": p["id"], "to": p["managerId"]} for p in active if p.get("managerId") in ids],
        "influences": [{"from": i["fromId"], "to": i["toId"], "weight": i["weight"]}
                       for i in b.get("influences", []) if i["fromId"] in ids and i["toId"] in ids],
    }  # fmt: skip
    uses = [{"teamId": d["teamId"], "productId": d["productId"], "status": d["status"], "arr": d.get("arr")}
            for d in b.get("deployments", [])]  # fmt: skip
    opps = [o for o in b.get("opportunities", []) if o.get("status") == "OPEN"]
    grid = whitespace(teams, b["products"], uses, opps)
    return AccountGraph.from_row("a", row), teams, grid


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(5, 40), st.integers(1, 6))
def test_reach_properties(seed: int, people: int, max_hops: int) -> None:
    graph, teams, grid = _generated(seed, people)
    day = dt.date(2026, 1, 20)
    r = reachable_whitespace(graph, teams, grid, day, DEFAULT_CADENCE_DAYS, max_hops=max_hops)
    assert all(0 <= t.reach <= 1 for t in r.teams)
    for t in r.teams:  # reach is the way in's weakest link out of 5, within maxHops
        if t.way_in is not None:
            assert t.reach == t.way_in.weakest_link / 5 and t.way_in.hops <= max_hops
    # Reach only ever discounts: reachable totals never exceed the whitespace's.
    assert r.reachable_whitespace <= grid.totals.whitespace_estimate + 1e-6
    assert r.reachable_pipeline <= grid.totals.pipeline_amount + 1e-6

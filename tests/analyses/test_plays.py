"""Plays (domain §17): the worked example's three plays through GraphQL, the rules with
their arithmetic, and properties over generated accounts."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

import httpx
from hypothesis import given, settings

from samgraph.analyses import coverage as cov
from samgraph.analyses import reach as reach_mod
from samgraph.analyses import service as analyses
from samgraph.analyses.graph import AccountGraph, Knows
from samgraph.analyses.plays import INTRODUCE_STRENGTH, Play, plays
from samgraph.analyses.whitespace import whitespace
from samgraph.auth.principal import SYSTEM, Principal
from samgraph.cli import DEMO_BUNDLE
from samgraph.common import PlayKind, Role
from samgraph.config import DEFAULT_CADENCE_DAYS as CADENCE
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.db.scope import Scope
from samgraph.demo.generate import generate
from samgraph.demo.shift import shifted
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshots
from samgraph.snapshots import stored
from tests.analyses.builders import AS_OF as DAY
from tests.analyses.builders import graph, knows, person
from tests.analyses.test_properties import account_graphs
from tests.analyses.test_worked_example import AS_OF, IMPORT, gfc  # noqa: F401 (a fixture)
from tests.conftest import api_key, app_client, gql, settings_for_tests
from tests.factories import load

SETTINGS = settings_for_tests()

PLAY = """kind stakeholder { id } member { id }
  path { hops weakestLink totalStrength nodes { id } }
  scoreGain reachGain gapsClosed { code severity stakeholderId band group }"""


async def test_the_worked_example_has_three_plays_in_order(gfc: httpx.AsyncClient) -> None:  # noqa: F811
    body = await gql(gfc, f'query($d: Date) {{ account(id: "gfc") {{ plays(asOf: $d) {{ {PLAY} }} }} }}', d=AS_OF)  # fmt: skip
    assert "errors" not in body, body
    plays = body["data"]["account"]["plays"]
    uncovered = {"code": "UNCOVERED_CELL", "severity": "LOW", "stakeholderId": None}
    assert plays == [
        # 1. Alex Kim: Maria's strength-3 edge, 31 days: floor((31 - 7) / 7) = 3 periods
        # missed, effective 0. Reconnected, he is engaged at 3: STAFF/USING is covered,
        # 3 -> 4 covered cells: round(100 x 4 / 9) = 44, from round(100 x 3 / 9) = 33.
        {"kind": "RECONNECT", "stakeholder": {"id": "akim"}, "member": {"id": "mrodriguez"},
         "path": None, "scoreGain": 11, "reachGain": 0.0,
         "gapsClosed": [{**uncovered, "band": "STAFF", "group": "USING"}]},
        # 2. Robert Martinez: nobody knows him; Maria -> Sarah Johnson (KNOWS, effective
        # 3) -> Robert (REPORTS_TO, 3): 2 hops, weakest 3, total 6. EXECUTIVE/ADJACENT
        # covered: +11. Payments' way in already had weakest link 3: reach unchanged.
        {"kind": "INTRODUCE", "stakeholder": {"id": "rmartinez"}, "member": {"id": "mrodriguez"},
         "path": {"hops": 2, "weakestLink": 3, "totalStrength": 6,
                  "nodes": [{"id": "mrodriguez"}, {"id": "sjohnson"}, {"id": "rmartinez"}]},
         "scoreGain": 11, "reachGain": 0.0,
         "gapsClosed": [{**uncovered, "band": "EXECUTIVE", "group": "ADJACENT"}]},
        # 3. Lisa Thompson: Tom Becker's strength-2 edge (1 hop). At 3 she is engaged, but
        # EXECUTIVE/BUYING is covered already: +0, no gap. Finance's way in goes from
        # weakest link 2 to 3: reach 0.4 -> 0.6 on 294,000 of whitespace = +58,800.
        {"kind": "INTRODUCE", "stakeholder": {"id": "lthompson"}, "member": {"id": "vpsales"},
         "path": {"hops": 1, "weakestLink": 2, "totalStrength": 2,
                  "nodes": [{"id": "vpsales"}, {"id": "lthompson"}]},
         "scoreGain": 0, "reachGain": 58800.0, "gapsClosed": []},
    ]  # fmt: skip
    # `first` cuts the list.
    one = await gql(gfc, 'query($d: Date) { account(id: "gfc") { plays(asOf: $d, first: 1) { kind } } }', d=AS_OF)  # fmt: skip
    assert one["data"]["account"]["plays"] == [{"kind": "RECONNECT"}]


async def test_portfolio_plays_and_a_members_plays(gfc: httpx.AsyncClient) -> None:  # noqa: F811
    q = """query($d: Date, $m: ID) { plays(asOf: $d, memberId: $m, first: 2) {
        totalCount nodes { account { id } stakeholder { id } member { id } }
        pageInfo { hasNextPage endCursor } } }"""
    every = (await gql(gfc, q, d=AS_OF))["data"]["plays"]
    assert every["totalCount"] == 3 and every["pageInfo"]["hasNextPage"]
    assert [n["stakeholder"]["id"] for n in every["nodes"]] == ["akim", "rmartinez"]
    rest = await gql(gfc, """query($d: Date, $a: String) { plays(asOf: $d, first: 2, after: $a) {
        nodes { stakeholder { id } } pageInfo { hasNextPage } } }""", d=AS_OF,
        a=every["pageInfo"]["endCursor"])  # fmt: skip
    assert rest["data"]["plays"] == {"nodes": [{"stakeholder": {"id": "lthompson"}}],
                                     "pageInfo": {"hasNextPage": False}}  # fmt: skip
    toms = (await gql(gfc, q, d=AS_OF, m="vpsales"))["data"]["plays"]
    assert toms["totalCount"] == 1 and toms["nodes"] == [
        {"account": {"id": "gfc"}, "stakeholder": {"id": "lthompson"}, "member": {"id": "vpsales"}}
    ]


# Rules on hand-built graphs (tests/analyses/builders.py: asOf 2026-01-20, default
# cadence IC 7 days, MANAGER 7, DIRECTOR 14, VP 30, C_LEVEL 90). No teams or products:
# no whitespace, so reachGain is 0 throughout.
NO_GRID = whitespace([], [], [], [])


def _plays(g: AccountGraph) -> list[Play]:
    return plays(g, [], NO_GRID, DAY, CADENCE)


def test_reconnect_takes_the_strongest_decayed_edge_then_latest_then_member_id() -> None:
    # s (IC) is known by three members, all decayed: m2 at 4 (60 days: 53 // 7 = 7
    # periods missed: 0), m1 at 4 (30 days: 23 // 7 = 3 missed: 1), m0 at 3 (8 days:
    # 1 // 7 = 0 missed: 3 -> engaged!). m0 engages s already: no play.
    g = graph(
        [person("s")], [knows("m0", "s", 3, 8), knows("m1", "s", 4, 30), knows("m2", "s", 4, 60)]
    )
    assert _plays(g) == []
    # Without m0: m1 and m2 tie on strength 4; m1's contact (30 days ago) is the latest.
    g = graph([person("s")], [knows("m1", "s", 4, 30), knows("m2", "s", 4, 60)])
    (play,) = _plays(g)
    assert (play.kind, play.member_id, play.path, play.effort) == (
        PlayKind.RECONNECT,
        "m1",
        None,
        0,
    )
    # Same strength, same day: member id decides (m1 before m2).
    g = graph([person("s")], [knows("m2", "s", 4, 30), knows("m1", "s", 4, 30)])
    assert _plays(g)[0].member_id == "m1"


def test_introduce_when_no_edge_of_strength_3_and_none_without_a_path() -> None:
    # a: m0's strength-2 edge, fresh (effective 2: not engaged, and below 3: no
    # RECONNECT): INTRODUCE along the 1-hop path. b: reports to a (REPORTS_TO 3):
    # m0 -> a -> b, 2 hops, weakest link min(2, 3) = 2. c: nobody, no edge: no play.
    g = graph([person("a"), person("b"), person("c")], [knows("m0", "a", 2, 0)],
              reports=[("b", "a")])  # fmt: skip
    found = {p.stakeholder_id: p for p in _plays(g)}
    assert set(found) == {"a", "b"}
    assert found["a"].kind == PlayKind.INTRODUCE and found["a"].path.nodes == ("m0", "a")  # type: ignore[union-attr]
    assert found["b"].path.nodes == ("m0", "a", "b") and found["b"].effort == 2  # type: ignore[union-attr]


def test_a_play_that_closes_the_critical_gap_comes_first() -> None:
    # cx (C_LEVEL, decayed: strength 3, 200 days: 110 // 90 = 1 missed, effective 2)
    # and ic (IC, 200 days: 193 // 7 = 27 missed, 0). Engaging either covers one cell: +11 each. Only cx closes
    # NO_EXECUTIVE_ENGAGED (CRITICAL): cx first, whatever the ids.
    g = graph([person("ic", group="USING"), person("cx", "C_LEVEL", group="USING")],
              [knows("m0", "ic", 3, 200), knows("m0", "cx", 3, 200)])  # fmt: skip
    first, second = _plays(g)
    assert (first.stakeholder_id, second.stakeholder_id) == ("cx", "ic")
    assert first.score_gain == second.score_gain == 11
    assert first.gaps_closed[0].code == "NO_EXECUTIVE_ENGAGED"
    assert "NO_EXECUTIVE_ENGAGED" not in {g.code for g in second.gaps_closed}


def test_a_play_closes_champion_without_backup() -> None:
    # The champion (engaged, 4, fresh) has a teammate b who is not engaged (strength 3,
    # 40 days: 33 // 7 = 4 missed, 0): no backup. Reconnecting b (distance 1, same team,
    # NEUTRAL) gives the champion a backup: CHAMPION_WITHOUT_BACKUP closes.
    g = graph([person("ch", team="t", group="BUYING", role="CHAMPION"),
               person("b", team="t", group="BUYING")],
              [knows("m0", "ch", 4, 0), knows("m0", "b", 3, 40)])  # fmt: skip
    (play,) = _plays(g)
    assert play.stakeholder_id == "b"
    assert ("CHAMPION_WITHOUT_BACKUP", "ch") in {
        (g.code, g.stakeholder_id) for g in play.gaps_closed
    }
    # Same cell (STAFF/BUYING) as the champion: no score gain.
    assert play.score_gain == 0


def test_ties_fall_to_influence_rank_then_id() -> None:
    # x and y: same cell, same decayed edge: equal on gain, gap and effort. y sways x
    # (INFLUENCES y -> x), so importance flows x -> y and y ranks first (§6).
    g = graph([person("x"), person("y")], [knows("m0", "x", 3, 40), knows("m0", "y", 3, 40)],
              influences=[("y", "x", 5)])  # fmt: skip
    assert [p.stakeholder_id for p in _plays(g)] == ["y", "x"]
    g = graph([person("x"), person("y")], [knows("m0", "x", 3, 40), knows("m0", "y", 3, 40)])
    # No influence: equal PageRank, rank by id: x then y.
    assert [p.stakeholder_id for p in _plays(g)] == ["x", "y"]


@settings(max_examples=150, deadline=None)
@given(account_graphs())
def test_plays_never_lose_and_never_target_the_engaged(g: AccountGraph) -> None:
    before = cov.coverage(g, DAY, CADENCE)
    found = _plays(g)
    assert [p.sort_key() for p in found] == sorted(p.sort_key() for p in found)
    for p in found:
        # (reachGain may be negative: §13 takes the shortest way in, and a new direct
        # edge can be shorter and weaker than the way in it replaces.)
        assert p.score_gain >= 0
        assert before.engagement[p.stakeholder_id] < 3
        # One play per stakeholder.
    assert len({p.stakeholder_id for p in found}) == len(found)


async def test_todays_plays_are_kept_in_the_snapshot_and_equal_the_live_ones(db: Db) -> None:
    """The demo portfolio moved to today: after a refresh, each account's snapshot keeps
    its plays, and those read back (path names included) equal a live computation."""
    today = SETTINGS.today()
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), today))
    ctx = Context(db, SETTINGS, build_schema(SETTINGS))
    assert await snapshots.refresh(ctx) == 4
    ids = ["acme", "contoso", "gfc", "nwh"]
    kept = await stored.plays_of(Context(db, SETTINGS, build_schema(SETTINGS)), ids, today)
    assert sorted(kept) == ids
    assert sum(len(rows) for rows in kept.values()) > 0
    live = Context(db, SETTINGS, build_schema(SETTINGS))
    for account_id in ids:
        graph, computed = await analyses.account_plays(live, account_id=account_id, as_of=today)
        read = [analyses.play_of(text) for text in kept[account_id]]
        assert [p for p, _ in read] == computed
        assert [n for _, n in read] == [analyses.named(graph, p.path) if p.path else None for p in computed]  # fmt: skip
    # The portfolio trend's day counts them: openPlays is the sum over its snapshots.
    (day,) = await snapshots.portfolio_trend(live, start=today, end=today, member_id=None)
    assert day["openPlays"] == sum(len(rows) for rows in kept.values())


def _effect(graph: AccountGraph, member_id: str, stakeholder_id: str, strength: int | None,
            as_of: dt.date) -> AccountGraph:  # fmt: skip
    """The effect of a play as §17 states it: the graph with KNOWS(member, stakeholder)
    contacted on `as_of`, its strength kept (RECONNECT, strength None) or set
    (INTRODUCE: the pair's edge replaced). `plays` never builds it (it changes one
    engagement and one link instead): the reference the properties compare with."""
    kept = []
    for k in graph.knows:
        if k.member_id == member_id and k.stakeholder_id == stakeholder_id:
            strength = k.strength if strength is None else max(strength, k.strength)
            continue
        kept.append(k)
    name = next((k.member_name for k in graph.knows if k.member_id == member_id), "")
    kept.append(Knows(member_id, name, stakeholder_id, strength or INTRODUCE_STRENGTH, as_of))
    return replace(graph, knows=tuple(kept))


TEAMS: list[dict[str, Any]] = [{"id": "t1", "parentId": None}, {"id": "t2", "parentId": "t1"}]
GRID = whitespace(TEAMS, [{"id": "p", "pricing": "PER_TEAM", "listPrice": 1000.0}], [], [])


@settings(max_examples=150, deadline=None)
@given(account_graphs())
def test_the_reach_gain_of_one_edge_equals_a_whole_recomputation(g: AccountGraph) -> None:
    """Plays price reach by walking again only the teams near the stakeholder; the
    gain must equal §13 computed whole on the graph with the play's effect applied."""
    before = reach_mod.reachable_whitespace(g, TEAMS, GRID, DAY, CADENCE).reachable_whitespace
    for p in plays(g, TEAMS, GRID, DAY, CADENCE):
        strength = None if p.path is None else 3
        after_graph = _effect(g, p.member_id, p.stakeholder_id, strength, DAY)
        after = reach_mod.reachable_whitespace(after_graph, TEAMS, GRID, DAY, CADENCE)
        assert p.reach_gain == round(after.reachable_whitespace - before, 2), p


async def test_past_plays_are_priced_by_the_accounts_they_simulate(gfc: httpx.AsyncClient) -> None:  # noqa: F811
    # One account (gfc). On a past date: plays 1 + 1 account x SAMGRAPH_ANALYSIS_COST 100,
    # totalCount 1 (one item of its parent): 102. Today's come from snapshots: 1 + 1 = 2.
    past = await gql(gfc, '{ plays(asOf: "2026-01-20", first: 1) { totalCount } }')
    assert past["extensions"]["cost"] == 102
    today = await gql(gfc, "{ plays(first: 1) { totalCount } }")
    assert today["extensions"]["cost"] == 2
    # Account.plays on a past date: account 1, plays 1 + 100, kind 10 (a list of 10).
    one = await gql(gfc, '{ account(id: "gfc") { plays(asOf: "2026-01-20") { kind } } }')
    assert one["extensions"]["cost"] == 1 + 101 + 10


@settings(max_examples=150, deadline=None)
@given(account_graphs())
def test_the_score_and_gaps_of_a_play_equal_a_whole_recomputation(g: AccountGraph) -> None:
    """Plays change one stakeholder's engagement instead of rebuilding the graph: the
    score gain and gaps closed must equal §3 recomputed on the graph with the effect."""
    before = cov.coverage(g, DAY, CADENCE)
    for p in _plays(g):
        after = cov.coverage(_effect(g, p.member_id, p.stakeholder_id, None if p.path is None else 3, DAY), DAY, CADENCE)  # fmt: skip
        assert p.score_gain == after.score - before.score
        kept = set(after.gaps)
        assert list(p.gaps_closed) == [gap for gap in before.gaps if gap not in kept]


async def test_doing_each_play_through_the_api_wins_what_it_said(gfc: httpx.AsyncClient) -> None:  # noqa: F811
    """Each of the worked example's plays, done through the API on its own (the graph
    put back between them): the coverage score and the reachable whitespace of asOf
    move by exactly the play's scoreGain and reachGain, and the play is gone."""
    read = f"""query($d: Date) {{ account(id: "gfc") {{ coverage(asOf: $d) {{ score }}
        reachableWhitespace(asOf: $d) {{ totals {{ reachableWhitespace }} }}
        plays(asOf: $d) {{ {PLAY} }} }} }}"""
    link = """mutation($m: ID!, $s: ID!, $n: Int!, $d: Date) { linkKnows(memberId: $m,
        stakeholderId: $s, strength: $n, lastContact: $d) { strength } }"""
    start = (await gql(gfc, read, d=AS_OF))["data"]["account"]
    relationships = {(r["memberId"], r["stakeholderId"]): r for r in
                     (await gql(gfc, "{ exportBundle }"))["data"]["exportBundle"]["relationships"]}  # fmt: skip
    for play in start["plays"]:
        member, person = play["member"]["id"], play["stakeholder"]["id"]
        old = relationships.get((member, person))
        # RECONNECT keeps the edge's strength; INTRODUCE makes it 3 (the only edge here
        # is Tom Becker's strength 2 into Lisa Thompson).
        strength = 3
        if play["kind"] == "RECONNECT":
            assert old is not None, play  # a RECONNECT touches an edge that exists
            strength = old["strength"]
        await gql(gfc, link, m=member, s=person, n=strength, d=AS_OF)
        now = (await gql(gfc, read, d=AS_OF))["data"]["account"]
        assert now["coverage"]["score"] == start["coverage"]["score"] + play["scoreGain"]
        gained = (now["reachableWhitespace"]["totals"]["reachableWhitespace"]
                  - start["reachableWhitespace"]["totals"]["reachableWhitespace"])  # fmt: skip
        assert round(gained, 2) == play["reachGain"]
        assert person not in {p["stakeholder"]["id"] for p in now["plays"]}
        if old is None:
            await gql(gfc, """mutation($m: ID!, $s: ID!) { unlinkKnows(memberId: $m,
                stakeholderId: $s) { deleted } }""", m=member, s=person)  # fmt: skip
        else:
            await gql(gfc, link, m=member, s=person, n=old["strength"], d=old.get("lastContact"))
        back = (await gql(gfc, read, d=AS_OF))["data"]["account"]
        assert back["plays"] == start["plays"]


async def test_the_portfolios_plays_are_the_merge_of_each_accounts_list(db: Db) -> None:
    """Query.plays merges the accounts' own lists (each already in order) and decodes
    only a page: every page, walked by cursor, with and without a member, and from
    snapshots (today) or computed (a past day), equals one sort of every account's plays
    by §17's portfolio key (scoreGain desc, most severe gap closed, reachGain desc, the
    account's strategic score desc, account id, the account's own order)."""
    today = SETTINGS.today()
    bundle = generate(accounts=6, stakeholders_per_account=25, seed=7)
    await load(db, bundle)
    ctx = Context(db, SETTINGS, build_schema(SETTINGS))
    assert await snapshots.refresh(ctx) == 6
    account_q = """query($id: ID!, $d: Date) { account(id: $id) { id strategicScore
      plays(asOf: $d, first: 100) { stakeholder { id } member { id } scoreGain reachGain
        gapsClosed { severity } } } }"""
    page_q = """query($d: Date, $m: ID, $a: String) { plays(asOf: $d, memberId: $m, first: 7, after: $a) {
      totalCount pageInfo { hasNextPage endCursor } nodes { account { id } stakeholder { id } } } }"""
    severity = ["CRITICAL", "HIGH", "MEDIUM", "LOW"]
    async with app_client(SETTINGS, await api_key(db)) as c:
        for day in (today.isoformat(), "2026-11-01"):
            expected = []
            for a in bundle["accounts"]:
                acc = (await gql(c, account_q, id=a["id"], d=day))["data"]["account"]
                for order, p in enumerate(acc["plays"]):
                    severe = min(
                        (severity.index(g["severity"]) for g in p["gapsClosed"]), default=4
                    )
                    key = (
                        -p["scoreGain"],
                        severe,
                        -p["reachGain"],
                        -acc["strategicScore"],
                        acc["id"],
                        order,
                    )
                    expected.append((key, p["member"]["id"], (acc["id"], p["stakeholder"]["id"])))
            expected.sort()
            assert len(expected) > 20  # several pages of 7
            member = expected[0][1]
            for m in (None, member):
                want = [who for _, mem, who in expected if m is None or mem == m]
                got: list[tuple[str, str]] = []
                after = None
                while True:
                    body = await gql(c, page_q, d=day, m=m, a=after)
                    page = body["data"]["plays"]
                    assert page["totalCount"] == len(want), (day, m)
                    got += [(n["account"]["id"], n["stakeholder"]["id"]) for n in page["nodes"]]
                    if not page["pageInfo"]["hasNextPage"]:
                        break
                    after = page["pageInfo"]["endCursor"]
                assert got == want, (day, m)
                # A long first page reads each account's head (8 plays, and first/6 more)
                # and then deeper only where every play read made the page: 30 and 100
                # over 6 accounts read heads of 13 and 24, below the 31 and 101 bound.
                for first in (30, 100):
                    body = await gql(c, page_q.replace("first: 7", f"first: {first}"), d=day, m=m)
                    page = body["data"]["plays"]
                    nodes = [(n["account"]["id"], n["stakeholder"]["id"]) for n in page["nodes"]]
                    assert nodes == want[:first], (day, m, first)
                    assert page["pageInfo"]["hasNextPage"] == (len(want) > first)


async def test_the_play_index_pages_as_the_merge_does(db: Db) -> None:
    """Today's first page of Query.plays is a range of the play index (one PlayEntry per
    stored play, keyed in the portfolio's order) when every listed account's snapshot is
    fresh, in two reads. It must equal the merge of the accounts' own lists, which
    answers once an account is stale: for every member and for one, for every account
    and for a member-bound key's three, at page lengths 1, 7 and past the end. Each
    account's entries are its stored plays, and a refresh replaces them (no duplicates)."""
    today = SETTINGS.today()
    bundle = generate(accounts=6, stakeholders_per_account=25, seed=11)
    await load(db, bundle)
    schema = build_schema(SETTINGS)
    assert await snapshots.refresh(Context(db, SETTINGS, schema)) == 6
    count_q = """MATCH (s:AccountSnapshot {date: $today})
      RETURN s.accountId AS a, s.playCount AS kept,
             COUNT { (p:PlayEntry {accountId: s.accountId, date: $today}) } AS entries"""

    async def counts() -> dict[str, tuple[int, int]]:
        found = await db.driver.execute_query(count_q, today=today, database_=db.database)
        return {r["a"]: (r["kept"], r["entries"]) for r in found.records}

    kept = await counts()
    assert len(kept) == 6 and all(k == e for k, e in kept.values()), kept
    assert sum(k for k, _ in kept.values()) > 30
    members = await db.driver.execute_query(
        "MATCH (p:PlayEntry) RETURN p.memberId AS m, count(*) AS n ORDER BY n DESC, m LIMIT 1",
        database_=db.database,
    )
    member = members.records[0]["m"]
    mine = sorted(a["id"] for a in bundle["accounts"])[:3]
    bound = Principal("key:t", Role.VIEWER, member_id=member, scope=Scope(frozenset(mine)))
    cases = [(SYSTEM, None), (SYSTEM, member), (bound, None), (bound, member)]

    async def pages(stale: int, *, index: bool = True) -> dict[tuple[str, str | None, int], Any]:
        out: dict[tuple[str, str | None, int], Any] = {}
        for principal, who in cases:
            ctx = Context(db, SETTINGS, schema, principal=principal)
            read = await ctx.db.read(queries.snapshots.play_page, member_id=who, today=today,
                                     basis=SETTINGS.analysis_basis(), first=1)  # fmt: skip
            assert read[0]["stale"] == stale, (principal.actor, who)
            for first in (1, 7, 1000):
                ctx = Context(db, SETTINGS, schema, principal=principal)
                page = await analyses.portfolio_plays(ctx, as_of=today, member_id=who, first=first, after=None)  # fmt: skip
                if stale == 0 and index:  # the index's range and its accounts
                    assert ctx.db.round_trips == 2
                out[principal.actor, who, first] = (
                    [(p.account["id"], p.stakeholder_id, p.row) for p in page.rows],
                    page.total, page.has_next,
                )  # fmt: skip
        return out

    indexed = await pages(stale=0)
    everything = indexed[SYSTEM.actor, None, 1000]
    assert everything[1] == sum(k for k, _ in kept.values()) == len(everything[0])
    assert {a for a, _, _ in indexed[bound.actor, None, 1000][0]} <= set(mine)
    assert indexed[SYSTEM.actor, member, 1000][1] == members.records[0]["n"]
    assert indexed[SYSTEM.actor, None, 7][2] and not everything[2]
    # One of the key's accounts stale (behind its change counter): every case merges.
    await db.driver.execute_query(
        "MATCH (r:AccountRevision {accountId: $a}) SET r.snapshotRevision = r.revision - 1",
        a=mine[0], database_=db.database,
    )  # fmt: skip
    merged = await pages(stale=1)
    for key, page in indexed.items():
        # The stale account's plays are computed (no stored row): equal in all but that.
        assert [(a, s) for a, s, _ in merged[key][0]] == [(a, s) for a, s, _ in page[0]], key
        assert merged[key][1:] == page[1:], key
    # Its refresh replaces its entries: the same count, and the index answers again.
    assert await snapshots.refresh(Context(db, SETTINGS, schema)) == 1
    assert await counts() == kept
    assert await pages(stale=0) == indexed
    # An entry left behind by an account deleted while its snapshot was being stored (a
    # race), ranked last: the first pages' counts ignore it (they sum the fresh counters'
    # play counts), and the page it is on (first 1000) is merged instead (its account is
    # not found).
    await db.driver.execute_query(
        "MATCH (p:PlayEntry) WITH p LIMIT 1 CREATE (:PlayEntry {accountId: 'gone', date: p.date, "
        "ng: p.ng + 1000, sev: 0, nr: -1.0, ns: -1.0, order: 0, memberId: p.memberId, row: p.row})",
        database_=db.database,
    )  # fmt: skip
    assert await pages(stale=0, index=False) == indexed

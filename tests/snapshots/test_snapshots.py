"""Account snapshots (domain §16): today's equal the live computation after writes, a
finished day never changes, trends read them."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

import httpx
import neo4j.time
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samgraph.analyses import service as analyses
from samgraph.cli import DEMO_BUNDLE
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.db.queries import queries as QUERIES
from samgraph.demo.shift import shifted
from samgraph.live import service as live
from samgraph.schema import build_schema
from samgraph.snapshots import service, stored
from tests.conftest import api_key, app_client, gql, settings_for_tests
from tests.factories import load

SETTINGS = settings_for_tests()
SCHEMA = build_schema(SETTINGS)
LIVE = """query($id: ID!, $d: Date) { account(id: $id, asOf: $d) {
  coverage { score mappedCount engagedCount strongCount threeByThree
    cells { band group engagedCount covered }
    gaps { code severity band group stakeholder { id } } gapCounts { critical high medium low } }
  championBackups { hasBackup }
  memberDependency { member { id name } engagedThrough coverageIfLeaves soleEngaged { id name title } }
  whitespace { totals { deployedArr pipelineAmount weightedPipeline whitespaceEstimate } }
  reachableWhitespace { totals { reachableWhitespace reachablePipeline } }
  strategicScore tier renewal { milestone daysToRenewal } } }"""
TREND = """query($id: ID!, $f: Date!, $t: Date!) { account(id: $id) { trend(from: $f, to: $t) {
  date coverageScore mappedCount engagedCount strongCount cells { engagedCount }
  gaps { code severity } championsWithoutBackup deployedArr pipelineAmount weightedPipeline
  whitespaceEstimate reachableWhitespace reachablePipeline strategicScore tier milestone
  daysToRenewal } } }"""


def _ctx(db: Db) -> Context:
    return Context(db, SETTINGS, SCHEMA, request_id="test")


def _as_snapshot(live: dict[str, Any], day: dt.date) -> dict[str, Any]:
    """The live answer in the snapshot's shape, for comparison."""
    c, w = live["coverage"], live["whitespace"]["totals"]
    return {
        "date": day.isoformat(), "coverageScore": c["score"], "mappedCount": c["mappedCount"],
        "engagedCount": c["engagedCount"], "strongCount": c["strongCount"],
        "cells": [{"engagedCount": x["engagedCount"]} for x in c["cells"]],
        "gaps": [{"code": g["code"], "severity": g["severity"]} for g in c["gaps"]],
        "championsWithoutBackup": sum(1 for b in live["championBackups"] if not b["hasBackup"]),
        **w, **live["reachableWhitespace"]["totals"],
        "strategicScore": live["strategicScore"], "tier": live["tier"],
        "milestone": live["renewal"]["milestone"], "daysToRenewal": live["renewal"]["daysToRenewal"],
    }  # fmt: skip


async def _snapshot(client: httpx.AsyncClient, day: dt.date) -> dict[str, Any] | None:
    body = await gql(client, TREND, id="gfc", f=day.isoformat(), t=day.isoformat())
    found = body["data"]["account"]["trend"]
    return found[0] if found else None


GAPS = """{ portfolioGaps(first: 100) { totalCount nodes { account { id } code severity band group
  stakeholder { id } } } }"""
PEOPLE = ["jwu", "mchen", "sjohnson", "dpark", "lthompson", "rmartinez", "akim"]  # §12
# (what, member, stakeholder, strength, days since the contact)
WRITE = st.tuples(
    st.sampled_from(["knows", "knows", "knows", "depart"]), st.sampled_from(["vpsales", "mrodriguez"]),
    st.sampled_from(PEOPLE), st.integers(1, 5), st.integers(0, 200),
)  # fmt: skip


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(rounds=st.lists(st.lists(WRITE, min_size=1, max_size=4), min_size=1, max_size=3))
async def test_todays_snapshot_equals_the_live_computation_after_writes(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any],
    rounds: list[list[tuple[str, str, str, int, int]]],
) -> None:  # fmt: skip
    if not await db.read(QUERIES.accounts.get_accounts, ids=["gfc"]):
        await load(db, example_bundle)  # once per test: the examples write on in turn
    today = SETTINGS.today()
    for writes in rounds:
        # Random writes through the API (each bumps the account's change counter) ...
        for kind, member, who, strength, days in writes:
            if kind == "knows":
                await gql(client, "mutation($m: ID!, $s: ID!, $n: Int!, $d: Date) { linkKnows(memberId: "
                          "$m, stakeholderId: $s, strength: $n, lastContact: $d) { id } }", m=member,
                          s=who, n=strength, d=(today - dt.timedelta(days=days)).isoformat())  # fmt: skip
            else:
                await gql(
                    client, "mutation($s: ID!) { markDeparted(stakeholderId: $s) { id } }", s=who
                )
        # ... so today's snapshot is behind, and the API computes the account live ...
        live = (await gql(client, LIVE, id="gfc", d=today.isoformat()))["data"]["account"]
        gaps = (await gql(client, GAPS))["data"]
        # ... then one refresher pass: the snapshot of today is the live answer of today,
        assert await service.refresh(_ctx(db)) == 1
        assert await _snapshot(client, today) == _as_snapshot(live, today)
        assert await service.refresh(_ctx(db)) == 0  # nothing stale: nothing recomputed
        # and the same fields, now read from the snapshot, answer as computed.
        assert (await gql(client, LIVE, id="gfc", d=today.isoformat()))["data"]["account"] == live
        assert (await gql(client, GAPS))["data"] == gaps


async def test_an_accounts_fields_read_only_what_they_need_of_its_snapshot(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    """An account's analysis fields read its fresh snapshot's ENTRY_KEYS, not the plays,
    people and moves it also keeps (some 40 KB an account at L, read by their own
    queries); the test above shows those fields answer from it as computed."""
    await load(db, example_bundle)
    assert await service.refresh(_ctx(db)) == 1
    got = await stored.today_of(_ctx(db), ["gfc"], SETTINGS.today())
    assert set(got["gfc"]) == set(stored.ENTRY_KEYS)
    # The snapshot itself keeps more: its plays and people rows are there, just not read.
    rows = await db.read(QUERIES.snapshots.fresh_plays, ids=["gfc"], today=SETTINGS.today(),
                         basis=SETTINGS.analysis_basis(), needle=None, limit=None)  # fmt: skip
    assert rows[0]["items"] and rows[0]["items"][0]["playRows"]
    # Its one date is `date`: values_of reads the others as the driver gives them.
    stored_props = (await db.driver.execute_query(
        "MATCH (s:AccountSnapshot {accountId: 'gfc'}) RETURN properties(s) AS p",
        database_=db.database,
    )).records[0]["p"]  # fmt: skip
    temporal = {k for k, v in stored_props.items()
                if isinstance(v, (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time))
                or (isinstance(v, list) and any(isinstance(x, neo4j.time.Date) for x in v))}  # fmt: skip
    assert len(stored_props) > 30 and temporal == stored.TEMPORAL
    figures = await stored.values_of(
        _ctx(db), ["gfc"], SETTINGS.today(), ("coverageScore", "dependency")
    )
    assert figures["gfc"]["coverageScore"] == got["gfc"]["coverageScore"]
    assert figures["gfc"]["dependency"] == got["gfc"]["dependency"] and figures["gfc"]["dependency"]


async def test_a_finished_day_never_changes(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    day1, day2 = dt.date(2026, 1, 20), dt.date(2026, 1, 21)
    assert await service.refresh(_ctx(db), today=day1) == 1
    first = await _snapshot(client, day1)
    assert first is not None and first["coverageScore"] == 33  # the worked example (§12)
    # He leaves on day 2 (day 2 is past for the org: it is rebuilt from the history, §18).
    await gql(
        client, 'mutation { markDeparted(stakeholderId: "dpark", date: "2026-01-21") { id } }'
    )
    assert await service.refresh(_ctx(db), today=day2) == 1
    assert (await _snapshot(client, day2))["coverageScore"] != 33  # type: ignore[index]
    # Asked again for day 1 (a late worker, a clock skew): refused, day 1 stays as it was.
    await service.refresh(_ctx(db), today=day1)
    assert await _snapshot(client, day1) == first
    trend = await gql(
        client,
        """{ portfolioTrend(from: "2026-01-19", to: "2026-01-22") {
      date accounts meanCoverageScore accountsWithCriticalGaps } }""",
    )
    days = trend["data"]["portfolioTrend"]
    assert [d["date"] for d in days] == ["2026-01-20", "2026-01-21"]
    assert days[0] == {"date": "2026-01-20", "accounts": 1, "meanCoverageScore": 33.0,
                       "accountsWithCriticalGaps": 0}  # fmt: skip


async def test_the_app_refreshes_after_a_write(db: Db, example_bundle: dict[str, Any]) -> None:
    await load(db, example_bundle)
    token = await api_key(db)
    async with app_client(settings_for_tests(samgraph_snapshot_seconds=0.2), token) as c:
        await asyncio.sleep(1.0)  # the first pass snapshots the account
        before = await _snapshot(c, SETTINGS.today())
        assert before is not None
        await gql(c, 'mutation { markDeparted(stakeholderId: "dpark") { id } }')
        for _ in range(50):  # within a few passes of 0.2 s
            after = await _snapshot(c, SETTINGS.today())
            if after != before:
                break
            await asyncio.sleep(0.1)
        assert after is not None and after["mappedCount"] == before["mappedCount"] - 1


LIST = """{ accounts(sortBy: COVERAGE_SCORE, first: 10) { nodes { id } }
  gaps: accounts(filter: { hasGap: SINGLE_THREADED }, first: 10) { nodes { id } }
  low: accounts(filter: { maxCoverageScore: 40 }, sortBy: REACHABLE_WHITESPACE, descending: true,
                first: 10) { nodes { id coverage { score } } } }"""


NESTED = """query($y: Date) {
  today: account(id: "gfc") { coverage { score gaps { code } } whitespace { totals { deployedArr } }
    reachableWhitespace { totals { reachableWhitespace } } }
  grid: account(id: "gfc", asOf: $y) { coverage { score }
    whitespace { cells { status } totals { deployedArr } } } }"""


async def test_portfolio_lists_read_fresh_snapshots_and_agree_with_live(
    client: httpx.AsyncClient, db: Db
) -> None:
    written = json.loads(DEMO_BUNDLE.read_text())
    await load(db, shifted(written, SETTINGS.today()))
    live = await gql(client, LIST)  # no snapshots yet: computed live
    assert "errors" not in live, live
    assert await service.refresh(_ctx(db)) == 4
    from_snapshots = await gql(client, LIST)
    assert from_snapshots["data"] == live["data"]
    # The list did read the snapshots: one that says gfc scores 99 moves gfc last in the
    # coverage order and out of the "at most 40" filter.
    planted = {"coverageScore": 99, "gaps": [], "gapRows": [], "reachableWhitespace": 0.0,
               "deployedArr": 1.0, "revision": 10**9}  # fmt: skip
    await db.write(QUERIES.snapshots.store_snapshots, rows=[
        {"accountId": "gfc", "date": SETTINGS.today(), "props": planted}])  # fmt: skip
    seen = await gql(client, LIST)
    assert [n["id"] for n in seen["data"]["accounts"]["nodes"]][-1] == "gfc"
    assert "gfc" not in {n["id"] for n in seen["data"]["low"]["nodes"]}
    # Nested fields of today read it too: coverage, and whitespace / reach when only their
    # totals are asked; asking for the grid (or another day) computes.
    nested = await gql(client, NESTED, y=(SETTINGS.today() - dt.timedelta(days=1)).isoformat())
    assert nested["data"]["today"] == {
        "coverage": {"score": 99, "gaps": []}, "whitespace": {"totals": {"deployedArr": 1.0}},
        "reachableWhitespace": {"totals": {"reachableWhitespace": 0.0}}}  # fmt: skip
    grid = nested["data"]["grid"]
    assert grid["whitespace"]["totals"]["deployedArr"] != 1.0 and grid["whitespace"]["cells"]
    assert grid["coverage"]["score"] != 99  # yesterday is computed
    gaps = await gql(client, "{ portfolioGaps(first: 100) { nodes { account { id } } } }")
    assert "gfc" not in {g["account"]["id"] for g in gaps["data"]["portfolioGaps"]["nodes"]}
    # A snapshot behind the account's change counter (as after a write not yet refreshed)
    # is not used: the list computes gfc live again, and answers as at first.
    stale = {**planted, "revision": -1}
    await db.write(QUERIES.snapshots.store_snapshots, rows=[
        {"accountId": "gfc", "date": SETTINGS.today(), "props": stale}])  # fmt: skip
    assert (await gql(client, LIST))["data"] == live["data"]


PAGE = """query($s: AccountSort!) { accounts(sortBy: $s, first: 3) { nodes { id
  coverage { score mappedCount gaps { code severity } } whitespace { totals { deployedArr } }
  reachableWhitespace { totals { reachablePipeline } } } } }"""


async def test_a_sorted_page_brings_its_accounts_snapshots_in_its_own_read(db: Db) -> None:
    """A page sorted in Cypher whose fields read today's snapshots gets them in the
    page's own read (both queries: on the counter nodes, and on the accounts): one round
    trip, the same answer as computed."""
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    sorts = ("NAME", "COVERAGE_SCORE")
    live = {s: await SCHEMA.execute(PAGE, variable_values={"s": s}, context_value=_ctx(db))
            for s in sorts}  # fmt: skip
    assert all(not r.errors and r.data and len(r.data["accounts"]["nodes"]) == 3
               for r in live.values())  # fmt: skip
    assert await service.refresh(_ctx(db)) == 4
    for s in sorts:
        ctx = _ctx(db)
        before = ctx.db.round_trips
        got = await SCHEMA.execute(PAGE, variable_values={"s": s}, context_value=ctx)
        assert not got.errors and got.data and got.data == live[s].data
        assert ctx.db.round_trips - before == 1  # the page's read; no snapshot read after it
        # What the page handed over is what today_of reads (memberDependency's too).
        shown = [n["id"] for n in got.data["accounts"]["nodes"]]
        handed = await stored.today_of(ctx, shown, SETTINGS.today())
        assert ctx.db.round_trips - before == 1
        assert sorted(handed) == sorted(shown)
        assert all(set(snap) == set(stored.ENTRY_KEYS) for snap in handed.values())


async def test_other_settings_or_a_price_change_make_todays_snapshots_stale(
    client: httpx.AsyncClient, db: Db
) -> None:
    written = json.loads(DEMO_BUNDLE.read_text())
    await load(db, shifted(written, SETTINGS.today()))
    assert await service.refresh(_ctx(db)) == 4
    # Other cadence days change every decay, so a snapshot computed under the old ones is
    # not today's for a server started with the new ones: its refresher recomputes all 4.
    other = settings_for_tests(samgraph_cadence_days={"C_LEVEL": 7})
    assert other.analysis_basis() != SETTINGS.analysis_basis()
    assert await service.refresh(Context(db, other, SCHEMA, request_id="test")) == 4
    assert await service.refresh(_ctx(db)) == 4  # and back
    # A list price is in every account's whitespace (§7): a product write counts as a
    # change of each of the 4 accounts, so none of their snapshots is fresh any more.
    product = written["products"][0]
    body = await gql(client, "mutation($p: [ProductInput!]!) { upsertProducts(input: $p) { id } }",
                     p=[{**product, "listPrice": product["listPrice"] + 1}])  # fmt: skip
    assert "errors" not in body, body
    assert await service.refresh(_ctx(db)) == 4


async def test_refreshers_share_the_work_through_claims(db: Db) -> None:
    written = json.loads(DEMO_BUNDLE.read_text())
    await load(db, shifted(written, SETTINGS.today()))
    ids = [a["id"] for a in written["accounts"]]
    # Another live refresher holds every account: this one computes none of them.
    await db.write(QUERIES.snapshots.claim_accounts, ids=ids, holder="other", seconds=60)
    assert await service.refresh(_ctx(db), holder="me") == 0
    # Its claims released (or expired: a dead holder's), they are this one's to compute.
    await db.write(QUERIES.snapshots.claim_accounts, ids=ids, holder="other", seconds=-1)
    assert await service.refresh(_ctx(db), holder="me") == 4
    # Two refreshers of a new day at once (two workers after midnight): each account is
    # computed by one of them, so 4 stores in all, not 8.
    tomorrow = SETTINGS.today() + dt.timedelta(days=1)
    both = await asyncio.gather(
        service.refresh(_ctx(db), today=tomorrow, holder="worker-1"),
        service.refresh(_ctx(db), today=tomorrow, holder="worker-2"),
    )
    assert sum(both) == 4, both
    stale = await db.read(QUERIES.snapshots.stale_accounts, today=tomorrow,
                          basis=SETTINGS.analysis_basis(), ids=None)  # fmt: skip
    assert stale == []  # all 4 stored for tomorrow


async def test_a_write_wakes_the_refresher(db: Db, example_bundle: dict[str, Any]) -> None:
    """With a 60 s interval, the snapshot still follows a write within seconds: the
    write's process starts a pass at once."""
    await load(db, example_bundle)
    token = await api_key(db)
    async with app_client(settings_for_tests(samgraph_snapshot_seconds=60), token) as c:
        for _ in range(50):  # the first pass, at start
            before = await _snapshot(c, SETTINGS.today())
            if before is not None:
                break
            await asyncio.sleep(0.1)
        assert before is not None
        await gql(c, 'mutation { markDeparted(stakeholderId: "dpark") { id } }')
        start = asyncio.get_running_loop().time()
        after: dict[str, Any] | None = before
        while after == before and asyncio.get_running_loop().time() - start < 10:
            await asyncio.sleep(0.05)
            after = await _snapshot(c, SETTINGS.today())
        assert after is not None and after["mappedCount"] == before["mappedCount"] - 1
        assert asyncio.get_running_loop().time() - start < 10  # not the 60 s interval


async def test_written_accounts_are_computed_first(db: Db) -> None:
    written = json.loads(DEMO_BUNDLE.read_text())
    await load(db, shifted(written, SETTINGS.today()))
    assert await service.refresh(_ctx(db)) == 4
    # Stale accounts come most recently changed first: nwh was written after gfc.
    await db.write(QUERIES.live.bump_revisions, ids=["gfc"], catalog=False)
    await db.write(QUERIES.live.bump_revisions, ids=["nwh"], catalog=False)
    stale = await db.read(QUERIES.snapshots.stale_accounts, today=SETTINGS.today(),
                          basis=SETTINGS.analysis_basis(), ids=None)  # fmt: skip
    assert [r["id"] for r in stale] == ["nwh", "gfc"]
    # An account announced during a pass (here: before it, with nothing else stale after
    # the two) is computed in that pass, with the counter it has now, and taken off the
    # announced set.
    announced = live.listen(db)
    await live.announce(db, ["contoso"])
    assert announced.accounts == {"contoso"} and announced.event.is_set()
    assert await service.refresh(_ctx(db), announced=announced) == 3  # nwh, gfc, contoso
    assert announced.accounts == set()
    assert await db.read(QUERIES.snapshots.stale_accounts, today=SETTINGS.today(),
                         basis=SETTINGS.analysis_basis(), ids=None) == []  # fmt: skip


STORED = "MATCH (s:AccountSnapshot {date: $day}) RETURN s.accountId AS id, s {.*} AS props"


async def test_a_catalog_write_recomputes_only_whitespace(db: Db) -> None:
    """A list price is in every account's whitespace and in nothing else: after a
    product write the refresher recomputes each account's whitespace figures only. To
    tell, gfc's relationships are deleted behind the refresher's back (no counter
    bumped): a whole recomputation would lower gfc's coverage; the catalog pass keeps
    the stored coverage and stores the whitespace the live analysis gives."""
    today = SETTINGS.today()
    written = shifted(json.loads(DEMO_BUNDLE.read_text()), today)
    await load(db, written)
    assert await service.refresh(_ctx(db)) == 4
    before = {r["id"]: r["props"] for r in (await db.driver.execute_query(
        STORED, day=today, database_=db.database)).records}  # fmt: skip
    await db.driver.execute_query(
        "MATCH (:Member)-[k:KNOWS]->(:Stakeholder {accountId: 'gfc'}) DELETE k",
        database_=db.database)  # fmt: skip
    core = next(p for p in written["products"] if p["id"] == "core")
    await load(db, {"products": [{**core, "listPrice": core["listPrice"] * 2}]})
    await live.announce(db, [], catalog=await live.catalog_touched(db, {"products": {"core"}}))
    stale = await db.read(QUERIES.snapshots.stale_accounts, today=today,
                          basis=SETTINGS.analysis_basis(), ids=None)  # fmt: skip
    assert {r["id"]: r["whole"] for r in stale} == dict.fromkeys(before, False)
    assert await service.refresh(_ctx(db)) == 4
    after = {r["id"]: r["props"] for r in (await db.driver.execute_query(
        STORED, day=today, database_=db.database)).records}  # fmt: skip
    ctx = _ctx(db)
    live_gfc = await analyses.coverage_of(ctx, "gfc", today)
    assert live_gfc.score < before["gfc"]["coverageScore"]  # what a whole pass would store
    changed = 0
    for account_id, props in after.items():
        assert props["coverageScore"] == before[account_id]["coverageScore"]
        assert props["gaps"] == before[account_id]["gaps"]
        grid = await analyses.whitespace_of(ctx, account_id)
        assert props["whitespaceEstimate"] == grid.totals.whitespace_estimate
        assert props["deployedArr"] == grid.totals.deployed_arr
        changed += props["whitespaceEstimate"] != before[account_id]["whitespaceEstimate"]
    assert changed > 0  # core at twice the price: some account's unsold core grew
    # The play index follows the catalog pass (list prices move reachGain): each
    # account's entries are its stored plays, in order, keyed on what the rows now say.
    indexed = await db.driver.execute_query(
        "MATCH (s:AccountSnapshot {date: $day}) RETURN s.accountId AS a, s.playRows AS rows, "
        "COLLECT { MATCH (p:PlayEntry {accountId: s.accountId}) WITH p ORDER BY p.order "
        "RETURN [p.row, p.nr, p.date] } AS entries",
        day=today, database_=db.database,
    )  # fmt: skip
    assert len(indexed.records) == 4 and any(r["rows"] for r in indexed.records)
    # The pass did move some play (else the entries would match the rows unreplaced).
    assert any(after[a]["playRows"] != before[a]["playRows"] for a in after)
    for r in indexed.records:
        assert [e[0] for e in r["entries"]] == list(r["rows"]), r["a"]
        assert [e[1] for e in r["entries"]] == [0.0 - float(json.loads(t)["r"]) for t in r["rows"]]
        assert all(e[2].to_native() == today for e in r["entries"])
    # A graph write after it: that account's whole snapshot is stale again.
    await live.announce(db, ["gfc"])
    stale = await db.read(QUERIES.snapshots.stale_accounts, today=today,
                          basis=SETTINGS.analysis_basis(), ids=None)  # fmt: skip
    assert [(r["id"], r["whole"]) for r in stale] == [("gfc", True)]
    assert await service.refresh(_ctx(db)) == 1
    gfc = (await db.driver.execute_query(STORED, day=today, database_=db.database)).records
    assert {r["id"]: r["props"]["coverageScore"] for r in gfc}["gfc"] == live_gfc.score


RECONSTRUCT = """query($id: ID!, $f: Date!, $t: Date!) { account(id: $id) {
  trend(from: $f, to: $t, reconstruct: true) { reconstructed
  date coverageScore mappedCount engagedCount strongCount cells { engagedCount }
  gaps { code severity } championsWithoutBackup deployedArr pipelineAmount weightedPipeline
  whitespaceEstimate reachableWhitespace reachablePipeline strategicScore tier milestone
  daysToRenewal } } }"""


async def test_a_trend_reconstructs_the_days_without_a_snapshot(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    # David Park (the champion) leaves on 2026-01-19: the 18th and the 19th differ.
    await gql(
        client, 'mutation { markDeparted(stakeholderId: "dpark", date: "2026-01-19") { id } }'
    )
    day1, day3 = dt.date(2026, 1, 18), dt.date(2026, 1, 20)
    # The 20th is stored (a snapshot made that day); the 18th and 19th are not.
    assert await service.refresh(_ctx(db), today=day3) == 1
    stored = await _snapshot(client, day3)
    body = await gql(client, RECONSTRUCT, id="gfc", f=day1.isoformat(), t=day3.isoformat())
    days = body["data"]["account"]["trend"]
    assert [d["date"] for d in days] == ["2026-01-18", "2026-01-19", "2026-01-20"]
    assert [d.pop("reconstructed") for d in days] == [True, True, False]
    assert days[2] == stored  # a stored day is read as stored
    for d in days[:2]:  # a reconstructed day is what the API computes for that day
        live = (await gql(client, LIVE, id="gfc", d=d["date"]))["data"]["account"]
        assert d == _as_snapshot(live, dt.date.fromisoformat(d["date"]))
    assert days[0]["coverageScore"] != days[1]["coverageScore"]  # the departure shows
    # Nothing reconstructed was stored: without `reconstruct` only the 20th is there.
    plain = await gql(client, TREND, id="gfc", f=day1.isoformat(), t=day3.isoformat())
    assert [d["date"] for d in plain["data"]["account"]["trend"]] == ["2026-01-20"]
    # Days after today are never made up; more than 366 days is refused, naming `to`.
    today = SETTINGS.today()
    ahead = await gql(client, RECONSTRUCT, id="gfc", f=today.isoformat(),
                      t=(today + dt.timedelta(days=5)).isoformat())  # fmt: skip
    assert [d["date"] for d in ahead["data"]["account"]["trend"]] == [today.isoformat()]
    long = await gql(client, RECONSTRUCT, id="gfc", f="2025-01-01", t="2026-01-02")
    assert long["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert long["errors"][0]["extensions"]["problems"][0]["path"] == "to"


CLAIMS = "MATCH (c:SnapshotClaim) RETURN c.accountId AS a, c.holder AS holder"


async def test_claims_are_released_with_the_store_and_after_a_failure(
    db: Db, example_bundle: dict[str, Any], monkeypatch: Any
) -> None:
    """A batch's claims are released in the transaction that stores its snapshots (one
    write fewer between a write and its snapshot: no release of its own), and by the
    batch's `finally` when it fails before storing: either way no account stays claimed
    for CLAIM_SECONDS."""
    await load(db, example_bundle)
    writes: list[str] = []
    write = Db.write

    async def counted(self: Db, query: Any, /, **params: Any) -> list[dict[str, Any]]:
        writes.append(query.name)
        return await write(self, query, **params)

    monkeypatch.setattr(Db, "write", counted)
    stored_count = await service.refresh(_ctx(db))
    claims = (await db.driver.execute_query(CLAIMS, database_=db.database)).records
    assert stored_count >= 1 and len(claims) == stored_count  # each claimed once
    assert all(c["holder"] is None for c in claims)  # and released
    assert "snapshots.claim_accounts" in writes
    assert "snapshots.release_accounts" not in writes  # released by the store's transaction
    await db.driver.execute_query(
        "MATCH (r:AccountRevision) SET r.snapshotBasis = 'stale'", database_=db.database
    )

    async def broken(*_: Any, **__: Any) -> dict[str, Any]:
        raise RuntimeError("compute failed")

    monkeypatch.setattr(service, "compute", broken)
    writes.clear()
    with pytest.raises(RuntimeError, match="compute failed"):
        await service.refresh(_ctx(db))
    assert writes == ["snapshots.claim_accounts", "snapshots.release_accounts"]
    claims = (await db.driver.execute_query(CLAIMS, database_=db.database)).records
    assert claims and all(c["holder"] is None for c in claims)


async def test_an_idle_refresher_reads_one_mark_until_something_changes(
    db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`service.Quiet`: after a pass that found nothing stale, a pass whose mark (the day,
    the settings, how many accounts, the latest counter bump) has not moved reads that
    mark alone; a bump, a new account, a bump younger than SETTLE_MS or the safety net
    (QUIET_SECONDS) each bring back the check of every account."""
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    await live.announce(db, ["gfc"])  # the mark's latest bump
    monkeypatch.setattr(service, "SETTLE_MS", 0)  # every bump trusted at once
    quiet, ctx = service.Quiet(seconds=600), _ctx(db)
    assert await service.refresh(ctx, quiet=quiet) == 4  # the first build
    assert await service.refresh(ctx, quiet=quiet) == 0  # nothing stale: the mark kept
    before = ctx.db.round_trips
    for _ in range(3):
        assert await service.refresh(ctx, quiet=quiet) == 0
    # Three passes, one read each (the mark), none of the stale list.
    assert (ctx.db.round_trips - before, quiet.reads) == (3, 3)

    # A bump by another process (nobody announced it to this one) moves the mark: the
    # next pass checks every account and recomputes nwh.
    await db.write(QUERIES.live.bump_revisions, ids=["nwh"], catalog=False)
    assert await service.refresh(ctx, quiet=quiet) == 1
    assert await service.refresh(ctx, quiet=quiet) == 0 and quiet.reads == 3
    assert await service.refresh(ctx, quiet=quiet) == 0 and quiet.reads == 4

    # An account created without a bump changes the count: computed at the next pass.
    await db.driver.execute_query(
        "CREATE (:Account {id: 'quiet-co', name: 'Quiet Co'})", database_=db.database
    )
    assert await service.refresh(ctx, quiet=quiet) == 1

    # A latest bump younger than SETTLE_MS is not trusted (a bump still committing may
    # carry an earlier time): each pass reads the mark and the stale list.
    monkeypatch.setattr(service, "SETTLE_MS", 3_600_000)
    reads, before = quiet.reads, ctx.db.round_trips
    for _ in range(2):
        assert await service.refresh(ctx, quiet=quiet) == 0
    assert (ctx.db.round_trips - before, quiet.reads) == (4, reads)

    # The safety net: past `seconds` since the last check of every account, check again.
    monkeypatch.setattr(service, "SETTLE_MS", 0)
    net = service.Quiet(seconds=0)
    assert await service.refresh(ctx, quiet=net) == 0
    before = ctx.db.round_trips
    assert await service.refresh(ctx, quiet=net) == 0
    assert (ctx.db.round_trips - before, net.reads) == (2, 0)

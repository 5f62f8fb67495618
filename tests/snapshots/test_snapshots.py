"""Account snapshots (domain §16): today's equal the live computation after writes, a
finished day never changes, trends read them."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
from typing import Any

import httpx
import pytest

from samgraph.cli import DEMO_BUNDLE
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.db.queries import queries as QUERIES
from samgraph.demo.shift import shifted
from samgraph.schema import build_schema
from samgraph.snapshots import service
from tests.conftest import api_key, app_client, gql, settings_for_tests
from tests.factories import load

SETTINGS = settings_for_tests()
SCHEMA = build_schema(SETTINGS)
LIVE = """query($id: ID!, $d: Date) { account(id: $id, asOf: $d) {
  coverage { score mappedCount engagedCount strongCount cells { engagedCount } gaps { code severity } }
  championBackups { hasBackup }
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
        "cells": c["cells"], "gaps": c["gaps"],
        "championsWithoutBackup": sum(1 for b in live["championBackups"] if not b["hasBackup"]),
        **w, **live["reachableWhitespace"]["totals"],
        "strategicScore": live["strategicScore"], "tier": live["tier"],
        "milestone": live["renewal"]["milestone"], "daysToRenewal": live["renewal"]["daysToRenewal"],
    }  # fmt: skip


async def _snapshot(client: httpx.AsyncClient, day: dt.date) -> dict[str, Any] | None:
    body = await gql(client, TREND, id="gfc", f=day.isoformat(), t=day.isoformat())
    found = body["data"]["account"]["trend"]
    return found[0] if found else None


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_todays_snapshot_equals_the_live_computation_after_writes(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any], seed: int
) -> None:
    await load(db, example_bundle)
    today = SETTINGS.today()
    rng = random.Random(seed)
    people = [s["id"] for s in example_bundle["stakeholders"]]
    for _ in range(4):
        # Random writes through the API (each bumps the account's change counter) ...
        for _ in range(rng.randint(1, 4)):
            who, days = rng.choice(people), rng.randint(0, 200)
            if rng.random() < 0.8:
                await gql(client, "mutation($s: ID!, $n: Int!, $d: Date) { linkKnows(memberId: "
                          '"vpsales", stakeholderId: $s, strength: $n, lastContact: $d) { id } }',
                          s=who, n=rng.randint(1, 5), d=(today - dt.timedelta(days=days)).isoformat())  # fmt: skip
            else:
                await gql(
                    client, "mutation($s: ID!) { markDeparted(stakeholderId: $s) { id } }", s=who
                )
        # ... then one refresher pass: the snapshot of today is the live answer of today.
        assert await service.refresh(_ctx(db)) == 1
        live = (await gql(client, LIVE, id="gfc", d=today.isoformat()))["data"]["account"]
        assert await _snapshot(client, today) == _as_snapshot(live, today)
        assert await service.refresh(_ctx(db)) == 0  # nothing stale: nothing recomputed


async def test_a_finished_day_never_changes(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    day1, day2 = dt.date(2026, 1, 20), dt.date(2026, 1, 21)
    assert await service.refresh(_ctx(db), today=day1) == 1
    first = await _snapshot(client, day1)
    assert first is not None and first["coverageScore"] == 33  # the worked example (§12)
    await gql(client, 'mutation { markDeparted(stakeholderId: "dpark") { id } }')
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
    planted = {"coverageScore": 99, "gaps": [], "reachableWhitespace": 0.0, "revision": 10**9}
    await db.write(QUERIES.snapshots.store_snapshots, rows=[
        {"accountId": "gfc", "date": SETTINGS.today(), "props": planted}])  # fmt: skip
    seen = await gql(client, LIST)
    assert [n["id"] for n in seen["data"]["accounts"]["nodes"]][-1] == "gfc"
    assert "gfc" not in {n["id"] for n in seen["data"]["low"]["nodes"]}
    # A snapshot behind the account's change counter (as after a write not yet refreshed)
    # is not used: the list computes gfc live again, and answers as at first.
    stale = {**planted, "revision": -1}
    await db.write(QUERIES.snapshots.store_snapshots, rows=[
        {"accountId": "gfc", "date": SETTINGS.today(), "props": stale}])  # fmt: skip
    assert (await gql(client, LIST))["data"] == live["data"]

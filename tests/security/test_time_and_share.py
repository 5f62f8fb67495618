"""One caller's work is bounded in time, in parallelism and in connections (issue 23):
a request's time budget stops its Cypher inside Neo4j, one credential runs at most
SAMGRAPH_KEY_CONCURRENCY operations at once, WebSockets hold at most their share of the
driver pool, and an exhausted pool answers the coded 503, never a plain 500."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from neo4j import AsyncDriver

from samgraph.db.cypher import parse_query
from samgraph.db.driver import Db, Deadline, create_driver
from samgraph.errors import DatabaseUnavailable, LimitExceeded
from samgraph.gql.slots import KeySlots
from samgraph.localdb.connection import resolve_connection
from tests.conftest import api_key, settings_for_tests
from tests.factories import account, load
from tests.live import live_server

# A read that would run for minutes: 10^9 rows counted inside Neo4j.
SLOW = parse_query(
    "test.slow",
    "// mode: read\n// params: n\n// scope: shared\n"
    "UNWIND range(1, $n) AS x WITH x WHERE x % 7 = 100 RETURN count(x) AS c",
)


async def test_the_time_budget_stops_the_cypher_inside_neo4j(driver: AsyncDriver, db: Db) -> None:
    deadline = Deadline()
    deadline.start(0.5)
    runner = Db(driver, db.database, timeout=60.0, deadline=deadline)
    started = time.monotonic()
    with pytest.raises(LimitExceeded) as refused:
        await runner.read(SLOW, n=1_000_000_000)
    # Stopped by Neo4j at the budget's end (the transaction timeout), not after minutes.
    assert time.monotonic() - started < 5
    assert "SAMGRAPH_REQUEST_SECONDS" in refused.value.message and "0.5 s" in refused.value.message
    # Nothing of it is left running in the database.
    shown = await driver.execute_query(
        "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range' "
        "RETURN count(*) AS n", database_=db.database)  # fmt: skip
    assert shown.records[0]["n"] == 0
    # A call after the budget is refused before it starts.
    with pytest.raises(LimitExceeded):
        await runner.read(SLOW, n=1)


async def test_one_credential_runs_its_share_at_once() -> None:
    # Two slots: the third operation waits until one is released; with a budget it
    # cannot outwait, it is refused with LIMIT_EXCEEDED.
    slots, long = KeySlots(2), Deadline()
    long.start(30)
    await slots.acquire("k", long)
    await slots.acquire("k", long)
    third = asyncio.ensure_future(slots.acquire("k", long))
    await asyncio.sleep(0.1)
    assert not third.done()
    slots.release("k")
    await asyncio.wait_for(third, 1)
    short = Deadline()
    short.start(0.2)
    with pytest.raises(LimitExceeded) as refused:
        await slots.acquire("k", short)
    assert "SAMGRAPH_KEY_CONCURRENCY" in refused.value.message
    # Another credential is never held up by k's.
    await asyncio.wait_for(slots.acquire("other", long), 0.1)
    for actor in ("k", "k", "other"):
        slots.release(actor)
    assert slots._held == {}


async def test_an_exhausted_pool_is_the_coded_503() -> None:
    conn = resolve_connection(settings_for_tests())
    driver = create_driver(conn, retry_seconds=1.0, pool_size=1)
    try:
        # Its own transaction timeout: Neo4j stops the slow read after the test.
        holder = Db(driver, conn.database, timeout=3.0)
        # One connection, held by a slow read; the next call waits 1 s for it, then 503.
        slow = asyncio.ensure_future(holder.read(SLOW, n=300_000_000))
        await asyncio.sleep(0.3)
        with pytest.raises(DatabaseUnavailable) as busy:
            await Db(driver, conn.database).read(SLOW, n=1)
        assert "every database connection is in use" in busy.value.message
        # Neo4j stops the slow read at its own timeout (nothing left running after).
        with pytest.raises(LimitExceeded):
            await slow
    finally:
        await driver.close()


async def test_a_request_past_its_budget_answers_limit_exceeded(db: Db) -> None:
    """Over HTTP on a live server: with a budget far below one request's time, the
    answer is LIMIT_EXCEEDED in the GraphQL error body (HTTP 200)."""
    await load(db, {"accounts": [account(id=f"a{i}", name=f"A {i}") for i in range(30)]})
    heavy = await api_key(db)
    settings = settings_for_tests(samgraph_request_seconds=0.001)
    query = '{ portfolioGaps(asOf: "2026-01-20", first: 100) { totalCount } }'
    with live_server(settings) as base:
        async with httpx.AsyncClient(base_url=base, timeout=30) as c:
            r = await c.post("/graphql", json={"query": query},
                             headers={"Authorization": f"Bearer {heavy}"})  # fmt: skip
            assert r.status_code == 200
            error = r.json()["errors"][0]
            assert error["extensions"]["code"] == "LIMIT_EXCEEDED", r.json()
            assert "SAMGRAPH_REQUEST_SECONDS" in error["message"]

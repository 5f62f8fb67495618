"""The query runner (db/driver.py): each query one managed transaction through
`driver.execute_query`, tagged with the query's name, and a request's writes chained
to its later transactions by bookmarks."""

from __future__ import annotations

import asyncio

import pytest
from neo4j import AsyncDriver

from samgraph.db.cypher import parse_query
from samgraph.db.driver import Db
from samgraph.errors import LimitExceeded

SLOW = parse_query(
    "test.slow_read",
    "// mode: read\n// params: n\n// scope: shared\n"
    "UNWIND range(1, $n) AS x WITH x WHERE x % 7 = 100 RETURN count(x) AS c",
)
WRITE = parse_query(
    "test.write_marker",
    "// mode: write\n// params: id\n// scope: shared\n"
    "MERGE (m:TestMarker {id: $id}) RETURN m.id AS id",
)
READ = parse_query(
    "test.read_marker",
    "// mode: read\n// params: id\n// scope: shared\n"
    "MATCH (m:TestMarker {id: $id}) RETURN m.id AS id",
)


async def test_a_running_read_is_named_by_its_query_in_show_transactions(
    driver: AsyncDriver, db: Db
) -> None:
    runner = Db(driver, db.database, timeout=2.0)
    slow = asyncio.ensure_future(runner.read(SLOW, n=1_000_000_000))
    try:
        for _ in range(50):
            shown = await driver.execute_query(
                "SHOW TRANSACTIONS YIELD metaData, currentQuery "
                "WHERE currentQuery STARTS WITH 'UNWIND range' RETURN metaData",
                database_=db.database,
            )
            if shown.records:
                break
            await asyncio.sleep(0.05)
        # The name the runner tags it with (execute_query carries the metadata too).
        assert [r["metaData"] for r in shown.records] == [{"query": "test.slow_read"}]
    finally:
        with pytest.raises(LimitExceeded):  # stopped by Neo4j at the 2 s timeout
            await slow


async def test_a_request_that_only_reads_carries_no_bookmarks(driver: AsyncDriver, db: Db) -> None:
    runner = Db(driver, db.database)  # (the fixture's runner wiped the graph: a write)
    assert await runner.read(READ, id="x") == []
    assert runner.chain.bookmarks is None
    assert runner.round_trips == 1


async def test_reads_after_a_write_carry_its_bookmarks_in_every_runner_of_the_request(
    driver: AsyncDriver, db: Db
) -> None:
    db = Db(driver, db.database)
    narrowed = db.within(db.scope)
    assert await narrowed.write(WRITE, id="m1") == [{"id": "m1"}]
    # Made at the first write, shared with the runner it came from.
    assert db.chain is narrowed.chain and db.chain.bookmarks is not None
    first = set(await db.chain.bookmarks.get_bookmarks())
    assert len(first) == 1
    # The read after it sees it, and a second write moves the bookmark on.
    assert await db.read(READ, id="m1") == [{"id": "m1"}]
    await db.write(WRITE, id="m2")
    second = set(await db.chain.bookmarks.get_bookmarks())
    assert len(second) == 1 and second != first
    # One round trip per query counted, whichever runner ran it.
    assert (narrowed.round_trips, db.round_trips) == (1, 2)

"""Time of a full snapshot refresh (§16) of a generated portfolio, and of the pass after one
write (one stale account). The L target of issue 15 is a full refresh of 2,000 x 100 in
at most 120 s.

    PYTHONPATH=. .venv/bin/python -m bench.snapshot_refresh [ACCOUNTS]   (NEO4J_* set; wipes)
"""

from __future__ import annotations

import asyncio
import sys
import time

import orjson

from samgraph.bundle import service as bundle_service
from samgraph.config import Settings
from samgraph.context import Context
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db, create_driver
from samgraph.db.migrations import migrate
from samgraph.demo.generate import generate
from samgraph.live import service as live
from samgraph.localdb.connection import resolve_connection
from samgraph.schema import build_schema
from samgraph.snapshots import service


async def main(accounts: int) -> None:
    settings = Settings(samgraph_snapshot_seconds=0)
    driver = create_driver(resolve_connection(settings))
    db = Db(driver, settings.neo4j_database)
    await wipe_data(db)
    await migrate(db)
    bundle = generate(accounts=accounts, stakeholders_per_account=100, seed=11)
    await bundle_service.import_bundle(db, orjson.dumps(bundle), changed_on=settings.today())
    schema = build_schema(settings)
    start = time.perf_counter()
    stored = await service.refresh(Context(db, settings, schema, request_id="bench"))
    full = time.perf_counter() - start
    await live.announce(db, [bundle["accounts"][0]["id"]])
    start = time.perf_counter()
    again = await service.refresh(Context(db, settings, schema, request_id="bench"))
    one = time.perf_counter() - start
    print(
        f"| {accounts} accounts x 100 people | full refresh {stored} in {full:.1f} s "
        f"({full / max(stored, 1) * 1000:.0f} ms per account) | after one write: {again} in {one * 1000:.0f} ms |"
    )
    await driver.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))

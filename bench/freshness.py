"""Section 9's freshness row alone: a generated portfolio, samgraph served as `make
bench` serves it (2 workers, refreshers on, no warm start), the mixed load at 8
clients, and the freshness probe beside it (`bench/views.py`). For a quick rerun after
a change to the refresher; `make bench` runs the same probe in its load section.
Measured at 2,000 x 100 after the probe was corrected: first build 38.0 s by the two
workers, fresh after a write p50 2.5 s, p95 3.5 s (n=4), 37 req/s meanwhile.

    NEO4J_URI=... NEO4J_PASSWORD=... PYTHONPATH=. .venv/bin/python -m bench.freshness [ACCOUNTS]
"""

from __future__ import annotations

import asyncio
import os
import sys

import orjson

from bench import views
from bench.loadgen import stats
from bench.suite import (
    TODAY,
    Gql,
    _auth,
    free_port,
    mix_for,
    run_loadgen,
    start_samgraph,
    wait_ready,
)
from samgraph.auth import keys
from samgraph.bundle import service as bundle_service
from samgraph.config import Settings
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db, create_driver
from samgraph.db.migrations import migrate
from samgraph.demo.generate import generate
from samgraph.localdb.connection import resolve_connection


async def main(accounts: int, per: int = 100, clients: int = 8, seconds: float = 20) -> None:
    settings = Settings(samgraph_snapshot_seconds=0)
    driver = create_driver(resolve_connection(settings))
    db = Db(driver, settings.neo4j_database)
    await migrate(db)
    await wipe_data(db)
    bundle = generate(accounts=accounts, stakeholders_per_account=per, seed=1)
    await bundle_service.import_bundle(db, orjson.dumps(bundle), changed_on=TODAY)
    port = free_port()
    # The warm start would run every built-in report over the whole portfolio first.
    os.environ["SAMGRAPH_WARMUP"] = "false"
    server = start_samgraph(port, 2)
    sam: Gql | None = None
    try:
        await wait_ready(f"http://127.0.0.1:{port}/healthz", None, server, "samgraph")
        built, count = await views.first_build(db)
        token = (await keys.create_key(db, role="EDITOR", name="bench")).token
        sam = Gql(f"http://127.0.0.1:{port}/graphql", {"Authorization": f"Bearer {token}"})
        ids = [f"a{i:05d}" for i in range(0, accounts, max(1, accounts // 20))][:20]
        load, delays = await asyncio.gather(
            run_loadgen(sam.url, _auth(sam), clients, seconds, mix_for(per), ids),
            views.freshness(sam, db, ids, per, seconds),
        )
        f = stats(delays)
        print(f"| {accounts} x {per}, {clients} clients | first build {built:.1f} s ({count} snapshots) "
              f"| {load['throughput']:.0f} req/s, {load['errors']} errors | fresh after a write: p50 "
              f"{f['p50']:.0f} ms, p95 {f['p95']:.0f} ms, max {max(delays):.0f} ms, n={f['n']} |")  # fmt: skip
    finally:
        if sam is not None:
            await sam.close()
        server.terminate()
        server.wait(timeout=30)
        await driver.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))

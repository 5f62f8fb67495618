"""What authentication and the request limits add to one request, in one run.

Three ways to answer the same small query on the demo portfolio:
  raw      the Cypher read it needs, straight through the driver;
  schema   the GraphQL schema executed in process (Guard, cost, depth, alias and
           token limits, masking), no HTTP and no credential check;
  http     the real app over ASGI with an API key (key lookup, rate limit, request
           id, audit-free read) and, beside it, a member-bound key (scope).
The differences are the overheads; medians of N runs. `make bench` runs it.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from samgraph import clock
from samgraph.auth import keys
from samgraph.bundle import service as bundle_service
from samgraph.config import Settings
from samgraph.context import Context
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.main import create_app
from samgraph.schema import build_schema

RUNS = int(os.environ.get("BENCH_RUNS", "200"))
DEMO = Path(__file__).resolve().parents[1] / "src" / "samgraph" / "demo" / "portfolio.json"
QUERY = '{ account(id: "gfc") { name arr } }'


async def _median(fn: Callable[[], Awaitable[Any]], runs: int) -> float:
    for _ in range(5):
        await fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        await fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


async def main(runs: int = RUNS) -> list[str]:
    settings = Settings(samgraph_rate_limit="1000000/minute")
    app = create_app(settings)
    uncached = create_app(settings.model_copy(update={"samgraph_auth_cache_seconds": 0.0}))
    async with app.router.lifespan_context(app), uncached.router.lifespan_context(uncached):
        db = Db(app.state.driver, app.state.database)
        await wipe_data(db)
        await bundle_service.import_bundle(db, DEMO.read_bytes(), changed_on=clock.today())
        admin = (await keys.create_key(db, role="ADMIN")).token
        scoped = (await keys.create_key(db, role="VIEWER", member_id="mrodriguez")).token
        schema = build_schema(settings)
        transport = httpx.ASGITransport(app=app)

        async def raw() -> None:
            await db.read(queries.accounts.get_accounts, ids=["gfc"])

        async def in_schema() -> None:
            result = await schema.execute(QUERY, context_value=Context(db, settings, schema))
            assert result.errors is None, result.errors

        async def auth_only() -> None:
            assert await keys.verify_key(db, admin) is not None

        def http(token: str, via: httpx.ASGITransport = transport) -> Callable[[], Awaitable[None]]:
            client = httpx.AsyncClient(transport=via, base_url="http://bench",
                                       headers={"Authorization": f"Bearer {token}"})  # fmt: skip

            async def go() -> None:
                r = await client.post("/graphql", json={"query": QUERY})
                assert r.status_code == 200 and "errors" not in r.json(), r.text

            return go

        t = {
            "raw Cypher read": await _median(raw, runs),
            "API key check alone (1 read)": await _median(auth_only, runs),
            "schema.execute (limits, cost, guard)": await _median(in_schema, runs),
            "HTTP + API key (unbound)": await _median(http(admin), runs),
            "HTTP + API key (member-bound)": await _median(http(scoped), runs),
            "HTTP + API key, cache off (unbound)": await _median(
                http(admin, httpx.ASGITransport(app=uncached)), runs
            ),
        }
    rows = ["| path | median ms | x raw |", "|---|---|---|"]
    rows += [f"| {k} | {v:.2f} | {v / t['raw Cypher read']:.1f} |" for k, v in t.items()]
    for row in rows:
        print(row, flush=True)
    return rows


if __name__ == "__main__":
    asyncio.run(main())

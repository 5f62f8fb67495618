"""Latency of the analyses of issue 14 (§13 reachable whitespace, §14 member dependency,
§15 champion moves) and of the drawing (Account.graph): each on one 100-person account,
and their built-in reports over HTTP at portfolio scale. In-process app (httpx ASGI),
medians of RUNS requests after one warm-up request.

    PYTHONPATH=. .venv/bin/python -m bench.new_analyses [ACCOUNTS]   (NEO4J_* set; wipes)
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

import httpx
import orjson

from samgraph.auth import keys
from samgraph.bundle import service as bundle_service
from samgraph.config import Settings
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db, create_driver
from samgraph.db.migrations import migrate
from samgraph.demo.generate import generate
from samgraph.localdb.connection import resolve_connection
from samgraph.main import create_app

RUNS = 5
ONE = {
    "reachableWhitespace": "{ account(id: $id) { reachableWhitespace { totals { reachableWhitespace } } } }",
    "memberDependency": "{ account(id: $id) { memberDependency { coverageIfLeaves } } }",
    "graph": "{ account(id: $id) { graph { nodes { id flags } edges { id } } } }",
}
REPORTS = ("reachable-whitespace-by-account", "member-dependency", "champion-moves")


async def _timed(call: object) -> float:
    start = time.perf_counter()
    response = await call  # type: ignore[misc]
    assert response.status_code == 200 and b'"errors"' not in response.content, response.text[:300]
    return (time.perf_counter() - start) * 1000


async def main(accounts: int) -> None:
    settings = Settings(
        samgraph_rate_limit="", samgraph_warmup=False, samgraph_audit_log="/dev/null"
    )
    driver = create_driver(resolve_connection(settings))
    db = Db(driver, settings.neo4j_database)
    await wipe_data(db)
    await migrate(db)
    bundle = generate(accounts=accounts, stakeholders_per_account=100, seed=7)
    started = time.perf_counter()
    await bundle_service.import_bundle(db, orjson.dumps(bundle), changed_on=settings.today())
    print(f"loaded {accounts} accounts x 100 people in {time.perf_counter() - started:.0f} s")
    token = (await keys.create_key(db, role="ADMIN", member_id=None, name="bench")).token
    await driver.close()
    first = bundle["accounts"][0]["id"]
    app = create_app(settings)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://b",
        headers={"Authorization": f"Bearer {token}"}, timeout=120,
    ) as c:  # fmt: skip
        print("| request | p50 ms |\n|---|---|")
        for name, body in ONE.items():
            query = "query($id: ID!) " + body
            payload = {"query": query, "variables": {"id": first}}
            await _timed(c.post("/graphql", json=payload))
            times = [await _timed(c.post("/graphql", json=payload)) for _ in range(RUNS)]
            print(f"| {name}, one 100-person account | {statistics.median(times):.0f} |")
        for report in REPORTS:
            for fmt in ("json", "csv"):
                url, params = f"/reports/{report}", {"format": fmt}
                await _timed(c.get(url, params=params))
                times = [await _timed(c.get(url, params=params)) for _ in range(3)]
                print(
                    f"| report {report} ({fmt}), {accounts} accounts | {statistics.median(times):.0f} |"
                )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))

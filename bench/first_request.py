"""First-request latency with and without the warm start (issue: the first request of
each query shape took 280-700 ms, the next ~30 ms).

For each mode, a fresh `samgraph serve` process on the demo portfolio, with Neo4j's plan
caches cleared first, answers every warm-up document (built-in reports and README
queries) twice; the table compares the first and the second answer of each.

    PYTHONPATH=. .venv/bin/python -m bench.first_request     (NEO4J_* set; wipes the graph)
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from samgraph.auth import keys
from samgraph.bundle import service as bundle_service
from samgraph.cli import DEMO_BUNDLE
from samgraph.config import get_settings
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db, create_driver
from samgraph.db.migrations import migrate
from samgraph.localdb.connection import resolve_connection
from samgraph.web.warmup import documents

PORT = 18321


async def _prepare() -> str:
    settings = get_settings()
    driver = create_driver(resolve_connection(settings))
    db = Db(driver, settings.neo4j_database)
    await wipe_data(db)
    await migrate(db)
    await bundle_service.import_bundle(db, DEMO_BUNDLE.read_bytes(), changed_on=settings.today())
    token = (await keys.create_key(db, role="ADMIN", member_id=None, name="bench")).token
    await driver.close()
    return token


async def _clear_plans() -> None:
    settings = get_settings()
    driver = create_driver(resolve_connection(settings))
    async with driver.session(database=settings.neo4j_database) as session:
        await (await session.run("CALL db.clearQueryCaches()")).consume()
    await driver.close()


def _serve(warmup: bool) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SAMGRAPH_WARMUP": str(warmup).lower(), "SAMGRAPH_RATE_LIMIT": "",
           "SAMGRAPH_ENV": "production", "SAMGRAPH_AUDIT_LOG": os.devnull}  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "samgraph.main:create_app", "--factory",
         "--port", str(PORT), "--log-level", "warning"], env=env,
    )  # fmt: skip


async def _measure(token: str, warmup: bool) -> tuple[list[float], list[float], float]:
    await _clear_plans()
    started = time.perf_counter()
    server = _serve(warmup)
    firsts: list[float] = []
    seconds: list[float] = []
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{PORT}", timeout=60,
                                     headers={"Authorization": f"Bearer {token}"}) as c:  # fmt: skip
            while True:
                try:
                    if (await c.get("/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.05)
            ready = time.perf_counter() - started
            for name, document in documents():
                for out in (firsts, seconds):
                    t = time.perf_counter()
                    if name.startswith("report:"):  # as managers run them: GET /reports/<name>
                        response = await c.get(f"/reports/{name.removeprefix('report:')}")
                    else:
                        response = await c.post("/graphql", json={"query": document})
                    out.append((time.perf_counter() - t) * 1000)
                    assert response.status_code == 200 and "errors" not in response.json(), (
                        response.text
                    )
    finally:
        server.terminate()
        server.wait()
    return firsts, seconds, ready


def main() -> None:
    token = asyncio.run(_prepare())
    print(f"{len(documents())} documents (built-in reports and README queries), demo portfolio")
    print(
        "| warm start | start-up to ready (s) | first request p50 / max (ms) | second p50 / max (ms) |"
    )
    print("|---|---|---|---|")
    for warmup in (False, True):
        firsts, seconds, ready = asyncio.run(_measure(token, warmup))
        print(
            f"| {'on' if warmup else 'off'} | {ready:.1f} | {statistics.median(firsts):.0f} / "
            f"{max(firsts):.0f} | {statistics.median(seconds):.0f} / {max(seconds):.0f} |"
        )


if __name__ == "__main__":
    Path(".").resolve()
    main()

"""Where each benchmarked request spends its time: one pyinstrument profile per row.

`make profiles` runs each request of the benchmark's targets table in process (the
schema executed on a context, as a worker does after HTTP and the key check), on
whatever portfolio the Neo4j of NEO4J_URI holds (load L first: `samgraph generate
--accounts 2000` and `samgraph import`, then `samgraph snapshots refresh`), and writes
the profile of RUNS requests of each to docs/bench/profiles/<row>.txt, with the p50
of the same requests unprofiled. The heap is settled first, as the server does
(`web/warmup.settle`). Profiles show proportions; the milliseconds of record are
`make bench`'s.

The `http-` rows are the whole request path instead: the app served by uvicorn in this
process (one worker, key authentication on), asked over HTTP keep-alive by an httpx
client in this process too. Every thread's samples are kept (not one task's), so the
server's share is the subtree under uvicorn's `RequestResponseCycle.run_asgi`: routing,
the key check, GraphQL parsing, execution and the JSON answer.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import orjson
import pyinstrument
import uvicorn

from bench.suite import (
    ANALYSES,
    LIST,
    LIST_TEAMS,
    LOOKUP,
    NESTED,
    WRITE,
    analysis_query,
    analysis_vars,
    free_port,
)
from bench.views import GAPS_TODAY, PLAYS_TODAY, SORTED
from samgraph.auth import keys
from samgraph.config import Settings, get_settings
from samgraph.context import Context
from samgraph.db.driver import Db, create_driver
from samgraph.localdb.connection import resolve_connection
from samgraph.main import create_app
from samgraph.reports import service as reports
from samgraph.reports.csvout import xlsx_bytes
from samgraph.schema import build_schema
from samgraph.web.warmup import settle

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(os.environ.get("PROFILES_OUT", str(ROOT / "docs" / "bench" / "profiles")))
RUNS = int(os.environ.get("PROFILES_RUNS", "30"))
PER = int(os.environ.get("PROFILES_PER", "100"))


def _rows(accounts: list[str]) -> list[tuple[str, str, Any]]:
    """(file name, document or report, variables by run) of every profiled row."""

    def pick(i: int) -> str:
        return accounts[i % len(accounts)]

    rows: list[tuple[str, str, Any]] = [
        ("nested-read", NESTED, lambda i: {"id": pick(i)}),
        ("list-100", LIST, lambda i: {}),
        ("list-20-teams", LIST_TEAMS, lambda i: {}),
    ]
    for name in ANALYSES:
        rows.append((f"analysis-{name}", analysis_query(name),
                     lambda i, n=name: analysis_vars(n, pick(i), PER)))  # fmt: skip
    rows += [
        ("portfolio-gaps-today", GAPS_TODAY, lambda i: {}),
        ("sorted-by-name", SORTED, lambda i: {"s": "NAME"}),
        ("sorted-by-coverage", SORTED, lambda i: {"s": "COVERAGE_SCORE"}),
        ("plays-today", PLAYS_TODAY, lambda i: {}),
        ("report-overdue-touches-by-member-xlsx", "report:overdue-touches-by-member", None),
        ("report-plays-by-member-xlsx", "report:plays-by-member", None),
        # Last: its writes make their accounts' snapshots stale (nothing refreshes here).
        ("write-logInteraction", WRITE,
         lambda i: {"i": f"{pick(i)}-call", "a": pick(i), "s": f"{pick(i)}-s5"}),
    ]  # fmt: skip
    return rows


async def _once(
    db: Db, settings: Any, schema: Any, what: str, variables: dict[str, Any] | None
) -> None:
    ctx = Context(db, settings, schema, request_id="profile")
    if what.startswith("report:"):
        ran = await reports.run(ctx, what.removeprefix("report:"))
        xlsx_bytes(ran.data, shape=ran.shape(schema, explode=False))
        return
    result = await schema.execute(what, variable_values=variables, context_value=ctx)
    if result.errors:
        raise RuntimeError(f"{what[:60]}: {result.errors[0].message}")


async def _record(
    name: str, runs: int, once: Callable[[int], Awaitable[None]], query: str, what: str,
    note: str = "", *, whole_thread: bool = False,
) -> None:  # fmt: skip
    """Time `runs` calls of `once`, then profile as many more, into OUT/<name>.txt:
    one task's samples, or every sample of the thread (`whole_thread`: a server and its
    client in one process)."""
    took = []
    for i in range(runs):
        start = time.perf_counter()
        await once(i)
        took.append((time.perf_counter() - start) * 1000)
    profiler = pyinstrument.Profiler(async_mode="disabled" if whole_thread else "enabled",
                                     interval=0.0002 if whole_thread else 0.0005)  # fmt: skip
    profiler.start()
    for i in range(runs):
        await once(i)
    profiler.stop()
    p50 = statistics.median(took)
    head = f"# {name}: {what}, p50 {p50:.1f} ms unprofiled{note}\n# {query[:200]}\n\n"
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    (OUT / f"{name}.txt").write_text(head + text)
    print(f"{name:42s} p50 {p50:7.1f} ms", flush=True)


# The request path's rows: the smallest read, the nested read, and whitespace (whose
# bound sits under that path's floor: docs/benchmarks.md).
HTTP_ROWS = [("http-lookup", LOOKUP), ("http-nested-read", NESTED),
             ("http-whitespace", analysis_query("whitespace"))]  # fmt: skip


async def _http(db: Db, settings: Settings, accounts: list[str], only: list[str]) -> None:
    """The `http-` rows: the app in this process, a client beside it, all samples kept."""
    rows = [(n, d) for n, d in HTTP_ROWS if not only or n in only]
    if not rows:
        return
    # No rate limit and no snapshot refresher: only the requests are sampled.
    app = create_app(settings.model_copy(update={"samgraph_rate_limit": "", "samgraph_snapshot_seconds": 0}))  # fmt: skip
    token = (await keys.create_key(db, role="EDITOR", name="profiles")).token
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning", access_log=False))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.05)
    headers = {"Authorization": f"Bearer {token}", "content-type": "application/json"}
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", headers=headers) as http:
            for name, document in rows:

                async def once(i: int, doc: str = document, row: str = name) -> None:
                    body = {"query": doc, "variables": {"id": accounts[i % len(accounts)]}}
                    r = await http.post("/graphql", content=orjson.dumps(body))
                    if r.status_code != 200 or b'"errors"' in r.content:
                        raise RuntimeError(f"{row}: {r.status_code} {r.text[:200]}")

                runs = RUNS * 10  # a request is a few ms: enough samples of each part
                for i in range(20):
                    await once(i)
                await _record(
                    name, runs, once, document,
                    f"{runs} requests over HTTP to one uvicorn worker in process",
                    " (client included)", whole_thread=True,
                )  # fmt: skip
    finally:
        server.should_exit = True
        await serving


async def main(only: list[str]) -> None:
    settings = get_settings()
    schema = build_schema(settings)
    conn = resolve_connection(settings)
    driver = create_driver(conn)
    db = Db(driver, conn.database)
    found = await db.driver.execute_query(
        "MATCH (a:Account) RETURN a.id AS id ORDER BY id", database_=conn.database
    )
    ids = [r["id"] for r in found.records]
    accounts = [ids[k * len(ids) // min(20, len(ids))] for k in range(min(20, len(ids)))]
    settle(10_000)
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        await _http(db, settings, accounts, only)
        for name, what, variables in _rows(accounts):
            if only and name not in only:
                continue
            runs = max(3, RUNS // 10) if what.startswith("report:") else RUNS

            def vars_of(i: int, v: Any = variables) -> dict[str, Any] | None:
                return None if v is None else dict(v(i))

            for i in range(2):  # warm: plans, caches
                await _once(db, settings, schema, what, vars_of(i))

            async def run(i: int, w: str = what) -> None:
                await _once(db, settings, schema, w, vars_of(i))

            await _record(name, runs, run, what.splitlines()[0],
                          f"{len(ids):,} accounts, {runs} requests in process")  # fmt: skip
    finally:
        await driver.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))

"""`samgraph serve` runs one snapshot refresher for the host, in a process of its own:
its request workers never compute a snapshot (a day's first full pass included), and a
write through any worker wakes the refresher at once (SIGUSR1)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import re
import subprocess
import sys
import time
from typing import Any

import httpx

from samgraph.bundle import service as bundle_service
from samgraph.config import Settings
from samgraph.db.driver import Db
from tests.conftest import _connection, api_key
from tests.factories import TODAY
from tests.live import free_port

SNAPSHOTS = """MATCH (s:AccountSnapshot {date: $today})
RETURN s.accountId AS id, s.computedBy AS by, s.mappedCount AS mapped ORDER BY id"""


def _today() -> dt.date:
    return Settings().today()  # the server's own "today" (UTC unless configured)


async def _snapshots(db: Db, today: Any) -> list[dict[str, Any]]:
    found = await db.driver.execute_query(SNAPSHOTS, today=today, database_=db.database)
    return [dict(r) for r in found.records]


async def test_serve_refreshes_in_a_process_of_its_own(db: Db, example_bundle: dict[str, Any]) -> None:  # fmt: skip
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    key = await api_key(db)
    conn = _connection()
    port = free_port()
    env = {**os.environ, "NEO4J_URI": conn.uri, "NEO4J_USER": conn.user,
           "NEO4J_PASSWORD": conn.password or "", "NEO4J_DATABASE": conn.database,
           "SAMGRAPH_ENV": "production", "SAMGRAPH_WARMUP": "false",
           "SAMGRAPH_SNAPSHOT_SECONDS": "30", "SAMGRAPH_AUDIT_LOG": os.devnull}  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "samgraph.cli", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()  # the refresher's pid comes first
        match = re.search(r"snapshot refresher: pid (\d+)", line)
        assert match, line
        refresher = match.group(1)
        # The day's first pass: every account, by the refresher process alone.
        deadline = time.monotonic() + 60
        snaps: list[dict[str, Any]] = []
        while time.monotonic() < deadline:
            snaps = await _snapshots(db, _today())
            if len(snaps) == 1:
                break
            await asyncio.sleep(0.2)
        assert [s["id"] for s in snaps] == ["gfc"], snaps
        assert all(s["by"].split(":")[1] == refresher for s in snaps), (refresher, snaps)
        # A write through a worker wakes it: fresh well before the 30 s interval.
        base = f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient(
            base_url=base, headers={"Authorization": f"Bearer {key}"}
        ) as c:
            for _ in range(600):  # both workers up
                with contextlib.suppress(httpx.TransportError):
                    if (await c.get("/healthz")).status_code == 200:
                        break
                await asyncio.sleep(0.1)
            before = snaps[0]["mapped"]
            start = time.monotonic()
            body = (
                await c.post(
                    "/graphql",
                    json={"query": 'mutation { markDeparted(stakeholderId: "dpark") { id } }'},
                )
            ).json()
            assert "errors" not in body, body
            while time.monotonic() - start < 10:
                snaps = await _snapshots(db, _today())
                if snaps[0]["mapped"] == before - 1:  # David Park no longer counted
                    break
                await asyncio.sleep(0.05)
            took = time.monotonic() - start
        assert snaps[0]["mapped"] == before - 1 and took < 5, (snaps, took)
        assert snaps[0]["by"].split(":")[1] == refresher
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    # The refresher does not outlive serve (uvicorn ends serve by re-raising SIGTERM).
    deadline = time.monotonic() + 10
    gone = False
    while not gone and time.monotonic() < deadline:
        try:
            os.kill(int(refresher), 0)
            await asyncio.sleep(0.2)
        except ProcessLookupError:
            gone = True
    assert gone, f"the refresher {refresher} outlived samgraph serve"

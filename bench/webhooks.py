"""`make bench`: how long from a write to its webhook's arrival (issue 25).

A local receiver is registered as an endpoint for `stakeholder.departed`; then, one
at a time, a stakeholder is marked departed through the API and the time until the
receiver holds that person's event is taken: the write, the snapshot refresher's pass
(woken by the write), the event in the snapshot's transaction, the dispatcher's next
pass (every SAMGRAPH_WEBHOOK_SECONDS) and the POST.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from bench.loadgen import stats

CREATE = """mutation($u: String!) { createWebhookEndpoint(url: $u, events: [STAKEHOLDER_DEPARTED]) {
  endpoint { id } } }"""
DEPART = "mutation($s: ID!) { markDeparted(stakeholderId: $s) { id } }"


ACTIVE = "query($a: ID!) { account(id: $a) { stakeholders { id } } }"


async def delay(base: str, headers: dict[str, str], accounts: list[str], timeout: float = 60) -> dict[str, Any]:  # fmt: skip
    """Milliseconds from each `markDeparted` (the last active stakeholder of each of
    `accounts`: a generated portfolio holds people who left already) to its event at
    the receiver."""
    arrived: dict[str, float] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            arrived.setdefault(body["data"]["stakeholderId"], time.perf_counter())
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    took = []
    try:
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as c:
            url = f"http://127.0.0.1:{server.server_address[1]}/hook"
            made = (
                await c.post("/graphql", json={"query": CREATE, "variables": {"u": url}})
            ).json()
            if "errors" in made:
                raise RuntimeError(f"webhook endpoint refused: {made['errors']}")
            people = []
            for account in accounts:
                r = await c.post("/graphql", json={"query": ACTIVE, "variables": {"a": account}})
                people.append(r.json()["data"]["account"]["stakeholders"][-1]["id"])
            for person in people:
                start = time.perf_counter()
                r = await c.post("/graphql", json={"query": DEPART, "variables": {"s": person}})
                if "errors" in r.json():
                    raise RuntimeError(f"markDeparted {person}: {r.json()['errors']}")
                while person not in arrived and time.perf_counter() - start < timeout:
                    await asyncio.sleep(0.01)
                if person not in arrived:
                    raise RuntimeError(f"no webhook for {person} within {timeout} s")
                took.append((arrived[person] - start) * 1000)
    finally:
        server.shutdown()
        server.server_close()
    return stats(took)

"""The attacks of issue 23, replayed against a running samgraph while a bystander reads.

Each attack is what an attacker with one ordinary key sent (scaled by the caller: a
test runs them small, `make bench` at its S size). Meanwhile a bystander, another
key, asks `account(id) { name }` over and over; its latencies during each attack are
compared with its latencies alone. `tests/security/test_abuse.py` asserts each
refusal and a generous bound on the bystander against a two-worker server;
`bench/suite.py` prints the figures ("under attack" in docs/benchmarks.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import websockets

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Target:
    base: str  # http://host:port
    token: str  # the attacker's key (an EDITOR: ordinary, not an ADMIN)
    account: str  # an account id of the portfolio
    past: str  # a past date: analyses on it are computed, not read from snapshots
    aliases: int = 30
    body_bytes: int = 5_000_000  # a chunked body this big (over the server's limit)
    sockets: int = 100  # over SAMGRAPH_WS_SOCKETS_PER_KEY (20 per process) x workers
    subscriptions: int = 60  # over SAMGRAPH_WS_SUBSCRIPTIONS_PER_SOCKET (50)
    socket_queries: int = 1_000  # over the rate limit, on one socket
    silent: int = 30  # sockets that never send connection_init
    product_writes: int = 20


@dataclass
class Outcome:
    """What the attacker got back: error codes, HTTP statuses, WebSocket close codes."""

    codes: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    closes: Counter[int] = field(default_factory=Counter)

    def body(self, status: int, body: Any) -> None:
        self.statuses[status] += 1
        for e in (body or {}).get("errors") or [] if isinstance(body, dict) else []:
            self.codes[str((e.get("extensions") or {}).get("code"))] += 1


@dataclass(frozen=True)
class Attack:
    name: str
    run: Callable[[Target], Awaitable[Outcome]]
    refused_with: tuple[str, ...]  # codes (or "413", "4403", "4408") that prove refusal


def _headers(t: Target) -> dict[str, str]:
    return {"Authorization": f"Bearer {t.token}"}


async def _post(t: Target, query: str, variables: dict[str, Any] | None = None,
                extensions: dict[str, Any] | None = None) -> Outcome:  # fmt: skip
    out = Outcome()
    payload: dict[str, Any] = {"query": query, "variables": variables or {}}
    if extensions:
        payload["extensions"] = extensions
    async with httpx.AsyncClient(base_url=t.base, headers=_headers(t), timeout=120) as c:
        r = await c.post("/graphql", json=payload)
        out.body(r.status_code, r.json() if r.content else None)
    return out


async def aliased_past_gaps(t: Target) -> Outcome:
    fields = " ".join(
        f'g{i}: portfolioGaps(asOf: "{t.past}", first: 100) {{ totalCount }}'
        for i in range(t.aliases)
    )
    return await _post(t, "{ " + fields + " }")


async def aliased_saved_runs(t: Target) -> Outcome:
    fields = " ".join(
        f'r{i}: runSavedQuery(name: "portfolio-coverage", variables: {{asOf: "{t.past}"}})'
        for i in range(t.aliases)
    )
    return await _post(t, "{ " + fields + " }")


async def aliased_exports(t: Target) -> Outcome:
    return await _post(t, "{ " + " ".join(f"e{i}: exportBundle" for i in range(t.aliases)) + " }")


async def saved_loop(t: Target) -> Outcome:
    return await _post(
        t, "mutation($d: String!) { saveQuery(name: \"loop\", document: $d) { name } }",
        {"d": 'query { runSavedQuery(name: "loop") }'},
    )  # fmt: skip


async def chunked_body(t: Target) -> Outcome:
    async def chunks() -> AsyncIterator[bytes]:
        sent = 0
        yield b'{"query": "{ __typename }", "pad": "'
        while sent < t.body_bytes:
            yield b"x" * 1_000_000
            sent += 1_000_000
        yield b'"}'

    out = Outcome()
    async with httpx.AsyncClient(base_url=t.base, headers=_headers(t), timeout=120) as c:
        with contextlib.suppress(httpx.TransportError):  # the server may close mid-body
            r = await c.post("/graphql", content=chunks(),
                             headers={"Content-Type": "application/json"})  # fmt: skip
            out.body(r.status_code, None)
            if r.status_code == 413:
                out.codes["413"] += 1
    return out


async def many_fields(t: Target) -> Outcome:
    # 600 distinct selections (unaliased: merged by GraphQL, still parsed and validated).
    inner = " ".join(f"teams {{ name id }} # {i}\n" for i in range(600))
    return await _post(t, f'{{ account(id: "{t.account}") {{ {inner} }} }}')


async def big_persisted_document(t: Target) -> Outcome:
    import hashlib

    document = "{ __typename }\n# " + "x" * 200_000
    digest = hashlib.sha256(document.encode()).hexdigest()
    return await _post(
        t, document, extensions={"persistedQuery": {"version": 1, "sha256Hash": digest}}
    )


@contextlib.asynccontextmanager
async def _socket(t: Target, init: bool = True) -> AsyncIterator[Any]:
    url = t.base.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                                  max_size=None) as ws:  # fmt: skip
        if init:
            await ws.send(json.dumps({"type": "connection_init",
                                      "payload": {"Authorization": f"Bearer {t.token}"}}))  # fmt: skip
        yield ws


async def _drain(ws: Any, out: Outcome, until: float) -> None:
    """Read messages until `until` (monotonic) or the socket closes; count codes."""
    while True:
        left = until - time.monotonic()
        if left <= 0:
            return
        try:
            message = json.loads(await asyncio.wait_for(ws.recv(), left))
        except TimeoutError:
            return
        except websockets.ConnectionClosed as closed:
            if closed.rcvd is not None:
                out.closes[closed.rcvd.code] += 1
            return
        payload = message.get("payload")
        errors = payload if isinstance(payload, list) else (payload or {}).get("errors") or []
        for e in errors:
            out.codes[str((e.get("extensions") or {}).get("code"))] += 1


async def socket_flood(t: Target) -> Outcome:
    out = Outcome()
    async with _socket(t) as ws:
        await ws.recv()  # connection_ack
        for i in range(t.socket_queries):
            await ws.send(json.dumps({"id": str(i), "type": "subscribe",
                                      "payload": {"query": "{ __typename }"}}))  # fmt: skip
        await _drain(ws, out, time.monotonic() + 10)
    return out


async def many_sockets(t: Target) -> Outcome:
    out = Outcome()
    async with contextlib.AsyncExitStack() as stack:
        sockets = [await stack.enter_async_context(_socket(t)) for _ in range(t.sockets)]
        await asyncio.gather(*(_drain(ws, out, time.monotonic() + 3) for ws in sockets))
    out.codes.update({str(code): n for code, n in out.closes.items()})
    return out


async def many_subscriptions(t: Target) -> Outcome:
    out = Outcome()
    query = "subscription($id: ID!) { accountChanged(id: $id) { revision } }"
    async with _socket(t) as ws:
        await ws.recv()  # connection_ack
        for i in range(t.subscriptions):
            await ws.send(json.dumps({"id": f"s{i}", "type": "subscribe",
                                      "payload": {"query": query, "variables": {"id": t.account}}}))  # fmt: skip
        await _drain(ws, out, time.monotonic() + 3)
    return out


async def silent_sockets(t: Target) -> Outcome:
    out = Outcome()
    async with contextlib.AsyncExitStack() as stack:
        sockets = [await stack.enter_async_context(_socket(t, init=False)) for _ in range(t.silent)]
        await asyncio.gather(*(_drain(ws, out, time.monotonic() + 10) for ws in sockets))
    out.codes.update({str(code): n for code, n in out.closes.items()})
    return out


async def product_writes(t: Target) -> Outcome:
    out = Outcome()
    query = "mutation($p: Float!) { upsertProducts(input: [{id: \"bench-p\", name: \"P\", pricing: PER_TEAM, listPrice: $p}]) { id } }"  # fmt: skip
    for i in range(t.product_writes):
        got = await _post(t, query, {"p": 1000.0 + i})
        out.codes.update(got.codes)
        out.statuses.update(got.statuses)
        await asyncio.sleep(0.25)
    return out


ATTACKS = [
    Attack("30 aliased past portfolioGaps", aliased_past_gaps, ("LIMIT_EXCEEDED",)),
    Attack("30 aliased runSavedQuery (past date)", aliased_saved_runs, ("LIMIT_EXCEEDED",)),
    Attack("30 aliased exportBundle", aliased_exports, ("LIMIT_EXCEEDED",)),
    Attack("a saved query calling itself", saved_loop, ("BAD_USER_INPUT",)),
    Attack("a chunked body over the limit", chunked_body, ("413",)),
    Attack("600 selections in one document", many_fields, ("LIMIT_EXCEEDED",)),
    Attack("a 200 kB persisted document", big_persisted_document, ("LIMIT_EXCEEDED",)),
    Attack("1,000 queries on one socket", socket_flood, ("RATE_LIMITED", "LIMIT_EXCEEDED")),
    Attack("100 sockets of one key", many_sockets, ("4403",)),
    Attack("60 subscriptions on one socket", many_subscriptions, ("LIMIT_EXCEEDED",)),
    Attack("30 sockets that never init", silent_sockets, ("4408",)),
    Attack("20 product writes, 4 a second", product_writes, ()),
]


async def bystander(base: str, token: str, account: str, stop: asyncio.Event) -> list[float]:
    """`account(id) { name }` one after another until `stop`; each one's seconds."""
    query = {"query": "query($id: ID!) { account(id: $id) { name } }", "variables": {"id": account}}  # fmt: skip
    took: list[float] = []
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {token}"},
                                 timeout=120) as c:  # fmt: skip
        while not stop.is_set():
            start = time.perf_counter()
            r = await c.post("/graphql", json=query)
            took.append(time.perf_counter() - start)
            if r.status_code != 200 or "errors" in r.json():
                raise RuntimeError(f"the bystander was refused: {r.status_code} {r.text[:200]}")
            await asyncio.sleep(0.1)  # about 8 a second: within its own rate limit
    return took


@dataclass
class Replayed:
    attack: str
    outcome: Outcome
    latencies: list[float]
    seconds: float

    @property
    def refused(self) -> bool:
        return any(self.outcome.codes.values())


async def replay(
    t: Target, bystander_token: str, attacks: list[Attack] = ATTACKS, alone_seconds: float = 3.0
) -> tuple[list[float], list[Replayed]]:
    """The bystander alone for `alone_seconds`, then during each attack in turn."""
    stop = asyncio.Event()
    watching = asyncio.ensure_future(bystander(t.base, bystander_token, t.account, stop))
    await asyncio.sleep(alone_seconds)
    stop.set()
    alone = await watching
    out = []
    for attack in attacks:
        stop = asyncio.Event()
        watching = asyncio.ensure_future(bystander(t.base, bystander_token, t.account, stop))
        start = time.perf_counter()
        try:
            outcome = await attack.run(t)
        finally:
            stop.set()
        took = time.perf_counter() - start
        out.append(Replayed(attack.name, outcome, await watching, took))
    return alone, out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def server_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """A production server's environment for the replay (NEO4J_* come from ours)."""
    return {
        **os.environ,
        "SAMGRAPH_ENV": "production",
        "SAMGRAPH_AUDIT_LOG": os.devnull,
        "SAMGRAPH_WARMUP": "false",
        "SAMGRAPH_SNAPSHOT_SECONDS": "1",
        **(extra or {}),
    }


def start_server(port: int, workers: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """`samgraph serve`, as production runs it: its workers, and the snapshot refresher in
    a process of its own (run through uvicorn alone, each worker refreshed in its event
    loop, and at L a bystander waited 10 s behind a pass after a catalog write)."""
    cmd = [sys.executable, "-m", "samgraph.cli", "serve", "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers),
           "--no-access-log", "--log-level", "warning"]  # fmt: skip
    return subprocess.Popen(cmd, env=env, cwd=ROOT)


async def wait_ready(base: str, proc: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient() as c:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with {proc.returncode}")
            with contextlib.suppress(httpx.TransportError):
                if (await c.get(base + "/healthz")).status_code == 200:
                    return
            await asyncio.sleep(0.25)
    raise RuntimeError(f"the server did not start within {seconds} s")

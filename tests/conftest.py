"""Shared fixtures: a real Neo4j (started by `make test`), a clean graph per test,
and the real ASGI app behind an httpx client."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from neo4j import AsyncDriver

from samgraph.auth import keys
from samgraph.config import Settings
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Connection, Db, create_driver
from samgraph.db.migrations import migrate
from samgraph.gql.dated import plain
from samgraph.main import create_app
from tests.live import free_port

# Apps built in tests run no background snapshot refresher unless a test asks for one.
os.environ.setdefault("SAMGRAPH_SNAPSHOT_SECONDS", "0")

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLE = SHARED / "examples" / "global-financial.json"
if not EXAMPLE.exists():  # CI clones beside shared/; keep a copy for other layouts
    EXAMPLE = Path(__file__).resolve().parent / "fixtures" / "global-financial.json"


def _connection() -> Connection:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.exit("NEO4J_URI is unset: run the tests with `make test`", returncode=2)
    return Connection(
        uri,
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", ""),
        os.environ.get("NEO4J_DATABASE", "neo4j"),
    )


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def driver() -> AsyncIterator[AsyncDriver]:
    conn = _connection()
    drv = create_driver(conn)
    await migrate(Db(drv, conn.database))
    yield drv
    await drv.close()


@pytest_asyncio.fixture(loop_scope="session")
async def db(driver: AsyncDriver) -> Db:
    """A fresh query runner on an empty graph."""
    runner = Db(driver, _connection().database)
    await wipe_data(runner)
    runner.round_trips = 0
    return runner


@pytest.fixture
def example_bundle() -> dict[str, Any]:
    bundle: dict[str, Any] = json.loads(EXAMPLE.read_text())
    return bundle


async def api_key(db: Db, role: str = "ADMIN", member: str | None = None) -> str:
    """A real API key, created the way `samgraph apikey create` does."""
    return (await keys.create_key(db, role=role, member_id=member, name="test")).token


def client_for(client: httpx.AsyncClient, token: str | None) -> httpx.AsyncClient:
    """Another client on the same app, sending `token` (or no credentials at all)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.AsyncClient(transport=client._transport, base_url=client.base_url, headers=headers)


@contextlib.asynccontextmanager
async def app_client(
    settings: Settings, token: str | None = None, **headers: str
) -> AsyncIterator[httpx.AsyncClient]:
    """A client on a new app (lifespan included) built from `settings`, sending `token`."""
    app = create_app(settings)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://t", headers=headers
        ) as c,
    ):
        yield c


def settings_for_tests(**overrides: Any) -> Settings:
    """Settings for tests: no rate limit (it has its own test), no background snapshot
    refresher or webhook dispatcher (the tests that need them turn them on), audit lines
    to stderr."""
    return Settings(**{"samgraph_rate_limit": "", "samgraph_warmup": False,
                       "samgraph_snapshot_seconds": 0, "samgraph_webhook_seconds": 0,
                       **overrides})  # fmt: skip


@pytest_asyncio.fixture(loop_scope="session")
async def client(db: Db) -> AsyncIterator[httpx.AsyncClient]:
    """The real app (lifespan included) on an empty graph, with an ADMIN key."""
    app = create_app(settings_for_tests())
    token = await api_key(db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://test",
            headers={"Authorization": f"Bearer {token}"},
        ) as c:
            yield c


async def gql(client: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    """POST a GraphQL request; return the whole response body."""
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def plain_ids(node: Any) -> Any:
    """An answer with each dated `id` (`s1@2026-01-20`, under a root given asOf:
    gql/dated.py) made plain, for tests about the figures rather than the ids."""
    if isinstance(node, list):
        return [plain_ids(n) for n in node]
    if isinstance(node, dict):
        return {k: plain(v) if k == "id" and isinstance(v, str) else plain_ids(v) for k, v in node.items()}  # fmt: skip
    return node


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A redis-server of its own (Debian's; .ci/run installs it when missing), for the
    rate limits shared by workers and instances."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is missing: `apt-get install -y redis-server` (.ci/run does)")
    port = free_port()
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(10)

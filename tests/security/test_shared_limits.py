"""Rate limits shared by workers and instances through Redis (SAMGRAPH_RATE_LIMIT_STORAGE),
against a real redis-server (Debian's; .ci/run installs it when missing)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from samgraph.db.driver import Db
from tests.conftest import api_key, app_client, settings_for_tests
from tests.live import free_port


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
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


async def _statuses(settings_a: object, settings_b: object, token: str) -> list[int]:
    """Three requests through each of two apps (two workers, or two instances)."""
    out = []
    async with app_client(settings_a, token) as a, app_client(settings_b, token) as b:  # type: ignore[arg-type]
        for client in (a, b, a, b, a, b):
            out.append(
                (await client.post("/graphql", json={"query": "{ __typename }"})).status_code
            )
    return out


async def test_two_workers_share_one_limit_through_redis(db: Db, redis_url: str) -> None:
    token = await api_key(db)
    shared = settings_for_tests(samgraph_rate_limit="5/minute",
                                samgraph_rate_limit_storage=redis_url)  # fmt: skip
    # 5 a minute for the key across both: the sixth request, on either, is refused.
    assert await _statuses(shared, shared, token) == [200, 200, 200, 200, 200, 429]


async def test_without_shared_storage_each_worker_counts_alone(db: Db) -> None:
    token = await api_key(db)
    alone = settings_for_tests(samgraph_rate_limit="5/minute")
    # memory:// (the default): each process allows the whole limit (documented).
    assert await _statuses(alone, alone, token) == [200] * 6

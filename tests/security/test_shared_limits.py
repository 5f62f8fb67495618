"""Rate limits shared by workers and instances through Redis (SAMGRAPH_RATE_LIMIT_STORAGE),
against a real redis-server (Debian's; .ci/run installs it when missing)."""

from __future__ import annotations

from samgraph.db.driver import Db
from tests.conftest import api_key, app_client, settings_for_tests


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

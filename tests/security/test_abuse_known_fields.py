"""Attacks by a caller who knows samgraph (issue 23), against the real server: documents
padded with fields to miss the validation cache, saved queries that call themselves,
and chunked bodies past the body limit."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import httpx

from samgraph.db.driver import Db
from samgraph.db.queries import queries
from tests.conftest import api_key, gql, settings_for_tests
from tests.live import live_server


async def test_documents_over_the_field_cap_are_refused_before_validation(
    client: httpx.AsyncClient,
) -> None:
    # 320 unaliased `account(id) { name }` (padded with a comment so each misses the
    # cache): 640 fields, over the default 500; validation never runs.
    for pad in range(3):
        query = "#" + "x" * pad + "\n{ " + 'account(id: "gfc") { name } ' * 320 + "}"
        body = await gql(client, query)
        error = body["errors"][0]
        assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
        assert error["message"] == "640 fields in the document: at most 500 (SAMGRAPH_MAX_FIELDS)"
    # 250 of them (500 fields) are within the cap.
    ok = await gql(client, "{ " + 'account(id: "gfc") { name } ' * 250 + "}")
    assert "errors" not in ok, ok["errors"][:1]


async def test_a_saved_query_may_not_run_saved_queries(client: httpx.AsyncClient, db: Db) -> None:
    save = """mutation($n: String!, $d: String!) { saveQuery(name: $n, document: $d) { name } }"""
    refused = await gql(client, save, n="loop", d='query { runSavedQuery(name: "loop") }')
    error = refused["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "`runSavedQuery` cannot be used inside a saved query" in error["message"]
    # Through a fragment too.
    frag = 'query { ...F } fragment F on Query { runSavedQuery(name: "pong") }'
    assert (await gql(client, save, n="ping", d=frag))["errors"][0]["extensions"]["code"] == (
        "BAD_USER_INPUT"
    )
    # A loop stored before the rule (written straight to the graph) is refused when run:
    # one round trip, no recursion, a coded error.
    await db.write(queries.reports.save_query, name="loop", document='query { runSavedQuery(name: "loop") }',
                   description=None, variables="{}", owner="old")  # fmt: skip
    started = time.monotonic()
    ran = await gql(client, '{ runSavedQuery(name: "loop") }')
    assert time.monotonic() - started < 5
    assert ran["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert len(ran["errors"]) == 1


async def _chunks(total: int, size: int = 1_000_000) -> AsyncIterator[bytes]:
    yield b'{"query": "{ members { totalCount } }", "x": "'
    sent = 0
    while sent < total:
        yield b"a" * size
        sent += size
    yield b'"}'


async def test_a_chunked_body_is_counted_as_it_arrives(db: Db) -> None:
    token = await api_key(db)
    settings = settings_for_tests(samgraph_max_body_bytes=2_000_000)
    with live_server(settings) as base:
        async with httpx.AsyncClient(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60
        ) as c:
            # 20 MB with no Content-Length (Transfer-Encoding: chunked), limit 2 MB.
            response = await c.post(
                "/graphql", content=_chunks(20_000_000),
                headers={"Content-Type": "application/json"},
            )  # fmt: skip
            assert response.status_code == 413
            assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
            # Under the limit, chunked: answered.
            small = await c.post(
                "/graphql", content=_chunks(1_000_000, 100_000),
                headers={"Content-Type": "application/json"},
            )  # fmt: skip
            assert small.status_code == 200, small.text

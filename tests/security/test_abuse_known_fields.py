"""Attacks by a caller who knows samgraph (issue 23), against the real server: documents
padded with fields to miss the validation cache, saved queries that call themselves,
and chunked bodies past the body limit."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator

import httpx
import pytest

from samgraph.bundle import service as bundle_service
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.demo.generate import generate
from tests.conftest import api_key, app_client, gql, settings_for_tests
from tests.factories import TODAY
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


async def test_a_saved_query_may_not_run_saved_queries(
    client: httpx.AsyncClient, db: Db, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="samgraph.refusals")
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
                   description=None, variables="{}", owner="old", shared=True)  # fmt: skip
    started = time.monotonic()
    ran = await gql(client, '{ runSavedQuery(name: "loop") }')
    assert time.monotonic() - started < 5
    assert ran["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert len(ran["errors"]) == 1
    # Each refusal is one INFO line, never an ERROR with a traceback (the loop once left
    # 3.5 MB of tracebacks per call).
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert [r.name for r in caplog.records if "runSavedQuery" in r.getMessage()] == [
        "samgraph.refusals"] * 3  # fmt: skip


async def test_a_saved_query_is_priced_with_its_variable_defaults(
    client: httpx.AsyncClient,
) -> None:
    # A page of n accounts: accounts 1 + nodes n + name n + teams n + stakeholders 10n
    # + their names 100n + relationships 100n + member 1,000n + its name 1,000n
    # = 1 + 2,214n. With the document's default n = 100: 221,401, over the default
    # 200,000 (it was priced as a page of 1, 2,215, and then ran as a page of 100). The
    # request's one budget holds the run and the field asking for it: 1 + 221,401.
    document = ("query($n: Int = 100) { accounts(first: $n) { nodes { name teams { stakeholders"
                " { name relationships { member { name } } } } } } }")  # fmt: skip
    save = """mutation($n: String!, $d: String!) { saveQuery(name: $n, document: $d) { name } }"""
    assert "errors" not in await gql(client, save, n="deep", d=document)
    ran = await gql(client, '{ runSavedQuery(name: "deep") }')
    error = ran["errors"][0]
    assert (
        error["extensions"]["code"] == "LIMIT_EXCEEDED" and error["extensions"]["cost"] == 221_402
    )
    # Given n: 91 is 1 + 1 + 2,214 x 91 = 201,476, refused; 90 is 199,262, run.
    ran = await gql(client, '{ runSavedQuery(name: "deep", variables: {n: 91}) }')
    assert ran["errors"][0]["extensions"]["cost"] == 201_476
    ran = await gql(client, '{ runSavedQuery(name: "deep", variables: {n: 90}) }')
    assert "errors" not in ran, ran["errors"]


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


async def test_analyses_exports_and_report_runs_are_priced_by_their_work(
    db: Db, capfd: pytest.CaptureFixture[str]
) -> None:
    """A portfolio of 10 accounts, SAMGRAPH_MAX_COST 20,000 (analysis 100 and export 200
    per account, the defaults)."""
    await bundle_service.import_bundle(
        db, generate(accounts=10, stakeholders_per_account=5, seed=3), changed_on=TODAY
    )
    viewer = await api_key(db, "VIEWER")
    settings = settings_for_tests(samgraph_max_cost=20_000)
    async with app_client(settings, viewer) as c:
        # portfolioGaps on a past day computes all 10 accounts: 1 (the field) + 10 x 100
        # (the work) + 100 (totalCount under first: 100) = 1,101 an alias. 18 aliases:
        # 19,818, within; 30: 33,030, refused before any resolver runs.
        def gaps(n: int) -> str:
            return "{ " + " ".join(
                f'g{i}: portfolioGaps(asOf: "2026-01-20", first: 100) {{ totalCount }}'
                for i in range(n)) + " }"  # fmt: skip

        ok = await gql(c, gaps(18))
        assert "errors" not in ok and ok["extensions"]["cost"] == 18 * 1_101
        refused = await gql(c, gaps(30))
        assert refused["data"] is None
        assert refused["errors"][0]["extensions"] == {
            "code": "LIMIT_EXCEEDED", "cost": 30 * 1_101, "limit": 20_000}  # fmt: skip
        # Today's portfolioGaps is a page read of the snapshots: 1 + 100 an alias.
        today = await gql(c, "{ " + " ".join(
            f"g{i}: portfolioGaps(first: 100) {{ totalCount }}" for i in range(30)) + " }")  # fmt: skip
        assert "errors" not in today and today["extensions"]["cost"] == 30 * 101
        # exportBundle exports the whole portfolio: 1 + 10 x 200 = 2,001 an alias; a VIEWER
        # exporting it 30 times over (60,030) is refused.
        exports = await gql(c, "{ " + " ".join(f"e{i}: exportBundle" for i in range(30)) + " }")
        assert exports["errors"][0]["extensions"]["cost"] == 30 * 2_001
        one = await gql(c, '{ exportBundle(accountIds: ["acc-0001"]) }')
        assert "errors" not in one and one["extensions"]["cost"] == 1 + 200
        # A report run costs its document: portfolio-coverage on a past day computes the
        # coverage of each of the 10 accounts (10 x 100 and its fields), so 28 aliased runs
        # are refused by the request's one budget, and one run is not.
        run = '{ runSavedQuery(name: "portfolio-coverage", variables: {asOf: "2026-01-20"}) }'
        assert "errors" not in await gql(c, run)
        many = "{ " + " ".join(
            f'r{i}: runSavedQuery(name: "portfolio-coverage", variables: {{asOf: "2026-01-20"}})'
            for i in range(28)) + " }"  # fmt: skip
        capfd.readouterr()
        body = await gql(c, many)
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
        # Each run costs at least its 10 coverage analyses (1,000): at most 20 of the 28
        # fit in 20,000; the others are refused (the audit log has a line per run that
        # started; the rest are dropped once the response's data is null).
        lines = [json.loads(line) for line in capfd.readouterr().err.splitlines()
                 if '"runSavedQuery"' in line]  # fmt: skip
        assert sum(line["outcome"] == "ok" for line in lines) <= 20
        dropped = [line for line in lines if line["outcome"] == "refused"]
        assert dropped and {line["code"] for line in dropped} == {"LIMIT_EXCEEDED"}

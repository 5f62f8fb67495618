"""Automatic persisted queries (Apollo's protocol) and the production allow-list."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import httpx

from samgraph.db.driver import Db
from tests.conftest import api_key, app_client, gql, settings_for_tests
from tests.factories import account, load

DOC = "query Count { accounts(first: 1) { totalCount } }"
HASH = hashlib.sha256(DOC.encode()).hexdigest()


def _apq(digest: str = HASH) -> dict[str, object]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


async def test_apq_register_then_hash_only(client: httpx.AsyncClient, db: Db) -> None:
    await load(db, {"accounts": [account(id="a1"), account(id="a2")]})
    # 1. The hash alone, unknown yet: the code and message Apollo Client and urql look for.
    miss = await client.post("/graphql", json={"extensions": _apq()})
    assert miss.status_code == 200
    assert miss.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    assert miss.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    # 2. Resent with the document: it runs and is kept.
    first = await client.post("/graphql", json={"query": DOC, "extensions": _apq()})
    assert first.json()["data"] == {"accounts": {"totalCount": 2}}
    # 3. The hash alone now runs it, over POST and over GET (cacheable by a CDN).
    again = await client.post("/graphql", json={"extensions": _apq()})
    assert again.json()["data"] == {"accounts": {"totalCount": 2}}
    get = await client.get("/graphql", params={"extensions": '{"persistedQuery": {"version": 1, '
                                               f'"sha256Hash": "{HASH}"}}}}'}, headers={"Accept": "application/json"})  # fmt: skip
    assert get.status_code == 200 and get.json()["data"] == {"accounts": {"totalCount": 2}}
    # A document that does not match its hash is refused, and nothing is kept for it.
    wrong = await client.post("/graphql", json={"query": "{ __typename }", "extensions": _apq()})
    assert wrong.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "does not match" in wrong.json()["errors"][0]["message"]
    # Nothing was kept for it: its own hash is unknown.
    mine = hashlib.sha256(b"{ __typename }").hexdigest()
    unknown = await client.post("/graphql", json={"extensions": _apq(mine)})
    assert unknown.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_allowlist_runs_registered_documents_only(db: Db, tmp_path: object) -> None:
    token = await api_key(db)
    settings = settings_for_tests(samgraph_persisted_queries="allowlist")
    async with app_client(settings, token) as c:
        # Not registered: refused whole and by hash; a client cannot register it.
        for body in ({"query": DOC}, {"query": DOC, "extensions": _apq()}):
            refused = (await c.post("/graphql", json=body)).json()
            assert refused["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_ALLOWED"
        assert (await c.post("/graphql", json={"extensions": _apq()})).json()["errors"][0][
            "extensions"
        ]["code"] == "PERSISTED_QUERY_NOT_FOUND"
        # An operator registers it (the CLI, as a deployment step does).
        file = tmp_path / "count.graphql"  # type: ignore[operator]
        file.write_text(DOC)
        out = subprocess.run(
            [sys.executable, "-m", "samgraph.cli", "persisted", "add", str(file)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        assert HASH in out.stdout
        assert (await gql(c, DOC))["data"] == {"accounts": {"totalCount": 0}}
        by_hash = await c.post("/graphql", json={"extensions": _apq()})
        assert by_hash.json()["data"] == {"accounts": {"totalCount": 0}}
        # Built-in reports are the server's own documents: they still run.
        report = await c.get("/reports/portfolio-coverage")
        assert report.status_code == 200, report.text


async def test_strawberry_refusals_have_the_error_body(client: httpx.AsyncClient) -> None:
    none = await client.post("/graphql", json={"variables": {}})
    assert none.status_code == 400
    assert none.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    not_json = await client.post(
        "/graphql", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert not_json.status_code == 400 and not_json.json()["errors"][0]["message"]
    mutation = await client.get("/graphql", params={"query": 'mutation { deleteAccount(id: "x") { deleted } }'})  # fmt: skip
    assert mutation.status_code == 405
    assert mutation.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


async def test_an_invalid_document_is_not_kept(client: httpx.AsyncClient) -> None:
    junk = "{ nope }"
    digest = hashlib.sha256(junk.encode()).hexdigest()
    sent = await client.post("/graphql", json={"query": junk, "extensions": _apq(digest)})
    assert sent.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    again = await client.post("/graphql", json={"extensions": _apq(digest)})
    assert again.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"

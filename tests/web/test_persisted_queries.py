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


async def test_what_clients_register_is_bounded(db: Db) -> None:
    """A VIEWER registering documents: one over the byte cap (padded with a comment the
    token limit does not count) is refused and never stored; past the registration rate
    the next one is refused; the store keeps the most recently used client documents."""
    token = await api_key(db, "VIEWER")
    settings = settings_for_tests(samgraph_persisted_max_bytes=2_000,
                                  samgraph_persisted_max_documents=3,
                                  samgraph_persisted_rate="5/hour")  # fmt: skip
    from samgraph.db.queries import queries

    async def stored() -> int:
        return int((await db.read(queries.persisted.count_documents))[0]["documents"])

    async with app_client(settings, token) as c:

        async def register(doc: str) -> dict[str, object]:
            digest = hashlib.sha256(doc.encode()).hexdigest()
            body: dict[str, object] = (
                await c.post("/graphql", json={"query": doc, "extensions": _apq(digest)})
            ).json()
            return body

        padded = "#" + "x" * 3_000 + "\n{ __typename }"
        big = await register(padded)
        assert big["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"  # type: ignore[index]
        assert "3016 bytes: at most 2000" in big["errors"][0]["message"]  # type: ignore[index]
        assert await stored() == 0
        # Five registrations (the rate), each a distinct document: the store keeps 3.
        docs = [f"query Q{i} {{ __typename }}" for i in range(6)]
        for doc in docs[:5]:
            assert "errors" not in await register(doc)
        assert await stored() == 3
        # The two least recently used (Q0, Q1) were evicted; Q2-Q4 remain.
        rows = [await db.read(queries.persisted.get_document,
                              hash=hashlib.sha256(d.encode()).hexdigest()) for d in docs[:5]]  # fmt: skip
        assert [r[0]["document"] is not None for r in rows] == [False, False, True, True, True]
        over = await register(docs[5])
        assert over["errors"][0]["extensions"]["code"] == "RATE_LIMITED"  # type: ignore[index]
        assert await stored() == 3

"""GraphQL hardening: depth, alias and token limits, body size, production mode."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest_asyncio

from samgraph.db.driver import Db
from tests.conftest import api_key, app_client, gql, settings_for_tests


@pytest_asyncio.fixture(loop_scope="session")
async def prod(db: Db) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(settings_for_tests(samgraph_env="production"), await api_key(db)) as c:
        yield c


async def test_depth_bomb_is_refused_naming_the_limit(client: httpx.AsyncClient) -> None:
    # account > teams > stakeholders > manager x 9: depth 12 > 10.
    deep = (
        '{ account(id: "a") { teams { stakeholders { '
        + "manager { " * 9
        + "id"
        + " }" * 9
        + " } } } }"
    )
    body = await gql(client, deep)
    assert body["data"] is None
    assert "exceeds maximum operation depth of 10" in body["errors"][0]["message"]
    # The README's deepest query (depth 5) passes the same limit.
    ok = await gql(
        client,
        '{ account(id: "a") { teams { stakeholders { relationships { member { name } } } } } }',
    )
    assert "errors" not in ok


async def test_alias_bomb_is_refused(client: httpx.AsyncClient) -> None:
    aliases = " ".join(f"a{i}: members {{ nodes {{ id }} }}" for i in range(31))
    body = await gql(client, "{ " + aliases + " }")
    error = body["errors"][0]
    assert error["message"] == "31 aliases found. Allowed: 30"
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert body.get("data") is None


async def test_token_limit(client: httpx.AsyncClient) -> None:
    fields = " ".join("id" for _ in range(3100))
    body = await gql(client, "{ members { nodes { " + fields + " } } }")
    assert "3000" in body["errors"][0]["message"]


async def test_fragment_cycle_is_refused(client: httpx.AsyncClient) -> None:
    q = "{ members { nodes { ...A } } } fragment A on Member { ...B } fragment B on Member { ...A }"
    body = await gql(client, q)
    assert body.get("data") is None and body["errors"]


async def test_body_over_the_limit_is_413(client: httpx.AsyncClient) -> None:
    huge = "x" * 26_000_000
    response = await client.post(
        "/graphql", content=huge, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


async def test_mutations_refused_over_get(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql", params={"query": 'mutation { deleteAccount(id: "a") { deleted } }'}
    )
    assert response.status_code in (400, 405)


async def test_injection_strings_are_data_not_cypher(client: httpx.AsyncClient) -> None:
    evil = "x' }) MATCH (n) DETACH DELETE n //"
    body = await gql(
        client,
        'mutation($n: String!) { upsertAccounts(input: [{id: "inj", name: $n}]) { name } }',
        n=evil,
    )
    assert body["data"]["upsertAccounts"] == [{"name": evil}]
    again = await gql(
        client,
        "query($f: AccountFilter) { accounts(filter: $f) { totalCount } }",
        f={"nameContains": evil},
    )
    assert again["data"]["accounts"]["totalCount"] == 1


async def test_production_mode_turns_off_introspection_and_graphiql(
    prod: httpx.AsyncClient,
) -> None:
    body = await gql(prod, "{ __schema { types { name } } }")
    assert body["errors"] and "introspection" in body["errors"][0]["message"].lower()
    page = await prod.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code != 200 or "graphiql" not in page.text.lower()
    assert (await gql(prod, "{ members { nodes { id } } }"))["data"] == {"members": {"nodes": []}}

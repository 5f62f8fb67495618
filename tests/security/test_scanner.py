"""The twelve checks of an outside GraphQL scanner (graphql-cop), each as its request and
its "vulnerable if" rule, against the production-mode app with a VIEWER key: CI keeps
the scan clean without the scanner."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import AsyncIterator

import httpx
import pytest

from samgraph.db.driver import Db
from tests.conftest import api_key, app_client, settings_for_tests

TYPENAME = "query cop { __typename }"


@contextlib.asynccontextmanager
async def production(db: Db) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(settings_for_tests(samgraph_env="production"), await api_key(db, "VIEWER")) as c:  # fmt: skip
        yield c


@pytest.fixture
async def cop(db: Db) -> AsyncIterator[httpx.AsyncClient]:
    async with production(db) as client:
        yield client


async def post(client: httpx.AsyncClient, query: str) -> dict[str, object]:
    body: dict[str, object] = (await client.post("/graphql", json={"query": query})).json()
    return body


async def test_1_introspection_is_off(cop: httpx.AsyncClient) -> None:
    body = await post(cop, "query cop { __schema { types { name fields { name } } } }")
    assert not body.get("data"), body  # vulnerable if data.__schema answers
    assert "introspection" in json.dumps(body["errors"]).lower()


async def test_2_no_field_suggestions(cop: httpx.AsyncClient) -> None:
    body = await post(cop, "query cop { __schema { directive } }")
    assert "Did you mean" not in json.dumps(body)  # vulnerable if it suggests a field


async def test_3_no_ide_is_served(cop: httpx.AsyncClient) -> None:
    for path in ("/graphql", "/graphiql", "/playground", "/explorer"):
        page = await cop.get(path, headers={"Accept": "text/html"})
        assert "graphiql" not in page.text.lower() and "playground" not in page.text.lower(), path


async def test_4_array_batching_is_refused(cop: httpx.AsyncClient) -> None:
    response = await cop.post("/graphql", json=[{"query": TYPENAME}] * 10)
    # Vulnerable if 10 results come back as a list.
    assert response.status_code == 400 and not isinstance(response.json(), list)


async def test_5_alias_overloading_is_limited(cop: httpx.AsyncClient) -> None:
    aliases = " ".join(f"alias{i}:__typename" for i in range(101))
    body = await post(cop, f"query cop {{ {aliases} }}")
    assert not body.get("data"), "alias100 answered"  # vulnerable if data.alias100
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"  # type: ignore[index]


async def test_6_circular_introspection_is_refused(cop: httpx.AsyncClient) -> None:
    deep = "query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }"  # fmt: skip
    body = await post(cop, deep)
    assert not body.get("data"), body


async def test_7_no_mutation_over_get(cop: httpx.AsyncClient) -> None:
    response = await cop.get("/graphql", params={"query": "mutation cop { __typename }"})
    assert response.status_code == 405 and "data" not in response.json()


async def test_8_no_url_encoded_post(cop: httpx.AsyncClient) -> None:
    # Vulnerable (CSRF: a plain HTML form can send it) if data.__typename answers.
    response = await cop.post(
        "/graphql", content=f"query={TYPENAME}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    assert response.status_code in (400, 415) and "data" not in response.text


async def test_9_no_trace_mode(cop: httpx.AsyncClient) -> None:
    body = await post(cop, TYPENAME)
    assert body["data"] == {"__typename": "Query"}
    assert "tracing" not in (body.get("extensions") or {})  # type: ignore[operator]


async def test_10_unhandled_errors_show_no_internals(cop: httpx.AsyncClient) -> None:
    body = await post(cop, "query cop { __typename {}")
    text = json.dumps(body).lower()
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"  # type: ignore[index]
    assert "exception" not in text and "traceback" not in text and ".py" not in text


async def test_11_directive_overloading_is_capped(cop: httpx.AsyncClient) -> None:
    # The scanner's own document: vulnerable if it answers exactly 10 errors.
    body = await post(cop, "query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }")
    errors = body["errors"]
    assert isinstance(errors, list) and len(errors) == 1
    assert errors[0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert errors[0]["message"] == "10 directives on one field: at most 4"
    # 1,500 directives spread one per field stay under the token limit... and the
    # per-document cap (50) answers them with one error too.
    spread = " ".join(f"a{i}: __typename @aa" for i in range(60))
    body = await post(cop, f"query cop {{ {spread} }}")
    assert [e["message"] for e in body["errors"]] == ["60 directives in the document: at most 50"]  # type: ignore[attr-defined]
    # Under the caps, unknown directives still get one error each, up to 10 errors and
    # graphql-core's "too many" note: 11 errors at most for any document.
    few = " ".join(f"b{i}: __typename @x{i}" for i in range(30))
    body = await post(cop, f"query cop {{ {few} }}")
    errors = body["errors"]
    assert isinstance(errors, list) and len(errors) == 11
    assert errors[-1]["message"].startswith("Too many validation errors")
    assert errors[-1]["extensions"]["code"] == "LIMIT_EXCEEDED"


async def test_12_no_query_over_get(cop: httpx.AsyncClient) -> None:
    response = await cop.get("/graphql", params={"query": TYPENAME})
    assert response.status_code == 405 and response.headers["Allow"] == "POST"
    body = response.json()
    assert "data" not in body and body["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


async def test_get_is_for_persisted_hashes_and_can_be_turned_on(db: Db) -> None:
    """GET stays open to a persisted query's hash in production (APQ: register it over
    POST, then GET it by hash), and SAMGRAPH_GET_QUERIES=true opens it to documents."""
    document = "query Name { __typename }"
    sha = hashlib.sha256(document.encode()).hexdigest()
    ext = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha}})
    async with production(db) as c:
        registered = await c.post(
            "/graphql", json={"query": document, "extensions": json.loads(ext)}
        )
        assert registered.json()["data"] == {"__typename": "Query"}
        by_hash = await c.get("/graphql", params={"extensions": ext})
        assert by_hash.status_code == 200 and by_hash.json()["data"] == {"__typename": "Query"}
    opened = settings_for_tests(samgraph_env="production", samgraph_get_queries=True)
    async with app_client(opened, await api_key(db, "VIEWER")) as c:
        response = await c.get("/graphql", params={"query": TYPENAME})
        assert response.status_code == 200 and response.json()["data"] == {"__typename": "Query"}

"""The HTTP edge: probes, masked errors, one error body on every path, the schema file."""

from __future__ import annotations

from pathlib import Path

import httpx

from samgraph.schema import schema
from tests.conftest import gql


async def test_health_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}


async def test_unexpected_errors_are_masked(client: httpx.AsyncClient) -> None:
    body = await gql(client, "{ nope }")
    assert "Cannot query field" in body["errors"][0]["message"]


def test_schema_file_is_fresh() -> None:

    exported = (Path(__file__).resolve().parents[2] / "schema.graphql").read_text()
    assert exported.strip() == schema.as_str().strip(), (
        "run `make schema` and commit schema.graphql"
    )


async def test_every_refusal_has_the_graphql_error_body(client: httpx.AsyncClient) -> None:
    # An unknown path, a wrong method and a bad parameter used to answer FastAPI's own
    # `{"detail": ...}`; now each answers `{"errors": [{message, extensions.code}]}`.
    cases = [
        (await client.get("/nowhere"), 404, "NOT_FOUND", None),
        (await client.delete("/healthz"), 405, "METHOD_NOT_ALLOWED", None),
        (await client.get("/reports/portfolio-coverage?format=xml"), 422, "BAD_USER_INPUT", "format"),
        (await client.get("/reports/nope"), 404, "NOT_FOUND", "name"),
    ]  # fmt: skip
    for response, status, code, field in cases:
        assert response.status_code == status, response.text
        body = response.json()
        assert set(body) == {"errors"}, body
        assert body["errors"][0]["extensions"]["code"] == code
        assert body["errors"][0]["message"]
        assert body["errors"][0]["extensions"].get("field") == field
    unauthenticated = await client.get("/graphql?query={__typename}", headers={"Authorization": ""})
    assert unauthenticated.status_code == 401
    assert unauthenticated.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

"""The GraphQL over HTTP specification on /graphql: with `Accept:
application/graphql-response+json`, a request error answers 4xx with `errors` and no
`data`, an executed operation 200 (its field errors beside its data), always with that
media type; `application/json` answers as it always did (200, `data`)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from samgraph.db.driver import Db
from tests.conftest import api_key, client_for

RESPONSE = "application/graphql-response+json"
BOTH = f"{RESPONSE}, application/json;q=0.9"  # what Apollo Client 4 and urql send

# (document, variables, the request error's code): none of them is executed.
REQUEST_ERRORS = [
    ("{ accounts { nodes { id }", {}, "GRAPHQL_PARSE_FAILED"),
    ("{ accounts { nodes { nope } } }", {}, "GRAPHQL_VALIDATION_FAILED"),
    ("query($n: Int!) { accounts(first: $n) { totalCount } }", {"n": "ten"}, "BAD_USER_INPUT"),
    ("query A { __typename } query B { __typename }", {}, "OPERATION_RESOLUTION_FAILURE"),
]


async def _post(client: httpx.AsyncClient, accept: str | None, query: str, **body: Any) -> httpx.Response:  # fmt: skip
    headers = {"Accept": accept} if accept else {}
    return await client.post("/graphql", json={"query": query, **body}, headers=headers)


@pytest.mark.parametrize(("query", "variables", "code"), REQUEST_ERRORS)
@pytest.mark.parametrize("accept", [RESPONSE, BOTH])
async def test_a_request_error_is_a_400_without_data(
    client: httpx.AsyncClient, accept: str, query: str, variables: dict[str, Any], code: str
) -> None:
    answer = await _post(client, accept, query, variables=variables)
    assert answer.status_code == 400, answer.text
    assert answer.headers["content-type"] == RESPONSE
    body = answer.json()
    assert "data" not in body and body["errors"], body  # no `data` entry at all
    assert body["errors"][0]["extensions"]["code"] == code


@pytest.mark.parametrize(("query", "variables", "code"), REQUEST_ERRORS)
@pytest.mark.parametrize("accept", [None, "application/json", "*/*"])
async def test_application_json_keeps_200_and_data(
    client: httpx.AsyncClient, accept: str | None, query: str, variables: dict[str, Any], code: str
) -> None:
    answer = await _post(client, accept, query, variables=variables)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert body["data"] is None and body["errors"][0]["extensions"]["code"] == code


async def test_an_executed_operation_is_200_with_its_field_errors(
    client: httpx.AsyncClient,
) -> None:
    ok = await _post(client, RESPONSE, "{ accounts { totalCount } }")
    assert ok.status_code == 200 and ok.headers["content-type"] == RESPONSE
    assert ok.json()["data"] == {"accounts": {"totalCount": 0}} and "errors" not in ok.json()
    # A field error (a check in a resolver) is not a request error: 200, data beside it.
    failed = await _post(client, RESPONSE, "{ accounts(first: 0) { totalCount } }")
    assert failed.status_code == 200, failed.text
    body = failed.json()
    assert "data" in body and body["errors"][0]["path"] == ["accounts"]
    # An operation named in a document of several runs that one.
    named = await _post(client, RESPONSE, "query A { accounts { totalCount } } query B { __typename }",
                        operationName="B")  # fmt: skip
    assert named.status_code == 200 and named.json()["data"] == {"__typename": "Query"}


async def test_a_refusal_before_execution_has_its_own_status(
    client: httpx.AsyncClient, db: Db
) -> None:
    # A VIEWER's mutation is refused by role before anything runs: 403, no data.
    viewer = client_for(client, await api_key(db, "VIEWER"))
    refused = await _post(viewer, RESPONSE, 'mutation { deleteAccount(id: "x") { deleted } }')
    assert refused.status_code == 403, refused.text
    assert "data" not in refused.json()
    assert refused.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_cut_header_is_readable_by_a_browser(client: httpx.AsyncClient) -> None:
    # A development app allows http://localhost:5173 (SAMGRAPH_CORS_ORIGINS' default).
    answer = await client.get("/healthz", headers={"Origin": "http://localhost:5173"})
    exposed = answer.headers.get("access-control-expose-headers", "")
    assert "X-Samgraph-Cut" in [h.strip() for h in exposed.split(",")]

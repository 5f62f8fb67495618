"""Every error on every path carries `extensions.code` (and `field` when one argument or
variable is at fault), named as the client sent it."""

from __future__ import annotations

import httpx

from tests.conftest import gql


async def test_parse_validation_and_variable_errors_are_coded(client: httpx.AsyncClient) -> None:
    parse = await gql(client, "{ accounts(first: 1) { totalCount }")
    assert parse["errors"][0]["extensions"] == {"code": "GRAPHQL_PARSE_FAILED"}
    invalid = await gql(client, "{ nope }")
    assert invalid["errors"][0]["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert "Cannot query field 'nope'" in invalid["errors"][0]["message"]
    # A variable of the wrong type is the client's input: BAD_USER_INPUT naming it.
    variables = await gql(client, "query($n: Int!) { accounts(first: $n) { totalCount } }", n="x")
    assert variables["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "n"}
    deep = await gql(
        client,
        "mutation($r: [AccountInput!]!) { upsertAccounts(input: $r) { id } }",
        r=[{"id": "a", "name": "A", "healthScore": "high"}],
    )
    error = deep["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["field"] == "r[0].healthScore"


async def test_limits_are_coded_limit_exceeded(client: httpx.AsyncClient) -> None:
    too_deep = "{ accounts { nodes { teams { stakeholders { reports { reports { reports { reports { reports { reports { name } } } } } } } } } } }"
    body = await gql(client, too_deep)
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    tokens = await gql(client, "{ " + "__typename " * 3001 + "}")
    assert tokens["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"

"""Bundle import and export through the real app."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import gql
from tests.graph.test_graph_graphql import IMPORT, _accounts, _export, _load


async def test_bad_bundle_through_graphql_writes_nothing(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    example_bundle["relationships"][4]["strength"] = 0
    body = await gql(client, IMPORT, b=example_bundle)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["field"] == "relationships[4].strength"
    assert body["errors"][0]["message"].startswith("relationships[4].strength:")
    assert (await _export(client))["accounts"] == []


async def test_export_by_account(client: httpx.AsyncClient, example_bundle: dict[str, Any]) -> None:
    await _load(client, example_bundle)
    await _load(client, _accounts(1))
    body = await gql(client, '{ exportBundle(accountIds: ["a0"]) }')
    out = body["data"]["exportBundle"]
    assert [a["id"] for a in out["accounts"]] == ["a0"]
    assert len(out["stakeholders"]) == 6 and [m["id"] for m in out["members"]] == ["m1"]

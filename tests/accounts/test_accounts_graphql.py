"""Accounts through the real app: the portfolio list, its filters, sorts and cursors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import gql
from tests.graph.test_graph_graphql import _accounts, _load


async def test_cursor_pagination(client: httpx.AsyncClient) -> None:
    await _load(client, _accounts(7))
    q = """query($after: String) { accounts(first: 3, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } edges { cursor node { id } } } }"""
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        page = (await gql(client, q, after=after))["data"]["accounts"]
        assert page["totalCount"] == 7
        seen += [n["id"] for n in page["nodes"]]
        assert [e["node"]["id"] for e in page["edges"]] == [n["id"] for n in page["nodes"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    # 7 accounts, 3 a page: pages of 3, 3, 1, in id order.
    assert pages == 3
    assert seen == [f"a{i}" for i in range(7)]


async def test_paging_by_id_in_cypher_matches_the_general_path(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await _load(client, example_bundle)
    await _load(client, _accounts(7))
    q = """query($f: AccountFilter, $after: String, $desc: Boolean!) {
      accounts(filter: $f, first: 3, after: $after, descending: $desc) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id tier } } }"""
    # Ascending by id is paged in Cypher; descending goes through the general path
    # (every account, sorted in Python): the same accounts in the opposite order.
    totals = []
    for f in ({}, {"minArr": 1}, {"nameContains": "a"}):
        asc, after = [], None
        while True:
            page = (await gql(client, q, f=f, after=after, desc=False))["data"]["accounts"]
            asc += page["nodes"]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        every = await gql(client, q.replace("first: 3", "first: 100"), f=f, after=None, desc=True)
        desc = every["data"]["accounts"]
        assert asc == desc["nodes"][::-1] and len(asc) == desc["totalCount"] == page["totalCount"]
        totals.append(page["totalCount"])
    # gfc + a0..a6 = 8 unfiltered; a stale cursor is refused on the
    # Cypher path too.
    assert totals[0] == 8 and all(0 < t <= 8 for t in totals)
    body = await gql(client, q, f={"minArr": 10**9}, after=after, desc=False)
    assert body["errors"][0]["extensions"]["field"] == "after"


async def test_account_filter(client: httpx.AsyncClient, example_bundle: dict[str, Any]) -> None:
    await _load(client, example_bundle)
    await _load(client, _accounts(2))
    q = """query($f: AccountFilter) { accounts(filter: $f) { totalCount nodes { id } } }"""
    assert (await gql(client, q, f={"industry": "Financial Services"}))["data"]["accounts"][
        "nodes"
    ] == [{"id": "gfc"}]
    assert (await gql(client, q, f={"minArr": 800000}))["data"]["accounts"]["totalCount"] == 1
    assert (await gql(client, q, f={"memberId": "vpsales"}))["data"]["accounts"]["nodes"] == [
        {"id": "gfc"}
    ]
    assert (await gql(client, q, f={"nameContains": "account"}))["data"]["accounts"][
        "totalCount"
    ] == 2


@pytest.mark.parametrize(
    ("args", "field"),
    [({"first": 0}, "first"), ({"first": 5001}, "first"), ({"after": "bogus"}, "after")],
)
async def test_pagination_arguments_are_checked(
    client: httpx.AsyncClient, args: dict[str, Any], field: str
) -> None:
    q = "query($first: Int = 50, $after: String) { accounts(first: $first, after: $after) { totalCount } }"
    body = await gql(client, q, **args)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["errors"][0]["extensions"]["field"] == field

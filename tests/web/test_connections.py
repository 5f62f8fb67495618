"""Every list that grows with the portfolio is a cursor connection: `first`/`after`,
a complete PageInfo and totalCount."""

from __future__ import annotations

from typing import Any

import httpx

from samgraph.db.driver import Db
from samgraph.reports.service import BUILTIN_DIR
from tests.conftest import gql
from tests.factories import load

PAGE = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"


async def _walk(client: httpx.AsyncClient, field: str, args: str, inner: str, first: int) -> list[Any]:  # fmt: skip
    """Page through `field` `first` at a time; check each PageInfo; return every node."""
    seen: list[Any] = []
    after: str | None = None
    while True:
        q = ("query($after: String) { page: " + field + "(" + args + f"first: {first}, "
             "after: $after) { " + PAGE + " edges { cursor } nodes { " + inner + " } } }")  # fmt: skip
        body = await gql(client, q, after=after)
        assert "errors" not in body, body
        page = body["data"]["page"]
        info, nodes, edges = page["pageInfo"], page["nodes"], page["edges"]
        assert info["hasPreviousPage"] is (after is not None)
        assert (
            info["startCursor"] == edges[0]["cursor"] and info["endCursor"] == edges[-1]["cursor"]
        )
        assert len(nodes) == len(edges) <= first
        seen.extend(nodes)
        if not info["hasNextPage"]:
            assert len(seen) == page["totalCount"]
            return seen
        after = info["endCursor"]


async def test_every_growing_list_pages(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    extra = {"members": [{"id": f"m{i:02}", "name": f"Member {i:02}"} for i in range(5)],
             "products": [{"id": f"p{i}", "name": f"P{i}", "pricing": "PER_TEAM",
                           "listPrice": 10.0} for i in range(3)]}  # fmt: skip
    await load(db, extra)
    # 2 members of the example + 5 = 7, by name: "Maria Rodriguez", "Member 00".."04", "Tom Becker".
    members = await _walk(client, "members", "", "id", first=3)  # pages of 3, 3, 1
    assert [m["id"] for m in members] == [
        "mrodriguez",
        "m00",
        "m01",
        "m02",
        "m03",
        "m04",
        "vpsales",
    ]
    # 2 products of the example + 3 = 5.
    assert len(await _walk(client, "products", "", "id", first=2)) == 5
    # Every built-in report, a page of 3 at a time.
    builtins = len(list(BUILTIN_DIR.glob("*.graphql")))
    assert len(await _walk(client, "savedQueries", "", "name", first=3)) == builtins
    # On 2026-01-20 three edges are overdue (akim, lthompson, sjohnson: see test_as_of).
    touches = await _walk(client, "overdueTouches", 'asOf: "2026-01-20", ', "id", first=2)
    assert sorted(t["id"] for t in touches) == [
        "mrodriguez:akim",
        "mrodriguez:sjohnson",
        "vpsales:lthompson",
    ]
    whole = await gql(
        client, '{ portfolioGaps(asOf: "2026-01-20", first: 100) { nodes { code stakeholderId } } }'
    )
    gaps = await _walk(
        client, "portfolioGaps", 'asOf: "2026-01-20", ', "code stakeholderId", first=2
    )
    assert gaps == whole["data"]["portfolioGaps"]["nodes"] and len(gaps) >= 3


async def test_history_pages_and_bad_cursors_are_named(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    for title in ("SVP", "EVP", "COO"):  # three recorded title changes
        await gql(client, 'mutation($t: String) { upsertStakeholders(input: [{id: "mchen", '
                          "title: $t}]) { id } }", t=title)  # fmt: skip
    q = """query($after: String) { stakeholder(id: "mchen") {
      history(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        nodes { new } } } }"""
    first = (await gql(client, q))["data"]["stakeholder"]["history"]
    assert first["totalCount"] == 3 and [n["new"] for n in first["nodes"]] == ["SVP", "EVP"]
    rest = (await gql(client, q, after=first["pageInfo"]["endCursor"]))["data"]
    assert [n["new"] for n in rest["stakeholder"]["history"]["nodes"]] == ["COO"]
    # A cursor of another list, and a page over the cap, name the argument.
    bad = await gql(client, '{ members(after: "bm9wZQ==") { totalCount } }')
    assert bad["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT", "field": "after",
        "problems": [{"path": "after", "message": "not a cursor of this list (member)"}]}  # fmt: skip
    big = await gql(client, "{ products(first: 101) { totalCount } }")
    assert big["errors"][0]["extensions"]["field"] == "first"


TWINS = [
    # (the list, its connection twin, what to select): same items, same order.
    ('account(id: "gfc") { page: stakeholders(includeDeparted: true)',
     'account(id: "gfc") { page: stakeholdersConnection(includeDeparted: true, ', "id name"),
    ('account(id: "gfc") { page: interactions', 'account(id: "gfc") { page: interactionsConnection(', "id date"),
    ('account(id: "gfc") { page: overdueTouches(asOf: "2026-01-20")',
     'account(id: "gfc") { page: overdueTouchesConnection(asOf: "2026-01-20", ', "id"),
    ('member(id: "mrodriguez") { page: overdueTouches(asOf: "2026-01-20")',
     'member(id: "mrodriguez") { page: overdueTouchesConnection(asOf: "2026-01-20", ', "id"),
    ("{ page: apiKeys", "{ page: apiKeysConnection(", "id name"),
    ('{ page: championMoves(asOf: "2026-01-20")', '{ page: championMovesConnection(asOf: "2026-01-20", ',
     "person { id } fromAccountId"),
]  # fmt: skip


def _inner(body: dict[str, Any]) -> Any:
    data = body["data"]
    return data["page"] if "page" in data else next(iter(data.values()))["page"]


async def test_each_list_has_a_connection_twin_with_the_same_arguments(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    # Three interactions without attendees (no relationship's last contact moves).
    notes = [{"id": f"i{d}", "accountId": "gfc", "date": f"2025-06-0{d}", "type": "MEETING",
              "memberIds": [], "stakeholderIds": []} for d in (1, 2, 3)]  # fmt: skip
    await load(db, {"interactions": notes})
    for i in range(3):  # three more API keys, so the keys page too
        await gql(client, f'mutation {{ createApiKey(role: VIEWER, name: "k{i}") {{ token }} }}')
    sizes = []
    for plain, twin, inner in TWINS:
        whole = await gql(client, "{ " + plain.removeprefix("{ ") + " { " + inner + " } }" + ("" if plain.startswith("{") else " }"))  # fmt: skip
        assert "errors" not in whole, (plain, whole)
        expected = _inner(whole)
        seen: list[Any] = []
        after: str | None = None
        while True:  # pages of 2: every page's PageInfo, then the same items in the same order
            q = ("query($after: String) { " + twin.removeprefix("{ ") + "first: 2, after: $after) { "
                 + PAGE + " nodes { " + inner + " } } }" + ("" if twin.startswith("{") else " }"))  # fmt: skip
            page = _inner(await gql(client, q, after=after))
            assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
            assert len(page["nodes"]) <= 2 and page["totalCount"] == len(expected)
            seen += page["nodes"]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert seen == expected, twin
        sizes.append(len(seen))
    # In TWINS' order: the example (§12) has 7 stakeholders; 3 interactions (added above);
    # 3 overdue edges on 2026-01-20, 2 of them Maria Rodriguez's (akim, sjohnson); 1 + 3
    # API keys; no champion has moved.
    assert sizes == [7, 3, 3, 2, 4, 0]
    # The same limits as every connection: a page over the cap names `first`.
    big = await gql(
        client, '{ account(id: "gfc") { stakeholdersConnection(first: 101) { totalCount } } }'
    )
    assert big["errors"][0]["extensions"]["field"] == "first"

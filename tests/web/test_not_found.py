"""One meaning of "not found" across queries, fields, mutations and reports: a lookup by
id answers null without an error; an argument naming something that does not exist is
NOT_FOUND naming that argument; a wrong value beside it makes it BAD_USER_INPUT."""

from __future__ import annotations

from typing import Any

import httpx

from samgraph.db.driver import Db
from tests.conftest import gql
from tests.factories import load


def _error(body: dict[str, Any]) -> tuple[str, list[str]]:
    (error,) = body["errors"]
    ext = error["extensions"]
    return ext["code"], [p["path"] for p in ext.get("problems", [])]


async def test_not_found_means_one_thing(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    # A lookup by id: null, no error.
    for root in ("account", "stakeholder", "member"):
        body = await gql(client, f'{{ {root}(id: "nope") {{ id }} }}')
        assert body["data"] == {root: None} and "errors" not in body, body
    # A field's argument: NOT_FOUND naming it; the account still answers.
    body = await gql(client, '{ account(id: "gfc") { id warmPaths(to: "nobody") { hops } } }')
    assert body["data"] == {"account": {"id": "gfc", "warmPaths": None}}
    assert _error(body) == ("NOT_FOUND", ["to"])
    # A mutation's argument: NOT_FOUND naming it (it was BAD_USER_INPUT).
    body = await gql(client, 'mutation { linkKnows(memberId: "nobody", stakeholderId: "dpark", '
                     "strength: 3) { id } }")  # fmt: skip
    assert _error(body) == ("NOT_FOUND", ["memberId"])
    body = await gql(client, 'mutation { markDeparted(stakeholderId: "nobody") { id } }')
    assert _error(body) == ("NOT_FOUND", ["stakeholderId"])
    # Two unknown references: NOT_FOUND naming both.
    body = await gql(client, 'mutation { upsertStakeholders(input: [{id: "n1", accountId: "gfc", '
                     'name: "N", teamId: "t-none", managerId: "m-none"}]) { id } }')  # fmt: skip
    assert _error(body) == ("NOT_FOUND", ["input[0].teamId", "input[0].managerId"])
    # An unknown reference beside another problem (one cannot influence oneself):
    # BAD_USER_INPUT listing all three.
    body = await gql(client, 'mutation { linkInfluence(fromId: "ghost", toId: "ghost", weight: 3) '
                     "{ weight } }")  # fmt: skip
    assert _error(body) == ("BAD_USER_INPUT", ["fromId", "toId", "toId"]), body


async def test_a_reports_bad_parameter_is_bad_user_input(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    bad = await client.get("/reports/overdue-touches-by-member?asOf=2026-13-01")
    assert bad.status_code == 400, bad.text
    assert bad.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"

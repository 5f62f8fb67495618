"""Saved queries read whole lists, or say in the response which lists they cut and by
how much (reports/paging.py)."""

from __future__ import annotations

import asyncio
import json

import httpx
from typer.testing import CliRunner

from samgraph.cli import app
from samgraph.db.driver import Db
from tests import factories as f
from tests.conftest import gql

SAVE = """mutation($n: String!, $d: String!) { saveQuery(name: $n, document: $d) { name } }"""
RUN = "query($n: String!) { runSavedQuery(name: $n) }"


async def _accounts(db: Db, n: int) -> list[str]:
    rows = [f.account(id=f"a{i:03d}", name=f"Account {i:03d}") for i in range(n)]
    await f.load(db, {"accounts": rows})
    return [r["id"] for r in rows]


async def test_a_root_list_without_first_is_read_whole(client: httpx.AsyncClient, db: Db) -> None:
    ids = await _accounts(db, 124)
    # The case: no `first`, so the API's default page of 50 used to be all of it.
    # Through a fragment and with the author's own pageInfo and totalCount, as people write.
    doc = """query All { accounts(sortBy: ID) { totalCount pageInfo { hasNextPage }
      nodes { ...Row } } }
      fragment Row on Account { id name }"""
    assert "errors" not in await gql(client, SAVE, n="all-accounts", d=doc)
    body = await gql(client, RUN, n="all-accounts")
    assert "errors" not in body, body
    found = body["data"]["runSavedQuery"]["accounts"]
    # 124 rows = pages of 100 + 24, in order, none twice; the hidden fields are gone.
    assert [n["id"] for n in found["nodes"]] == ids
    assert found["totalCount"] == 124 and set(found) == {"totalCount", "pageInfo", "nodes"}
    assert "cut" not in body["extensions"]
    csv = await client.get("/reports/all-accounts", params={"format": "csv"})
    assert csv.status_code == 200 and len(csv.text.strip().splitlines()) == 1 + 124
    assert "X-Samgraph-Cut" not in csv.headers


async def test_a_list_cut_by_first_says_so(client: httpx.AsyncClient, db: Db) -> None:
    await _accounts(db, 124)
    doc = "{ accounts(first: 10, sortBy: ID) { nodes { id } } }"
    assert "errors" not in await gql(client, SAVE, n="ten", d=doc)
    body = await gql(client, RUN, n="ten")
    assert len(body["data"]["runSavedQuery"]["accounts"]["nodes"]) == 10  # as asked
    cut = {"report": "ten", "path": "accounts", "returned": 10, "totalCount": 124}
    assert body["extensions"]["cut"] == [cut]
    as_json = await client.get("/reports/ten")
    assert as_json.json()["cut"] == [{"path": "accounts", "returned": 10, "totalCount": 124}]
    as_csv = await client.get("/reports/ten", params={"format": "csv"})
    assert as_csv.headers["X-Samgraph-Cut"] == "accounts=10/124"
    assert "returned in part" in as_csv.headers["Warning"]
    cli = await asyncio.to_thread(CliRunner().invoke, app, ["export", "--report", "ten"])
    assert cli.exit_code == 0, cli.output
    assert "accounts: 10 of 124 rows" in cli.stderr
    assert len(json.loads(cli.stdout)["data"]["accounts"]["nodes"]) == 10


async def test_a_nested_list_is_reported_with_its_path(client: httpx.AsyncClient, db: Db) -> None:
    acc = f.account(id="acc-h")
    person = f.stakeholder("acc-h", id="hp", title="Analyst")
    await f.load(db, {"accounts": [acc], "stakeholders": [person]})
    # Three title changes through the API: three history entries.
    for title in ("Manager", "Director", "VP"):
        body = await gql(client, "mutation($s: [StakeholderInput!]!) { upsertStakeholders(input: $s) { id } }",
                         s=[{**person, "title": title}])  # fmt: skip
        assert "errors" not in body, body
    doc = '{ stakeholder(id: "hp") { id history(first: 1) { nodes { field new } } } }'
    assert "errors" not in await gql(client, SAVE, n="one-change", d=doc)
    body = await gql(client, RUN, n="one-change")
    assert len(body["data"]["runSavedQuery"]["stakeholder"]["history"]["nodes"]) == 1
    assert body["extensions"]["cut"] == [
        {"report": "one-change", "path": "stakeholder.history", "returned": 1, "totalCount": 3}
    ]
    # Asked without `first`, the nested list keeps the default page (50): all 3, no cut.
    whole = '{ stakeholder(id: "hp") { history { nodes { new } } } }'
    assert "errors" not in await gql(client, SAVE, n="changes", d=whole)
    body = await gql(client, RUN, n="changes")
    assert [n["new"] for n in body["data"]["runSavedQuery"]["stakeholder"]["history"]["nodes"]] \
        == ["Manager", "Director", "VP"]  # oldest first  # fmt: skip
    assert "cut" not in body["extensions"]

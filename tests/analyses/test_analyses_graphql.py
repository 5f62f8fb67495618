"""The analyses against the real Neo4j through the app: departed people, what the Cypher
fetch includes, argument checks, overdue touches, portfolio views and round trips."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest

from tests.conftest import gql, plain_ids

IMPORT = "mutation($b: JSON!) { importBundle(bundle: $b) { accounts } }"
AS_OF = "2026-01-20"


async def _load(client: httpx.AsyncClient, bundle: dict[str, Any]) -> None:
    body = await gql(client, IMPORT, b=bundle)
    assert "errors" not in body, body


async def _q(client: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    body = await gql(client, query, **variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


async def test_departed_champion_leaves_no_champion(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await _load(client, example_bundle)
    await _q(client, 'mutation { markDeparted(stakeholderId: "dpark", date: "2026-01-15") { id } }')
    acc = (
        await _q(
            client,
            """query($d: Date) { account(id: "gfc") {
        championBackups(asOf: $d) { champion { id } }
        coverage(asOf: $d) { score mappedCount gaps { code } } } }""",
            d=AS_OF,
        )
    )["account"]
    # dpark is out of every analysis: 6 mapped, no champion, DIRECTOR/USING lost: 2 cells = 22.
    assert acc["championBackups"] == []
    assert acc["coverage"]["mappedCount"] == 6 and acc["coverage"]["score"] == 22
    assert "NO_CHAMPION" in [g["code"] for g in acc["coverage"]["gaps"]]


async def test_departed_manager_breaks_the_org_distance(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    # With mchen departed, jwu is no longer within 2 of dpark (dpark -> mchen -> jwu went
    # through mchen): dpark has no backup left (akim is near but not engaged). He left on
    # 2026-01-02, before AS_OF (a past asOf answers from the org of that day, §18).
    await _load(client, example_bundle)
    await _q(client, 'mutation { markDeparted(stakeholderId: "mchen", date: "2026-01-02") { id } }')
    ch = await _q(
        client,
        'query($d: Date) { account(id: "gfc") { championBackups(asOf: $d) { hasBackup backups { id } } } }',
        d=AS_OF,
    )
    assert ch["account"]["championBackups"] == [{"hasBackup": False, "backups": []}]
    gaps = await _q(
        client,
        'query($d: Date) { account(id: "gfc") { coverage(asOf: $d) { gaps { code stakeholderId } } } }',
        d=AS_OF,
    )
    assert {"code": "CHAMPION_WITHOUT_BACKUP", "stakeholderId": "dpark"} in gaps["account"][
        "coverage"
    ]["gaps"]


async def test_whitespace_ignores_closed_opportunities(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    b = copy.deepcopy(example_bundle)
    b["opportunities"][1]["status"] = "LOST"  # opp-pay: Payments x core, 400,000
    await _load(client, b)
    w = await _q(
        client,
        '{ account(id: "gfc") { whitespace { totals { pipelineAmount whitespaceEstimate } } } }',
    )
    # 520,000 - 400,000 = 120,000 in pipeline; Payments x core back to whitespace: +150,000.
    assert w["account"]["whitespace"]["totals"] == {
        "pipelineAmount": 120000.0,
        "whitespaceEstimate": 2076000.0,
    }


@pytest.mark.parametrize(
    ("args", "field", "code"),
    [
        ('to: "rmartinez", maxHops: 7', "maxHops", "BAD_USER_INPUT"),
        ('to: "rmartinez", maxHops: 0', "maxHops", "BAD_USER_INPUT"),
        ('to: "rmartinez", first: 21', "first", "BAD_USER_INPUT"),
        ('to: "nobody"', "to", "NOT_FOUND"),
        ('to: "rmartinez", from: "ghost"', "from", "NOT_FOUND"),
    ],
)
async def test_warm_path_arguments_are_checked(
    client: httpx.AsyncClient, example_bundle: dict[str, Any], args: str, field: str, code: str
) -> None:
    await _load(client, example_bundle)
    body = await gql(
        client,
        '{ account(id: "gfc") { name warmPaths(' + args + ") { hops } coverage { score } } }",
    )
    assert body["errors"][0]["extensions"]["code"] == code
    assert body["errors"][0]["extensions"]["field"] == field
    # The error is local to warmPaths: the account and its other fields still answer.
    assert body["errors"][0]["path"] == ["account", "warmPaths"]
    account = body["data"]["account"]
    assert account["name"] == "Global Financial Corp" and account["warmPaths"] is None
    assert account["coverage"]["score"] >= 0


async def test_warm_paths_from_one_member(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await _load(client, example_bundle)
    d = await _q(
        client,
        '{ account(id: "gfc") { warmPaths(to: "rmartinez", from: "vpsales", asOf: "2026-01-20") { nodes { id name } } } }',
    )
    assert d["account"]["warmPaths"] == [{"nodes": [
        {"id": "vpsales", "name": "Tom Becker"}, {"id": "lthompson", "name": "Lisa Thompson"},
        {"id": "sjohnson", "name": "Sarah Johnson"}, {"id": "rmartinez", "name": "Robert Martinez"}]}]  # fmt: skip
    # The path's edges carry the ids of the stored edges, which the influence map and
    # the relationships use too: a client highlights them without matching pairs both ways.
    d = await _q(client, """{ account(id: "gfc") {
      warmPaths(to: "rmartinez", from: "vpsales", asOf: "2026-01-20") {
        edges { id source target kind forward } }
      influenceMap { edges { id source target kind } }
      stakeholders { relationships { id } } } }""")  # fmt: skip
    account = d["account"]
    edges = account["warmPaths"][0]["edges"]
    assert [(e["source"], e["target"]) for e in edges] == [
        ("vpsales", "lthompson"), ("lthompson", "sjohnson"), ("sjohnson", "rmartinez")]  # fmt: skip
    assert edges[0]["id"] == "vpsales:lthompson" and edges[0]["forward"] is True
    relationship_ids = {r["id"] for s in account["stakeholders"] for r in s["relationships"]}
    map_ids = {e["id"] for e in account["influenceMap"]["edges"]}
    assert edges[0]["id"] in relationship_ids
    for edge in edges[1:]:
        assert edge["id"] in map_ids, edge
        # The stored direction is the id's; `forward` says whether the path walks it so.
        stored_source = edge["id"].split(":")[0]
        assert edge["forward"] is (stored_source == edge["source"])


async def test_overdue_touches(client: httpx.AsyncClient, example_bundle: dict[str, Any]) -> None:
    await _load(client, example_bundle)
    q = """query($d: Date) { account(id: "gfc") { overdueTouches(asOf: $d) { memberId stakeholderId daysSinceContact(asOf: $d) nextDue } }
      member(id: "mrodriguez") { overdueTouches(asOf: $d) { stakeholderId } } }"""
    d = await _q(client, q, d=AS_OF)
    # Past cadence on 2026-01-20: akim (IC, 31 days: 24 over), dpark (DIRECTOR 14, 10 days: no),
    # jwu (90, 12: no), mchen (VP 30, 15: no), sjohnson (VP, 39: 9 over), lthompson (90, 97: 7 over).
    got = [(r["stakeholderId"], r["daysSinceContact"]) for r in d["account"]["overdueTouches"]]
    assert got == [("akim", 31), ("sjohnson", 39), ("lthompson", 97)]
    assert d["account"]["overdueTouches"][0]["nextDue"] == "2025-12-27"  # 2025-12-20 + 7
    assert [r["stakeholderId"] for r in d["member"]["overdueTouches"]] == ["akim", "sjohnson"]


def _portfolio(n: int) -> dict[str, Any]:
    """n accounts; account i has strategic inputs giving score i % 100 and either one
    engaged C_LEVEL (BUYING) or nobody engaged."""
    b: dict[str, list[dict[str, Any]]] = {"accounts": [], "teams": [], "stakeholders": [], "relationships": [],
                                          "members": [{"id": "m", "name": "M", "role": "SAM"}], "accountTeam": []}  # fmt: skip
    for i in range(n):
        a = f"acc{i:04d}"
        # currentRevenue 25 x k / 10 = 2.5 k: inputs k in 0..10 give 0..25.
        b["accounts"].append({"id": a, "name": f"Account {i:04d}", "arr": float(i * 1000),
                              "scores": {"currentRevenue": i % 11}})  # fmt: skip
        b["teams"].append({"id": f"{a}-t", "accountId": a, "name": "T", "functionGroup": "BUYING"})
        b["stakeholders"].append({"id": f"{a}-ceo", "accountId": a, "name": "CEO", "seniority": "C_LEVEL",
                                  "teamId": f"{a}-t", "buyingRole": "CHAMPION"})  # fmt: skip
        if i % 2 == 0:
            b["relationships"].append(
                {"memberId": "m", "stakeholderId": f"{a}-ceo", "strength": 4, "lastContact": AS_OF}
            )
        if i % 4 == 0:
            b["accountTeam"].append({"memberId": "m", "accountId": a, "role": "SAM"})
    return b


async def test_portfolio_filters_sorts_and_round_trips(client: httpx.AsyncClient) -> None:
    await _load(client, _portfolio(40))
    q = """query($d: Date, $f: AccountFilter, $s: AccountSort!, $desc: Boolean!) {
      accounts(filter: $f, sortBy: $s, descending: $desc, asOf: $d, first: 100) {
        totalCount nodes { id strategicScore tier coverage(asOf: $d) { score } } } }"""
    # Even accounts: 1 covered cell (EXECUTIVE/BUYING) = 11; odd ones: 0.
    body = await gql(client, q, d=AS_OF, f={"maxCoverageScore": 0}, s="ARR", desc=True)
    nodes = body["data"]["accounts"]["nodes"]
    assert body["data"]["accounts"]["totalCount"] == 20
    # Odd only, ARR descending; ids dated by the root's asOf (gql/dated.py).
    assert [n["id"] for n in nodes[:2]] == ["acc0039@2026-01-20", "acc0037@2026-01-20"]
    assert {n["coverage"]["score"] for n in nodes} == {0}
    # The portfolio count that prices a past-date filter on coverage (1, gql/guard.py) +
    # accounts (1) + all subgraphs, with their history, at once (1); nested coverage hits
    # the request cache.
    assert body["extensions"]["dbRoundTrips"] == 3

    body = await gql(
        client,
        q,
        d=AS_OF,
        f={"hasGap": "NO_EXECUTIVE_ENGAGED", "memberId": "m"},
        s="STRATEGIC_SCORE",
        desc=True,
    )
    # Member m is on accounts 0, 4, 8, ... (all even: engaged CEO): none lacks an executive.
    assert body["data"]["accounts"]["totalCount"] == 0

    body = await gql(client, q, d=AS_OF, f=None, s="STRATEGIC_SCORE", desc=True)
    top = plain_ids(body["data"]["accounts"]["nodes"][:3])
    # currentRevenue 10 -> 25.0 on accounts 10, 21, 32 (i % 11 == 10): ties by id.
    assert [(n["id"], n["strategicScore"], n["tier"]) for n in top] == [
        ("acc0010", 25.0, "STANDARD"), ("acc0021", 25.0, "STANDARD"), ("acc0032", 25.0, "STANDARD")]  # fmt: skip


async def test_portfolio_gaps(client: httpx.AsyncClient) -> None:
    await _load(client, _portfolio(8))
    q = """query($d: Date) { portfolioGaps(asOf: $d, minSeverity: HIGH, first: 100) { totalCount nodes { account { id } code severity stakeholderId } } }"""
    body = await gql(client, q, d=AS_OF)
    gaps = body["data"]["portfolioGaps"]["nodes"]
    # Odd accounts (4): NO_EXECUTIVE_ENGAGED (CRITICAL), then for every account: the champion
    # CEO has no backup and engaged <= 2 (HIGH x 2): 4 + 8 x 2 = 20 gaps, CRITICAL first.
    assert len(gaps) == 20
    assert [g["account"]["id"] for g in gaps[:4]] == ["acc0001", "acc0003", "acc0005", "acc0007"]
    assert {g["severity"] for g in gaps[:4]} == {"CRITICAL"} and {
        g["severity"] for g in gaps[4:]
    } == {"HIGH"}
    assert gaps[4] == {
        "account": {"id": "acc0000"},
        "code": "CHAMPION_WITHOUT_BACKUP",
        "severity": "HIGH",
        "stakeholderId": "acc0000-ceo",
    }
    # The portfolio count that prices a past day's portfolioGaps (gql/guard.py), then
    # the accounts and their subgraphs.
    assert body["extensions"]["dbRoundTrips"] == 3

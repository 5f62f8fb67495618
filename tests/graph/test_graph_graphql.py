"""The GraphQL contract through the real app: nested reads, pagination, round trips,
mutations and their validation errors (nothing written on failure)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from samgraph.db.driver import Db
from tests import factories
from tests.conftest import gql

IMPORT = "mutation($b: JSON!) { importBundle(bundle: $b) { accounts stakeholders batches } }"
EXPORT = "{ exportBundle }"

# The deepest nested query shown in the README.
NESTED = """
query($id: ID!) {
  account(id: $id) {
    name
    teams {
      name
      stakeholders {
        name
        manager { name }
        reports { name }
        relationships { strength member { name } }
        influences { weight to { name } }
      }
      deployments { status arr product { name } }
      opportunities { name amount }
    }
  }
}
"""


async def _load(client: httpx.AsyncClient, bundle: dict[str, Any]) -> None:
    body = await gql(client, IMPORT, b=bundle)
    assert "errors" not in body, body


async def test_import_then_nested_account(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    body = await gql(client, IMPORT, b=example_bundle)
    assert body["data"]["importBundle"]["accounts"] == 1
    assert body["data"]["importBundle"]["stakeholders"] == 7
    body = await gql(client, NESTED, id="gfc")
    teams = {t["name"]: t for t in body["data"]["account"]["teams"]}
    assert list(teams) == sorted(teams)  # teams come by name
    data_science = teams["Data Science"]
    people = {s["name"]: s for s in data_science["stakeholders"]}
    assert people["David Park"]["manager"] == {"name": "Michael Chen"}
    assert people["David Park"]["reports"] == [{"name": "Alex Kim"}]
    assert people["David Park"]["influences"] == [{"weight": 3, "to": {"name": "Michael Chen"}}]
    assert people["Alex Kim"]["relationships"] == [
        {"strength": 3, "member": {"name": "Maria Rodriguez"}}
    ]
    assert data_science["opportunities"] == [{"name": "Advanced Analytics", "amount": 120000.0}]
    assert teams["Operations"]["deployments"] == [
        {"status": "PILOT", "arr": 0.0, "product": {"name": "Analytics Platform"}}
    ]


def _accounts(n: int, offset: int = 0) -> dict[str, Any]:
    """n accounts with 2 teams x 3 stakeholders each, a manager chain and KNOWS edges."""
    b: dict[str, list[dict[str, Any]]] = {
        "accounts": [], "teams": [], "stakeholders": [], "relationships": [], "influences": [],
        "members": [{"id": "m1", "name": "Member One", "role": "SAM"}],
        "products": [{"id": "p1", "name": "Prod", "pricing": "PER_TEAM", "listPrice": 1.0}],
        "deployments": [], "opportunities": [],
    }  # fmt: skip
    for i in range(offset, offset + n):
        a = f"a{i}"
        b["accounts"].append({"id": a, "name": f"Account {i}"})
        for t in range(2):
            tid = f"{a}-t{t}"
            b["teams"].append({"id": tid, "accountId": a, "name": f"Team {t}"})
            b["deployments"].append(
                {"teamId": tid, "productId": "p1", "status": "DEPLOYED", "arr": 5.0}
            )
            b["opportunities"].append(
                {"id": f"{tid}-o", "accountId": a, "teamId": tid, "name": "Opp"}
            )
            for s in range(3):
                sid = f"{tid}-s{s}"
                row = {"id": sid, "accountId": a, "name": f"Person {s}", "teamId": tid}
                if s:
                    row["managerId"] = f"{tid}-s0"
                    b["influences"].append({"fromId": sid, "toId": f"{tid}-s0", "weight": 2})
                b["stakeholders"].append(row)
                b["relationships"].append({"memberId": "m1", "stakeholderId": sid, "strength": 3})
    return b


ALL_ACCOUNTS_NESTED = """
{ accounts(first: 10) { nodes { name teams { stakeholders { name manager { name } reports { name }
  relationships { member { name } } influences { to { name } } }
  deployments { product { name } } opportunities { name } } } } }
"""


async def test_round_trips_bounded_by_depth_not_rows(client: httpx.AsyncClient) -> None:
    await _load(client, _accounts(1))
    small = await gql(client, ALL_ACCOUNTS_NESTED)
    await _load(client, _accounts(9, offset=1))
    big = await gql(client, ALL_ACCOUNTS_NESTED)
    assert len(big["data"]["accounts"]["nodes"]) == 10
    people = sum(
        len(t["stakeholders"]) for a in big["data"]["accounts"]["nodes"] for t in a["teams"]
    )
    assert people == 60
    # One round trip per loader and depth: accounts, teams with their stakeholders and
    # the relationships into them (one query for the three levels), manager,
    # reports, member, influences, deployments, product, opportunities = 9. `to` shares the by-id stakeholder loader with `manager`,
    # and here every influence points at the team lead that `manager` already
    # fetched, so it is served from the request's cache. Same count for 1 account
    # (6 people) as for 10 accounts (60 people).
    assert small["extensions"]["dbRoundTrips"] == 9
    assert big["extensions"]["dbRoundTrips"] == 9


# `renewal` is not compiled (accounts/compiled.py): graphql-core answers these two, and
# costs no read for it. Without it, the compiled read answers the same in one query.
PEOPLE_INLINE = """query($d: Boolean!) { accounts(first: 10) { nodes { id renewal { daysToRenewal }
  teams { id name
  stakeholders(includeDeparted: $d) { id name status relationships { memberId strength } } } } } }"""
PEOPLE_FRAGMENT = """query($d: Boolean!) { accounts(first: 10) { nodes { id renewal { daysToRenewal }
  teams { id name stakeholders(includeDeparted: $d) { ...P } } } } }
fragment P on Stakeholder { id name status relationships { memberId strength } }"""
PEOPLE_COMPILED = """query($d: Boolean!) { accounts(first: 10) { nodes { id teams { id name
  stakeholders(includeDeparted: $d) { id name status relationships { memberId strength } } } } } }"""


@pytest.mark.parametrize("departed", [False, True])
async def test_teams_with_people_in_one_query_match_level_by_level(
    client: httpx.AsyncClient, departed: bool
) -> None:
    await _load(client, _accounts(3))
    await gql(client, 'mutation { markDeparted(stakeholderId: "a0-t1-s2") { status } }')
    inline = await gql(client, PEOPLE_INLINE, d=departed)
    # A fragment is not read by the shortcut: teams, stakeholders and relationships
    # load level by level.
    fragment = await gql(client, PEOPLE_FRAGMENT, d=departed)
    assert inline["data"] == fragment["data"]
    assert inline["extensions"]["dbRoundTrips"] == 2  # accounts; teams with people and edges
    assert fragment["extensions"]["dbRoundTrips"] == 4
    compiled = await gql(client, PEOPLE_COMPILED, d=departed)
    assert compiled["extensions"]["dbRoundTrips"] == 1  # the page with its trees
    for node in inline["data"]["accounts"]["nodes"]:
        del node["renewal"]
    assert compiled["data"] == inline["data"]
    people = [
        s
        for a in inline["data"]["accounts"]["nodes"]
        for t in a["teams"]
        for s in t["stakeholders"]
    ]
    # 3 accounts x 2 teams x 3 people = 18, one of them departed; 1 relationship each.
    assert len(people) == (18 if departed else 17)
    assert all(len(p["relationships"]) == 1 for p in people)


async def test_readme_nested_query_round_trips(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await _load(client, example_bundle)
    body = await gql(client, NESTED, id="gfc")
    # account, teams with stakeholders and relationships (one query), manager,
    # reports, member, influences, to, deployments, product, opportunities = 10
    assert body["extensions"]["dbRoundTrips"] == 10


async def test_the_same_teams_twice_in_one_request(client: httpx.AsyncClient) -> None:
    await _load(client, _accounts(1))
    # Two aliases read the same account's teams with their people: the second reads
    # the rows the first one already loaded (and primed) in this request.
    body = await gql(
        client,
        """{ x: account(id: "a0") { teams { stakeholders { id relationships { memberId } } } }
      y: account(id: "a0") { teams { stakeholders { id relationships { memberId } } } } }""",
    )
    assert "errors" not in body, body
    assert body["data"]["x"] == body["data"]["y"]
    # 2 teams x 3 people, one relationship each.
    people = [p for t in body["data"]["y"]["teams"] for p in t["stakeholders"]]
    assert len(people) == 6 and all(p["relationships"] == [{"memberId": "m1"}] for p in people)


async def test_lookups(client: httpx.AsyncClient, example_bundle: dict[str, Any]) -> None:
    await _load(client, example_bundle)
    q = """{ stakeholder(id: "rmartinez") { name team { name } account { name } manager { name } }
      team(id: "gfc-data") { parent { name } children { name } }
      parentTeam: team(id: "gfc-tech") { children { name } }
      member(id: "mrodriguez") { accounts { role account { id } } relationships { stakeholderId } }
      members { nodes { id } } products { nodes { id deployments { teamId } } } product(id: "adv") { listPrice pricing }
      opportunity(id: "opp-pay") { probability team { name } product { name } }
      missing: account(id: "nope") { id } }"""
    d = (await gql(client, q))["data"]
    assert d["stakeholder"] == {
        "name": "Robert Martinez",
        "team": {"name": "Payments"},
        "account": {"name": "Global Financial Corp"},
        "manager": {"name": "Sarah Johnson"},
    }
    assert d["team"] == {"parent": {"name": "Technology"}, "children": []}
    assert d["parentTeam"] == {"children": [{"name": "Data Science"}]}
    assert d["member"]["accounts"] == [{"role": "SAM", "account": {"id": "gfc"}}]
    assert len(d["member"]["relationships"]) == 5
    assert d["members"]["nodes"] == [{"id": "mrodriguez"}, {"id": "vpsales"}]  # by name: Maria, Tom
    assert d["product"] == {"listPrice": 1200.0, "pricing": "PER_SEAT"}
    assert d["opportunity"] == {
        "probability": 0.65,
        "team": {"name": "Payments"},
        "product": {"name": "Analytics Platform"},
    }
    assert d["missing"] is None


async def _export(client: httpx.AsyncClient) -> Any:
    return (await gql(client, EXPORT))["data"]["exportBundle"]


async def test_upserts_and_partial_updates(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await _load(client, example_bundle)
    q = """mutation { upsertStakeholders(input: [
        {id: "newp", accountId: "gfc", name: "Nora Patel", seniority: DIRECTOR, teamId: "gfc-pay", managerId: "rmartinez"},
        {id: "dpark", title: "Senior Director", email: null}]) { id name title seniority status manager { id } } }"""
    body = await gql(client, q)
    assert "errors" not in body, body
    nora, dpark = body["data"]["upsertStakeholders"]
    assert nora == {
        "id": "newp",
        "name": "Nora Patel",
        "title": None,
        "seniority": "DIRECTOR",
        "status": "ACTIVE",
        "manager": {"id": "rmartinez"},
    }
    assert dpark["title"] == "Senior Director" and dpark["seniority"] == "DIRECTOR"
    assert dpark["manager"] == {"id": "mchen"}  # left out: unchanged


async def test_every_upsert_mutation_validates_and_writes_nothing(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await _load(client, example_bundle)
    before = await _export(client)
    cases = [
        ('upsertAccounts(input: [{id: "gfc", healthScore: 150}]) { id }', "input[0].healthScore"),
        ('upsertAccounts(input: [{id: "new"}]) { id }', "input[0].name"),
        (
            'upsertAccounts(input: [{id: "gfc", scores: {strategicFit: 11}}]) { id }',
            "input[0].scores.strategicFit",
        ),
        (
            'upsertTeams(input: [{id: "t", name: "T", accountId: "missing"}]) { id }',
            "input[0].accountId",
        ),
        ('upsertTeams(input: [{id: "gfc-tech", headcount: -1}]) { id }', "input[0].headcount"),
        ('upsertStakeholders(input: [{id: "jwu", email: "nope"}]) { id }', "input[0].email"),
        ('upsertStakeholders(input: [{id: "jwu", managerId: "jwu"}]) { id }', "input[0].managerId"),
        ('upsertMembers(input: [{id: "", name: "X"}]) { id }', "input[0].id"),
        ('upsertMembers(input: [{id: "m", name: "X", email: "bad"}]) { id }', "input[0].email"),
        ('upsertProducts(input: [{id: "p", name: "P"}]) { id }', "input[0].pricing"),
        ('upsertProducts(input: [{id: "core", listPrice: -5}]) { id }', "input[0].listPrice"),
        (
            'upsertOpportunities(input: [{id: "opp-adv", probability: 2}]) { id }',
            "input[0].probability",
        ),
        ('upsertOpportunities(input: [{id: "opp-adv", amount: -1}]) { id }', "input[0].amount"),
        (
            'upsertInteractions(input: [{id: "i", accountId: "gfc", type: CALL}]) { id }',
            "input[0].date",
        ),
        (
            'upsertInteractions(input: [{id: "i", accountId: "gfc", type: CALL, date: "2026-01-01", memberIds: ["ghost"]}]) { id }',
            "input[0].memberIds[0]",
        ),
        (
            'linkKnows(memberId: "mrodriguez", stakeholderId: "rmartinez", strength: 9) { id }',
            "strength",
        ),
        (
            'linkKnows(memberId: "ghost", stakeholderId: "rmartinez", strength: 3) { id }',
            "memberId",
        ),
        ('linkInfluence(fromId: "jwu", toId: "jwu", weight: 3) { id }', "toId"),
        ('linkInfluence(fromId: "jwu", toId: "mchen", weight: 6) { id }', "weight"),
        (
            'linkDeployment(teamId: "gfc-fin", productId: "core", status: DEPLOYED, arr: -3) { id }',
            "arr",
        ),
        ('linkAccountTeam(memberId: "mrodriguez", accountId: "nope") { id }', "accountId"),
        ('deleteAccount(id: "has space") { deleted }', "id"),
        ('markDeparted(stakeholderId: "ghost") { id }', "stakeholderId"),
    ]
    for mutation, field in cases:
        body = await gql(client, "mutation { " + mutation + " }")
        assert body.get("errors"), mutation
        ext = body["errors"][0]["extensions"]
        assert ext["code"] in ("BAD_USER_INPUT", "NOT_FOUND"), (mutation, ext)
        assert ext["field"] == field, (mutation, ext)
    assert await _export(client) == before


async def test_links_unlinks_deletes_and_departure(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await _load(client, example_bundle)
    m = """mutation {
      a: linkKnows(memberId: "vpsales", stakeholderId: "rmartinez", strength: 2, lastContact: "2026-01-02") {
        id memberId stakeholderId strength lastContact }
      b: linkInfluence(fromId: "rmartinez", toId: "sjohnson", weight: 2) { id fromId toId weight }
      c: linkDeployment(teamId: "gfc-fin", productId: "adv", status: PILOT, seats: 5) {
        id status seats arr }
      d: linkAccountTeam(memberId: "vpsales", accountId: "gfc", role: OTHER) { id role }
      e: markDeparted(stakeholderId: "dpark", date: "2026-01-15") { status departedAt }
    }"""
    body = await gql(client, m)
    assert "errors" not in body, body
    # Each link returns what it wrote, with the stable id `source:target` a client cache
    # (Apollo, urql) keys it by.
    assert body["data"]["a"] == {"id": "vpsales:rmartinez", "memberId": "vpsales",
        "stakeholderId": "rmartinez", "strength": 2, "lastContact": "2026-01-02"}  # fmt: skip
    assert body["data"]["b"] == {"id": "rmartinez:sjohnson", "fromId": "rmartinez",
                                 "toId": "sjohnson", "weight": 2}  # fmt: skip
    # seats given, arr left out: the stored arr of the example (if any) is kept, not cleared.
    assert body["data"]["c"]["id"] == "gfc-fin:adv" and body["data"]["c"]["seats"] == 5
    assert body["data"]["c"]["status"] == "PILOT"
    assert body["data"]["d"] == {"id": "vpsales:gfc", "role": "OTHER"}
    assert body["data"]["e"] == {"status": "DEPARTED", "departedAt": "2026-01-15"}
    out = await _export(client)
    assert {
        "memberId": "vpsales",
        "stakeholderId": "rmartinez",
        "strength": 2,
        "lastContact": "2026-01-02",
    } in out["relationships"]
    assert {"fromId": "rmartinez", "toId": "sjohnson", "weight": 2} in out["influences"]
    assert {"teamId": "gfc-fin", "productId": "adv", "status": "PILOT", "seats": 5} in out[
        "deployments"
    ]
    assert {"memberId": "vpsales", "accountId": "gfc", "role": "OTHER"} in out["accountTeam"]
    # Departed people leave the default stakeholder list but stay on request.
    q = '{ account(id: "gfc") { stakeholders { id } all: stakeholders(includeDeparted: true) { id } } }'
    acc = (await gql(client, q))["data"]["account"]
    assert "dpark" not in {s["id"] for s in acc["stakeholders"]} and len(acc["all"]) == 7

    u = """mutation {
      a: unlinkKnows(memberId: "vpsales", stakeholderId: "rmartinez") { deleted }
      a2: unlinkKnows(memberId: "vpsales", stakeholderId: "rmartinez") { deleted }
      b: unlinkInfluence(fromId: "rmartinez", toId: "sjohnson") { deleted }
      c: unlinkDeployment(teamId: "gfc-fin", productId: "adv") { deleted }
      d: unlinkAccountTeam(memberId: "vpsales", accountId: "gfc") { deleted }
      e: deleteStakeholder(id: "dpark") { deleted }
      f: deleteTeam(id: "gfc-pay") { deleted }
      g: deleteOpportunity(id: "opp-adv") { deleted }
      h: deleteProduct(id: "adv") { deleted }
      i: deleteMember(id: "vpsales") { deleted }
      j: deleteInteraction(id: "none") { deleted }
    }"""
    d = (await gql(client, u))["data"]
    assert d["a"]["deleted"] and not d["a2"]["deleted"]
    assert all(d[k]["deleted"] for k in "bcdefghi") and not d["j"]["deleted"]
    out = await _export(client)
    akim = next(s for s in out["stakeholders"] if s["id"] == "akim")
    assert "managerId" not in akim  # dpark erased: the reference is cleared
    rmartinez = next(s for s in out["stakeholders"] if s["id"] == "rmartinez")
    assert "teamId" not in rmartinez  # gfc-pay deleted
    assert [p["id"] for p in out["products"]] == ["core"]
    assert [m["id"] for m in out["members"]] == ["mrodriguez"]

    body = await gql(client, 'mutation { deleteAccount(id: "gfc") { deleted } }')
    assert body["data"]["deleteAccount"]["deleted"]
    out = await _export(client)
    assert out["accounts"] == [] and out["stakeholders"] == [] and out["teams"] == []


async def test_default_as_of_is_today_from_the_one_clock(client: httpx.AsyncClient, db: Db) -> None:
    # A relationship last touched today (the clock's date, SAMGRAPH_TIMEZONE=UTC) is
    # 0 days old with the default asOf, and 10 days old on asOf = today + 10.
    acc = factories.account()
    person = factories.stakeholder(acc["id"], seniority="VP")
    sam = factories.member()
    await factories.load(db, {"accounts": [acc], "stakeholders": [person], "members": [sam],
                              "relationships": [factories.knows(sam["id"], person["id"])]})  # fmt: skip
    later = (factories.TODAY + dt.timedelta(days=10)).isoformat()
    body = await gql(
        client,
        "query($id: ID!, $later: Date!) { stakeholder(id: $id) { relationships {"
        " now: daysSinceContact later: daysSinceContact(asOf: $later) } } }",
        id=person["id"], later=later,
    )  # fmt: skip
    assert body["data"]["stakeholder"]["relationships"] == [{"now": 0, "later": 10}]


async def test_argument_errors_name_the_argument_as_sent(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await _load(client, example_bundle)
    body = await gql(client, 'mutation { linkKnows(memberId: "vpsales", stakeholderId: '
                             '"rmartinez", strength: 9) { id } }')  # fmt: skip
    error = body["errors"][0]
    # Not the bundle path `relationships[0].strength`: the argument the client sent.
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["field"] == "strength"
    assert error["message"].startswith("strength: ")
    body = await gql(client, 'mutation { upsertStakeholders(input: [{id: "x", accountId: "gfc", '
                             'name: "X", email: "not-an-address"}]) { id } }')  # fmt: skip
    error = body["errors"][0]
    assert error["extensions"]["field"] == "input[0].email"
    # A readable message, no regular expression.
    assert error["message"] == "input[0].email: not an email address (like name@example.com)"

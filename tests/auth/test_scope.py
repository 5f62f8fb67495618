"""Member-bound credentials see only their member's accounts, everywhere, and another
account's object answers exactly like a missing one (reads and writes)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest_asyncio

from samgraph.bundle import service as bundle_service
from samgraph.db.driver import Db
from tests.conftest import api_key, client_for, gql
from tests.factories import TODAY

# A second account that Maria (mrodriguez, on the GFC team) is not on. Edges cross into
# it from GFC: an influence from GFC's Jennifer Wu, and a KNOWS from Maria herself, so
# nested fields offer a way over unless scoping holds.
OTHER: dict[str, Any] = {
    "accounts": [{"id": "oth", "name": "Other Corp", "arr": 1000.0}],
    "teams": [{"id": "oth-t", "accountId": "oth", "name": "Ops", "functionGroup": "BUYING"}],
    "stakeholders": [
        {
            "id": "oth-s",
            "accountId": "oth",
            "name": "Olga Secret",
            "teamId": "oth-t",
            "seniority": "VP",
        },
    ],
    "members": [{"id": "m-oth", "name": "Other SAM", "role": "SAM"}],
    "accountTeam": [{"memberId": "m-oth", "accountId": "oth", "role": "SAM"}],
    "relationships": [
        {
            "memberId": "mrodriguez",
            "stakeholderId": "oth-s",
            "strength": 4,
            "lastContact": "2020-01-01",
        },
    ],
    "influences": [{"fromId": "jwu", "toId": "oth-s", "weight": 5}],
    "deployments": [{"teamId": "oth-t", "productId": "core", "status": "DEPLOYED", "arr": 9.0}],
    "opportunities": [{"id": "oth-o", "accountId": "oth", "name": "Secret deal"}],
    "interactions": [
        {
            "id": "oth-i",
            "accountId": "oth",
            "date": "2026-01-05",
            "type": "MEETING",
            "memberIds": ["m-oth"],
            "stakeholderIds": ["oth-s"],
        },
    ],
}


@pytest_asyncio.fixture(loop_scope="session")
async def maria(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> AsyncIterator[httpx.AsyncClient]:
    """An EDITOR key bound to Maria, with GFC and the other account loaded."""
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    await bundle_service.import_bundle(db, OTHER, changed_on=TODAY)
    async with client_for(client, await api_key(db, "EDITOR", member="mrodriguez")) as c:
        yield c


async def data(c: httpx.AsyncClient, q: str, **v: Any) -> Any:
    body = await gql(c, q, **v)
    assert "errors" not in body, body
    return body["data"]


async def test_lookups_of_another_account_answer_like_missing_ones(
    maria: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    for field, other in [
        ("account", "oth"), ("team", "oth-t"), ("stakeholder", "oth-s"),
        ("opportunity", "oth-o"), ("interaction", "oth-i"),
    ]:  # fmt: skip
        q = f'{{ hidden: {field}(id: "{other}") {{ id }} missing: {field}(id: "nope") {{ id }} }}'
        assert await data(maria, q) == {"hidden": None, "missing": None}, field
        # The unbound admin key sees it: the object is there.
        assert (await data(client, q))["hidden"] == {"id": other}, field


async def test_lists_and_portfolio_views_hold_only_own_accounts(
    maria: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    q = """{ accounts { totalCount nodes { id } }
      portfolioGaps(asOf: "2026-01-15", first: 100) { nodes { account { id } } }
      overdueTouches(asOf: "2026-01-15", first: 100) { nodes { stakeholderId } } }"""
    mine, everything = await data(maria, q), await data(client, q)
    assert mine["accounts"] == {"totalCount": 1, "nodes": [{"id": "gfc"}]}
    assert everything["accounts"]["totalCount"] == 2
    assert {g["account"]["id"] for g in mine["portfolioGaps"]["nodes"]} == {"gfc"}
    # Maria's 2020 touch of Olga is overdue, but Olga's account is not Maria's.
    assert "oth-s" in {t["stakeholderId"] for t in everything["overdueTouches"]["nodes"]}
    assert "oth-s" not in {t["stakeholderId"] for t in mine["overdueTouches"]["nodes"]}


async def test_nested_edges_into_another_account_are_cut(maria: httpx.AsyncClient) -> None:
    q = """{ stakeholder(id: "jwu") { influences { to { id } } }
      member(id: "mrodriguez") { accounts { account { id } }
        relationships { stakeholderId stakeholder { id } } }
      other: member(id: "m-oth") { accounts { accountId } }
      product(id: "core") { deployments { teamId } } }"""
    d = await data(maria, q)
    # Jennifer has no influence edge inside GFC; the one to Olga is cut.
    assert d["stakeholder"]["influences"] == []
    assert d["member"]["accounts"] == [{"account": {"id": "gfc"}}]
    assert "oth-s" not in {r["stakeholderId"] for r in d["member"]["relationships"]}
    assert d["other"]["accounts"] == []
    # The three GFC deployments of core stay; Other Corp's (oth-t) is cut.
    assert sorted(x["teamId"] for x in d["product"]["deployments"]) == [
        "gfc-data",
        "gfc-ops",
        "gfc-tech",
    ]
    # Warm paths run on one account's graph: Olga is not a target from GFC.
    body = await gql(maria, '{ account(id: "gfc") { warmPaths(to: "oth-s") { hops } } }')
    assert body["errors"][0]["message"] == "no active stakeholder 'oth-s' on account 'gfc'"


async def test_exports_and_reports_hold_only_own_accounts(maria: httpx.AsyncClient) -> None:
    d = await data(maria, '{ all: exportBundle one: exportBundle(accountIds: ["oth"]) }')
    assert [a["id"] for a in d["all"]["accounts"]] == ["gfc"]
    assert "oth-s" not in {s["id"] for s in d["all"]["stakeholders"]}
    assert d["one"]["accounts"] == [] and d["one"]["stakeholders"] == []
    run = await data(maria, '{ runSavedQuery(name: "portfolio-coverage") }')
    assert [n["id"] for n in run["runSavedQuery"]["accounts"]["nodes"]] == ["gfc"]
    report = await maria.get("/reports/portfolio-coverage")
    assert [n["id"] for n in report.json()["data"]["accounts"]["nodes"]] == ["gfc"]


async def test_writes_outside_own_accounts_are_refused_like_missing(
    maria: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    async def error(q: str) -> dict[str, Any]:
        body = await gql(maria, q)
        assert body.get("data") is None, body
        first: dict[str, Any] = body["errors"][0]
        return first

    e = await error('mutation { upsertStakeholders(input: [{id: "x1", accountId: "oth", '
                    'name: "X"}]) { id } }')  # fmt: skip
    assert e["extensions"]["problems"] == [
        {"path": "input[0].accountId", "message": "not one of this credential's accounts"}
    ]
    # Olga reads as unknown, exactly like an id that does not exist at all.
    hidden = await error('mutation { linkKnows(memberId: "mrodriguez", stakeholderId: "oth-s", '
                         "strength: 5) { id } }")  # fmt: skip
    missing = await error('mutation { linkKnows(memberId: "mrodriguez", stakeholderId: "zz", '
                          "strength: 5) { id } }")  # fmt: skip
    assert hidden["extensions"]["problems"][0]["message"] == "unknown stakeholder 'oth-s'"
    assert missing["extensions"]["problems"][0]["message"] == "unknown stakeholder 'zz'"
    assert hidden["extensions"]["code"] == missing["extensions"]["code"] == "NOT_FOUND"
    gone = await error('mutation { markDeparted(stakeholderId: "oth-s") { id } }')
    assert gone["extensions"]["code"] == "NOT_FOUND"
    sync = await error(
        'mutation { syncOrgChart(accountId: "oth", format: CSV, content: "id,name\\n") { rows } }'
    )
    assert sync["message"] == "no account 'oth'"
    shared = await error('mutation { upsertProducts(input: [{id: "p9", name: "P", '
                         "pricing: PER_TEAM}]) { id } }")  # fmt: skip
    assert shared["extensions"]["problems"][0]["path"] == "input"
    # A delete of Olga says "not deleted", as for a missing id, and she is still there.
    d = await data(maria, 'mutation { deleteStakeholder(id: "oth-s") { deleted } }')
    assert d == {"deleteStakeholder": {"deleted": False}}
    d = await data(maria, 'mutation { unlinkInfluence(fromId: "jwu", toId: "oth-s") { deleted } }')
    assert d == {"unlinkInfluence": {"deleted": False}}
    check = await data(client, '{ stakeholder(id: "oth-s") { status influencedBy { fromId } } }')
    assert check == {"stakeholder": {"status": "ACTIVE", "influencedBy": [{"fromId": "jwu"}]}}
    # Inside her own account Maria writes as any EDITOR.
    ok = await data(maria, 'mutation { upsertStakeholders(input: [{id: "new1", accountId: "gfc", '
                           'name: "New Person"}]) { id account { id } } }')  # fmt: skip
    assert ok == {"upsertStakeholders": [{"id": "new1", "account": {"id": "gfc"}}]}


async def test_a_key_of_a_member_without_accounts_sees_nothing(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    await bundle_service.import_bundle(
        db, {"members": [{"id": "idle", "name": "Idle"}]}, changed_on=TODAY
    )
    async with client_for(client, await api_key(db, "VIEWER", member="idle")) as idle:
        d = await data(idle, '{ accounts { totalCount } account(id: "gfc") { id } exportBundle }')
    assert d["accounts"] == {"totalCount": 0} and d["account"] is None
    assert d["exportBundle"]["accounts"] == []


async def test_personal_data_requests_stay_inside_own_accounts(
    maria: httpx.AsyncClient, client: httpx.AsyncClient, db: Db
) -> None:
    async with client_for(client, await api_key(db, "ADMIN", member="mrodriguez")) as admin:
        for q in ('{ exportPerson(stakeholderId: "oth-s") }',
                  'mutation { erasePerson(stakeholderId: "oth-s") { edgesRemoved } }'):  # fmt: skip
            body = await gql(admin, q)
            assert body["errors"][0]["message"] == "no stakeholder 'oth-s'", q
        mine = await gql(admin, '{ exportPerson(stakeholderId: "jwu") }')
        assert mine["data"]["exportPerson"]["stakeholder"]["id"] == "jwu"
    assert (await data(client, '{ stakeholder(id: "oth-s") { id } }'))["stakeholder"] == {
        "id": "oth-s"
    }


async def test_a_member_bound_editor_saves_and_deletes_its_own_query(
    maria: httpx.AsyncClient,
) -> None:
    # Saved queries belong to their owner, not to an account: scope does not forbid them.
    saved = await data(
        maria,
        'mutation { saveQuery(name: "mine", document: "{ members { nodes { id } } }") { owner } }',
    )
    assert saved["saveQuery"]["owner"].startswith("key:")
    gone = await data(maria, 'mutation { deleteSavedQuery(name: "mine") { deleted } }')
    assert gone["deleteSavedQuery"]["deleted"] is True

"""Access (issue 24): no key does more, sees more or lives longer than it should. Each
case as an attacker with an ordinary key found it, in the mode where it was found."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import httpx
import jwt
import openpyxl
import pytest

from samgraph.auth import keys
from samgraph.bundle import service as bundle_service
from samgraph.db.driver import Db
from samgraph.reports.csvout import _INVISIBLE_LEAD, _RISKY_FIRST, FORMULA_START, safe_text
from tests.conftest import api_key, app_client, gql, settings_for_tests
from tests.factories import TODAY

SECRET = "a-test-secret-of-at-least-32-bytes!!"


async def _two_members(db: Db, example_bundle: dict[str, Any]) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    await bundle_service.import_bundle(db, {
        "accounts": [{"id": "nwh", "name": "Northwind Health"}],
        "members": [{"id": "other", "name": "Other SAM"}],
        "accountTeam": [{"memberId": "other", "accountId": "nwh", "role": "SAM"}],
    }, changed_on=TODAY)  # fmt: skip


async def test_a_member_bound_admin_never_makes_or_sees_keys_beyond_its_member(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await _two_members(db, example_bundle)
    unbound = await keys.create_key(db, role="VIEWER", name="someone's")
    bound = await api_key(db, "ADMIN", member="mrodriguez")
    async with app_client(settings_for_tests(), bound) as c:
        # An ADMIN key asked for with no member is bound to mrodriguez: it sees gfc only.
        made = await gql(c, "mutation { createApiKey(role: ADMIN) { token key { memberId } } }")
        assert made["data"]["createApiKey"]["key"]["memberId"] == "mrodriguez"
        async with app_client(settings_for_tests(), made["data"]["createApiKey"]["token"]) as child:
            seen = await gql(child, "{ accounts { nodes { id } } }")
            assert [a["id"] for a in seen["data"]["accounts"]["nodes"]] == ["gfc"]
        # Keys for another member are refused.
        other = await gql(c, 'mutation { createApiKey(role: VIEWER, memberId: "other") { token } }')
        assert other["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        # It lists only mrodriguez's keys, and an unbound key reads as missing.
        listed = await gql(c, "{ apiKeys { memberId } }")
        assert {k["memberId"] for k in listed["data"]["apiKeys"]} == {"mrodriguez"}
        revoke = await gql(c, f'mutation {{ revokeApiKey(id: "{unbound.record["id"]}") {{ id }} }}')
        assert revoke["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    # The unbound key still works.
    assert await keys.verify_key(db, unbound.token) is not None
    # No key makes a key above its own role.
    editor = await api_key(db, "EDITOR")
    async with app_client(settings_for_tests(), editor) as c:
        made = await gql(c, "mutation { createApiKey(role: ADMIN) { token } }")
        assert made["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_saved_queries_are_private_unless_shared(db: Db) -> None:
    admin = await api_key(db)
    viewer = await api_key(db, "VIEWER", member=None)
    save = "mutation($n: String!, $s: Boolean!) { saveQuery(name: $n, document: \"{ __typename }\", shared: $s) { name owner shared } }"  # fmt: skip
    async with app_client(settings_for_tests(), admin) as a:
        assert "errors" not in await gql(a, save, n="mine", s=False)
        assert "errors" not in await gql(a, save, n="ours", s=True)
    async with app_client(settings_for_tests(), viewer) as v:
        names = await gql(v, "{ savedQueries(first: 100) { nodes { name builtin } } }")
        custom = [q["name"] for q in names["data"]["savedQueries"]["nodes"] if not q["builtin"]]
        assert custom == ["ours"]  # not the private one, nor its text or owner
        assert (await gql(v, '{ savedQuery(name: "mine") { document } }'))["data"] == {"savedQuery": None}  # fmt: skip
        ran = await gql(v, '{ runSavedQuery(name: "mine") }')
        assert ran["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert (await v.get("/reports/mine")).status_code == 404


async def test_the_development_key_goes_to_loopback_pages_only_and_never_to_production(
    db: Db, tmp_path: Any
) -> None:
    dev = await keys.create_key(db, role="ADMIN", name="development", development=True)
    (tmp_path / "dev-admin.key").write_text(dev.token + "\n")
    settings = settings_for_tests(samgraph_home=tmp_path)
    async with app_client(settings) as c:
        html = {"Accept": "text/html"}
        local = await c.get("/graphql", headers={**html, "Host": "127.0.0.1:8000"})
        assert dev.token in local.text
        for headers in ({"Host": "evil.example"}, {"Host": "evil.example:8000"},
                        {"Host": "localhost:8000", "Origin": "http://evil.example"}):  # fmt: skip
            page = await c.get("/graphql", headers={**html, **headers})
            assert page.status_code == 200 and dev.token not in page.text, headers
            explorer = await c.get("/explorer", headers=headers)
            assert dev.token not in explorer.text, headers
    # A production server sharing the Neo4j refuses the development key.
    prod = settings_for_tests(samgraph_env="production")
    async with app_client(prod, dev.token) as c:
        assert (await c.post("/graphql", json={"query": "{ __typename }"})).status_code == 401


async def test_production_suggests_no_names(db: Db) -> None:
    token = await api_key(db)
    prod = settings_for_tests(samgraph_env="production")
    async with app_client(prod, token) as c:
        for query, variables in [
            ("query($s: Severity!) { portfolioGaps(minSeverity: $s) { totalCount } }", {"s": "HIGHH"}),
            ("{ portfolioGaps(minSeverity: HIGHH) { totalCount } }", {}),
            ("{ portfolioGaps(minSeverty: HIGH) { totalCount } }", {}),
            ("{ accounts(filter: {industri: \"x\"}) { totalCount } }", {}),
            ("query($f: AccountFiltr) { accounts(filter: $f) { totalCount } }", {}),
            ("{ acounts { totalCount } }", {}),
        ]:  # fmt: skip
            body = (await c.post("/graphql", json={"query": query, "variables": variables})).json()
            assert body["errors"], query
            assert all("Did you mean" not in e["message"] for e in body["errors"]), body


async def test_bad_bodies_get_the_coded_400(client: httpx.AsyncClient) -> None:
    json_type = {"Content-Type": "application/json"}
    for content in (b'{"query": "\xff\xfe{ __typename }"}', b"[" * 100_000 + b"]" * 100_000):
        response = await client.post("/graphql", content=content, headers=json_type)
        assert response.status_code == 400, response.text[:200]
        assert response.json()["errors"][0]["extensions"]["code"] in ("BAD_REQUEST",)


async def test_jwts_of_non_admin_roles_need_the_member_claim_in_production(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await _two_members(db, example_bundle)

    def token(claims: dict[str, Any]) -> str:
        base = {"sub": "u1", "exp": dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)}
        return jwt.encode({**base, **claims}, SECRET, algorithm="HS256")

    jwt_settings = {"samgraph_jwt_key": SECRET, "samgraph_jwt_algorithms": ["HS256"]}
    prod = settings_for_tests(samgraph_env="production", **jwt_settings)
    cases = [({"samgraph_role": "VIEWER"}, 401),
             ({"samgraph_role": "VIEWER", "samgraph_member": "mrodriguez"}, 200),
             ({"samgraph_role": "ADMIN"}, 200)]  # fmt: skip
    for claims, status in cases:
        async with app_client(prod, token(claims)) as c:
            r = await c.post("/graphql", json={"query": "{ accounts { totalCount } }"})
            assert r.status_code == status, claims
    # Development keeps the old rule unless SAMGRAPH_JWT_REQUIRE_MEMBER is set.
    dev = settings_for_tests(**jwt_settings)
    async with app_client(dev, token({"samgraph_role": "VIEWER"})) as c:
        assert (await c.post("/graphql", json={"query": "{ __typename }"})).status_code == 200


async def test_control_characters_are_refused_and_old_ones_never_break_xlsx(
    client: httpx.AsyncClient, db: Db
) -> None:
    body = await gql(client, 'mutation { upsertAccounts(input: [{id: "acme", name: "Acme\\u0001"}]) { id } }')  # fmt: skip
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "control character U+0001" in error["message"]
    assert "errors" in await gql(client, 'mutation { upsertAccounts(input: [{id: "a2", name: "A\\u0000"}]) { id } }')  # fmt: skip
    # Stored before the rule (written straight to the graph): the XLSX still opens.
    async with db.driver.session(database=db.database) as session:
        await (await session.run(
            "CREATE (:Account {id: 'old', name: $n, arr: 5.0})", n="Acme Manufacturing\x01")).consume()  # fmt: skip
    response = await client.get("/reports/renewals-next-180-days", params={"format": "xlsx"})
    assert response.status_code == 200
    openpyxl.load_workbook(io.BytesIO(response.content))


def test_spreadsheet_cells_never_start_a_formula_behind_invisible_characters() -> None:
    for text in [" =1+1", "\n=cmd", "\u00a0=HYPERLINK(x)", "\x00=1", "\u200b=1", "\uff1d1+1",
                 "\t@SUM(A1)", "\u3000-2+3"]:  # fmt: skip
        assert safe_text(text) == "'" + text, repr(text)
    for text in ["Acme", " leading space", "a=b", "\u00a0name"]:
        assert safe_text(text) == text, repr(text)
    # safe_text looks closer only at a text whose first character is risky: every
    # character of Unicode that starts a formula or is skipped before one must be in
    # that set, or a formula behind it would pass unquoted.
    skipped = {c for c in map(chr, range(0x110000)) if _INVISIBLE_LEAD.match(c)}
    assert skipped | set(FORMULA_START) == _RISKY_FIRST
    assert len(skipped) == 47  # whitespace, NUL, zero-width characters, the BOM


async def test_no_manager_team_or_attendee_of_another_account(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    """An unbound ADMIN once set gfc's lthompson.managerId to nwh's CIO, and a VIEWER bound
    to gfc's member then read `nwh-cio` in managerId, history and attendees. Now such a
    link is refused for every caller, so another account's ids never show through."""
    await _two_members(db, example_bundle)
    await bundle_service.import_bundle(db, {"stakeholders": [
        {"id": "nwh-cio", "accountId": "nwh", "name": "N CIO"}],
        "teams": [{"id": "nwh-it", "accountId": "nwh", "name": "IT"}]}, changed_on=TODAY)  # fmt: skip
    for row, path in [({"id": "lthompson", "managerId": "nwh-cio"}, "input[0].managerId"),
                      ({"id": "lthompson", "teamId": "nwh-it"}, "input[0].teamId")]:  # fmt: skip
        body = await gql(client, "mutation($r: [StakeholderInput!]!) { upsertStakeholders(input: $r) { id } }", r=[row])  # fmt: skip
        assert body["errors"][0]["extensions"]["field"] == path, body
    meeting = await gql(client, """mutation { logInteraction(input: {id: "x1", accountId: "gfc",
        date: "2026-01-10", type: CALL, memberIds: ["mrodriguez"],
        stakeholderIds: ["jwu", "nwh-cio"]}) { id } }""")  # fmt: skip
    assert meeting["errors"][0]["extensions"]["field"] == "input[0].stakeholderIds[1]"
    people = {p["id"]: p for p in (await bundle_service.export_bundle(db))["stakeholders"]}
    assert people["lthompson"].get("managerId") != "nwh-cio"


async def test_a_refused_export_person_is_audited(
    db: Db, capfd: pytest.CaptureFixture[str]
) -> None:
    viewer = await api_key(db, "VIEWER")
    async with app_client(settings_for_tests(), viewer) as c:
        capfd.readouterr()
        body = await gql(c, '{ exportPerson(stakeholderId: "jwu") }')
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    lines = [json.loads(x) for x in capfd.readouterr().err.splitlines() if '"exportPerson"' in x]
    assert [(x["outcome"], x["code"], x["kind"]) for x in lines] == [
        ("refused", "FORBIDDEN", "export")
    ]


# Links across accounts as an unbound ADMIN could store them before they were refused:
# gfc's lthompson reporting to nwh's CIO and in nwh's IT team, with the history rows of
# both changes, and a gfc call attended by jwu and the nwh CIO.
LEGACY = """
MATCH (l:Stakeholder {id: 'lthompson'}), (c:Stakeholder {id: 'nwh-cio'}), (t:Team {id: 'nwh-it'}),
      (j:Stakeholder {id: 'jwu'})
SET l.managerId = 'nwh-cio', l.teamId = 'nwh-it'
MERGE (l)-[:REPORTS_TO]->(c)
MERGE (l)-[:MEMBER_OF]->(t)
CREATE (l)-[:CHANGED]->(:StakeholderChange {date: date($today), field: 'managerId', old: null,
        new: 'nwh-cio', recordedAt: datetime(), source: 'legacy'})
CREATE (l)-[:CHANGED]->(:StakeholderChange {date: date($today), field: 'teamId', old: null,
        new: 'nwh-it', recordedAt: datetime(), source: 'legacy'})
CREATE (i:Interaction {id: 'x1', accountId: 'gfc', date: date($today), type: 'CALL'})
CREATE (j)-[:ATTENDED]->(i), (c)-[:ATTENDED]->(i)
"""


async def test_links_to_another_account_stored_earlier_read_as_null(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await _two_members(db, example_bundle)
    await bundle_service.import_bundle(db, {"stakeholders": [
        {"id": "nwh-cio", "accountId": "nwh", "name": "N CIO"}],
        "teams": [{"id": "nwh-it", "accountId": "nwh", "name": "IT"}]}, changed_on=TODAY)  # fmt: skip
    await db.driver.execute_query(LEGACY, today=TODAY.isoformat(), database_=db.database)
    viewer = await api_key(db, "VIEWER", member="mrodriguez")
    async with app_client(settings_for_tests(), viewer) as c:
        body = await gql(c, """{ stakeholder(id: "lthompson") {
            managerId manager { id } teamId team { id }
            history { nodes { field old new } } }
          account(id: "gfc") { interactions { id stakeholderIds stakeholders { id } }
            stakeholders { id managerId teamId } } }""")  # fmt: skip
        assert "errors" not in body, body
        person = body["data"]["stakeholder"]
        assert (person["managerId"], person["manager"], person["teamId"], person["team"]) == (
            None, None, None, None)  # fmt: skip
        assert person["history"]["nodes"] == [
            {"field": "managerId", "old": None, "new": None},
            {"field": "teamId", "old": None, "new": None},
        ]
        call = body["data"]["account"]["interactions"]
        assert call == [{"id": "x1", "stakeholderIds": ["jwu"], "stakeholders": [{"id": "jwu"}]}]
        assert "nwh" not in json.dumps(body)
    # Creating a stakeholder with an id another account holds: refused with a message
    # that names neither the id nor its account.
    editor = await api_key(db, "EDITOR", member="mrodriguez")
    async with app_client(settings_for_tests(), editor) as c:
        taken = await gql(c, """mutation { upsertStakeholders(input: [{id: "nwh-cio",
            accountId: "gfc", name: "Probe"}]) { id } }""")  # fmt: skip
        problems = taken["errors"][0]["extensions"]["problems"]
        assert problems == [{"path": "input[0].id", "message": "this id cannot be used with "
                             "this credential: choose another"}]  # fmt: skip
    # The export leaves the links out too, so it re-imports.
    people = {p["id"]: p for p in (await bundle_service.export_bundle(db))["stakeholders"]}
    assert people["lthompson"].get("managerId") is None
    assert people["lthompson"].get("teamId") is None

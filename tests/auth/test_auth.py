"""Authentication (API keys, JWT), roles, saved-query ownership, rate limits and the
audit log, against the real app and Neo4j."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from typer.testing import CliRunner

from samgraph.bundle import service as bundle_service
from samgraph.cli import app as cli
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.main import create_app
from tests.conftest import api_key, app_client, client_for, gql, settings_for_tests
from tests.factories import TODAY

SECRET = "test-hmac-secret-with-at-least-32-bytes!"


async def test_no_or_bad_credentials_get_401_and_probes_stay_open(
    client: httpx.AsyncClient, db: Db
) -> None:
    for token in (None, "nonsense", "sgk_abc_def", "sgk_" + "0" * 16 + "_wrong", "a.b.c"):
        async with client_for(client, token) as c:
            r = await c.post("/graphql", json={"query": "{ members { nodes { id } } }"})
            assert r.status_code == 401, token
            assert r.headers["www-authenticate"].startswith("Bearer")
            assert r.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
            assert (await c.get("/reports/portfolio-coverage")).status_code == 401
            assert (
                await c.get("/graphql", params={"query": "{ members { nodes { id } } }"})
            ).status_code == 401
            assert (await c.get("/healthz")).status_code == 200
            assert (await c.get("/readyz")).status_code == 200
    # A real key with one character changed is refused too.
    good = await api_key(db, "VIEWER")
    async with client_for(client, good[:-1] + ("A" if good[-1] != "A" else "B")) as c:
        assert (
            await c.post("/graphql", json={"query": "{ members { nodes { id } } }"})
        ).status_code == 401


def _cli(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


async def test_apikey_cli_creates_lists_and_revokes(client: httpx.AsyncClient, db: Db) -> None:
    out = await asyncio.to_thread(_cli, "apikey", "create", "--role", "viewer", "--name", "bi")
    assert out.exit_code == 0, out.output
    token = out.stdout.strip().splitlines()[-1]
    key_id = re.fullmatch(r"sgk_([0-9a-f]{16})_[\w-]{43}", token).group(1)  # type: ignore[union-attr]
    # Only the SHA-256 of the secret is stored; the token appears nowhere in the graph.
    stored = await db.read(queries.auth.get_api_key, id=key_id)
    secret = token.split("_", 2)[2]
    assert stored[0]["item"]["hash"] == hashlib.sha256(secret.encode()).hexdigest()
    everything = json.dumps(stored[0]["item"], default=str)
    assert secret not in everything
    async with client_for(client, token) as c:
        body = await gql(c, "{ members { nodes { id } } }")
        assert body["data"] == {"members": {"nodes": []}}
        listed = await asyncio.to_thread(_cli, "apikey", "list")
        assert re.search(rf"^{key_id}\tVIEWER\t-\tbi\t.*\tactive$", listed.stdout, re.M)
        revoked = await asyncio.to_thread(_cli, "apikey", "revoke", key_id)
        assert revoked.exit_code == 0
        # Revocation holds on the very next request: this process forgets the key at once.
        assert (
            await c.post("/graphql", json={"query": "{ members { nodes { id } } }"})
        ).status_code == 401
    listed = await asyncio.to_thread(_cli, "apikey", "list")
    assert re.search(rf"^{key_id}\tVIEWER.*\trevoked ", listed.stdout, re.M)
    bad = await asyncio.to_thread(_cli, "apikey", "create", "--role", "ROOT")
    assert bad.exit_code == 1 and "role" in bad.output
    nobody = await asyncio.to_thread(_cli, "apikey", "create", "--role", "VIEWER", "--member", "x")
    assert nobody.exit_code == 1 and "no member 'x'" in nobody.output


# Root fields and the lowest role that may call them.
MATRIX: list[tuple[str, str]] = [
    ('{ account(id: "gfc") { id } }', "VIEWER"),
    ("{ accounts { totalCount } }", "VIEWER"),
    ('{ account(id: "gfc") { coverage(asOf: "2026-01-15") { score } } }', "VIEWER"),
    ("{ exportBundle }", "VIEWER"),
    ('{ runSavedQuery(name: "portfolio-coverage") }', "VIEWER"),
    ("{ savedQueries { nodes { name } } }", "VIEWER"),
    ('mutation { upsertAccounts(input: [{id: "gfc", name: "GFC"}]) { id } }', "EDITOR"),
    ('mutation { importBundle(bundle: {accounts: [{id: "gfc", name: "G"}]}) { accounts } }',
     "EDITOR"),
    ('mutation { linkKnows(memberId: "mrodriguez", stakeholderId: "jwu", strength: 5) { id } }',
     "EDITOR"),
    ('mutation { saveQuery(name: "mine", document: "{ members { nodes { id } } }") { name } }', "EDITOR"),
    ('mutation { markDeparted(stakeholderId: "dpark") { id } }', "EDITOR"),
    ("{ apiKeys { id } }", "ADMIN"),
    ('{ exportPerson(stakeholderId: "jwu") }', "ADMIN"),
    ('mutation { createApiKey(role: VIEWER) { token } }', "ADMIN"),
    ('mutation { erasePerson(stakeholderId: "akim") { edgesRemoved } }', "ADMIN"),
]  # fmt: skip
RANK = {"VIEWER": 0, "EDITOR": 1, "ADMIN": 2}


@pytest.mark.parametrize("role", ["VIEWER", "EDITOR", "ADMIN"])
async def test_authorization_matrix(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any], role: str
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    async with client_for(client, await api_key(db, role)) as c:
        for query, needs in MATRIX:
            before = await bundle_service.export_bundle(db)
            body = await gql(c, query)
            if RANK[role] >= RANK[needs]:
                assert "errors" not in body, (role, query, body)
            else:
                assert body["data"] is None, (role, query)
                error = body["errors"][0]
                assert error["extensions"]["code"] == "FORBIDDEN", (role, query)
                assert f"needs the {needs} role" in error["message"]
                # Refused before any resolver ran: the graph is unchanged.
                assert await bundle_service.export_bundle(db) == before


async def test_one_forbidden_root_field_refuses_the_whole_operation(
    client: httpx.AsyncClient, db: Db
) -> None:
    async with client_for(client, await api_key(db, "EDITOR")) as c:
        body = await gql(c, 'mutation { upsertAccounts(input: [{id: "z", name: "Z"}]) { id } '
                            "createApiKey(role: ADMIN) { token } }")  # fmt: skip
    assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await bundle_service.export_bundle(db))["accounts"] == []


async def test_saved_queries_of_others_need_admin(client: httpx.AsyncClient, db: Db) -> None:
    save = 'mutation { saveQuery(name: "q1", document: "{ members { nodes { id } } }") { owner } }'
    delete = 'mutation { deleteSavedQuery(name: "q1") { deleted } }'
    async with (
        client_for(client, await api_key(db, "EDITOR")) as alice,
        client_for(client, await api_key(db, "EDITOR")) as bob,
    ):
        owner = (await gql(alice, save))["data"]["saveQuery"]["owner"]
        assert owner.startswith("key:")
        assert (await gql(alice, save))["data"]["saveQuery"]["owner"] == owner  # own: fine
        # Private: to Bob it is as if there were none.
        assert (await gql(bob, save))["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert (await gql(bob, delete))["data"] == {"deleteSavedQuery": {"deleted": False}}
        # Shared: Bob sees it, but only its owner (or an unbound ADMIN) changes it.
        shared = save.replace('") { owner }', '", shared: true) { owner }')
        assert "errors" not in await gql(alice, shared)
        for attempt in (save, delete):
            body = await gql(bob, attempt)
            assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await gql(client, delete))["data"] == {"deleteSavedQuery": {"deleted": True}}


async def test_admin_manages_keys_over_graphql(client: httpx.AsyncClient, db: Db) -> None:
    await bundle_service.import_bundle(
        db, {"members": [{"id": "m1", "name": "M"}]}, changed_on=TODAY
    )
    made = await gql(
        client, 'mutation { createApiKey(role: VIEWER, memberId: "m1", name: "x") '
                "{ token key { id role memberId revokedAt } } }",
    )  # fmt: skip
    new = made["data"]["createApiKey"]
    assert new["key"]["role"] == "VIEWER" and new["key"]["memberId"] == "m1"
    listed = (await gql(client, "{ apiKeys { id } }"))["data"]["apiKeys"]
    assert new["key"]["id"] in {k["id"] for k in listed}
    async with client_for(client, new["token"]) as c:
        assert (
            await c.post("/graphql", json={"query": "{ members { nodes { id } } }"})
        ).status_code == 200
        revoked = await gql(client, "mutation($i: ID!) { revokeApiKey(id: $i) { revokedAt } }",
                            i=new["key"]["id"])  # fmt: skip
        assert revoked["data"]["revokeApiKey"]["revokedAt"] is not None
        assert (
            await c.post("/graphql", json={"query": "{ members { nodes { id } } }"})
        ).status_code == 401


def _token(claims: dict[str, Any], key: Any = SECRET, alg: str = "HS256", **headers: Any) -> str:
    base = {"iss": "https://idp.example", "aud": "samgraph", "sub": "u1",
            "exp": dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)}  # fmt: skip
    return jwt.encode({**base, **claims}, key, algorithm=alg, headers=headers or None)


async def test_jwt_bearer_tokens_with_role_and_member_claims(
    db: Db, example_bundle: dict[str, Any], tmp_path: Path
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    await bundle_service.import_bundle(
        db, {"accounts": [{"id": "oth", "name": "Other"}]}, changed_on=TODAY
    )
    settings = settings_for_tests(
        samgraph_jwt_issuer="https://idp.example", samgraph_jwt_audience="samgraph",
        samgraph_jwt_key=SECRET, samgraph_jwt_algorithms=["HS256"],
    )  # fmt: skip
    cases = [
        (_token({"samgraph_role": "VIEWER"}), 200, 2),
        (_token({"samgraph_role": "VIEWER", "samgraph_member": "mrodriguez"}), 200, 1),
        (_token({"samgraph_role": "VIEWER", "aud": "someone-else"}), 401, None),
        (_token({"samgraph_role": "VIEWER", "iss": "https://evil.example"}), 401, None),
        (_token({"samgraph_role": "VIEWER", "exp": dt.datetime(2020, 1, 1, tzinfo=dt.UTC)}),
         401, None),
        (_token({"samgraph_role": "ROOT"}), 401, None),
        (_token({}), 401, None),
        (_token({"samgraph_role": "ADMIN"}, key="another-secret-of-at-least-32-bytes!!"), 401,
         None),
    ]  # fmt: skip
    for token, status, visible in cases:
        async with app_client(settings, token) as c:
            r = await c.post("/graphql", json={"query": "{ accounts { totalCount } }"})
            assert r.status_code == status, jwt.decode(token, options={"verify_signature": False})
            if visible is not None:
                assert r.json()["data"]["accounts"]["totalCount"] == visible
    # A VIEWER token cannot write.
    async with app_client(settings, _token({"samgraph_role": "VIEWER"})) as c:
        body = await gql(c, 'mutation { upsertAccounts(input: [{id: "n", name: "N"}]) { id } }')
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    # RS256 with a JWKS file: the token's kid picks the key.
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps({"keys": [{**jwk, "kid": "k1", "alg": "RS256", "use": "sig"}]}))
    rs = settings_for_tests(samgraph_jwt_jwks_file=jwks, samgraph_jwt_audience="samgraph")
    good = _token({"samgraph_role": "EDITOR"}, key=private, alg="RS256", kid="k1")
    unknown_kid = _token({"samgraph_role": "EDITOR"}, key=private, alg="RS256", kid="k2")
    async with app_client(rs, good) as c:
        body = await gql(c, 'mutation { upsertAccounts(input: [{id: "n", name: "N"}]) { id } }')
        assert body["data"] == {"upsertAccounts": [{"id": "n"}]}
    async with app_client(rs, unknown_kid) as c:
        assert (
            await c.post("/graphql", json={"query": "{ members { nodes { id } } }"})
        ).status_code == 401


async def test_rate_limit_per_key_answers_429_with_retry_after(db: Db) -> None:
    settings = settings_for_tests(samgraph_rate_limit="3/minute")
    first, second = await api_key(db, "VIEWER"), await api_key(db, "VIEWER")
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        a = httpx.AsyncClient(transport=transport, base_url="http://t",
                              headers={"Authorization": f"Bearer {first}"})  # fmt: skip
        b = httpx.AsyncClient(transport=transport, base_url="http://t",
                              headers={"Authorization": f"Bearer {second}"})  # fmt: skip
        q = {"query": "{ members { nodes { id } } }"}
        statuses = [(await a.post("/graphql", json=q)).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        limited = await a.post("/graphql", json=q)
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert limited.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        # The limit is per key: the second key still has its 3.
        assert (await b.post("/graphql", json=q)).status_code == 200
        await a.aclose()
        await b.aclose()


async def test_audit_log_has_who_what_when_which_account_and_no_personal_data(
    db: Db, example_bundle: dict[str, Any], tmp_path: Path
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    log = tmp_path / "audit.jsonl"
    settings = settings_for_tests(samgraph_audit_log=str(log))
    editor, viewer = await api_key(db, "EDITOR"), await api_key(db, "VIEWER")
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        t = httpx.ASGITransport(app=app)
        async with (
            httpx.AsyncClient(transport=t, base_url="http://t",
                              headers={"Authorization": f"Bearer {editor}"}) as ed,
            httpx.AsyncClient(transport=t, base_url="http://t",
                              headers={"Authorization": f"Bearer {viewer}"}) as vi,
        ):  # fmt: skip
            await gql(ed, 'mutation { upsertStakeholders(input: [{id: "new", accountId: "gfc", '
                          'name: "Jane Private", email: "jane@private.example"}]) { id } }')  # fmt: skip
            await gql(ed, 'mutation { linkKnows(memberId: "mrodriguez", stakeholderId: "zz", '
                          "strength: 2) { id } }")  # fmt: skip
            await gql(vi, 'mutation { deleteAccount(id: "gfc") { deleted } }')
            await gql(vi, '{ exportBundle(accountIds: ["gfc"]) }')
            await vi.get("/reports/portfolio-coverage", params={"format": "csv"})
    lines = [json.loads(x) for x in log.read_text().splitlines()]
    assert [(x["operation"], x["kind"], x["outcome"], x["role"]) for x in lines] == [
        ("upsertStakeholders", "mutation", "ok", "EDITOR"),
        ("linkKnows", "mutation", "error", "EDITOR"),
        ("deleteAccount", "mutation", "refused", "VIEWER"),
        ("exportBundle", "export", "ok", "VIEWER"),
        ("report:portfolio-coverage", "export", "ok", "VIEWER"),
    ]
    assert lines[0]["accounts"] == ["gfc"] and lines[2]["accounts"] == ["gfc"]
    # linkKnows names a stakeholder "zz" that does not exist: NOT_FOUND.
    assert lines[1]["code"] == "NOT_FOUND" and lines[2]["code"] == "FORBIDDEN"
    assert all(x["actor"].startswith("key:") and len(x["requestId"]) >= 16 for x in lines)
    assert all(dt.datetime.fromisoformat(x["ts"]).tzinfo is not None for x in lines)
    text = log.read_text()
    for personal in ("Jane", "jane@", "Maria", "Jennifer", editor, viewer):
        assert personal not in text


async def test_graphiql_page_sends_the_development_key(db: Db, tmp_path: Path) -> None:
    from samgraph.cli import ensure_dev_key

    settings = settings_for_tests(samgraph_home=tmp_path)
    key = await ensure_dev_key(db, settings.dev_key_file)
    assert await ensure_dev_key(db, settings.dev_key_file) == key  # reused while valid
    assert oct(settings.dev_key_file.stat().st_mode & 0o777) == "0o600"
    async with app_client(settings, None) as c:
        page = await c.get("/graphql", headers={"accept": "text/html", "host": "127.0.0.1:8000"})
        assert page.status_code == 200
        assert f'"Authorization":"Bearer {key}"' in page.text
        async with client_for(c, key) as authed:
            assert (await gql(authed, "{ members { nodes { id } } }"))["data"] == {
                "members": {"nodes": []}
            }
    # Revoked: the next start makes a new one.
    await keys_revoke(db, key)
    assert await ensure_dev_key(db, settings.dev_key_file) != key


async def keys_revoke(db: Db, token: str) -> None:
    from samgraph.auth import keys

    await keys.revoke_key(db, token.split("_")[1])


async def test_verified_keys_are_cached_briefly_per_process(db: Db) -> None:
    from samgraph.auth import keys

    token = (await keys.create_key(db, role="VIEWER", name="cached")).token
    key_id = token.split("_")[1]
    settings = settings_for_tests(samgraph_auth_cache_seconds=0.5)
    async with app_client(settings, token) as c:
        assert (await gql(c, "{ members { nodes { id } } }"))["data"] == {"members": {"nodes": []}}
        # Another process revokes it (straight in the graph, not through this one).
        await db.write(queries.auth.revoke_api_key, id=key_id)
        assert (
            await c.post("/graphql", json={"query": "{ members { nodes { id } } }"})
        ).status_code == 200
        await asyncio.sleep(0.6)  # past the 0.5 s cache
        assert (
            await c.post("/graphql", json={"query": "{ members { nodes { id } } }"})
        ).status_code == 401
    # With the cache off, a revocation elsewhere holds on the next request.
    token = (await keys.create_key(db, role="VIEWER", name="uncached")).token
    async with app_client(settings_for_tests(samgraph_auth_cache_seconds=0), token) as c:
        assert (
            await c.post("/graphql", json={"query": "{ members { nodes { id } } }"})
        ).status_code == 200
        await db.write(queries.auth.revoke_api_key, id=token.split("_")[1])
        assert (
            await c.post("/graphql", json={"query": "{ members { nodes { id } } }"})
        ).status_code == 401

"""`accountChanged` over WebSocket (graphql-transport-ws): authenticated on connect,
fired after a write made by another client, and never about another account."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import websockets

from samgraph.db.driver import Db
from tests.conftest import api_key, app_client, gql, settings_for_tests
from tests.factories import account, load
from tests.live import live_server

SUBSCRIBE = (
    "subscription($id: ID!) { accountChanged(id: $id) { accountId revision account { name } } }"
)
POLL = 0.2  # seconds between two reads of the change counters


@asynccontextmanager
async def socket(base: str, token: str | None) -> AsyncIterator[Any]:
    url = base.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        payload = {"Authorization": f"Bearer {token}"} if token else {}
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        yield ws


async def _ack(ws: Any) -> None:
    assert json.loads(await asyncio.wait_for(ws.recv(), 5)) == {"type": "connection_ack"}


async def _subscribe(ws: Any, op: str, account_id: str) -> None:
    await ws.send(json.dumps({"id": op, "type": "subscribe",
                              "payload": {"query": SUBSCRIBE, "variables": {"id": account_id}}}))  # fmt: skip
    await asyncio.sleep(3 * POLL)  # the subscription has read the counter it starts from


async def _rename(base: str, token: str, account_id: str, name: str) -> None:
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {token}"}) as c:
        body = (await c.post("/graphql", json={"query": "mutation($i: ID!, $n: String) { "
            "upsertAccounts(input: [{id: $i, name: $n}]) { id } }", "variables": {"i": account_id, "n": name}})).json()  # fmt: skip
        assert "errors" not in body, body


async def test_account_changed_reaches_subscribers_and_respects_scope(db: Db) -> None:
    await load(db, {
        "accounts": [account(id="mine", name="Mine"), account(id="theirs", name="Theirs")],
        "members": [{"id": "maria", "name": "Maria"}],
        "accountTeam": [{"memberId": "maria", "accountId": "mine", "role": "SAM"}],
    })  # fmt: skip
    admin = await api_key(db)
    maria = await api_key(db, role="VIEWER", member="maria")
    settings = settings_for_tests(samgraph_subscription_poll_seconds=POLL)
    with live_server(settings) as base:
        # No credential: the socket is refused at connection_init (4403).
        async with socket(base, None) as ws:
            with pytest.raises(websockets.ConnectionClosed) as closed:
                await asyncio.wait_for(ws.recv(), 5)
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403
        async with socket(base, maria) as ws:
            await _ack(ws)
            # Another account reads as unknown: an error, and nothing more.
            await ws.send(json.dumps({"id": "x", "type": "subscribe", "payload": {
                "query": SUBSCRIBE, "variables": {"id": "theirs"}}}))  # fmt: skip
            error = json.loads(await asyncio.wait_for(ws.recv(), 5))
            assert error["type"] == "next" and error["id"] == "x", error
            assert error["payload"]["data"] is None
            assert error["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
            done = json.loads(await asyncio.wait_for(ws.recv(), 5))
            assert done == {"id": "x", "type": "complete"}
            await _subscribe(ws, "1", "mine")
            # A write to the other account (by the admin): Maria hears nothing of it.
            await _rename(base, admin, "theirs", "Theirs renamed")
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(ws.recv(), 5 * POLL)
            # A write to her account, by another client: one event with the new name.
            await _rename(base, admin, "mine", "Mine renamed")
            event = json.loads(await asyncio.wait_for(ws.recv(), 20 * POLL))
            assert event["type"] == "next" and event["id"] == "1"
            change = event["payload"]["data"]["accountChanged"]
            assert change["accountId"] == "mine" and change["account"] == {"name": "Mine renamed"}
            assert change["revision"] >= 1


async def test_a_write_counts_the_accounts_it_changes_not_every_account_of_its_members(
    db: Db,
) -> None:
    """m1 knows people in acme and beta. Logging a call with them in acme, or linking
    them to an acme stakeholder, changes acme only; renaming m1 changes both (a member's
    name shows in each account's analyses)."""
    await load(db, {
        "accounts": [account(id="acme"), account(id="beta")],
        "stakeholders": [{"id": "s1", "accountId": "acme", "name": "S One"},
                         {"id": "s2", "accountId": "beta", "name": "S Two"},
                         {"id": "s3", "accountId": "acme", "name": "S Three"}],
        "members": [{"id": "m1", "name": "M One"}],
        "relationships": [{"memberId": "m1", "stakeholderId": "s1", "strength": 3},
                          {"memberId": "m1", "stakeholderId": "s2", "strength": 3}],
    })  # fmt: skip
    admin = await api_key(db)

    async def revisions() -> dict[str, int]:
        rows = await db.driver.execute_query(
            "MATCH (r:AccountRevision) RETURN r.accountId AS id, r.revision AS n",
            database_=db.database,
        )
        return {r["id"]: r["n"] for r in rows.records}

    async with app_client(settings_for_tests(), admin) as c:
        before = await revisions()
        body = await gql(c, 'mutation { logInteraction(input: {id: "call1", accountId: "acme", '
                            'date: "2026-11-02", type: CALL, memberIds: ["m1"], '
                            'stakeholderIds: ["s1"]}) { id } }')  # fmt: skip
        assert body["data"] == {"logInteraction": {"id": "call1"}}
        after = await revisions()
        assert after.get("acme", 0) == before.get("acme", 0) + 1
        assert after.get("beta", 0) == before.get("beta", 0)  # untouched
        await gql(c, 'mutation { linkKnows(memberId: "m1", stakeholderId: "s3", strength: 2) { id } }')  # fmt: skip
        linked = await revisions()
        assert (linked.get("acme", 0), linked.get("beta", 0)) == (after.get("acme", 0) + 1, after.get("beta", 0))  # fmt: skip
        await gql(c, 'mutation { upsertMembers(input: [{id: "m1", name: "M Renamed"}]) { id } }')
        renamed = await revisions()
        assert (
            renamed["acme"] == linked["acme"] + 1 and renamed["beta"] == linked.get("beta", 0) + 1
        )


async def test_a_write_through_another_instance_is_heard(db: Db) -> None:
    """Two app instances share nothing but Neo4j: the subscriber is on one (a live server),
    the write goes through the other (its own app and driver, in this process)."""
    await load(db, {
        "accounts": [account(id="acme")],
        "stakeholders": [{"id": "s1", "accountId": "acme", "name": "S One"}],
        "members": [{"id": "m1", "name": "M One"}],
    })  # fmt: skip
    admin = await api_key(db)
    settings = settings_for_tests(samgraph_subscription_poll_seconds=POLL)
    with live_server(settings) as base:
        async with socket(base, admin) as ws:
            await _ack(ws)
            await _subscribe(ws, "1", "acme")
            # linkKnows names no account: the stakeholder's is found.
            async with app_client(settings, admin) as other_instance:
                body = await gql(other_instance, 'mutation { linkKnows(memberId: "m1", '
                                                 'stakeholderId: "s1", strength: 3) { id } }')  # fmt: skip
                assert body["data"] == {"linkKnows": {"id": "m1:s1"}}
            event = json.loads(await asyncio.wait_for(ws.recv(), 20 * POLL))
            assert event["payload"]["data"]["accountChanged"]["accountId"] == "acme"


async def test_a_write_through_the_same_process_is_heard_before_the_next_poll(db: Db) -> None:
    """The counters are read every 60 s here, the longest interval allowed: every event
    below comes from the poller woken by the writes this server made. Twenty clients
    rename the account at once; the subscriber hears of it, and the last event it hears
    carries the counter's final value (20 bumps after the one it started from)."""
    await load(db, {"accounts": [account(id="acme", name="Acme")]})
    admin = await api_key(db)
    settings = settings_for_tests(samgraph_subscription_poll_seconds=60)
    with live_server(settings) as base:
        async with socket(base, admin) as ws:
            await _ack(ws)
            await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                      "payload": {"query": SUBSCRIBE, "variables": {"id": "acme"}}}))  # fmt: skip
            started = asyncio.get_running_loop().time()
            # The subscription starts from the counter it reads first: a write before
            # that read is not a change to it. Write until one is heard.
            first = None
            for attempt in range(20):
                await _rename(base, admin, "acme", f"Acme {attempt}")
                with contextlib.suppress(TimeoutError):
                    first = json.loads(await asyncio.wait_for(ws.recv(), 1))
                    break
            assert first is not None and first["type"] == "next", first
            start = first["payload"]["data"]["accountChanged"]["revision"]
            await asyncio.gather(*(_rename(base, admin, "acme", f"Acme x{i}") for i in range(20)))
            last = start
            while last < start + 20:
                event = json.loads(await asyncio.wait_for(ws.recv(), 10))
                change = event["payload"]["data"]["accountChanged"]
                assert change["revision"] > last  # never backwards, never repeated
                last = change["revision"]
            assert last == start + 20
            # All of it well before the poller's first interval ended.
            assert asyncio.get_running_loop().time() - started < 60

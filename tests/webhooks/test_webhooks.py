"""Outbound webhooks against a real local HTTP receiver: events derived from snapshot
changes, signed as Standard Webhooks says (checked with the `standardwebhooks`
verifier), retried while the receiver is down, never sent to an endpoint bound to
another member's accounts, and sent once even with two processes."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from standardwebhooks import Webhook

from samgraph.cli import DEMO_BUNDLE
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.demo.shift import shifted
from samgraph.errors import InvalidInput
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshots
from samgraph.webhooks import dispatch
from samgraph.webhooks.service import check_url
from tests.conftest import api_key, app_client, gql, settings_for_tests
from tests.factories import load

SETTINGS = settings_for_tests(samgraph_webhook_backoff_seconds=0.2)
CREATE = """mutation($u: String!, $e: [WebhookEventType!], $m: ID) {
  createWebhookEndpoint(url: $u, events: $e, memberId: $m) { secret endpoint { id memberId } } }"""
LOG = """query($e: ID!) { webhookDeliveries(endpointId: $e) {
  nodes { id status attempts lastStatus lastError } } }"""
DEPART = "mutation($s: ID!) { markDeparted(stakeholderId: $s) { id } }"


@dataclass
class Receiver:
    """A local HTTP endpoint that records what it is sent; `failing` answers 503."""

    url: str
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    failing: bool = False

    def events(self, secret: str) -> list[dict[str, Any]]:
        """Each request verified with the endpoint's secret (raises on a bad signature)."""
        hook = Webhook(secret)
        return [hook.verify(body, headers) for headers, body in self.received]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver("")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if state.failing:
                self.send_response(503)
            else:
                state.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                state.paths.append(self.path)
                self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def _ctx(db: Db) -> Context:
    return Context(db, SETTINGS, build_schema(SETTINGS), request_id="test")


async def _demo(db: Db) -> None:
    """The demo portfolio moved to today, with today's first snapshots (which emit
    nothing: there is nothing before them to compare with)."""
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    assert await snapshots.refresh(_ctx(db)) == 4


async def _send(db: Db, holder: str = "test") -> int:
    async with httpx.AsyncClient() as client:
        return await dispatch.send_due(db, SETTINGS, client, holder=holder)


async def test_a_departed_champion_is_a_signed_event(db: Db, receiver: Receiver) -> None:
    await _demo(db)
    admin = await api_key(db)
    async with app_client(SETTINGS, admin) as c:
        made = (await gql(c, CREATE, u=receiver.url))["data"]["createWebhookEndpoint"]
        secret = made["secret"]
        assert secret.startswith("whsec_") and made["endpoint"]["memberId"] is None
        # David Park, gfc's champion, leaves.
        assert "errors" not in await gql(c, DEPART, s="dpark")
        assert await snapshots.refresh(_ctx(db)) == 1
        assert await _send(db) >= 1
        events = receiver.events(secret)
        by_type = {e["type"]: e["data"] for e in events}
        assert by_type["stakeholder.departed"] == {
            "accountId": "gfc", "stakeholderId": "dpark", "name": "David Park",
            "buyingRole": "CHAMPION", "champion": True,
            "departedAt": SETTINGS.today().isoformat(),
        }  # fmt: skip
        # gfc now has no champion: NO_CHAMPION (HIGH) opened.
        assert any(e["type"] == "gap.opened" and e["data"]["code"] == "NO_CHAMPION" for e in events)
        # The headers Standard Webhooks asks for; the id is the event's.
        headers = receiver.received[0][0]
        assert headers["webhook-id"].startswith("msg_") and headers["webhook-signature"].startswith(
            "v1,"
        )
        # A signature made with another secret is refused by the verifier.
        with pytest.raises(Exception, match="signature"):
            Webhook("whsec_" + "A" * 43 + "=").verify(receiver.received[0][1], headers)
        # The delivery log.
        log = await gql(c, """query($e: ID!) { webhookDeliveries(endpointId: $e) {
            totalCount nodes { type status attempts lastStatus } } }""", e=made["endpoint"]["id"])  # fmt: skip
        nodes = log["data"]["webhookDeliveries"]["nodes"]
        assert {n["status"] for n in nodes} == {"DELIVERED"} and len(nodes) == len(events)
        assert all(n["attempts"] == 1 and n["lastStatus"] == 204 for n in nodes)
        # Nothing changed since: another refresh and send emit nothing more.
        assert await snapshots.refresh(_ctx(db)) == 0
        assert await _send(db) == 0 and len(receiver.received) == len(events)


async def test_a_receiver_that_is_down_gets_the_event_once_it_is_back(
    db: Db, receiver: Receiver
) -> None:
    await _demo(db)
    admin = await api_key(db)
    async with app_client(SETTINGS, admin) as c:
        made = (await gql(c, CREATE, u=receiver.url, e=["STAKEHOLDER_DEPARTED"]))["data"]
        await gql(c, DEPART, s="dpark")
        await snapshots.refresh(_ctx(db))
        receiver.failing = True
        assert await _send(db) == 0  # 503: PENDING again, after 0.2 s
        assert await _send(db) == 0  # not due yet: nothing is tried
        (first,) = (await gql(c, LOG, e=made["createWebhookEndpoint"]["endpoint"]["id"]))["data"][
            "webhookDeliveries"]["nodes"]  # fmt: skip
        assert (first["status"], first["attempts"], first["lastStatus"]) == ("PENDING", 1, 503)
        receiver.failing = False
        await asyncio.sleep(0.3)
        assert await _send(db) == 1
        (event,) = receiver.events(made["createWebhookEndpoint"]["secret"])
        assert event["type"] == "stakeholder.departed"
        # An ADMIN sends it again on request (a receiver that lost it): same webhook-id.
        again = await gql(c, 'mutation($i: ID!) { redeliverWebhook(id: $i) { status } }', i=first["id"])  # fmt: skip
        assert again["data"]["redeliverWebhook"]["status"] == "PENDING"
        assert await _send(db) == 1
        ids = [h["webhook-id"] for h, _ in receiver.received]
        assert len(ids) == 2 and ids[0] == ids[1]


async def test_retries_end_as_failed_after_the_retry_hours(db: Db, receiver: Receiver) -> None:
    # Backoff: 0.2 s x 2^(attempts - 1); with 1 ms of retry hours... 0.0000003 h = 1 ms:
    # the first retry would come after it, so the first failure is FAILED.
    settings = settings_for_tests(samgraph_webhook_retry_hours=0.0000003)
    await _demo(db)
    admin = await api_key(db)
    async with app_client(settings, admin) as c:
        await gql(c, CREATE, u=receiver.url, e=["STAKEHOLDER_DEPARTED"])
        await gql(c, DEPART, s="dpark")
        await snapshots.refresh(_ctx(db))
        receiver.failing = True
        async with httpx.AsyncClient() as client:
            assert await dispatch.send_due(db, settings, client, holder="x") == 0
        log = await gql(c, "{ webhookEndpoints { id } }")
        endpoint = log["data"]["webhookEndpoints"][0]["id"]
        states = await gql(c, LOG, e=endpoint)
        (only,) = states["data"]["webhookDeliveries"]["nodes"]
        assert (only["status"], only["attempts"], only["lastStatus"]) == ("FAILED", 1, 503)
        assert await _send(db) == 0  # never tried again by itself


async def test_a_bound_endpoint_hears_only_its_members_accounts(db: Db, receiver: Receiver) -> None:
    await _demo(db)
    admin = await api_key(db)
    async with app_client(SETTINGS, admin) as c:
        # jlee is on nwh and contoso only; mrodriguez on gfc and acme.
        theirs = (await gql(c, CREATE, u=receiver.url + "/jlee", m="jlee"))["data"]
        mine = (await gql(c, CREATE, u=receiver.url + "/maria", m="mrodriguez"))["data"]
        await gql(c, DEPART, s="dpark")  # gfc
        await snapshots.refresh(_ctx(db))
        await _send(db)
    # gfc's events went to Maria's endpoint only.
    assert receiver.paths and set(receiver.paths) == {"/hook/maria"}
    assert all(json.loads(body)["data"]["accountId"] == "gfc" for _, body in receiver.received)
    secret = mine["createWebhookEndpoint"]["secret"]
    assert len(receiver.events(secret)) == len(receiver.received)  # all signed for Maria's
    assert theirs["createWebhookEndpoint"]["endpoint"]["memberId"] == "jlee"
    # A key bound to jlee lists and manages only jlee's endpoint, and cannot register
    # one for another member.
    bound = await api_key(db, "ADMIN", member="jlee")
    async with app_client(SETTINGS, bound) as c:
        listed = await gql(c, "{ webhookEndpoints { memberId } }")
        assert listed["data"]["webhookEndpoints"] == [{"memberId": "jlee"}]
        refused = await gql(c, CREATE, u=receiver.url, m="mrodriguez")
        assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # An EDITOR is not an ADMIN.
    editor = await api_key(db, "EDITOR")
    async with app_client(SETTINGS, editor) as c:
        assert (await gql(c, "{ webhookEndpoints { id } }"))["errors"][0]["extensions"][
            "code"] == "FORBIDDEN"  # fmt: skip


async def test_two_processes_emit_and_send_each_change_once(db: Db, receiver: Receiver) -> None:
    await _demo(db)
    admin = await api_key(db)
    async with app_client(SETTINGS, admin) as c:
        made = (await gql(c, CREATE, u=receiver.url))["data"]["createWebhookEndpoint"]
        await gql(c, DEPART, s="dpark")
    # Two refreshers (two workers or instances) at once: one stores gfc's snapshot and
    # emits its events; the other finds it claimed or already fresh.
    stored = await asyncio.gather(
        snapshots.refresh(_ctx(db), holder="worker-1"),
        snapshots.refresh(_ctx(db), holder="worker-2"),
    )
    assert sum(stored) == 1
    # Two dispatchers at once: each delivery is claimed by one of them.
    sent = await asyncio.gather(_send(db, "worker-1"), _send(db, "worker-2"))
    ids = [h["webhook-id"] for h, _ in receiver.received]
    assert sum(sent) == len(ids) == len(set(ids)) > 0
    assert len(receiver.events(made["secret"])) == len(ids)


async def test_twenty_clients_register_endpoints_at_once(db: Db, receiver: Receiver) -> None:
    admin = await api_key(db)
    async with app_client(SETTINGS, admin) as c:
        made = await asyncio.gather(*(gql(c, CREATE, u=f"{receiver.url}/{i}") for i in range(20)))
        assert all("errors" not in m for m in made)
        listed = (await gql(c, "{ webhookEndpoints { id } }"))["data"]["webhookEndpoints"]
        assert len({e["id"] for e in listed}) == 20


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://hooks.example.com/x", "must be https"),
        ("https://127.0.0.1/x", "loopback"),
        ("https://10.1.2.3/x", "loopback"),
        ("https://169.254.169.254/latest", "loopback"),
        ("https://[::1]/x", "loopback"),
        ("ftp://hooks.example.com/x", "http(s) URL"),
    ],
)
def test_production_refuses_plain_http_and_private_addresses(url: str, problem: str) -> None:
    production = settings_for_tests(samgraph_env="production", neo4j_uri="bolt://x:1",
                                    neo4j_password="p")  # fmt: skip
    with pytest.raises(InvalidInput) as refused:
        check_url(url, production)
    assert problem in refused.value.problems[0].message
    check_url("https://93.184.215.14/hook", production)  # a public address is fine


async def test_a_champion_who_moves_is_told_by_the_account_they_moved_to(
    db: Db, receiver: Receiver
) -> None:
    """David Park (gfc's champion, LinkedIn /in/dpark) also appears at Northwind as an
    active stakeholder. When he leaves gfc, gfc's refresh counts Northwind as changed,
    and Northwind's snapshot then holds the move (§15): one `champion.moved`."""
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    await load(db, {"stakeholders": [
        {"id": "dpark", "accountId": "gfc", "name": "David Park",
         "linkedinUrl": "https://www.linkedin.com/in/dpark"},
        {"id": "nwh-dpark", "accountId": "nwh", "name": "David Park",
         "linkedinUrl": "https://linkedin.com/in/dpark/"}]})  # fmt: skip
    assert await snapshots.refresh(_ctx(db)) == 4
    admin = await api_key(db)
    async with app_client(SETTINGS, admin) as c:
        made = (await gql(c, CREATE, u=receiver.url, e=["CHAMPION_MOVED"]))["data"]
        await gql(c, DEPART, s="dpark")
    assert await snapshots.refresh(_ctx(db)) == 1  # gfc: Northwind is counted as changed
    await _send(db)
    assert receiver.received == []  # gfc itself has no move into it
    assert await snapshots.refresh(_ctx(db)) == 1  # Northwind, with the move
    await _send(db)
    (event,) = receiver.events(made["createWebhookEndpoint"]["secret"])
    assert event["type"] == "champion.moved"
    data = event["data"]
    assert (data["accountId"], data["fromAccountId"], data["formerStakeholderId"],
            data["stakeholderId"]) == ("nwh", "gfc", "dpark", "nwh-dpark")  # fmt: skip
    # Told once: nothing more on the next passes.
    await snapshots.refresh(_ctx(db))
    await _send(db)
    assert len(receiver.received) == 1


async def test_a_host_that_resolves_privately_at_send_time_is_not_sent_to(
    db: Db, receiver: Receiver
) -> None:
    # Registered while private addresses were allowed (as a name that resolved to a
    # public address then would be); the dispatcher, which refuses them, resolves the
    # host again before each POST: 127.0.0.1 is loopback, so nothing is sent.
    strict = settings_for_tests(samgraph_webhook_allow_private=False,
                                samgraph_webhook_backoff_seconds=0.2)  # fmt: skip
    await _demo(db)
    admin = await api_key(db)
    async with app_client(SETTINGS, admin) as c:
        made = (await gql(c, CREATE, u=receiver.url, e=["STAKEHOLDER_DEPARTED"]))["data"]
        await gql(c, DEPART, s="dpark")
        await snapshots.refresh(_ctx(db))
        async with httpx.AsyncClient() as client:
            assert await dispatch.send_due(db, strict, client, holder="strict") == 0
        assert receiver.received == []
        log = await gql(c, LOG, e=made["createWebhookEndpoint"]["endpoint"]["id"])
        (only,) = log["data"]["webhookDeliveries"]["nodes"]
        # A failed attempt like any other: pending again, retried with backoff.
        assert (only["status"], only["attempts"], only["lastStatus"]) == ("PENDING", 1, None)
        assert only["lastError"] == dispatch.REFUSED


async def test_finished_deliveries_are_forgotten_after_the_keep_days(
    db: Db, receiver: Receiver
) -> None:
    await _demo(db)
    admin = await api_key(db)
    async with app_client(SETTINGS, admin) as c:
        made = (await gql(c, CREATE, u=receiver.url, e=["STAKEHOLDER_DEPARTED"]))["data"]
        endpoint = made["createWebhookEndpoint"]["endpoint"]["id"]
        await gql(c, DEPART, s="dpark")  # gfc's champion: one event, one delivery
        await snapshots.refresh(_ctx(db))
        assert await _send(db) == 1
        await gql(c, DEPART, s="akim")  # a second event, its receiver down: PENDING
        await snapshots.refresh(_ctx(db))
        receiver.failing = True
        assert await _send(db) == 0
        # Both are 0 days old: the 30 keep days forget nothing.
        assert await dispatch.prune(db, SETTINGS) == (0, 0)
        # The delivered one last tried 31 days ago: it and its event go; the pending one,
        # as old, stays (pending deliveries are always kept).
        await db.driver.execute_query(
            "MATCH (d:WebhookDelivery) SET d.lastAttemptAt = datetime() - duration('P31D')",
            database_=db.database,
        )
        assert await dispatch.prune(db, SETTINGS) == (1, 1)
        log = await gql(c, LOG, e=endpoint)
        assert [n["status"] for n in log["data"]["webhookDeliveries"]["nodes"]] == ["PENDING"]
        # Deleting the endpoint drops its deliveries; its events go at the next prune.
        await gql(c, "mutation($i: ID!) { deleteWebhookEndpoint(id: $i) { deleted } }", i=endpoint)
        assert await dispatch.prune(db, SETTINGS) == (0, 1)

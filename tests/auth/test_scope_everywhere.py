"""Every root query field and every nested list field goes through the one scope.

The fields are enumerated from the schema itself, and the documents below are
checked to select each of them (a new field without a case fails here). Each
document then runs as a member-bound ADMIN (the widest role, the narrowest scope)
over GFC plus another account with edges crossing into it, and no id or name of
the other account may appear anywhere in any answer.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import httpx
import orjson
from graphql import (
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    parse,
    visit,
)

from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshots
from tests.auth.test_scope import OTHER
from tests.conftest import api_key, client_for, gql, settings_for_tests
from tests.factories import load
from tests.live import live_server
from tests.web.test_subscriptions import _ack, socket

DOCUMENTS = [
    """{ account(id: "gfc") { id
      championBackups(asOf: "2026-01-20") { champion { id } backups { id } candidates { stakeholder { id } } }
      warmPaths(to: "jwu", asOf: "2026-01-20") { nodes { id } edges { source target } }
      overdueTouches(asOf: "2026-01-20") { memberId stakeholderId }
      coverage(asOf: "2026-01-20") { cells { band } gaps { code stakeholderId stakeholder { id } } }
      influenceMap(asOf: "2026-01-20") { nodes { stakeholder { id } } edges { source target } }
      whitespace { cells { teamId productId } byTeam { teamId } byProduct { productId } }
      reachableWhitespace(asOf: "2026-01-20") { teams { teamId door { id } wayIn { nodes { id } } }
        cells { teamId productId } }
      memberDependency(asOf: "2026-01-20") { member { id } soleEngaged { id } }
      plays(asOf: "2026-01-20") { stakeholder { id } member { id } account { id }
        path { nodes { id } edges { source target } } gapsClosed { stakeholderId stakeholder { id } } }
      trend(from: "2026-01-01", to: "2027-01-01") { date cells { band } gaps { code } }
      graph(include: [MEMBERS, DEPARTED, MEMBER_OF_EDGES]) { nodes { id group }
        edges { id source target } groups { id parent } }
      teams { id children { id } deployments { productId } opportunities { id }
        stakeholders { id reports(includeDeparted: true) { id } relationships { stakeholderId }
          influences { toId to { id name } } influencedBy { fromId } history { nodes { new } edges { node { new } } } } }
      stakeholders(includeDeparted: true) { id name }
      stakeholdersConnection(includeDeparted: true) { nodes { id } edges { node { name } } }
      interactionsConnection { nodes { id stakeholders { id } } edges { node { id } } }
      overdueTouchesConnection(asOf: "2026-01-20") { nodes { stakeholderId } }
      orgChart(date: "2026-01-20") { id }
      accountTeam { member { id accounts { accountId account { name } }
        relationships { stakeholderId stakeholder { name } }
        overdueTouches(asOf: "2026-01-20") { stakeholderId } } }
      opportunities { id }
      interactions { id members { id } stakeholders { id } } } }""",
    """{ accounts(first: 100) { totalCount edges { node { id name } } nodes { id } }
      portfolioGaps(asOf: "2026-01-20", first: 100) { nodes { account { id } stakeholderId } edges { node { account { id } } } }
      overdueTouches(asOf: "2026-01-20", first: 100) { nodes { stakeholderId } edges { node { stakeholderId } } }
      savedQueries { nodes { name } edges { node { name } } }
      championMoves { person { id } formerStakeholder { id } fromAccount { id } toAccount { id } }
      plays(asOf: "2026-01-20", first: 100) { nodes { account { id } stakeholder { id } }
        edges { node { stakeholder { id } } } }
      portfolioTrend(from: "2026-01-01", to: "2027-01-01") { date accounts } savedQuery(name: "portfolio-coverage") { name }
      team(id: "oth-t") { id } stakeholder(id: "oth-s") { id }
      member(id: "mrodriguez") { id relationships { stakeholderId } }
      members { nodes { id } edges { node { id } } } product(id: "core") { id deployments { teamId team { name } } }
      products { nodes { id deployments { teamId } } edges { node { id } } }
      opportunity(id: "oth-o") { id } interaction(id: "oth-i") { id }
      exportBundle apiKeys { id } webhookEndpoints { id }
      apiKeysConnection { nodes { id } edges { node { id } } }
      championMovesConnection { nodes { person { id } toAccount { id } } edges { node { fromAccountId } } } }""",
    """{ webhookDeliveries(endpointId: "nope") { nodes { id accountId } edges { node { id } } } }""",
    """{ runSavedQuery(name: "portfolio-coverage") }""",
    """{ exportPerson(stakeholderId: "oth-s") }""",
    # Jennifer Wu (GFC) sways the other account's Olga: the edge must not show her.
    """{ exportPerson(stakeholderId: "jwu") }""",
]

# The other account's ids and names (its member and the product catalog are shared by
# all accounts, so they may appear).
FORBIDDEN = {"oth", "oth-t", "oth-s", "oth-o", "oth-i", "Olga Secret", "Secret deal", "Other Corp"}  # fmt: skip


def _is_list(kind: Any) -> bool:
    while isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    return isinstance(kind, GraphQLList)


@functools.cache
def _schema() -> GraphQLSchema:
    return build_schema(settings_for_tests())._schema


def _reachable_fields() -> set[str]:
    """Query's root fields and every list field of an object type reachable from Query."""
    schema = _schema()
    query = schema.query_type
    assert query is not None
    wanted, seen, todo = set(), set(), [query]
    while todo:
        kind = todo.pop()
        if kind.name in seen:
            continue
        seen.add(kind.name)
        for name, field in kind.fields.items():
            inner = get_named_type(field.type)
            if kind is query or (_is_list(field.type) and isinstance(inner, GraphQLObjectType)):
                wanted.add(f"{kind.name}.{name}")
            if isinstance(inner, GraphQLObjectType):
                todo.append(inner)
    return wanted


def _selected(document: str) -> set[str]:
    info = TypeInfo(_schema())
    found: set[str] = set()

    class Fields(Visitor):
        def enter_field(self, node: Any, *_: Any) -> None:
            parent = info.get_parent_type()
            if parent is not None:
                found.add(f"{parent.name}.{node.name.value}")

    visit(parse(document), TypeInfoVisitor(info, Fields()))
    return found


def test_the_documents_select_every_root_and_list_field() -> None:
    selected = set().union(*(_selected(d) for d in DOCUMENTS))
    missing = _reachable_fields() - selected
    assert missing == set(), f"add these fields to a document above: {sorted(missing)}"


async def test_no_other_account_leaks_through_any_field(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    await load(db, OTHER)
    settings = settings_for_tests()
    # Today's snapshots of both accounts, so trends have something to leak.
    assert await snapshots.refresh(Context(db, settings, build_schema(settings))) == 2
    # Unbound, the same documents do reach the other account (the check can fail).
    unbound = orjson.dumps(await gql(client, DOCUMENTS[1])).decode()
    assert '"oth-s"' in unbound and '"oth"' in unbound
    token = await api_key(db, "ADMIN", member="mrodriguez")
    async with client_for(client, token) as bound:
        for document in DOCUMENTS:
            body = await gql(bound, document)
            codes = {e["extensions"]["code"] for e in body.get("errors", [])}
            assert codes <= {"NOT_FOUND"}, body  # exportPerson of the other account
            text = orjson.dumps(body.get("data")).decode()
            leaked = [x for x in FORBIDDEN if f'"{x}"' in text]
            assert leaked == [], (document[:60], leaked)
        # Aggregates too: the portfolio trend counts Maria's one account, not both.
        trend = await gql(
            bound, '{ portfolioTrend(from: "2026-01-01", to: "2027-12-31") { accounts } }'
        )
        assert [d["accounts"] for d in trend["data"]["portfolioTrend"]] == [1]


async def test_no_other_account_leaks_over_a_websocket(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    """The same documents as operations on one graphql-transport-ws socket of a live
    server, and a subscription to the other account, which ends NOT_FOUND."""
    await load(db, example_bundle)
    await load(db, OTHER)
    settings = settings_for_tests()
    assert await snapshots.refresh(Context(db, settings, build_schema(settings))) == 2
    token = await api_key(db, "ADMIN", member="mrodriguez")
    subscription = 'subscription { accountChanged(id: "oth") { account { name } } }'
    with live_server(settings) as base:
        async with socket(base, token) as ws:
            await _ack(ws)
            for i, document in enumerate([*DOCUMENTS, subscription]):
                await ws.send(orjson.dumps({"id": str(i), "type": "subscribe",
                                            "payload": {"query": document}}).decode())  # fmt: skip
                messages: list[dict[str, Any]] = []
                while not messages or messages[-1]["type"] not in ("complete", "error"):
                    messages.append(orjson.loads(await asyncio.wait_for(ws.recv(), 30)))
                payloads = [m["payload"] for m in messages if m["type"] == "next"]
                assert payloads, messages
                codes = {e["extensions"]["code"] for p in payloads for e in p.get("errors", [])}
                assert codes <= {"NOT_FOUND"}, (document[:60], messages)
                text = orjson.dumps([p.get("data") for p in payloads]).decode()
                leaked = [x for x in FORBIDDEN if f'"{x}"' in text]
                assert leaked == [], (document[:60], leaked)
            # The subscription to the other account was answered NOT_FOUND.
            assert codes == {"NOT_FOUND"}

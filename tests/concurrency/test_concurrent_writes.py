"""Every write path driven by 20 parallel clients against the real server (uvicorn on a
port, the real Neo4j). After each: one edge per pair, `lastContact` = the newest date
sent, an exact history chain, no manager cycle, and export -> wipe -> import -> export
gives the same bundle (the lossless round trip of domain §10)."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
import pytest_asyncio

from samgraph.bundle import service as bundle_service
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db
from tests.conftest import api_key, settings_for_tests
from tests.factories import TODAY
from tests.live import live_server

CLIENTS = 20
ROUNDS = 5

Post = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]


@pytest_asyncio.fixture(loop_scope="session")
async def post(db: Db) -> AsyncIterator[Post]:
    """POST a GraphQL document to a live server with an ADMIN key; 20 connections."""
    token = await api_key(db)
    with live_server(settings_for_tests()) as base:
        limits = httpx.Limits(max_connections=CLIENTS)
        async with httpx.AsyncClient(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, limits=limits,
            timeout=60,
        ) as client:  # fmt: skip

            async def send(query: str, variables: dict[str, Any]) -> dict[str, Any]:
                response = await client.post(
                    "/graphql", json={"query": query, "variables": variables}
                )
                body: dict[str, Any] = response.json()
                return body

            yield send


async def _base(db: Db, people: int = 2) -> None:
    await bundle_service.import_bundle(db, {
        "accounts": [{"id": "acc", "name": "Acc"}],
        "teams": [{"id": "t1", "accountId": "acc", "name": "One"},
                  {"id": "t2", "accountId": "acc", "name": "Two"}],
        "members": [{"id": "m1", "name": "Maria"}, {"id": "m2", "name": "Tom"}],
        "stakeholders": [{"id": f"s{i}", "accountId": "acc", "name": f"P{i}", "title": "T",
                          "seniority": "VP"} for i in range(1, people + 1)],
    }, changed_on=TODAY)  # fmt: skip


async def _round_trip_is_lossless(db: Db) -> dict[str, Any]:
    """export -> wipe -> import -> export: the same bundle (ordering and values)."""
    first = await bundle_service.export_bundle(db)
    await wipe_data(db)
    await bundle_service.import_bundle(db, first, changed_on=TODAY)
    second = await bundle_service.export_bundle(db)
    assert bundle_service.dumps(second) == bundle_service.dumps(first)
    return first


def _pairs(bundle: dict[str, Any]) -> list[tuple[str, str]]:
    return [(r["memberId"], r["stakeholderId"]) for r in bundle["relationships"]]


LOG = """mutation($i: InteractionInput!) { logInteraction(input: $i) { id } }"""


async def test_log_interaction_on_one_new_pair_makes_one_edge_and_keeps_the_newest_date(
    db: Db, post: Post
) -> None:
    await _base(db, people=ROUNDS)
    rng = random.Random(22)
    for r in range(1, ROUNDS + 1):
        # 20 interactions on one member-stakeholder pair without a KNOWS edge, on 20
        # different days in a shuffled order.
        days = [TODAY - dt.timedelta(days=d) for d in rng.sample(range(1, 200), CLIENTS)]
        rows = [{"id": f"x{r}-{k}", "accountId": "acc", "date": day.isoformat(), "type": "CALL",
                 "memberIds": ["m1"], "stakeholderIds": [f"s{r}"]}
                for k, day in enumerate(days)]  # fmt: skip
        answers = await asyncio.gather(*(post(LOG, {"i": row}) for row in rows))
        assert [a.get("errors") for a in answers] == [None] * CLIENTS
        bundle = await bundle_service.export_bundle(db)
        edges = [e for e in bundle["relationships"] if e["stakeholderId"] == f"s{r}"]
        # One edge for the pair; a new contact starts at strength 2; its last contact is
        # the newest of the 20 days, never an older one written later.
        assert len(edges) == 1, edges
        assert edges[0]["strength"] == 2
        assert edges[0]["lastContact"] == max(days).isoformat()
    bundle = await _round_trip_is_lossless(db)
    assert sorted(_pairs(bundle)) == [("m1", f"s{r}") for r in range(1, ROUNDS + 1)]


UPSERT = """mutation($rows: [StakeholderInput!]!) { upsertStakeholders(input: $rows) { id } }"""


def _chain(history: list[dict[str, Any]], field: str, first_old: Any) -> list[Any]:
    """The values a field went through, checking each change starts where the one before
    it ended (the exact chain); history rows are in the order they were recorded."""
    rows = [h for h in history if h["field"] == field]
    values = [first_old]
    for h in rows:
        assert h.get("old") == values[-1], (h, values)
        values.append(h.get("new"))
    return values


async def test_parallel_title_upserts_of_one_person_leave_an_exact_history_chain(
    db: Db, post: Post
) -> None:
    await _base(db)
    for r in range(ROUNDS):
        titles = [f"R{r}-T{k}" for k in range(CLIENTS)]
        answers = await asyncio.gather(
            *(post(UPSERT, {"rows": [{"id": "s1", "title": t}]}) for t in titles)
        )
        assert [a.get("errors") for a in answers] == [None] * CLIENTS
    bundle = await bundle_service.export_bundle(db)
    history = [h for h in bundle["history"] if h["stakeholderId"] == "s1"]
    # 5 rounds x 20 distinct titles, each different from the one before: 100 changes,
    # each `old` the `new` of the change before it, the last `new` the stored title.
    values = _chain(history, "title", "T")
    assert len(values) == ROUNDS * CLIENTS + 1
    assert sorted(values[1:]) == sorted(f"R{r}-T{k}" for r in range(ROUNDS) for k in range(CLIENTS))
    person = next(p for p in bundle["stakeholders"] if p["id"] == "s1")
    assert person["title"] == values[-1]
    # Every change names its source: the API key that made it.
    assert {h["source"] for h in history} == {"test"}
    await _round_trip_is_lossless(db)


async def test_managers_edited_from_both_sides_never_make_a_cycle(db: Db, post: Post) -> None:
    await _base(db, people=6)
    for _ in range(ROUNDS):
        await post(UPSERT, {"rows": [{"id": "s5", "managerId": None},
                                     {"id": "s6", "managerId": None}]})  # fmt: skip
        # Half the clients make s5 report to s6, the other half s6 to s5.
        calls = [
            post(UPSERT, {"rows": [{"id": "s5", "managerId": "s6"}]}) if k % 2
            else post(UPSERT, {"rows": [{"id": "s6", "managerId": "s5"}]})
            for k in range(CLIENTS)
        ]  # fmt: skip
        answers = await asyncio.gather(*calls)
        refused = [a for a in answers if a.get("errors")]
        for a in refused:
            error = a["errors"][0]
            assert error["extensions"]["code"] == "BAD_USER_INPUT", error
            assert "cycle" in error["message"] + str(error["extensions"]), error
        bundle = await bundle_service.export_bundle(db)
        managers = {p["id"]: p.get("managerId") for p in bundle["stakeholders"]}
        # Exactly one direction won: the first to commit; every call of the other
        # direction was refused, and a call that was refused wrote nothing.
        assert (managers["s5"], managers["s6"]) in (("s6", None), (None, "s5")), managers
        winner = "s5" if managers["s5"] else "s6"
        ok = [k for k, a in enumerate(answers) if not a.get("errors")]
        assert all((k % 2 == 1) == (winner == "s5") for k in ok), (winner, ok)
        assert len(refused) == CLIENTS // 2
    await _round_trip_is_lossless(db)


LINK = """mutation($s: Int!, $d: Date) {
  linkKnows(memberId: "m1", stakeholderId: "s1", strength: $s, lastContact: $d) { strength }
  linkInfluence(fromId: "s1", toId: "s2", weight: $s) { weight }
}"""


async def test_parallel_links_of_one_pair_make_one_edge(db: Db, post: Post) -> None:
    await _base(db)
    for _ in range(ROUNDS):
        answers = await asyncio.gather(*(
            post(LINK, {"s": 1 + k % 5, "d": (TODAY - dt.timedelta(days=k)).isoformat()})
            for k in range(CLIENTS)))  # fmt: skip
        assert [a.get("errors") for a in answers] == [None] * CLIENTS
    bundle = await _round_trip_is_lossless(db)
    assert _pairs(bundle) == [("m1", "s1")]
    assert [(i["fromId"], i["toId"]) for i in bundle["influences"]] == [("s1", "s2")]


SYNC = """mutation($c: String!) {
  syncOrgChart(accountId: "acc", format: CSV, content: $c, mode: PARTIAL) { written }
}"""


@pytest.mark.parametrize("feed_first", [True, False])
async def test_sync_and_feed_at_once(db: Db, post: Post, feed_first: bool) -> None:
    await _base(db, people=4)
    # 10 syncs renaming titles and 10 feeds meeting every person at once.
    syncs = [
        post(SYNC, {"c": "id,name,title\n" + "".join(f"s{i},P{i},Sync{k}\n" for i in range(1, 5))})
        for k in range(CLIENTS // 2)
    ]
    feeds = [
        post(LOG, {"i": {"id": f"f{k}", "accountId": "acc", "type": "MEETING",
                         "date": (TODAY - dt.timedelta(days=k)).isoformat(),
                         "memberIds": ["m1", "m2"],
                         "stakeholderIds": ["s1", "s2", "s3", "s4"]}})
        for k in range(CLIENTS // 2)
    ]  # fmt: skip
    calls = feeds + syncs if feed_first else syncs + feeds
    answers = await asyncio.gather(*calls)
    assert [a.get("errors") for a in answers] == [None] * CLIENTS
    bundle = await bundle_service.export_bundle(db)
    # Two members x four people: 8 edges, each last contacted on the newest meeting (today).
    assert sorted(_pairs(bundle)) == sorted((m, f"s{i}") for m in ("m1", "m2") for i in range(1, 5))
    assert {r["lastContact"] for r in bundle["relationships"]} == {TODAY.isoformat()}
    for i in range(1, 5):
        history = [h for h in bundle["history"] if h["stakeholderId"] == f"s{i}"]
        values = _chain(history, "title", "T")
        person = next(p for p in bundle["stakeholders"] if p["id"] == f"s{i}")
        assert person["title"] == values[-1] and values[-1].startswith("Sync")
        assert {h["source"] for h in history} == {"sync:csv"}
    await _round_trip_is_lossless(db)


IMPORT = """mutation($b: JSON!) { importBundle(bundle: $b) { stakeholders batches } }"""


async def test_parallel_imports_creating_the_same_people_leave_one_each_and_exact_history(
    db: Db,
) -> None:
    """A large import creates the people it found new with CREATE; 20 clients importing
    the same 6 new people at once (a batch of 2 rows, so 3 batches each) race for every
    id. The uniqueness constraint refuses all but the first CREATE of each; the losers'
    batches are written again as upserts. Each person then exists once, with the first
    writer's title as its start and one recorded change per other client after it."""
    await _base(db, people=0)
    token = await api_key(db)
    people = [f"p{i}" for i in range(1, 7)]
    with live_server(settings_for_tests(samgraph_import_batch_size=2)) as base:
        async with httpx.AsyncClient(
            base_url=base, headers={"Authorization": f"Bearer {token}"},
            limits=httpx.Limits(max_connections=CLIENTS), timeout=60,
        ) as client:  # fmt: skip

            async def import_as(k: int) -> dict[str, Any]:
                rows = [{"id": p, "accountId": "acc", "name": p.upper(), "title": f"C{k}"}
                        for p in people]  # fmt: skip
                response = await client.post(
                    "/graphql", json={"query": IMPORT, "variables": {"b": {"stakeholders": rows}}}
                )
                body: dict[str, Any] = response.json()
                return body

            answers = await asyncio.gather(*(import_as(k) for k in range(CLIENTS)))
    assert [a.get("errors") for a in answers] == [None] * CLIENTS
    assert {a["data"]["importBundle"]["batches"] for a in answers} == {3}
    bundle = await bundle_service.export_bundle(db)
    assert sorted(p["id"] for p in bundle["stakeholders"]) == people
    for p in people:
        history = [h for h in bundle["history"] if h["stakeholderId"] == p]
        # The creator's title is where the chain starts (no change recorded for it);
        # every other client's title is one change, each starting where the last ended.
        first = history[0]["old"]
        values = _chain(history, "title", first)
        assert sorted(values) == sorted(f"C{k}" for k in range(CLIENTS))
        person = next(s for s in bundle["stakeholders"] if s["id"] == p)
        assert person["title"] == values[-1]
    await _round_trip_is_lossless(db)

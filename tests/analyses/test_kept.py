"""Analysis inputs kept between requests (live/kept.py): a repeated question costs the
account's own read (which brings its change counter) and nothing else, every write is
seen by the next request, a member-bound key never sees what an admin's request left
kept, and 20 clients writing and reading at once end with answers equal to those of a
server that keeps nothing."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import httpx
import pytest

from samgraph.accounts import compiled
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db
from samgraph.demo.generate import generate
from samgraph.live.kept import Kept
from samgraph.live.kept import kept_for as kept_of
from tests.conftest import api_key, app_client, client_for, gql, settings_for_tests
from tests.factories import TODAY
from tests.live import live_server

IMPORT = "mutation($b: JSON!) { importBundle(bundle: $b) { accounts } }"
ASKED = """query($id: ID!, $d: Date, $to: ID!) { account(id: $id) {
  coverage(asOf: $d) { score cells { covered } gaps { code } }
  championBackups(asOf: $d) { champion { id } backups { id } scoreIfLost }
  influenceMap(asOf: $d) { nodes { stakeholder { id } score rank } edges { source target } }
  overdueTouches(asOf: $d) { memberId stakeholderId }
  warmPaths(to: $to, asOf: $d) { hops nodes { id } }
  whitespace { totals { whitespaceEstimate } cells { value } } } }"""
LOG = """mutation($i: InteractionInput!) { logInteraction(input: $i) { id } }"""
MOVE = """mutation($s: [StakeholderInput!]!) { upsertStakeholders(input: $s) { id } }"""
PER = 10


def _bundle(seed: int = 3, accounts: int = 4) -> dict[str, Any]:
    return generate(accounts=accounts, stakeholders_per_account=PER, seed=seed)


def _vars(bundle: dict[str, Any], account: str, day: str | None) -> dict[str, Any]:
    people = [s["id"] for s in bundle["stakeholders"] if s["accountId"] == account]
    return {"id": account, "d": day, "to": people[-1]}


async def _ask(client: httpx.AsyncClient, variables: dict[str, Any]) -> dict[str, Any]:
    body = await gql(client, ASKED, **variables)
    assert "errors" not in body, body
    return body


async def _truth(db: Db, bundle: dict[str, Any], day: str | None) -> dict[str, Any]:
    """Every account's answers from an app that keeps nothing (SAMGRAPH_KEPT_ACCOUNTS=0)."""
    token = await api_key(db)
    async with app_client(settings_for_tests(samgraph_kept_accounts=0), token) as fresh:
        return {
            a["id"]: (await _ask(fresh, _vars(bundle, a["id"], day)))["data"]
            for a in bundle["accounts"]
        }


@pytest.mark.parametrize("day", [None, "2026-11-01"])  # today's graph, and a past org
async def test_a_repeated_question_costs_the_account_read_alone_and_a_write_is_seen(
    client: httpx.AsyncClient, db: Db, day: str | None
) -> None:
    bundle = _bundle()
    assert "errors" not in await gql(client, IMPORT, b=bundle)
    account = bundle["accounts"][0]["id"]
    v = _vars(bundle, account, day)
    first = await _ask(client, v)
    again = await _ask(client, v)
    assert again["data"] == first["data"]
    # Again: the account, which brings its change counter for all the kept reads
    # (subgraph, drawing, whitespace inputs: 1), and today's snapshot check (1, today
    # only), nothing else.
    today = 1 if day is None else 0
    assert again["extensions"]["dbRoundTrips"] == 1 + today

    # A call logged with the account's last stakeholder today makes that relationship
    # fresh: the next request reads the subgraph again and its answers move with it.
    member = bundle["relationships"][0]["memberId"]
    target = v["to"]
    logged = await gql(client, LOG, i={"id": "kept-call", "accountId": account,
                                       "date": TODAY.isoformat(), "type": "CALL",
                                       "memberIds": [member], "stakeholderIds": [target]})  # fmt: skip
    assert "errors" not in logged, logged
    after = await _ask(client, v)
    # The account with its counter (1), the inputs read again (the whitespace inputs and
    # the subgraph, or on a past day the drawing that rebuilds that day's org: 2) and the
    # catalog (1, the kept grid went with its row); today, the snapshot check (1).
    assert after["extensions"]["dbRoundTrips"] == 4 + today
    assert after["data"] == (await _truth(db, bundle, day))[account]
    if day is None:  # on today's graph the new touch is a KNOWS edge with today's date
        assert after["data"] != first["data"]


GRID = """query($id: ID!) { account(id: $id) { id name
  whitespace { totals { whitespaceEstimate deployedArr } cells { teamId productId status value } } } }"""
TEAMS = """mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { id headcount } }"""


async def test_one_account_s_whitespace_alone_is_answered_compiled_from_what_is_kept(
    client: httpx.AsyncClient, db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`account(id) { whitespace }` is compiled (accounts/compiled.py): its account read
    brings the counter, so asked again it costs that read alone and its kept grid is
    not shaped again; a write is seen."""
    ran: list[str] = []  # the accounts the compiled path answered
    shaped: list[Any] = []  # each grid shaped into a response's dicts
    analysed, grid = compiled._analysed, compiled._grid

    async def spied(ctx: Any, level: Any, account_id: str) -> Any:
        ran.append(account_id)
        return await analysed(ctx, level, account_id)

    def counted(*args: Any) -> Any:
        shape, key = grid(*args)

        def shape_counted(data: Any) -> Any:
            shaped.append(key)
            return shape(data)

        return shape_counted, key

    monkeypatch.setattr(compiled, "_analysed", spied)
    monkeypatch.setattr(compiled, "_grid", counted)
    bundle = _bundle()
    assert "errors" not in await gql(client, IMPORT, b=bundle)
    account = bundle["accounts"][0]["id"]
    first = await gql(client, GRID, id=account)
    again = await gql(client, GRID, id=account)
    assert "errors" not in first and again["data"] == first["data"]
    # First: the account with its counter, then the whitespace inputs and the catalog
    # (3); again: the account (1), the inputs and their grid kept.
    assert (first["extensions"]["dbRoundTrips"], again["extensions"]["dbRoundTrips"]) == (3, 1)
    # Shaped once: asked again, the kept grid's answer to the same selection is reused.
    # Another selection of it is shaped on its own (and is not the first's answer).
    assert len(shaped) == 1
    other = await gql(client, "query($id: ID!) { account(id: $id) { whitespace { cells { value } } } }", id=account)  # fmt: skip
    assert len(shaped) == 2 and shaped[1] != shaped[0]
    assert other["data"]["account"]["whitespace"]["cells"] == [
        {"value": c["value"]} for c in first["data"]["account"]["whitespace"]["cells"]
    ]

    # A team with a per-seat product unsold (p1, p3, p5 are priced per seat) grows by
    # 1,000 seats: that cell's whitespace grows by 1,000 x the list price, so the next
    # answer differs; it reads the inputs again (the account, the inputs, the catalog:
    # 3) and equals what an app keeping nothing answers.
    per_seat = {p["id"] for p in bundle["products"] if p["pricing"] == "PER_SEAT"}
    cell = next(c for c in first["data"]["account"]["whitespace"]["cells"]
                if c["status"] == "WHITESPACE" and c["productId"] in per_seat)  # fmt: skip
    team = next(t for t in bundle["teams"] if t["id"] == cell["teamId"])
    grown = await gql(client, TEAMS, t=[{"id": team["id"], "headcount": 1000 + (team.get("headcount") or 0)}])  # fmt: skip
    assert "errors" not in grown, grown
    after = await gql(client, GRID, id=account)
    assert after["extensions"]["dbRoundTrips"] == 3
    moved = next(c for c in after["data"]["account"]["whitespace"]["cells"]
                 if (c["teamId"], c["productId"]) == (cell["teamId"], cell["productId"]))  # fmt: skip
    price = next(p["listPrice"] for p in bundle["products"] if p["id"] == cell["productId"])
    assert moved["value"] == pytest.approx(cell["value"] + 1000 * price)
    token = await api_key(db)
    async with app_client(settings_for_tests(samgraph_kept_accounts=0), token) as fresh:
        assert after["data"] == (await gql(fresh, GRID, id=account))["data"]
    # All five asks (four here, the fresh app's) compiled; shaped: the first, the other
    # selection, after the write (a new grid), and the fresh app's (3 + 1).
    assert ran == [account] * 5
    assert len(shaped) == 4


TOTALS = "query($id: ID!) { account(id: $id) { whitespace { totals { whitespaceEstimate } } } }"


async def test_whitespace_totals_alone_come_from_the_kept_grid_without_a_snapshot_read(
    client: httpx.AsyncClient,
) -> None:
    """Only the totals asked: today's snapshot answers them (one read) unless this
    process keeps the account's grid under the counter the request read, which answers
    with no read at all. The totals are the grid's either way."""
    bundle = _bundle()
    assert "errors" not in await gql(client, IMPORT, b=bundle)
    account = bundle["accounts"][0]["id"]
    grid = await gql(client, GRID, id=account)  # reads the inputs, keeps the grid
    totals = await gql(client, TOTALS, id=account)
    assert "errors" not in totals, totals
    assert (
        totals["data"]["account"]["whitespace"]["totals"]["whitespaceEstimate"]
        == (grid["data"]["account"]["whitespace"]["totals"]["whitespaceEstimate"])
    )
    # The account with its counter (1); no snapshot check (was 2: the account, then
    # today's snapshot).
    assert totals["extensions"]["dbRoundTrips"] == 1


async def test_a_mutation_payload_is_answered_from_the_graph_it_wrote(
    client: httpx.AsyncClient, db: Db
) -> None:
    """A mutation's counters are bumped after it: its payload must not come from what
    was kept under the old ones."""
    bundle = _bundle()
    assert "errors" not in await gql(client, IMPORT, b=bundle)
    account = bundle["accounts"][0]["id"]
    before = await _ask(client, _vars(bundle, account, None))
    await _ask(client, _vars(bundle, account, None))  # kept, and served from it
    everyone = [{"id": s["id"], "accountId": account, "seniority": "IC"}
                for s in bundle["stakeholders"] if s["accountId"] == account]  # fmt: skip
    moved = await gql(
        client,
        """mutation($s: [StakeholderInput!]!) { upsertStakeholders(input: $s) {
      account { coverage { score cells { covered } } } } }""",
        s=everyone,
    )
    assert "errors" not in moved, moved
    payload = moved["data"]["upsertStakeholders"][0]["account"]["coverage"]
    truth = (await _truth(db, bundle, None))[account]["account"]["coverage"]
    # Everyone an individual contributor now: no EXECUTIVE or MANAGEMENT cell is covered.
    assert payload == {
        "score": truth["score"],
        "cells": [{"covered": c["covered"]} for c in truth["cells"]],
    }
    assert payload["score"] != before["data"]["account"]["coverage"]["score"]


async def test_a_member_bound_key_never_sees_what_an_admin_left_kept(
    client: httpx.AsyncClient, db: Db
) -> None:
    bundle = _bundle()
    assert "errors" not in await gql(client, IMPORT, b=bundle)
    on = {(r["memberId"], r["accountId"]) for r in bundle["accountTeam"]}
    ids = [a["id"] for a in bundle["accounts"]]
    member, ours, other = next(
        (m, a, b) for m, a in sorted(on) for b in ids if (m, b) not in on
    )  # a member on one account and not on another
    await _ask(client, _vars(bundle, other, None))  # kept now, read by the admin
    bound = client_for(client, await api_key(db, role="VIEWER", member=member))
    body = await gql(bound, ASKED, **_vars(bundle, other, None))
    assert body["data"] == {"account": None}
    assert (await gql(bound, ASKED, **_vars(bundle, ours, None)))["data"]["account"] is not None


async def test_a_graph_wiped_and_loaded_again_is_never_answered_from_the_old_one(
    client: httpx.AsyncClient, db: Db
) -> None:
    first, second = _bundle(seed=3), _bundle(seed=4)  # same ids, other people and edges
    assert [a["id"] for a in first["accounts"]] == [a["id"] for a in second["accounts"]]
    assert "errors" not in await gql(client, IMPORT, b=first)
    account = first["accounts"][0]["id"]
    before = await _ask(client, _vars(first, account, None))
    await wipe_data(db)  # counters restart: the stamp's bump time tells them apart
    token = await api_key(db)
    again = client_for(client, token)
    assert "errors" not in await gql(again, IMPORT, b=second)
    after = await _ask(again, _vars(second, account, None))
    assert after["data"] == (await _truth(db, second, None))[account]
    assert after["data"] != before["data"]


async def test_the_kept_rows_stay_within_capacity_and_a_wide_read_keeps_nothing(
    client: httpx.AsyncClient, db: Db
) -> None:
    bundle = _bundle(accounts=5)
    assert "errors" not in await gql(client, IMPORT, b=bundle)
    kept = Kept(capacity=2)
    ids = [a["id"] for a in bundle["accounts"]]
    from samgraph.db.queries import queries as q

    rows = await kept.load(db, q.analyses.account_graphs, ids)  # 5 > 2: straight through
    assert [r["accountId"] for r in rows] == ids and not kept.rows
    for i in ids[:3]:
        await kept.load(db, q.analyses.account_graphs, [i])
    assert list(kept.rows) == ids[1:3]  # least recently used went first
    trips = db.round_trips
    await kept.load(db, q.analyses.account_graphs, ids[1:3])
    assert (db.round_trips - trips, kept.hits) == (1, 2)  # one counter read, two hits
    assert kept_of(db, 0) is None


async def test_twenty_clients_writing_and_reading_end_equal_to_a_server_that_keeps_nothing(
    db: Db,
) -> None:
    """Each client logs calls and moves stakeholders (seniority, sentiment) on a random
    account and reads all its analyses between writes; afterwards every account's
    answers equal a fresh computation, for today and for a past day."""
    bundle = _bundle(seed=5, accounts=4)
    token = await api_key(db)
    rng = random.Random(28)
    people = {a["id"]: [s for s in bundle["stakeholders"] if s["accountId"] == a["id"]]
              for a in bundle["accounts"]}  # fmt: skip
    members = [m["id"] for m in bundle["members"]]
    plans = [[(rng.choice(list(people)), rng.random(), rng.randrange(1000)) for _ in range(4)]
             for _ in range(20)]  # fmt: skip
    with live_server(settings_for_tests()) as base:
        async with httpx.AsyncClient(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60,
            limits=httpx.Limits(max_connections=20),
        ) as c:  # fmt: skip
            assert "errors" not in await gql(c, IMPORT, b=bundle)

            async def client_run(n: int) -> None:
                for k, (account, coin, pick) in enumerate(plans[n]):
                    person = people[account][pick % PER]
                    if coin < 0.5:
                        body = await gql(c, LOG, i={
                            "id": f"c{n}-{k}", "accountId": account, "type": "CALL",
                            "date": f"2026-{1 + pick % 11:02d}-{1 + pick % 27:02d}",
                            "memberIds": [members[pick % len(members)]],
                            "stakeholderIds": [person["id"]]})  # fmt: skip
                    else:
                        body = await gql(c, MOVE, s=[{
                            "id": person["id"], "accountId": account,
                            "seniority": ["C_LEVEL", "VP", "DIRECTOR", "IC"][pick % 4],
                            "sentiment": ["ADVOCATE", "NEUTRAL", "DETRACTOR"][pick % 3],
                            "buyingRole": ["CHAMPION", "USER"][pick % 2]}])  # fmt: skip
                    assert "errors" not in body, body
                    await _ask(c, _vars(bundle, account, None))

            await asyncio.gather(*(client_run(n) for n in range(20)))
            for day in (None, "2026-11-01"):
                truth = await _truth(db, bundle, day)
                for account in people:
                    body = await _ask(c, _vars(bundle, account, day))
                    assert body["data"] == truth[account], (account, day)

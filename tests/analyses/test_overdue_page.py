"""The portfolio's overdue touches, ordered, counted and paged in Cypher, equal domain §2
worked out here from the bundle itself, page by page through the cursor."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from samgraph.analyses import service as analyses
from samgraph.analyses.cadence import decay
from samgraph.auth.principal import SYSTEM, Principal
from samgraph.common import Role
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.db.scope import Scope
from samgraph.demo.generate import generate
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshots
from tests.conftest import gql, settings_for_tests
from tests.factories import load

SETTINGS = settings_for_tests()
WALK = """query($d: Date, $m: ID, $after: String) {
  overdueTouches(asOf: $d, memberId: $m, first: 37, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { memberId stakeholderId } } }"""


def _expected(bundle: dict[str, Any], day: dt.date, member: str | None) -> list[tuple[str, str]]:
    """§2 by hand: KNOWS into active stakeholders past their seniority's cadence (no
    contact at all: overdue, and first), by member name and id, then never contacted,
    then most days past cadence, then stakeholder id."""
    people = {s["id"]: s for s in bundle["stakeholders"]}
    names = {m["id"]: m["name"] for m in bundle["members"]}
    due = []
    for r in bundle["relationships"]:
        person = people[r["stakeholderId"]]
        if (member and r["memberId"] != member) or person.get("status", "ACTIVE") != "ACTIVE":
            continue
        last = dt.date.fromisoformat(r["lastContact"]) if r.get("lastContact") else None
        d = decay(r["strength"], last, person.get("seniority"), day, SETTINGS.samgraph_cadence_days)
        if d.overdue:
            late = d.days_overdue
            key = (
                names[r["memberId"]],
                r["memberId"],
                late is not None,
                -(late or 0),
                person["id"],
            )
            due.append((key, (r["memberId"], person["id"])))
    return [pair for _, pair in sorted(due)]


async def _portfolio(db: Db, *, accounts: int, seed: int) -> dict[str, Any]:
    """A generated portfolio, loaded, with some relationships never contacted (they
    come first) and some stakeholders departed (their relationships never count)."""
    bundle = generate(accounts=accounts, stakeholders_per_account=12, seed=seed)
    for r in bundle["relationships"][::9]:
        r.pop("lastContact", None)
    for s in bundle["stakeholders"][::7]:
        s["status"], s["departedAt"] = "DEPARTED", "2026-06-01"
    await load(db, bundle)
    return bundle


async def test_overdue_touches_are_paged_in_cypher_as_section_2_orders_them(
    client: httpx.AsyncClient, db: Db
) -> None:
    bundle = await _portfolio(db, accounts=12, seed=4)
    member = bundle["relationships"][0]["memberId"]
    for day, who in (
        (SETTINGS.today(), None),
        (dt.date(2026, 3, 1), None),
        (SETTINGS.today(), member),
    ):
        expected = _expected(bundle, day, who)
        walked: list[tuple[str, str]] = []
        after = None
        while True:
            body = await gql(client, WALK, d=day.isoformat(), m=who, after=after)
            assert "errors" not in body, body
            touches = body["data"]["overdueTouches"]
            assert touches["totalCount"] == len(expected)
            walked += [(n["memberId"], n["stakeholderId"]) for n in touches["nodes"]]
            if not touches["pageInfo"]["hasNextPage"]:
                break
            after = touches["pageInfo"]["endCursor"]
        assert walked == expected, (day, who)
    assert len(_expected(bundle, SETTINGS.today(), None)) > 37  # more than one page
    never = {(r["memberId"], r["stakeholderId"]) for r in bundle["relationships"] if not r.get("lastContact")}  # fmt: skip
    assert never & set(_expected(bundle, SETTINGS.today(), None))  # some are listed first


async def test_todays_count_is_the_snapshots_sum_and_equals_the_graphs(db: Db) -> None:
    """Today, with every listed account's snapshot fresh, the count is the sum of the
    members' counts the snapshots keep; it equals §2 counted from the bundle, for all,
    for one member and for a member-bound key, and a stale account sends it back to the
    graph (which counts the write that made it stale)."""
    bundle = await _portfolio(db, accounts=8, seed=5)
    today = SETTINGS.today()
    schema = build_schema(SETTINGS)
    member = bundle["relationships"][0]["memberId"]
    mine = frozenset(a["id"] for a in bundle["accounts"][:3])
    bound = Principal("key:t", Role.VIEWER, member_id=member, scope=Scope(mine))
    people = {s["id"]: s["accountId"] for s in bundle["stakeholders"]}

    def expected(who: str | None, accounts: frozenset[str] | None = None) -> int:
        pairs = _expected(bundle, today, who)
        return sum(1 for _, s in pairs if accounts is None or people[s] in accounts)

    async def kept(ctx: Context, who: str | None) -> dict[str, Any]:
        rows = await ctx.db.read(queries.snapshots.overdue_total, member_id=who, today=today,
                                 basis=SETTINGS.analysis_basis())  # fmt: skip
        return rows[0]

    cases = [(SYSTEM, None, None), (SYSTEM, member, None), (bound, None, mine)]
    for principal, who, accounts in cases:  # no snapshots yet: counted in the graph
        ctx = Context(db, SETTINGS, schema, principal=principal)
        assert (await kept(ctx, who))["stale"] > 0
        assert await analyses.overdue_count(ctx, member_id=who, as_of=today) == expected(who, accounts)  # fmt: skip
    assert await snapshots.refresh(Context(db, SETTINGS, schema)) == 8
    for principal, who, accounts in cases:
        ctx = Context(db, SETTINGS, schema, principal=principal)
        found = await kept(ctx, who)
        assert found["stale"] == 0 and found["total"] == expected(who, accounts) > 0
        assert await analyses.overdue_count(ctx, member_id=who, as_of=today) == found["total"]
    # One more never-contacted edge: its account is stale, and the graph counts it.
    first = bundle["accounts"][0]["id"]
    target = next(s["id"] for s in bundle["stakeholders"] if s["accountId"] == first
                  and s.get("status", "ACTIVE") == "ACTIVE" and not any(
                      r["stakeholderId"] == s["id"] and r["memberId"] == member
                      for r in bundle["relationships"]))  # fmt: skip
    ctx = Context(db, SETTINGS, schema)
    await schema.execute(
        'mutation($m: ID!, $s: ID!) { linkKnows(memberId: $m, stakeholderId: $s, strength: 2) { id } }',
        variable_values={"m": member, "s": target}, context_value=ctx,
    )  # fmt: skip
    assert (await kept(ctx, None))["stale"] == 1
    assert await analyses.overdue_count(ctx, member_id=None, as_of=today) == expected(None) + 1

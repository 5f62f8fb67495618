"""The portfolio's overdue touches, ordered, counted and paged in Cypher, equal domain §2
worked out here from the bundle itself, page by page through the cursor."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from samgraph.analyses.cadence import decay
from samgraph.db.driver import Db
from samgraph.demo.generate import generate
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


async def test_overdue_touches_are_paged_in_cypher_as_section_2_orders_them(
    client: httpx.AsyncClient, db: Db
) -> None:
    bundle = generate(accounts=12, stakeholders_per_account=12, seed=4)
    # Some never contacted, some departed: the first come first, the others never.
    for r in bundle["relationships"][::9]:
        r.pop("lastContact", None)
    for s in bundle["stakeholders"][::7]:
        s["status"], s["departedAt"] = "DEPARTED", "2026-06-01"
    await load(db, bundle)
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

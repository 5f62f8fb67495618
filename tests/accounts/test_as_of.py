"""A request-wide asOf: given once on a root field, inherited by every nested field
that takes a date, unless that field gives its own."""

from __future__ import annotations

from typing import Any

import httpx

from samgraph.db.driver import Db
from tests.conftest import gql, plain_ids
from tests.factories import load

# The worked example's KNOWS edges (lastContact) and cadences (§2: C_LEVEL 90, VP 30,
# DIRECTOR 14, IC 7 days). On 2026-01-20:
#   sjohnson  VP        2025-12-12 -> 19 + 20        = 39 days > 30: overdue
#   akim      IC        2025-12-20 -> 11 + 20        = 31 days >  7: overdue
#   lthompson C_LEVEL   2025-10-15 -> 16 + 30 + 31 + 20 = 97 days > 90: overdue
#   dpark     DIRECTOR  2026-01-10 -> 10 days, mchen VP 15, jwu C_LEVEL 12: on time
OVERDUE_ON_JAN_20 = {"sjohnson": 39, "akim": 31, "lthompson": 97}

QUERY = """query($d: Date, $e: Date) {
  jan: account(id: "gfc", asOf: $d) {
    overdueTouches { stakeholderId daysSinceContact overdue }
    stakeholders { id relationships { daysSinceContact } }
    own: stakeholders { id relationships { daysSinceContact(asOf: "2026-01-30") } }
  }
  feb: account(id: "gfc", asOf: $e) {
    stakeholders { id relationships { daysSinceContact } }
  }
}"""


def _days(stakeholders: list[dict[str, Any]]) -> dict[str, int]:
    return {s["id"]: r["daysSinceContact"] for s in stakeholders for r in s["relationships"]}


async def test_as_of_on_account_reaches_every_nested_field(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    body = await gql(client, QUERY, d="2026-01-20", e="2026-02-20")
    assert "errors" not in body, body
    # Under a dated root every id is dated (its own cache entry); the figures are the point here.
    assert body["data"]["jan"]["stakeholders"][0]["id"].endswith("@2026-01-20")
    data = plain_ids(body["data"])
    jan, feb = data["jan"], data["feb"]
    # The case: overdueTouches and the relationship's own field agree (39, not 347).
    touches = {t["stakeholderId"]: t["daysSinceContact"] for t in jan["overdueTouches"]}
    assert touches == OVERDUE_ON_JAN_20
    assert all(t["overdue"] for t in jan["overdueTouches"])
    days = _days(jan["stakeholders"])
    assert days["sjohnson"] == 39 and days["akim"] == 31 and days["lthompson"] == 97
    # A field's own asOf wins: 2025-12-12 -> 2026-01-30 is 19 + 30 = 49 days.
    assert _days(jan["own"])["sjohnson"] == 49
    # Each root keeps its own date: 2025-12-12 -> 2026-02-20 is 19 + 31 + 20 = 70 days.
    assert _days(feb["stakeholders"])["sjohnson"] == 70


async def test_as_of_on_stakeholder_and_member_roots(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    body = await gql(client, """{
      stakeholder(id: "sjohnson", asOf: "2026-01-20") { relationships { daysSinceContact } }
      member(id: "mrodriguez", asOf: "2026-01-20") { overdueTouches { stakeholderId } }
    }""")  # fmt: skip
    assert body["data"]["stakeholder"]["relationships"] == [{"daysSinceContact": 39}]
    # mrodriguez's overdue edges on 2026-01-20: sjohnson (39 > 30) and akim (31 > 7).
    overdue = {t["stakeholderId"] for t in body["data"]["member"]["overdueTouches"]}
    assert overdue == {"sjohnson", "akim"}


PAST = """query($d: Date!) {
  account(id: "gfc") {
    coverage(asOf: $d) { score mappedCount engagedCount cells { band group engagedCount } }
    championBackups(asOf: $d) { champion { id } backups { id } }
  }
}"""


async def test_a_past_as_of_answers_from_the_org_as_it_stood(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    """Domain §18. Jennifer Wu is imported as already DEPARTED on 2026-03-01, so on
    2026-01-20 she was active: the worked example's coverage (§12: mapped 7, engaged 4,
    score 33, EXECUTIVE/BUYING 2) holds that day, and on 2026-04-01 she is gone (mapped 6,
    engaged 3; EXECUTIVE/BUYING keeps Michael Chen: 1). Then Michael Chen is made an
    IC today: a past day still counts him as the VP he was (EXECUTIVE/BUYING 2 on the
    20th), while today's answer moves him to STAFF."""
    for s in example_bundle["stakeholders"]:
        if s["id"] == "jwu":
            s.update(status="DEPARTED", departedAt="2026-03-01")
    await load(db, example_bundle)

    async def cells(day: str) -> tuple[int, int, int, dict[tuple[str, str], int]]:
        body = await gql(client, PAST, d=day)
        assert "errors" not in body, body
        cov = body["data"]["account"]["coverage"]
        grid = {(c["band"], c["group"]): c["engagedCount"] for c in cov["cells"]}
        return cov["score"], cov["mappedCount"], cov["engagedCount"], grid

    score, mapped, engaged, grid = await cells("2026-01-20")
    assert (score, mapped, engaged, grid[("EXECUTIVE", "BUYING")]) == (33, 7, 4, 2)
    body = await gql(client, PAST, d="2026-01-20")
    backups = body["data"]["account"]["championBackups"][0]["backups"]
    assert [b["id"] for b in backups] == ["jwu", "mchen"]  # as in §12
    score, mapped, engaged, grid = await cells("2026-04-01")
    assert (mapped, grid[("EXECUTIVE", "BUYING")]) == (6, 1)

    edit = await gql(
        client,
        """mutation { upsertStakeholders(input: [
        {id: "mchen", seniority: IC}]) { id } }""",
    )
    assert "errors" not in edit, edit
    _, _, _, grid = await cells("2026-01-20")
    assert grid[("EXECUTIVE", "BUYING")] == 2  # the history undoes today's change
    today = await gql(
        client,
        """{ account(id: "gfc") { stakeholders { id seniority }
        history: stakeholders { id history { edges { node { field old new source } } } } } }""",
    )
    people = {p["id"]: p for p in today["data"]["account"]["stakeholders"]}
    assert people["mchen"]["seniority"] == "IC"
    changes = {p["id"]: [e["node"] for e in p["history"]["edges"]]
               for p in today["data"]["account"]["history"]}  # fmt: skip
    assert changes["mchen"] == [{"field": "seniority", "old": "VP", "new": "IC", "source": "test"}]

"""Built-in reports answered from the services (reports/direct.py) answer exactly what
their GraphQL documents answer: the same rows, values, types, order and cut, as JSON
bytes and as CSV, on the demo portfolio and a generated one, today without snapshots,
today from fresh snapshots, on past dates, for one member, and for a key bound to a
member."""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
import pytest

from samgraph.analyses import service as analyses
from samgraph.auth.principal import SYSTEM, Principal
from samgraph.cli import DEMO_BUNDLE
from samgraph.common import Role
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.db.queries import queries as QUERIES
from samgraph.db.scope import Scope
from samgraph.demo.generate import generate
from samgraph.reports import direct
from samgraph.reports import service as reports
from samgraph.reports.csvout import csv_text
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshots
from tests.analyses.test_overdue_page import _expected as overdue_by_hand
from tests.conftest import settings_for_tests
from tests.factories import TODAY, load

SETTINGS = settings_for_tests()
SCHEMA = build_schema(SETTINGS)
# The demo's members: mrodriguez is the SAM of gfc and acme; jlee holds nwh and contoso.
BOUND = Principal("key:test", Role.VIEWER, member_id="jlee", scope=Scope(frozenset({"nwh", "contoso"})))  # fmt: skip
DAYS: list[dict[str, Any]] = [
    {},
    {"asOf": (TODAY - dt.timedelta(days=40)).isoformat()},
    {"memberId": "mrodriguez"},
    {"asOf": TODAY.isoformat(), "memberId": "jlee"},
]


async def _both(db: Db, name: str, variables: dict[str, Any], principal: Principal,
                monkeypatch: pytest.MonkeyPatch) -> tuple[reports.Ran, reports.Ran]:  # fmt: skip
    answer, answered = direct.ANSWERS[name], []

    async def spied(ctx: Context, values: dict[str, Any]) -> direct.Listed:
        answered.append(values)
        return await answer(ctx, values)

    with monkeypatch.context() as m:  # the direct answer, seen to run (not GraphQL's)
        m.setitem(direct.ANSWERS, name, spied)
        fast = await reports.run(Context(db, SETTINGS, SCHEMA, principal=principal), name, variables=variables)  # fmt: skip
    assert len(answered) == 1, f"{name}: the direct answer did not run"
    with monkeypatch.context() as m:  # the same report through GraphQL execution
        m.delitem(direct.ANSWERS, name)
        slow = await reports.run(Context(db, SETTINGS, SCHEMA, principal=principal), name, variables=variables)  # fmt: skip
    return fast, slow


async def _same_everywhere(db: Db, name: str, days: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> int:  # fmt: skip
    """Both paths on each case, without then with today's snapshots; the rows compared."""
    rows = 0
    for fresh in (False, True):
        if fresh:
            await snapshots.refresh(Context(db, SETTINGS, SCHEMA, request_id="test"))
        for variables in days:
            for principal in (SYSTEM, BOUND):
                fast, slow = await _both(db, name, variables, principal, monkeypatch)
                case = f"{name} {variables} {principal.actor} snapshots={fresh}"
                # Bytes, not ==: 0 and 0.0 are equal in Python but not in a CSV cell.
                assert orjson.dumps(fast.data) == orjson.dumps(slow.data), case
                assert fast.cut == slow.cut, case
                shape = fast.shape(SCHEMA, explode=False)
                assert csv_text(fast.data, shape=shape) == csv_text(slow.data, shape=shape), case
                rows += len(csv_text(fast.data, shape=shape).splitlines()) - 1
    return rows


@pytest.mark.parametrize("name", sorted(direct.ANSWERS))
async def test_a_direct_answer_is_the_documents_answer_on_the_demo(
    db: Db, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await load(db, DEMO_BUNDLE.read_bytes())
    assert await _same_everywhere(db, name, DAYS, monkeypatch) > 0  # some rows compared


@pytest.mark.parametrize("name", sorted(direct.ANSWERS))
async def test_a_direct_answer_is_the_documents_answer_on_a_generated_portfolio(
    db: Db, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 6 accounts x 40 people: overdue touches, plays and sole-engaged people in numbers.
    bundle = generate(accounts=6, stakeholders_per_account=40, seed=5)
    await load(db, orjson.dumps(bundle))
    member = bundle["accountTeam"][0]["memberId"]
    days = [{}, {"memberId": member}, {"asOf": (TODAY - dt.timedelta(days=10)).isoformat()}]
    assert await _same_everywhere(db, name, days, monkeypatch) > 0


def test_every_built_in_report_over_a_portfolio_has_a_direct_answer() -> None:
    # The three without one read little (a trend, renewals by date, champion moves).
    whole = {"champion-moves", "coverage-trend", "renewals-next-180-days"}
    assert set(direct.ANSWERS) == set(reports.builtin_reports()) - whole


async def test_overdue_pages_read_member_by_member_are_section_2s_order(db: Db) -> None:
    """overdue_head (the first page) and overdue_after (a page after a cursor), each
    read member by member until full, beside overdue_count, answer §2's order worked
    out from the bundle (tests/analyses/test_overdue_page.py): the same edges in the
    same order and the same total, first pages of 1, 7 and all, and pages of 7 walked
    by cursor, on days from long before the last contacts to after them all."""
    bundle = generate(accounts=4, stakeholders_per_account=30, seed=9)
    for r in bundle["relationships"][::11]:  # some never contacted: listed first
        r.pop("lastContact", None)
    await load(db, orjson.dumps(bundle))
    ctx = Context(db, SETTINGS, SCHEMA)
    totals = []
    for day in (TODAY - dt.timedelta(days=400), TODAY - dt.timedelta(days=20), TODAY, TODAY + dt.timedelta(days=60)):  # fmt: skip
        for member in (None, bundle["accountTeam"][0]["memberId"]):
            want = overdue_by_hand(bundle, day, member)
            for first in (1, 7, 5000):
                page = await analyses.portfolio_overdue(ctx, member_id=member, as_of=day, after=None, first=first)  # fmt: skip
                assert [(r["memberId"], r["stakeholderId"]) for r in page.rows] == want[:first]
                assert page.total == len(want) and page.has_next == (len(want) > first)
            walked: list[tuple[str, str]] = []
            after = None
            while True:
                page = await analyses.portfolio_overdue(ctx, member_id=member, as_of=day, after=after, first=7)  # fmt: skip
                assert page.total == len(want)
                walked += [(r["memberId"], r["stakeholderId"]) for r in page.rows]
                if not page.has_next:
                    break
                after = f"{walked[-1][0]}:{walked[-1][1]}"
            assert walked == want, (day, member)
            totals.append(len(want))
    assert len(set(totals)) >= 4 and max(totals) > 20  # the days differ, some have many


def _without(text: str, *keys: str) -> str:
    """A stored JSON row as a snapshot stored before `keys` were kept would hold it."""
    return orjson.dumps({k: v for k, v in orjson.loads(text).items() if k not in keys}).decode()


def _asked(monkeypatch: pytest.MonkeyPatch, query: Any) -> list[list[str]]:
    """The ids each of the direct answers' reads of `query` asks for, as they run."""
    asked: list[list[str]] = []
    rows_of = direct._rows

    async def spied(ctx: Context, read: Any, ids: Any) -> dict[str, dict[str, Any]]:
        wanted = list(ids)
        if read is query:
            asked.append(wanted)
        return await rows_of(ctx, read, wanted)

    monkeypatch.setattr(direct, "_rows", spied)
    return asked


async def test_member_dependency_names_the_people_of_snapshots_stored_without_names(
    db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh snapshot keeps the names of the people engaged only through one member
    (`soleNames`), so the report names them without reading them; one stored before it
    kept them (its rows stripped of `soleNames` here) has them read by id: the same
    answer either way, and the same as GraphQL's."""
    bundle = generate(accounts=6, stakeholders_per_account=40, seed=5)
    await load(db, orjson.dumps(bundle))
    await snapshots.refresh(Context(db, SETTINGS, SCHEMA, request_id="test"))
    stored = {r["a"]: r["rows"] for r in (await db.driver.execute_query(
        "MATCH (s:AccountSnapshot {date: $day}) RETURN s.accountId AS a, s.dependency AS rows",
        day=TODAY, database_=db.database)).records}  # fmt: skip
    rows = [orjson.loads(t) for texts in stored.values() for t in texts]
    assert sum(len(r["sole"]) for r in rows) > 0  # some people to name
    assert all(len(r["soleNames"]) == len(r["sole"]) for r in rows)
    asked = _asked(monkeypatch, QUERIES.stakeholders.stakeholder_plain_names)
    fast, slow = await _both(db, "member-dependency", {}, SYSTEM, monkeypatch)
    assert asked == [[]]  # nobody read by id: every name came with the snapshots
    assert orjson.dumps(fast.data) == orjson.dumps(slow.data)
    named = {p["id"]: p["name"] for n in fast.data["accounts"]["nodes"]
             for d in n["memberDependency"] for p in d["soleEngaged"]}  # fmt: skip
    assert len(named) == len({s for r in rows for s in r["sole"]})
    old = {a: [_without(t, "soleNames") for t in texts] for a, texts in stored.items()}
    await db.driver.execute_query(
        "UNWIND keys($old) AS a MATCH (s:AccountSnapshot {accountId: a, date: $day}) "
        "SET s.dependency = $old[a]", old=old, day=TODAY, database_=db.database)  # fmt: skip
    before_names = await _both(db, "member-dependency", {}, SYSTEM, monkeypatch)
    assert sorted(asked[-1]) == sorted(named)  # each of them read by id this time
    assert orjson.dumps(before_names[0].data) == orjson.dumps(fast.data)
    assert orjson.dumps(before_names[1].data) == orjson.dumps(slow.data)


async def test_plays_name_their_stakeholders_from_stored_plays_and_without_them(
    db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stored play keeps its stakeholder's name and title (`sn`, `st`): the plays
    report shows them without reading 5,000 people. Plays stored before they kept them
    (the index's rows stripped of both here) have their stakeholders read by id: the same
    answer either way, and the same as GraphQL's."""
    bundle = generate(accounts=6, stakeholders_per_account=40, seed=5)
    await load(db, orjson.dumps(bundle))
    await snapshots.refresh(Context(db, SETTINGS, SCHEMA, request_id="test"))
    entries = [(r["id"], r["row"]) for r in (await db.driver.execute_query(
        "MATCH (e:PlayEntry {date: $day}) RETURN elementId(e) AS id, e.row AS row",
        day=TODAY, database_=db.database)).records]  # fmt: skip
    assert entries and all("sn" in orjson.loads(row) for _, row in entries)
    asked = _asked(monkeypatch, QUERIES.stakeholders.stakeholder_titles)
    fast, slow = await _both(db, "plays-by-member", {}, SYSTEM, monkeypatch)
    assert asked == [[]]  # nobody read by id: names and titles came with the plays
    assert orjson.dumps(fast.data) == orjson.dumps(slow.data)
    titled = [n["stakeholder"] for n in fast.data["plays"]["nodes"]]
    assert titled and all(s["name"] for s in titled)
    old = {i: _without(row, "sn", "st") for i, row in entries}
    await db.driver.execute_query(
        "UNWIND keys($old) AS i MATCH (e:PlayEntry) WHERE elementId(e) = i SET e.row = $old[i]",
        old=old, database_=db.database)  # fmt: skip
    again = await _both(db, "plays-by-member", {}, SYSTEM, monkeypatch)
    assert asked[-1]  # the stakeholders were read by id this time
    assert orjson.dumps(again[0].data) == orjson.dumps(fast.data)
    assert orjson.dumps(again[1].data) == orjson.dumps(slow.data)

"""Pages cut in Cypher from today's snapshots equal the lists computed through the
analyses (live, before any snapshot exists): the account list for every sort, both
directions and each filter, and portfolioGaps for each severity floor, code set and
member, page by page."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

from samgraph.accounts import service
from samgraph.accounts.service import Filter as AccountFilter
from samgraph.analyses import service as analyses
from samgraph.common import AccountSort, GapCode, Severity, Tier
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.db.queries import queries as QUERIES
from samgraph.demo.generate import generate
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshots
from samgraph.snapshots.stored import gap_entries, gap_key
from tests.conftest import settings_for_tests
from tests.factories import load

SETTINGS = settings_for_tests()
SCHEMA = build_schema(SETTINGS)
FILTERS: list[dict[str, Any]] = [
    {}, {"tier": Tier.KEY}, {"max_coverage_score": 30}, {"has_gap": GapCode.NO_CHAMPION},
    {"renewal_within_days": 200}, {"industry": "Retail", "min_arr": 1_000_000.0},
]  # fmt: skip


def _ctx(db: Db) -> Context:
    return Context(db, SETTINGS, SCHEMA, request_id="test")


async def _walk(ctx: Context, how: str, f: AccountFilter, sort: AccountSort, desc: bool) -> list[Any]:  # fmt: skip
    """Every page of 7, through the cursor: (ids, has_next, total) per page."""
    pages, after = [], None
    while True:
        args = (ctx, f, after, 7, sort, desc, SETTINGS.today())
        if how == "cypher":
            page = await service._page_in_cypher(*args)
            assert page is not None, "the page query fell back to computing"
        else:
            page = await service._page_computed(*args)
        pages.append(([r["id"] for r in page.rows], page.has_next, page.total))
        if not page.has_next:
            return pages
        after = page.rows[-1]["id"]


async def test_pages_in_cypher_equal_the_computed_pages(db: Db) -> None:
    # 24 generated accounts: names repeat and coverage scores tie, so the id tiebreak,
    # nulls last and both directions all matter.
    await load(db, generate(accounts=24, stakeholders_per_account=12, seed=3))
    cases = list(itertools.product(AccountSort, (False, True), FILTERS))
    # Before any snapshot exists: every walk computed through the analyses, live.
    computed = [await _walk(_ctx(db), "computed", AccountFilter(**kw), sort, desc)
                for sort, desc, kw in cases]  # fmt: skip
    ctx = _ctx(db)
    assert await snapshots.refresh(ctx) == 24
    seen = 0
    for (sort, desc, kw), expected in zip(cases, computed, strict=True):
        cypher = await _walk(_ctx(db), "cypher", AccountFilter(**kw), sort, desc)
        assert cypher == expected, (sort, desc, kw)
        seen += cypher[0][2]
    assert seen > 0  # the filters leave accounts to sort
    # A write not yet refreshed makes that account's snapshot stale: analysis sorts are
    # computed again (None from the page query), stored-value sorts still page in Cypher.
    account = (await db.read(QUERIES.accounts.list_accounts, industry=None, name_contains=None,
                             member_id=None, min_arr=None, max_arr=None, account_ids=None))[0]  # fmt: skip
    await db.write(QUERIES.live.bump_revisions, ids=[account["item"]["id"]], catalog=False)
    args = (AccountFilter(), None, 7, AccountSort.COVERAGE_SCORE, False, SETTINGS.today())
    assert await service._page_in_cypher(_ctx(db), *args) is None
    args = (AccountFilter(), None, 7, AccountSort.NAME, False, SETTINGS.today())
    assert await service._page_in_cypher(_ctx(db), *args) is not None


async def test_gap_pages_in_cypher_equal_the_computed_gaps(db: Db) -> None:
    bundle = generate(accounts=24, stakeholders_per_account=12, seed=3)
    await load(db, bundle)
    member = bundle["accountTeam"][0]["memberId"]
    cases: list[dict[str, Any]] = [
        {"min_severity": floor, "member_id": member_id, "codes": codes}
        for floor, codes, member_id in itertools.product(
            Severity, (None, [GapCode.NO_CHAMPION, GapCode.BELOW_TARGET]), (None, member))
    ]  # fmt: skip
    # Before any snapshot exists: each list computed through the analyses, live.
    computed = []
    for kw in cases:
        whole = await analyses.portfolio_gaps(_ctx(db), as_of=SETTINGS.today(), **kw)
        computed.append([(row["id"], gap, gap_key(row["id"], gap)) for row, gap in whole])
    assert await snapshots.refresh(_ctx(db)) == 24
    seen = 0
    for kw, expected in zip(cases, computed, strict=True):
        walked: list[Any] = []
        after = None
        while True:  # pages of 9 through the cursor
            page = await analyses.portfolio_gap_page(
                _ctx(db), as_of=SETTINGS.today(), after=after, first=9, **kw
            )
            assert page is not None, "the page query fell back to computing"
            assert page.total == len(expected)
            walked += [(row["id"], gap, key) for row, gap, key in page.rows]
            if not page.has_next:
                break
            after = page.rows[-1][2]
        assert walked == expected, kw
        seen += len(walked)
    assert seen > 0
    # A stale snapshot (a write not yet refreshed): the list is computed instead.
    await db.write(QUERIES.live.bump_revisions, ids=[bundle["accounts"][0]["id"]], catalog=False)
    page = await analyses.portfolio_gap_page(
        _ctx(db), as_of=SETTINGS.today(), min_severity=Severity.LOW, member_id=None,
        codes=None, after=None, first=9,
    )  # fmt: skip
    assert page is None


async def test_the_gap_index_follows_renames_and_deletions(db: Db) -> None:
    """The index keeps each account's name for the order: a rename makes the account
    stale (computed), and its refreshed entries page in the new order; a deleted
    account leaves no entry behind."""
    bundle = generate(accounts=6, stakeholders_per_account=12, seed=4)
    await load(db, bundle)
    kw: dict[str, Any] = {"min_severity": Severity.LOW, "member_id": None, "codes": None}

    async def walk() -> list[Any]:
        page = await analyses.portfolio_gap_page(
            _ctx(db), as_of=SETTINGS.today(), after=None, first=500, **kw
        )
        assert page is not None and not page.has_next
        return [(row["id"], gap_key(row["id"], gap)) for row, gap, _ in page.rows]

    async def computed() -> list[Any]:
        whole = await analyses.portfolio_gaps(_ctx(db), as_of=SETTINGS.today(), **kw)
        return [(row["id"], gap_key(row["id"], gap)) for row, gap in whole]

    assert await snapshots.refresh(_ctx(db)) == 6
    before = await walk()
    assert before == await computed()
    # The account named first (by name, then id) is renamed to sort last.
    first = min(bundle["accounts"], key=lambda a: (a.get("name") or "", a["id"]))["id"]
    assert before[0][0] == first
    await db.write(QUERIES.accounts.upsert_accounts,
                   rows=[{"id": first, "props": {"name": "zzz last"}}])  # fmt: skip
    await db.write(QUERIES.live.bump_revisions, ids=[first], catalog=False)
    assert (
        await analyses.portfolio_gap_page(
            _ctx(db), as_of=SETTINGS.today(), after=None, first=500, **kw
        )
        is None
    )  # stale: computed instead
    assert await snapshots.refresh(_ctx(db)) == 1
    after = await walk()
    assert after == await computed() and after[-1][0] == first
    assert sorted(after) == sorted(before)  # same gaps, another order
    # Deleting an account takes its entries: the count drops by exactly its gaps.
    mine = sum(1 for a, _ in after if a == first)
    assert mine > 0
    await db.write(QUERIES.accounts.delete_account, id=first)
    found = await db.read(QUERIES.snapshots.gap_page, member_id=None,
                          today=SETTINGS.today(), basis=SETTINGS.analysis_basis(),
                          severities=[str(s) for s in Severity], codes=None, after=None,
                          first=500)  # fmt: skip
    assert found[0]["total"] == len(after) - mine
    assert first not in {g["account"]["id"] for g in found[0]["page"]}
    assert found[0]["stale"] == 0  # the deleted account's counter is not counted fresh
    # A new account (counted, no snapshot yet): the whole portfolio is not fresh.
    await db.write(QUERIES.accounts.upsert_accounts, rows=[{"id": "new", "props": {"name": "N"}}])
    await db.write(QUERIES.live.bump_revisions, ids=["new"], catalog=False)
    assert (
        await analyses.portfolio_gap_page(
            _ctx(db), as_of=SETTINGS.today(), after=None, first=500, **kw
        )
        is None
    )


async def test_twenty_stores_of_one_account_at_once_leave_one_set_of_entries(db: Db) -> None:
    """Twenty writers storing the same account's snapshot at once (a claim that expired
    under a slow refresher): each replaces the account's entries under the account's
    counter lock, so exactly one set is left, not a union."""
    bundle = generate(accounts=1, stakeholders_per_account=5, seed=6)
    await load(db, bundle)
    account = bundle["accounts"][0]["id"]

    def row(k: int) -> dict[str, Any]:
        # Writer k stores k + 1 gaps: whichever commits last, its k + 1 entries remain.
        rows = [f"NO_CHAMPION|HIGH|||{account}-s{i}" for i in range(k + 1)]
        return {"accountId": account, "date": SETTINGS.today(), "partial": False,
                "gaps": gap_entries(account, rows), "props": {"gapRows": rows, "revision": 0}}  # fmt: skip

    await asyncio.gather(*(db.write(QUERIES.snapshots.store_snapshots, rows=[row(k)])
                           for k in range(20)))  # fmt: skip
    found = await db.driver.execute_query(
        "MATCH (g:GapEntry {accountId: $a}) RETURN count(g) AS n, count(DISTINCT g.key) AS keys, "
        "max(g.order) AS last", a=account, database_=db.database,
    )  # fmt: skip
    n, keys, last = found.records[0]["n"], found.records[0]["keys"], found.records[0]["last"]
    stored = await db.driver.execute_query(
        "MATCH (s:AccountSnapshot {accountId: $a}) RETURN size(s.gapRows) AS n",
        a=account, database_=db.database,
    )  # fmt: skip
    # One writer's whole set (n distinct keys, orders 0..n-1), the one the snapshot kept.
    assert n == keys == last + 1 == stored.records[0]["n"]

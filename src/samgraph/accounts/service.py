"""Accounts: lookups, the portfolio list (filtered, sorted, paged) and deletion."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from samgraph.analyses import service as analyses
from samgraph.common import AccountSort, GapCode, MemberRole, Tier
from samgraph.context import Context
from samgraph.db.queries import queries
from samgraph.errors import Problem, invalid
from samgraph.pages import Page, check_first, decode_cursor, page_of
from samgraph.snapshots import stored


@dataclasses.dataclass(frozen=True)
class Filter:
    """What the account list keeps (every field optional, all must hold)."""

    industry: str | None = None
    name_contains: str | None = None
    member_id: str | None = None
    min_arr: float | None = None
    max_arr: float | None = None
    tier: Tier | None = None
    max_coverage_score: int | None = None
    has_gap: GapCode | None = None
    renewal_within_days: int | None = None

    @property
    def derived(self) -> bool:
        """Whether a filter is on an analysis value (the others are stored properties)."""
        fields = (self.tier, self.max_coverage_score, self.has_gap, self.renewal_within_days)
        return any(x is not None for x in fields)


def owner_of(
    team: Iterable[Mapping[str, Any]], members: Mapping[str, Mapping[str, Any]]
) -> Mapping[str, Any] | None:
    """An account's owner on our side (Account.owner): of its account team's rows, its
    SAM's member row (from `members`, by id), by name then id when several; else None."""
    return owner_among([members[t["memberId"]] for t in team
                        if t.get("role") == MemberRole.SAM and t["memberId"] in members])  # fmt: skip


def owner_among(sams: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """Of an account's SAMs' member rows, its owner: by name, then id; None without one."""
    return min(sams, key=lambda m: (m.get("name") or "", m["id"]), default=None)


async def _page_by_id(
    ctx: Context, f: Filter, after_id: str | None, first: int
) -> Page[dict[str, Any]]:
    """The common list (by id, stored-property filters only) paged in Cypher: one
    record with the count and the page, instead of every account through Python."""
    row = (
        await ctx.db.read(
            queries.accounts.page_accounts,
            industry=f.industry,
            name_contains=f.name_contains,
            member_id=f.member_id,
            min_arr=f.min_arr,
            max_arr=f.max_arr,
            after=after_id,
            first=first,
        )
    )[0]
    return page_of(row, first, noun="result")


async def page_with_trees(
    ctx: Context, *, first: int, after: str | None, reads: dict[str, Any]
) -> Page[list[Any]]:
    """The common list (by id, no filter) for a compiled read (accounts/compiled.py):
    each account as [id, its values, its teams], as `reads` (page_trees' keys and depth)
    asks, in one record with the count."""
    check_first(first, trusted=ctx.trusted)
    after_id = decode_cursor("account", after) if after else None
    row = (
        await ctx.db.read_as_is(queries.accounts.page_trees, after=after_id, first=first, **reads)
    )[0]
    return page_of(row, first, noun="result")


# Sorts the page query can order by, and those whose values only snapshots hold.
_BY_SNAPSHOT = (
    AccountSort.COVERAGE_SCORE,
    AccountSort.STRATEGIC_SCORE,
    AccountSort.REACHABLE_WHITESPACE,
)


async def _page_in_cypher(
    ctx: Context, f: Filter, after_id: str | None, first: int, sort_by: AccountSort,
    descending: bool, as_of: dt.date, with_snapshots: bool = False,
) -> Page[dict[str, Any]] | None:  # fmt: skip
    """The page filtered, sorted and paged in the database (one record, not every account
    through Python). Analysis values come from today's snapshots (§16); None when they
    are needed and some listed account has no fresh one, or asOf is not today: then the
    caller computes. `with_snapshots` (the page's fields read them): the same record
    brings each page account's fresh snapshot of today, handed to its fields' loader."""
    snapshots = sort_by in _BY_SNAPSHOT or any(
        x is not None for x in (f.tier, f.max_coverage_score, f.has_gap)
    )
    today = ctx.settings.today()
    if snapshots and as_of != today:
        return None
    # The parameters both page queries take (snapshot values, sort and page).
    params = dict(
        today=today, basis=ctx.settings.analysis_basis(), tier=f.tier and str(f.tier),
        max_coverage_score=f.max_coverage_score, has_gap=f.has_gap and str(f.has_gap),
        sort=str(sort_by.value), descending=descending, after=after_id, first=first,
        entries=with_snapshots and as_of == today, keys=stored.ENTRY_KEYS,
    )  # fmt: skip
    on_account = (f.industry, f.name_contains, f.member_id, f.min_arr, f.max_arr,
                  f.renewal_within_days)  # fmt: skip
    if sort_by in _BY_SNAPSHOT and all(x is None for x in on_account):
        # Nothing read off the account but the page: sorted on the counter nodes alone.
        query = queries.accounts.sorted_by_snapshot
    else:
        query = queries.accounts.sorted_accounts
        params |= dict(
            industry=f.industry, name_contains=f.name_contains, member_id=f.member_id,
            min_arr=f.min_arr, max_arr=f.max_arr, snapshots=snapshots, as_of=as_of,
            renewal_within_days=f.renewal_within_days,
        )  # fmt: skip
    row = (await ctx.db.read(query, **params))[0]
    if row["stale"]:
        return None
    if params["entries"]:
        stored.prime_today(
            ctx, as_of, zip((r["id"] for r in row["page"]), row["snapshots"], strict=True)
        )
    return page_of(row, first, noun="result")


def _passes(v: analyses.AccountView, f: Filter) -> bool:
    """The filters on derived figures (stored-property filters ran in Cypher)."""
    if f.tier is not None and v.tier != f.tier:
        return False
    score = v.coverage_score
    if f.max_coverage_score is not None and (score is None or score > f.max_coverage_score):
        return False
    if f.renewal_within_days is not None and not (
        v.days_to_renewal is not None and 0 <= v.days_to_renewal <= f.renewal_within_days
    ):
        return False
    return f.has_gap is None or str(f.has_gap) in v.gap_codes


def _sort_value(v: analyses.AccountView, sort_by: AccountSort) -> Any:
    match sort_by:
        case AccountSort.NAME:
            return v.row.get("name")
        case AccountSort.ARR:
            return v.row.get("arr")
        case AccountSort.COVERAGE_SCORE:
            return v.coverage_score
        case AccountSort.STRATEGIC_SCORE:
            return v.strategic_score
        case AccountSort.DAYS_TO_RENEWAL:
            return v.days_to_renewal
        case AccountSort.REACHABLE_WHITESPACE:
            return v.reachable_whitespace
    return v.id


def _sorted(
    views: list[analyses.AccountView], sort_by: AccountSort, descending: bool
) -> list[analyses.AccountView]:
    """Sort by the chosen value (nulls last), ties by id ascending in either direction."""
    by_id = sorted(views, key=lambda v: v.id)
    present = [v for v in by_id if _sort_value(v, sort_by) is not None]
    missing = [v for v in by_id if _sort_value(v, sort_by) is None]
    # Python's sort stays stable with reverse=True, so ties keep the id order.
    present.sort(key=lambda v: _sort_value(v, sort_by), reverse=descending)
    return present + missing


async def list_accounts(
    ctx: Context,
    *,
    account_filter: Filter,
    first: int,
    after: str | None,
    sort_by: AccountSort,
    descending: bool,
    as_of: dt.date,
    with_snapshots: bool = False,
) -> Page[dict[str, Any]]:
    """The accounts the caller sees, filtered, sorted and paged (`first` after a cursor).
    `with_snapshots`: the page's fields read today's snapshots (a page sorted or filtered
    in Cypher then brings them in its own read)."""
    check_first(first, trusted=ctx.trusted)
    after_id = decode_cursor("account", after) if after else None
    f = account_filter
    if sort_by == AccountSort.ID and not descending and not f.derived:
        return await _page_by_id(ctx, f, after_id, first)
    args = (ctx, f, after_id, first, sort_by, descending, as_of)
    return await _page_in_cypher(*args, with_snapshots) or await _page_computed(*args)


async def _page_computed(
    ctx: Context, f: Filter, after_id: str | None, first: int, sort_by: AccountSort,
    descending: bool, as_of: dt.date,
) -> Page[dict[str, Any]]:  # fmt: skip
    """The page through the analyses: every listed account's figures (from a fresh
    snapshot of today where there is one, else computed), filtered and sorted here."""
    need_coverage = (
        f.max_coverage_score is not None
        or f.has_gap is not None
        or sort_by in (AccountSort.COVERAGE_SCORE, AccountSort.REACHABLE_WHITESPACE)
    )
    views = await analyses.portfolio(
        ctx, as_of=as_of, with_coverage=need_coverage, industry=f.industry,
        name_contains=f.name_contains, member_id=f.member_id, min_arr=f.min_arr, max_arr=f.max_arr,
    )  # fmt: skip
    views = [v for v in views if _passes(v, f)]
    if sort_by == AccountSort.REACHABLE_WHITESPACE:
        # Today's snapshots hold it; only accounts without a fresh one are computed.
        known = {v.id: float(v.snapshot["reachableWhitespace"]) for v in views
                 if v.snapshot is not None and v.snapshot.get("reachableWhitespace") is not None}  # fmt: skip
        reach = {**known, **await analyses.reachable_totals(
            ctx, [v.id for v in views if v.id not in known], as_of)}  # fmt: skip
        views = [dataclasses.replace(v, reachable_whitespace=reach.get(v.id)) for v in views]
    views = _sorted(views, sort_by, descending)
    start = 0
    if after_id is not None:
        ids = [v.id for v in views]
        if after_id not in ids:
            raise invalid([Problem("after", "cursor is not in this result any more")])
        start = ids.index(after_id) + 1
    return Page(
        [v.row for v in views[start : start + first]],
        has_next=start + first < len(views),
        total=len(views),
    )

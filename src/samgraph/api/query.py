"""Root queries: lookups, paginated accounts, bundle export."""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types.nodes import SelectedField

from samgraph import audit, common, privacy
from samgraph.analyses import service as analyses
from samgraph.analyses.coverage import SEVERITIES
from samgraph.api.admin_types import ApiKey
from samgraph.api.analysis_types import CoverageGap, GapCode, PortfolioGap, Severity
from samgraph.api.inputs import AccountFilter, AccountSort
from samgraph.api.report_types import SavedQuery
from samgraph.api.types import (
    Account,
    AccountConnection,
    AccountEdge,
    Ctx,
    Interaction,
    Member,
    Opportunity,
    PageInfo,
    Product,
    Relationship,
    Stakeholder,
    Team,
    load_one,
    overdue_first,
)
from samgraph.auth import keys
from samgraph.bundle import service as bundle_service
from samgraph.errors import NotFound, Problem, invalid
from samgraph.reports import service as reports

# `first` is capped at 100 for every caller (OWASP: bound every list). Built-in
# reports, which are trusted documents, read a whole portfolio in one page.
MAX_FIRST = 100
MAX_PAGE_TRUSTED = 5000


def encode_cursor(account_id: str) -> str:
    return base64.urlsafe_b64encode(f"account:{account_id}".encode()).decode()


def _passes(v: analyses.AccountView, f: AccountFilter) -> bool:
    """The filters on derived figures (stored-property filters ran in Cypher)."""
    if f.tier is not None and v.tier != common.Tier(f.tier).value:
        return False
    if f.max_coverage_score is not None and (
        v.coverage is None or v.coverage.score > f.max_coverage_score
    ):
        return False
    if f.renewal_within_days is not None and not (
        v.days_to_renewal is not None and 0 <= v.days_to_renewal <= f.renewal_within_days
    ):
        return False
    if f.has_gap is not None:
        code = common.GapCode(f.has_gap).value
        if v.coverage is None or all(g.code != code for g in v.coverage.gaps):
            return False
    return True


def _sort_value(v: analyses.AccountView, sort_by: AccountSort) -> Any:
    match sort_by:
        case AccountSort.NAME:
            return v.row.get("name")
        case AccountSort.ARR:
            return v.row.get("arr")
        case AccountSort.COVERAGE_SCORE:
            return v.coverage.score if v.coverage else None
        case AccountSort.STRATEGIC_SCORE:
            return v.strategic_score
        case AccountSort.DAYS_TO_RENEWAL:
            return v.days_to_renewal
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


def decode_cursor(cursor: str) -> str:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not text.startswith("account:"):
        raise invalid([Problem("after", "not a cursor returned by `accounts`")])
    return text.removeprefix("account:")


async def _page_by_id(
    info: Ctx, f: AccountFilter, after_id: str | None, first: int
) -> AccountConnection:
    """The common list (by id, stored-property filters only) paged in Cypher: one
    record with the count and the page, instead of every account through Python."""
    row = (
        await info.context.db.read(
            "accounts.page_accounts",
            industry=f.industry,
            name_contains=f.name_contains,
            member_id=f.member_id,
            min_arr=f.min_arr,
            max_arr=f.max_arr,
            account_ids=info.context.scope,
            after=after_id,
            first=first,
        )
    )[0]
    if not row["cursorFound"]:
        raise invalid([Problem("after", "cursor is not in this result any more")])
    return _connection(row["page"][:first], has_next=len(row["page"]) > first, total=row["total"])


def _connection(rows: list[dict[str, Any]], *, has_next: bool, total: int) -> AccountConnection:
    """One page of accounts with their cursors."""
    nodes = [Account.from_row(r) for r in rows]
    edges = [AccountEdge(cursor=encode_cursor(a.id), node=a) for a in nodes]
    return AccountConnection(
        edges=edges,
        nodes=nodes,
        page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None),
        total_count=total,
    )


# The inputs each analysis field of Account reads (through the request's loaders).
_INPUTS = {
    "coverage": ("analyses.account_graphs",),
    "championBackups": ("analyses.account_graphs",),
    "warmPaths": ("analyses.account_graphs",),
    "influenceMap": ("analyses.account_graphs",),
    "overdueTouches": ("analyses.account_graphs",),
    "whitespace": ("analyses.whitespace_inputs",),
}


def _prefetch_inputs(info: Ctx, account_id: str) -> None:
    """Start loading the analysis inputs the selection will need together with the
    account itself: two reads at once instead of one after the other. Nothing else
    changes: the analysis fields find the load under way in the same DataLoader."""
    wanted = {
        name
        for top in info.selected_fields
        for sel in top.selections
        if isinstance(sel, SelectedField)
        for name in _INPUTS.get(sel.name, ())
    }
    if "analyses.whitespace_inputs" in wanted:
        asyncio.ensure_future(
            info.context.loaders.rows("products.list_products")
        ).add_done_callback(_quiet)
    for name in sorted(wanted):
        info.context.loaders.one(name).load(account_id).add_done_callback(_quiet)


def _quiet(future: asyncio.Future[Any]) -> None:
    """Mark a prefetch's outcome as seen: if the account does not exist nobody awaits
    it, and a failure is reported by the field that needs it."""
    if not future.cancelled():
        future.exception()


@strawberry.type
class Query:
    @strawberry.field(description="One account by id, or null.")
    async def account(self, info: Ctx, id: strawberry.ID) -> Account | None:
        _prefetch_inputs(info, id)
        return await load_one(info, "accounts.get_accounts", id, Account)

    @strawberry.field(
        description="Accounts `first` at a time (1-100) after a cursor, filtered and sorted; "
        "coverage filters and sorts are evaluated on asOf (default today)."
    )
    async def accounts(
        self,
        info: Ctx,
        filter: AccountFilter | None = None,
        first: int = 50,
        after: str | None = None,
        sort_by: AccountSort = AccountSort.ID,
        descending: bool = False,
        as_of: dt.date | None = None,
    ) -> AccountConnection:
        cap = MAX_PAGE_TRUSTED if info.context.trusted else MAX_FIRST
        if not 1 <= first <= cap:
            raise invalid([Problem("first", f"must be between 1 and {cap} (the page size limit)")])
        f = filter or AccountFilter()
        after_id = decode_cursor(after) if after else None
        derived = (f.tier, f.max_coverage_score, f.has_gap, f.renewal_within_days)
        if sort_by == AccountSort.ID and not descending and all(x is None for x in derived):
            return await _page_by_id(info, f, after_id, first)
        need_coverage = (
            f.max_coverage_score is not None
            or f.has_gap is not None
            or sort_by == AccountSort.COVERAGE_SCORE
        )
        views = await analyses.portfolio(
            info.context,
            as_of=analyses.today_or(as_of),
            with_coverage=need_coverage,
            industry=f.industry,
            name_contains=f.name_contains,
            member_id=f.member_id,
            min_arr=f.min_arr,
            max_arr=f.max_arr,
        )
        views = _sorted([v for v in views if _passes(v, f)], sort_by, descending)
        start = 0
        if after_id is not None:
            ids = [v.id for v in views]
            if after_id not in ids:
                raise invalid([Problem("after", "cursor is not in this result any more")])
            start = ids.index(after_id) + 1
        return _connection(
            [v.row for v in views[start : start + first]],
            has_next=start + first < len(views),
            total=len(views),
        )

    @strawberry.field(
        description="Every coverage gap across the portfolio on asOf, most severe first, "
        "then by account name; only gaps at least as severe as minSeverity."
    )
    async def portfolio_gaps(
        self,
        info: Ctx,
        as_of: dt.date | None = None,
        min_severity: Severity = common.Severity.LOW,  # type: ignore[valid-type]
        member_id: strawberry.ID | None = None,
        codes: list[GapCode] | None = None,  # type: ignore[valid-type]
    ) -> list[PortfolioGap]:
        wanted = {common.GapCode(c).value for c in codes} if codes else None
        views = await analyses.portfolio(
            info.context, as_of=analyses.today_or(as_of), with_coverage=True, member_id=member_id
        )
        limit = SEVERITIES.index(common.Severity(min_severity).value)
        found: list[tuple[tuple[int, str, str, int], PortfolioGap]] = []
        for v in views:
            if v.coverage is None:
                continue
            account = Account.from_row(v.row)
            for order, gap in enumerate(v.coverage.gaps):
                rank = SEVERITIES.index(gap.severity)
                if rank > limit or (wanted is not None and gap.code not in wanted):
                    continue
                g = CoverageGap.from_gap(gap)
                item = PortfolioGap(
                    account=account,
                    code=g.code,
                    severity=g.severity,
                    stakeholder_id=g.stakeholder_id,
                    band=g.band,
                    group=g.group,
                )
                found.append(((rank, account.name, account.id, order), item))
        found.sort(key=lambda pair: pair[0])
        return [gap for _, gap in found]

    @strawberry.field(
        description="Relationships past their cadence across the portfolio, by member name, "
        "then most overdue first (the overdue-touches-by-member report)."
    )
    async def overdue_touches(
        self, info: Ctx, as_of: dt.date | None = None, member_id: strawberry.ID | None = None
    ) -> list[Relationship]:
        sees = info.context.principal.sees
        rows = [
            r["item"]
            for r in await info.context.db.read(
                "relationships.knows_of_members", member_id=member_id
            )
            if sees(r["item"]["accountId"])
        ]
        due = overdue_first(info, rows, analyses.today_or(as_of))
        names = {r["memberId"]: r.get("memberName") or "" for r in rows}
        # Stable sort: within one member the most overdue stay first.
        return sorted(due, key=lambda r: (names[r.member_id], r.member_id))

    @strawberry.field(description="Built-in reports first, then the saved queries by name.")
    async def saved_queries(self, info: Ctx) -> list[SavedQuery]:
        return [SavedQuery.from_data(q) for q in await reports.list_all(info.context.db)]

    @strawberry.field
    async def saved_query(self, info: Ctx, name: str) -> SavedQuery | None:
        try:
            return SavedQuery.from_data(await reports.get(info.context.db, name))
        except NotFound:
            return None

    @strawberry.field(description="Run a saved query or built-in report; returns its data.")
    async def run_saved_query(self, info: Ctx, name: str, variables: JSON | None = None) -> JSON:
        data = await reports.run(info.context, name, variables=variables)  # type: ignore[arg-type]
        audit.record(info.context, "runSavedQuery", kind="export",
                     accounts=audit.accounts_in(variables or {}))  # fmt: skip
        return data

    @strawberry.field
    async def team(self, info: Ctx, id: strawberry.ID) -> Team | None:
        return await load_one(info, "teams.get_teams", id, Team)

    @strawberry.field
    async def stakeholder(self, info: Ctx, id: strawberry.ID) -> Stakeholder | None:
        return await load_one(info, "stakeholders.get_stakeholders", id, Stakeholder)

    @strawberry.field
    async def member(self, info: Ctx, id: strawberry.ID) -> Member | None:
        return await load_one(info, "members.get_members", id, Member)

    @strawberry.field(description="All members, by name.")
    async def members(self, info: Ctx) -> list[Member]:
        return [
            Member.from_row(r["item"]) for r in await info.context.db.read("members.list_members")
        ]

    @strawberry.field
    async def product(self, info: Ctx, id: strawberry.ID) -> Product | None:
        return await load_one(info, "products.get_products", id, Product)

    @strawberry.field(description="The whole product catalog, by name.")
    async def products(self, info: Ctx) -> list[Product]:
        rows = await info.context.db.read("products.list_products")
        return [Product.from_row(r["item"]) for r in rows]

    @strawberry.field
    async def opportunity(self, info: Ctx, id: strawberry.ID) -> Opportunity | None:
        return await load_one(info, "opportunities.get_opportunities", id, Opportunity)

    @strawberry.field
    async def interaction(self, info: Ctx, id: strawberry.ID) -> Interaction | None:
        return await load_one(info, "interactions.get_interactions", id, Interaction)

    @strawberry.field(description="The lossless bundle (domain.md §10) of these accounts, or all.")
    async def export_bundle(
        self, info: Ctx, account_ids: list[strawberry.ID] | None = None
    ) -> JSON:
        wanted = list(account_ids) if account_ids is not None else None
        scope = info.context.principal.scope
        if scope is not None:  # a member-bound caller exports its own accounts only
            wanted = sorted(scope) if wanted is None else [a for a in wanted if a in scope]
        bundle = await bundle_service.export_bundle(info.context.db, wanted)
        audit.record(
            info.context, "exportBundle", kind="export",
            accounts=[a["id"] for a in bundle["accounts"]],
        )  # fmt: skip
        return bundle

    @strawberry.field(description="Every API key, newest first (ADMIN).")
    async def api_keys(self, info: Ctx) -> list[ApiKey]:
        return [ApiKey.from_row(r) for r in await keys.list_keys(info.context.db)]

    @strawberry.field(
        description="Everything held about one person: a data subject access request (ADMIN)."
    )
    async def export_person(self, info: Ctx, stakeholder_id: strawberry.ID) -> JSON:
        data = await privacy.export_person(info.context, stakeholder_id)
        audit.record(info.context, "exportPerson", kind="export",
                     accounts=[data["stakeholder"]["accountId"]])  # fmt: skip
        return data

"""Fetch what the analyses need (through the request's DataLoaders) and run them.

One Cypher query per request level fetches the subgraphs of every account asked
for (`analyses.account_graphs`); the arithmetic of domain.md §2-§9 then runs in
the pure functions beside this module, so a page of 2,000 accounts costs the same
number of round trips as one account.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from samgraph.analyses import coverage as coverage_mod
from samgraph.analyses import scores as scores_mod
from samgraph.analyses.graph import AccountGraph
from samgraph.analyses.whitespace import Whitespace, whitespace
from samgraph.context import Context

GRAPHS = "analyses.account_graphs"


def today_or(as_of: dt.date | None) -> dt.date:
    """`asOf` defaults to today (UTC date of the server)."""
    return as_of or dt.date.today()


async def graph_of(ctx: Context, account_id: str) -> AccountGraph:
    """The account's subgraph (empty when the account does not exist)."""
    row = await ctx.loaders.one(GRAPHS).load(account_id)
    return AccountGraph.from_row(account_id, row or {})


async def graphs_of(ctx: Context, account_ids: Sequence[str]) -> dict[str, AccountGraph]:
    rows = await ctx.loaders.one(GRAPHS).load_many(list(account_ids))
    return {a: AccountGraph.from_row(a, r or {}) for a, r in zip(account_ids, rows, strict=True)}


async def coverage_of(ctx: Context, account_id: str, as_of: dt.date) -> coverage_mod.Coverage:
    key = (account_id, as_of)
    if key not in ctx.coverage:
        graph = await graph_of(ctx, account_id)
        ctx.coverage[key] = coverage_mod.coverage(graph, as_of, ctx.settings.samgraph_cadence_days)
    return ctx.coverage[key]  # type: ignore[no-any-return]


async def whitespace_of(ctx: Context, account_id: str) -> Whitespace:
    row = await ctx.loaders.one("analyses.whitespace_inputs").load(account_id) or {}
    catalog = [r["item"] for r in await ctx.loaders.rows("products.list_products")]
    return whitespace(
        row.get("teams", []), catalog, row.get("uses", []), row.get("openOpportunities", [])
    )


@dataclass(frozen=True)
class AccountView:
    """An account row with the derived figures the portfolio views filter and sort on."""

    row: dict[str, Any]
    strategic_score: float
    tier: str
    days_to_renewal: int | None
    coverage: coverage_mod.Coverage | None

    @property
    def id(self) -> str:
        return str(self.row["id"])


def strategic(ctx: Context, row: dict[str, Any]) -> tuple[float, str]:
    """The account's strategic score and tier under the configured weights (§8)."""
    s = ctx.settings
    score = scores_mod.strategic_score(scores_mod.scores_of(row), s.samgraph_score_weights)
    return score, scores_mod.tier(score, s.samgraph_tier_strategic, s.samgraph_tier_key)


def view(
    ctx: Context, row: dict[str, Any], as_of: dt.date, cov: coverage_mod.Coverage | None
) -> AccountView:
    score, tier = strategic(ctx, row)
    renewal = row.get("renewalDate")
    return AccountView(
        row=row,
        strategic_score=score,
        tier=tier,
        days_to_renewal=(renewal - as_of).days if renewal else None,
        coverage=cov,
    )


async def portfolio(
    ctx: Context,
    *,
    as_of: dt.date,
    with_coverage: bool,
    industry: str | None = None,
    name_contains: str | None = None,
    member_id: str | None = None,
    min_arr: float | None = None,
    max_arr: float | None = None,
) -> list[AccountView]:
    """Every account passing the stored filters, with derived figures: two round trips
    at most (accounts, then all their subgraphs at once), whatever their number."""
    rows = [
        r["item"]
        for r in await ctx.db.read(
            "accounts.list_accounts",
            industry=industry,
            name_contains=name_contains,
            member_id=member_id,
            min_arr=min_arr,
            max_arr=max_arr,
            account_ids=ctx.scope,
        )
    ]
    covs: dict[str, coverage_mod.Coverage] = {}
    if with_coverage and rows:
        graphs = await graphs_of(ctx, [r["id"] for r in rows])
        cadence = ctx.settings.samgraph_cadence_days
        covs = {a: coverage_mod.coverage(g, as_of, cadence) for a, g in graphs.items()}
        ctx.coverage.update({(a, as_of): c for a, c in covs.items()})
    return [view(ctx, r, as_of, covs.get(r["id"])) for r in rows]

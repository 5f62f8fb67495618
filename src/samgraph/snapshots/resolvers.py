"""Root field of snapshots: the portfolio trend."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from samgraph.gql.loading import Ctx
from samgraph.snapshots import service
from samgraph.snapshots.types import PortfolioDay


@strawberry.type
class Query:
    @strawberry.field(
        description="The portfolio day by day from its snapshots (§16): accounts, mean "
        "coverage score, accounts with a CRITICAL gap, reachable whitespace, open plays. "
        "`to` defaults to today, `from` to 89 days before `to` (the last 90 days)."
    )
    async def portfolio_trend(
        self,
        info: Ctx,
        from_: Annotated[dt.date | None, strawberry.argument(name="from")] = None,
        to: dt.date | None = None,
        member_id: strawberry.ID | None = None,
    ) -> list[PortfolioDay]:
        start, end = service.window(info.context, from_, to)
        days = await service.portfolio_trend(
            info.context, start=start, end=end, member_id=member_id
        )
        return [PortfolioDay(date=d["date"], accounts=d["accounts"],
                             mean_coverage_score=d["meanCoverageScore"],
                             accounts_with_critical_gaps=d["accountsWithCriticalGaps"],
                             reachable_whitespace=d["reachableWhitespace"],
                             open_plays=d["openPlays"]) for d in days]  # fmt: skip

"""Root fields of the portfolio-wide analyses."""

from __future__ import annotations

import datetime as dt

import strawberry

from samgraph.accounts.types import Account
from samgraph.analyses import service
from samgraph.analyses.types import PortfolioGap
from samgraph.common import GapCode, Severity
from samgraph.gql.loading import Ctx
from samgraph.graph.types import Relationship


@strawberry.type
class Query:
    @strawberry.field(
        description="Every coverage gap across the portfolio on asOf, most severe first, "
        "then by account name; only gaps at least as severe as minSeverity."
    )
    async def portfolio_gaps(
        self,
        info: Ctx,
        as_of: dt.date | None = None,
        min_severity: Severity = Severity.LOW,
        member_id: strawberry.ID | None = None,
        codes: list[GapCode] | None = None,
    ) -> list[PortfolioGap]:
        found = await service.portfolio_gaps(
            info.context, as_of=info.context.set_as_of(info, as_of), min_severity=min_severity,
            member_id=member_id, codes=codes,
        )  # fmt: skip
        accounts: dict[str, Account] = {}
        out = []
        for row, gap in found:
            account = accounts.get(row["id"]) or accounts.setdefault(
                row["id"], Account.from_row(row)
            )
            out.append(PortfolioGap.from_data(account, gap))
        return out

    @strawberry.field(
        description="Relationships past their cadence across the portfolio, by member name, "
        "then most overdue first (the overdue-touches-by-member report)."
    )
    async def overdue_touches(
        self, info: Ctx, as_of: dt.date | None = None, member_id: strawberry.ID | None = None
    ) -> list[Relationship]:
        rows = await service.portfolio_overdue(
            info.context, member_id=member_id, as_of=info.context.set_as_of(info, as_of)
        )
        return [Relationship.from_row(r) for r in rows]

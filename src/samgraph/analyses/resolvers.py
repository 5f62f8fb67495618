"""Root fields of the portfolio-wide analyses."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from samgraph.accounts.types import Account
from samgraph.analyses import service
from samgraph.analyses.coverage import Gap
from samgraph.analyses.types import ChampionMove, Play, PortfolioGap
from samgraph.common import GapCode, Severity, edge_id
from samgraph.gql.loading import Ctx
from samgraph.gql.pagination import Connection, connection, paginate
from samgraph.graph.types import Relationship
from samgraph.pages import check_first, decode_cursor
from samgraph.snapshots.stored import gap_key


@strawberry.type
class Query:
    @strawberry.field(
        description="Champions who moved (§15): a departed champion (CHAMPION or ADVOCATE) "
        "of one account with the LinkedIn identity of an active stakeholder at another; "
        "departed on or after `since` when given. Best former engagement first."
    )
    async def champion_moves(
        self, info: Ctx, since: dt.date | None = None, as_of: dt.date | None = None
    ) -> list[ChampionMove]:
        return await _champion_moves(info, since, as_of)

    @strawberry.field(
        description="`championMoves` as a connection: `first` (1-100) after a cursor, in the "
        "same order."
    )
    async def champion_moves_connection(
        self,
        info: Ctx,
        since: dt.date | None = None,
        as_of: dt.date | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[ChampionMove]:
        found = await _champion_moves(info, since, as_of)
        return paginate(found, first=first, after=after, kind="move", trusted=info.context.trusted,
                        key=lambda m: f"{m.former_stakeholder.id}>{m.person.id}")  # fmt: skip

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
        first: int = 50,
        after: str | None = None,
    ) -> Connection[PortfolioGap]:
        ctx, day = info.context, info.context.set_as_of(info, as_of)
        check_first(first, trusted=ctx.trusted)
        accounts: dict[str, Account] = {}

        def gap_of(row: dict[str, Any], gap: Gap) -> PortfolioGap:
            account = accounts.get(row["id"]) or accounts.setdefault(
                row["id"], Account.from_row(row)
            )
            return PortfolioGap.from_data(account, gap)

        page = await service.portfolio_gap_page(
            ctx, as_of=day, min_severity=min_severity, member_id=member_id, codes=codes,
            after=decode_cursor("gap", after) if after else None, first=first,
        )  # fmt: skip
        if page is not None:  # cut in Cypher from today's snapshots
            return connection([gap_of(r, g) for r, g, _ in page.rows], [k for _, _, k in page.rows],
                              kind="gap", has_next=page.has_next, has_previous=after is not None,
                              total=page.total)  # fmt: skip
        found = await service.portfolio_gaps(
            ctx, as_of=day, min_severity=min_severity, member_id=member_id, codes=codes
        )
        out = [gap_of(row, gap) for row, gap in found]
        return paginate(
            out,
            first=first,
            after=after,
            kind="gap",
            key=lambda g: gap_key(g.account.id, g),
            trusted=ctx.trusted,
        )

    @strawberry.field(
        description="Plays across every account the caller sees (§17), best first: by "
        "scoreGain, the most severe gap closed, reachGain, the account's strategic score, "
        "account id, then the account's own order; with memberId, only that member's."
    )
    async def plays(
        self,
        info: Ctx,
        member_id: strawberry.ID | None = None,
        as_of: dt.date | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[Play]:
        ctx, day = info.context, info.context.set_as_of(info, as_of)
        check_first(first, trusted=ctx.trusted)
        page = await service.portfolio_plays(
            ctx, as_of=day, member_id=member_id, first=first,
            after=decode_cursor("play", after) if after else None,
        )  # fmt: skip
        # Only the page's plays are decoded and made GraphQL objects.
        accounts: dict[str, Account] = {}

        def made(p: service.RankedPlay) -> Play:
            account = accounts.get(p.account["id"]) or accounts.setdefault(p.account["id"], Account.from_row(p.account))  # fmt: skip
            return Play.from_data(account, *p.decoded())

        return connection([made(p) for p in page.rows],
                          [p.cursor for p in page.rows], kind="play",
                          has_next=page.has_next, has_previous=after is not None, total=page.total)  # fmt: skip

    @strawberry.field(
        description="Relationships past their cadence across the portfolio, by member name, "
        "then most overdue first (the overdue-touches-by-member report)."
    )
    async def overdue_touches(
        self,
        info: Ctx,
        as_of: dt.date | None = None,
        member_id: strawberry.ID | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[Relationship]:
        ctx = info.context
        check_first(first, trusted=ctx.trusted)
        page = await service.portfolio_overdue(
            ctx, member_id=member_id, as_of=ctx.set_as_of(info, as_of),
            after=decode_cursor("touch", after) if after else None, first=first,
        )  # fmt: skip
        found = [Relationship.from_row(r) for r in page.rows]
        return connection(found, [edge_id(r.member_id, r.stakeholder_id) for r in found], kind="touch",
                          has_next=page.has_next, has_previous=after is not None, total=page.total)  # fmt: skip


async def _champion_moves(info: Ctx, since: dt.date | None, as_of: dt.date | None) -> list[ChampionMove]:  # fmt: skip
    found = await service.champion_moves(
        info.context, as_of=info.context.set_as_of(info, as_of), since=since
    )
    return [ChampionMove.from_data(m) for m in found]

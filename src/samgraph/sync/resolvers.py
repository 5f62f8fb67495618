"""Root fields of the integrations: org-chart sync and interaction logging."""

from __future__ import annotations

import datetime as dt

import strawberry

from samgraph.bundle import service as bundle_service
from samgraph.db.queries import queries as q
from samgraph.errors import InvalidInput, NotFound, Problem, invalid
from samgraph.gql.inputs import to_row
from samgraph.gql.loading import Ctx
from samgraph.graph.inputs import InteractionInput
from samgraph.graph.types import Interaction
from samgraph.sync import activity, orgchart
from samgraph.sync.formats import Caps, OrgFormat
from samgraph.sync.orgchart import SyncMode
from samgraph.sync.types import SyncResult


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Sync an account's org chart from a CSV, SCIM or Salesforce file's content. "
        "The whole file is validated first (row, column, reason); dryRun returns the diff only."
    )
    async def sync_org_chart(
        self,
        info: Ctx,
        account_id: strawberry.ID,
        format: OrgFormat,
        content: str,
        mode: SyncMode = SyncMode.PARTIAL,
        dry_run: bool = False,
        effective_date: dt.date | None = None,
        max_departures: float = orgchart.MAX_DEPARTURES,
    ) -> SyncResult:
        ctx = info.context
        if await ctx.db.scope.check_nodes(ctx.db, {"accounts": [account_id]}):
            raise NotFound(f"no account {account_id!r}", [Problem("accountId", "not found")])
        cap = ctx.settings.samgraph_sync_max_bytes
        if len(content) > cap:
            raise invalid([Problem("content", f"at most {cap} bytes (SAMGRAPH_SYNC_MAX_BYTES)")])
        plan = await orgchart.sync_orgchart(
            ctx.db, account_id=account_id, fmt=format, content=content, mode=mode,
            dry_run=dry_run, effective=ctx.today_or(effective_date),
            cadence=ctx.settings.samgraph_cadence_days,
            batch_size=ctx.settings.samgraph_import_batch_size, max_departures=max_departures,
            caps=Caps.of(ctx.settings),
        )  # fmt: skip
        return SyncResult.from_plan(plan)

    @strawberry.mutation(
        description="Record a meeting, call, email, QBR or event with its attendees; their "
        "KNOWS.lastContact moves forward, and attendees we did not know get KNOWS at strength 2."
    )
    async def log_interaction(self, info: Ctx, input: InteractionInput) -> Interaction:
        ctx = info.context
        try:
            await activity.log_interactions(ctx.db, [to_row(input)], today=ctx.settings.today())
        except InvalidInput as exc:
            raise bundle_service.renamed(exc, "interactions", "input") from None
        row = await ctx.loaders.one(q.interactions.get_interactions).load(input.id)
        if row is None:  # written a moment ago; only a concurrent delete removes it
            raise NotFound(f"no interaction {input.id!r}", [Problem("input.id", "not found")])
        return Interaction.from_row(row)

"""Root fields of the bundle: import and export (docs/domain.md §10)."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON

from samgraph.auth import audit
from samgraph.bundle import service
from samgraph.bundle.types import ImportResult
from samgraph.errors import LimitExceeded, Problem
from samgraph.gql.loading import Ctx


@strawberry.type
class Query:
    @strawberry.field(description="The lossless bundle (domain.md §10) of these accounts, or all.")
    async def export_bundle(
        self, info: Ctx, account_ids: list[strawberry.ID] | None = None
    ) -> JSON:
        wanted = [str(a) for a in account_ids] if account_ids is not None else None
        # The caller's scope narrows `wanted` (a member-bound caller exports its own).
        bundle = await service.export_bundle(info.context.db, wanted)
        audit.record(
            info.context, "exportBundle", kind="export",
            accounts=[a["id"] for a in bundle["accounts"]],
        )  # fmt: skip
        return JSON(bundle)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Import a bundle (domain.md §10): all validated, then written."
    )
    async def import_bundle(self, info: Ctx, bundle: JSON) -> ImportResult:
        ctx = info.context
        cap = ctx.settings.samgraph_max_bundle_rows
        raw: Any = bundle
        rows = sum(len(v) for v in raw.values() if isinstance(v, list)) if isinstance(raw, dict) else 0  # fmt: skip
        if rows > cap:
            raise LimitExceeded(
                f"bundle: {rows} rows, at most {cap} per request (SAMGRAPH_MAX_BUNDLE_ROWS); "
                "import bigger bundles with `samgraph import FILE`, which batches them",
                [Problem("bundle", f"at most {cap} rows")],
            )
        summary = await service.import_bundle(
            ctx.db, raw, batch_size=ctx.settings.samgraph_import_batch_size,
            changed_on=ctx.settings.today(),
        )  # fmt: skip
        return ImportResult.from_summary(summary)

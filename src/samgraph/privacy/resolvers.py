"""Root fields of personal data requests (ADMIN)."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from samgraph.auth import audit
from samgraph.gql.loading import Ctx
from samgraph.graph.service import check_ids
from samgraph.privacy import service
from samgraph.privacy.types import Erasure


@strawberry.type
class Query:
    @strawberry.field(
        description="Everything held about one person: a data subject access request (ADMIN)."
    )
    async def export_person(self, info: Ctx, stakeholder_id: strawberry.ID) -> JSON:
        data = await service.export_person(info.context, stakeholder_id)
        audit.record(info.context, "exportPerson", kind="export",
                     accounts=[data["stakeholder"]["accountId"]])  # fmt: skip
        return JSON(data)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Erase a person (ADMIN): the stakeholder, their edges and history, and "
        "their name in the interactions they attended. Cannot be undone."
    )
    async def erase_person(self, info: Ctx, stakeholder_id: strawberry.ID) -> Erasure:
        check_ids(stakeholderId=stakeholder_id)
        return Erasure.from_row(
            stakeholder_id, await service.erase_person(info.context, stakeholder_id)
        )

"""Root mutations: upsert and delete every node, link and unlink every relationship,
mark a stakeholder departed, import a bundle. All writes validate first and go
through the bundle import, so one set of rules applies everywhere."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from pydantic import TypeAdapter, ValidationError
from strawberry.scalars import JSON

from samgraph.api.inputs import (
    AccountInput,
    InteractionInput,
    MemberInput,
    OpportunityInput,
    ProductInput,
    StakeholderInput,
    TeamInput,
    to_row,
)
from samgraph.api.integration_types import OrgFormat, SyncMode, SyncResult
from samgraph.api.report_types import SavedQuery
from samgraph.api.types import (
    Account,
    Ctx,
    DeleteResult,
    DeploymentStatus,
    ImportResult,
    Interaction,
    Member,
    MemberRole,
    Opportunity,
    Product,
    Stakeholder,
    Team,
)
from samgraph.bundle import service as bundle_service
from samgraph.common import Id
from samgraph.errors import InvalidInput, NotFound, Problem, invalid
from samgraph.reports import service as reports
from samgraph.sync import activity, orgchart
from samgraph.sync.formats import OrgFormat as OrgFormatEnum
from samgraph.sync.orgchart import SyncMode as SyncModeEnum

MAX_INPUT_ROWS = 1000
MAX_SYNC_BYTES = 20_000_000
_ID = TypeAdapter(Id)


def _as_input(exc: InvalidInput, section: str) -> InvalidInput:
    """Report `stakeholders[0].x` as `input[0].x` for a mutation's argument."""
    problems = [
        Problem(
            "input" + p.path[len(section) :] if p.path.startswith(section) else p.path, p.message
        )
        for p in exc.problems
    ]
    return invalid(problems)


async def _import_section(info: Ctx, section: str, rows: list[dict[str, Any]]) -> None:
    """Write rows of one bundle section through the validated bundle import."""
    await bundle_service.import_bundle(
        info.context.db,
        {section: rows},
        batch_size=info.context.settings.samgraph_import_batch_size,
    )


async def _upsert(info: Ctx, section: str, rows: list[dict[str, Any]]) -> None:
    if len(rows) > MAX_INPUT_ROWS:
        raise invalid(
            [Problem("input", f"at most {MAX_INPUT_ROWS} rows per call; use importBundle")]
        )
    try:
        await _import_section(info, section, rows)
    except InvalidInput as exc:
        raise _as_input(exc, section) from None


async def _link(info: Ctx, section: str, row: dict[str, Any]) -> None:
    # Optional arguments left out keep the stored value (null never clears here).
    await _import_section(info, section, [{k: v for k, v in row.items() if v is not None}])


def _check_ids(**ids: str) -> None:
    problems = []
    for name, value in ids.items():
        try:
            _ID.validate_python(value)
        except ValidationError as exc:
            problems.append(Problem(name, exc.errors()[0]["msg"]))
    if problems:
        raise invalid(problems)


async def _delete(info: Ctx, query: str, id: str) -> DeleteResult:
    _check_ids(id=id)
    rows = await info.context.db.write(query, id=id)
    return DeleteResult(id=strawberry.ID(id), deleted=bool(rows and rows[0]["existed"]))


async def _unlink(info: Ctx, query: str, label: str, **ids: str) -> DeleteResult:
    _check_ids(**{k: v for k, v in ids.items()})
    rows = await info.context.db.write(query, **ids)
    return DeleteResult(id=strawberry.ID(label), deleted=bool(rows and rows[0]["existed"]))


async def _load(info: Ctx, name: str, ids: list[str]) -> list[dict[str, Any]]:
    return [r for r in await info.context.loaders.one(name).load_many(ids) if r]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Import a bundle (domain.md §10): all validated, then written."
    )
    async def import_bundle(self, info: Ctx, bundle: JSON) -> ImportResult:
        summary = await bundle_service.import_bundle(
            info.context.db, bundle, batch_size=info.context.settings.samgraph_import_batch_size
        )
        c = summary.counts
        return ImportResult(
            accounts=c["accounts"], teams=c["teams"], stakeholders=c["stakeholders"],
            members=c["members"], account_team=c["accountTeam"],
            relationships=c["relationships"], influences=c["influences"],
            products=c["products"], deployments=c["deployments"],
            opportunities=c["opportunities"], interactions=c["interactions"],
            batches=summary.batches,
        )  # fmt: skip

    @strawberry.mutation(description="Create or update accounts by id.")
    async def upsert_accounts(self, info: Ctx, input: list[AccountInput]) -> list[Account]:
        await _upsert(info, "accounts", to_row(input))
        return [
            Account.from_row(r)
            for r in await _load(info, "accounts.get_accounts", [i.id for i in input])
        ]

    @strawberry.mutation(description="Create or update teams by id.")
    async def upsert_teams(self, info: Ctx, input: list[TeamInput]) -> list[Team]:
        await _upsert(info, "teams", to_row(input))
        return [
            Team.from_row(r) for r in await _load(info, "teams.get_teams", [i.id for i in input])
        ]

    @strawberry.mutation(description="Create or update stakeholders by id.")
    async def upsert_stakeholders(
        self, info: Ctx, input: list[StakeholderInput]
    ) -> list[Stakeholder]:
        await _upsert(info, "stakeholders", to_row(input))
        rows = await _load(info, "stakeholders.get_stakeholders", [i.id for i in input])
        return [Stakeholder.from_row(r) for r in rows]

    @strawberry.mutation(description="Create or update members (our people) by id.")
    async def upsert_members(self, info: Ctx, input: list[MemberInput]) -> list[Member]:
        await _upsert(info, "members", to_row(input))
        return [
            Member.from_row(r)
            for r in await _load(info, "members.get_members", [i.id for i in input])
        ]

    @strawberry.mutation(description="Create or update catalog products by id.")
    async def upsert_products(self, info: Ctx, input: list[ProductInput]) -> list[Product]:
        await _upsert(info, "products", to_row(input))
        return [
            Product.from_row(r)
            for r in await _load(info, "products.get_products", [i.id for i in input])
        ]

    @strawberry.mutation(description="Create or update opportunities by id.")
    async def upsert_opportunities(
        self, info: Ctx, input: list[OpportunityInput]
    ) -> list[Opportunity]:
        await _upsert(info, "opportunities", to_row(input))
        rows = await _load(info, "opportunities.get_opportunities", [i.id for i in input])
        return [Opportunity.from_row(r) for r in rows]

    @strawberry.mutation(
        description="Create or update interactions; attendees move KNOWS.lastContact forward."
    )
    async def upsert_interactions(
        self, info: Ctx, input: list[InteractionInput]
    ) -> list[Interaction]:
        await _upsert(info, "interactions", to_row(input))
        rows = await _load(info, "interactions.get_interactions", [i.id for i in input])
        return [Interaction.from_row(r) for r in rows]

    @strawberry.mutation(description="Delete an account and everything scoped to it.")
    async def delete_account(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return await _delete(info, "accounts.delete_account", id)

    @strawberry.mutation
    async def delete_team(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return await _delete(info, "teams.delete_team", id)

    @strawberry.mutation(description="Erase a stakeholder. To keep history use markDeparted.")
    async def delete_stakeholder(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return await _delete(info, "stakeholders.delete_stakeholder", id)

    @strawberry.mutation
    async def delete_member(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return await _delete(info, "members.delete_member", id)

    @strawberry.mutation
    async def delete_product(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return await _delete(info, "products.delete_product", id)

    @strawberry.mutation
    async def delete_opportunity(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return await _delete(info, "opportunities.delete_opportunity", id)

    @strawberry.mutation
    async def delete_interaction(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        return await _delete(info, "interactions.delete_interaction", id)

    @strawberry.mutation(description="Put a member on an account team (or change the role).")
    async def link_account_team(
        self, info: Ctx, member_id: strawberry.ID, account_id: strawberry.ID,
        role: MemberRole | None = None,  # type: ignore[valid-type]
    ) -> bool:  # fmt: skip
        row = {"memberId": member_id, "accountId": account_id, "role": role and role.value}
        await _link(info, "accountTeam", row)
        return True

    @strawberry.mutation
    async def unlink_account_team(
        self, info: Ctx, member_id: strawberry.ID, account_id: strawberry.ID
    ) -> DeleteResult:
        return await _unlink(
            info, "relationships.unlink_account_team", f"{member_id}->{account_id}",
            member_id=member_id, account_id=account_id,
        )  # fmt: skip

    @strawberry.mutation(description="Record or update a relationship we hold (KNOWS).")
    async def link_knows(
        self, info: Ctx, member_id: strawberry.ID, stakeholder_id: strawberry.ID,
        strength: int, last_contact: dt.date | None = None,
    ) -> bool:  # fmt: skip
        row = {"memberId": member_id, "stakeholderId": stakeholder_id, "strength": strength,
               "lastContact": last_contact}  # fmt: skip
        await _link(info, "relationships", row)
        return True

    @strawberry.mutation
    async def unlink_knows(
        self, info: Ctx, member_id: strawberry.ID, stakeholder_id: strawberry.ID
    ) -> DeleteResult:
        return await _unlink(
            info, "relationships.unlink_knows", f"{member_id}->{stakeholder_id}",
            member_id=member_id, stakeholder_id=stakeholder_id,
        )  # fmt: skip

    @strawberry.mutation(description="`fromId` sways `toId` with a weight 1-5 (INFLUENCES).")
    async def link_influence(
        self, info: Ctx, from_id: strawberry.ID, to_id: strawberry.ID, weight: int
    ) -> bool:
        await _link(info, "influences", {"fromId": from_id, "toId": to_id, "weight": weight})
        return True

    @strawberry.mutation
    async def unlink_influence(
        self, info: Ctx, from_id: strawberry.ID, to_id: strawberry.ID
    ) -> DeleteResult:
        return await _unlink(
            info, "relationships.unlink_influence", f"{from_id}->{to_id}",
            from_id=from_id, to_id=to_id,
        )  # fmt: skip

    @strawberry.mutation(description="Record a team using a product (USES).")
    async def link_deployment(
        self, info: Ctx, team_id: strawberry.ID, product_id: strawberry.ID,
        status: DeploymentStatus, arr: float | None = None, seats: int | None = None,  # type: ignore[valid-type]
        since: dt.date | None = None,
    ) -> bool:  # fmt: skip
        row = {"teamId": team_id, "productId": product_id, "status": status.value, "arr": arr,
               "seats": seats, "since": since}  # fmt: skip
        await _link(info, "deployments", row)
        return True

    @strawberry.mutation
    async def unlink_deployment(
        self, info: Ctx, team_id: strawberry.ID, product_id: strawberry.ID
    ) -> DeleteResult:
        return await _unlink(
            info, "relationships.unlink_deployment", f"{team_id}->{product_id}",
            team_id=team_id, product_id=product_id,
        )  # fmt: skip

    @strawberry.mutation(
        description="Sync an account's org chart from a CSV, SCIM or Salesforce file's content. "
        "The whole file is validated first (row, column, reason); dryRun returns the diff only."
    )
    async def sync_org_chart(
        self,
        info: Ctx,
        account_id: strawberry.ID,
        format: OrgFormat,  # type: ignore[valid-type]
        content: str,
        mode: SyncMode = SyncModeEnum.PARTIAL,  # type: ignore[valid-type]
        dry_run: bool = False,
        effective_date: dt.date | None = None,
    ) -> SyncResult:
        if len(content) > MAX_SYNC_BYTES:
            raise invalid(
                [
                    Problem(
                        "content", f"at most {MAX_SYNC_BYTES} bytes; use `samgraph sync orgchart`"
                    )
                ]
            )
        plan = await orgchart.sync_orgchart(
            info.context.db, account_id=account_id, fmt=OrgFormatEnum(format), content=content,
            mode=SyncModeEnum(mode), dry_run=dry_run, effective=effective_date,
            cadence=info.context.settings.samgraph_cadence_days,
            batch_size=info.context.settings.samgraph_import_batch_size,
        )  # fmt: skip
        return SyncResult.from_plan(plan)

    @strawberry.mutation(
        description="Record a meeting, call, email, QBR or event with its attendees; their "
        "KNOWS.lastContact moves forward, and attendees we did not know get KNOWS at strength 2."
    )
    async def log_interaction(self, info: Ctx, input: InteractionInput) -> Interaction:
        try:
            await activity.log_interactions(info.context.db, [to_row(input)])
        except InvalidInput as exc:
            raise _as_input(exc, "interactions") from None
        rows = await _load(info, "interactions.get_interactions", [input.id])
        return Interaction.from_row(rows[0])

    @strawberry.mutation(
        description="Save (or replace) a named query after parsing and validating it against "
        "the schema; mutations and subscriptions are refused."
    )
    async def save_query(
        self, info: Ctx, name: str, document: str, description: str | None = None,
        variables: JSON | None = None,
    ) -> SavedQuery:  # fmt: skip
        saved = await reports.save(info.context.db, name=name, document=document,
                                   description=description, variables=variables)  # fmt: skip
        return SavedQuery.from_data(saved)

    @strawberry.mutation(description="Delete a saved query (built-in reports cannot be deleted).")
    async def delete_saved_query(self, info: Ctx, name: str) -> DeleteResult:
        return DeleteResult(
            id=strawberry.ID(name), deleted=await reports.delete(info.context.db, name)
        )

    @strawberry.mutation(description="Mark a stakeholder DEPARTED (kept for history).")
    async def mark_departed(
        self, info: Ctx, stakeholder_id: strawberry.ID, date: dt.date | None = None
    ) -> Stakeholder:
        _check_ids(stakeholderId=stakeholder_id)
        rows = await info.context.db.write(
            "stakeholders.mark_departed", id=stakeholder_id, date=date or dt.date.today()
        )
        if not rows:
            raise NotFound(
                f"no stakeholder {stakeholder_id!r}", [Problem("stakeholderId", "not found")]
            )
        return Stakeholder.from_row(rows[0]["stakeholder"])

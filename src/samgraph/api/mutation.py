"""Root mutations: upsert and delete every node, link and unlink every relationship,
mark a stakeholder departed, import a bundle. All writes validate first and go
through the bundle import, so one set of rules applies everywhere."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from pydantic import TypeAdapter, ValidationError
from strawberry.scalars import JSON

from samgraph import privacy
from samgraph.api.admin_types import ApiKey, Erasure, NewApiKey, Role
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
from samgraph.auth import keys
from samgraph.bundle import service as bundle_service
from samgraph.common import Id
from samgraph.errors import Forbidden, InvalidInput, LimitExceeded, NotFound, Problem, invalid
from samgraph.reports import service as reports
from samgraph.sync import activity, orgchart
from samgraph.sync.formats import OrgFormat as OrgFormatEnum
from samgraph.sync.orgchart import SyncMode as SyncModeEnum

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
        scope=info.context.principal.scope,
    )


async def _upsert(info: Ctx, section: str, rows: list[dict[str, Any]]) -> None:
    cap = info.context.settings.samgraph_max_input_rows
    if len(rows) > cap:
        raise LimitExceeded(
            f"input: at most {cap} rows per call (SAMGRAPH_MAX_INPUT_ROWS); use importBundle",
            [Problem("input", f"at most {cap} rows per call")],
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


# The lookup behind each kind of id a delete or unlink names (members and products
# are shared: only credentials not bound to a member may delete them).
_GET = {
    "accounts": "accounts.get_accounts",
    "teams": "teams.get_teams",
    "stakeholders": "stakeholders.get_stakeholders",
    "opportunities": "opportunities.get_opportunities",
    "interactions": "interactions.get_interactions",
}
_SHARED = ("members", "products")


async def _visible(info: Ctx, kind: str, id: str) -> bool:
    """Whether a member-bound caller may touch this object (always true when unbound);
    another account's object looks exactly like a missing one."""
    if info.context.principal.scope is None:
        return True
    if kind in _SHARED:
        raise Forbidden(
            f"{kind} are shared by all accounts: needs a credential not bound to a member"
        )
    return await info.context.loaders.one(_GET[kind]).load(id) is not None


async def _delete(info: Ctx, query: str, id: str) -> DeleteResult:
    _check_ids(id=id)
    kind = query.split(".")[0]  # cypher/<kind>/delete_*.cypher
    if not await _visible(info, kind, id):
        return DeleteResult(id=strawberry.ID(id), deleted=False)
    rows = await info.context.db.write(query, id=id)
    return DeleteResult(id=strawberry.ID(id), deleted=bool(rows and rows[0]["existed"]))


async def _unlink(
    info: Ctx, query: str, label: str, owners: list[tuple[str, str]], **ids: str
) -> DeleteResult:
    """Remove an edge; `owners` are the (kind, id) ends that decide its account."""
    _check_ids(**ids)
    for kind, value in owners:
        if not await _visible(info, kind, value):
            return DeleteResult(id=strawberry.ID(label), deleted=False)
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
        cap = info.context.settings.samgraph_max_bundle_rows
        rows = (
            sum(len(v) for v in bundle.values() if isinstance(v, list))
            if isinstance(bundle, dict)
            else 0
        )
        if rows > cap:
            raise LimitExceeded(
                f"bundle: {rows} rows, at most {cap} per request (SAMGRAPH_MAX_BUNDLE_ROWS); "
                "import bigger bundles with `samgraph import FILE`, which batches them",
                [Problem("bundle", f"at most {cap} rows")],
            )
        summary = await bundle_service.import_bundle(
            info.context.db, bundle, batch_size=info.context.settings.samgraph_import_batch_size,
            scope=info.context.principal.scope,
        )  # fmt: skip
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
            [("accounts", account_id)],
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
            [("stakeholders", stakeholder_id)], member_id=member_id, stakeholder_id=stakeholder_id,
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
            [("stakeholders", from_id), ("stakeholders", to_id)], from_id=from_id, to_id=to_id,
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
            [("teams", team_id)],
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
        if not await _visible(info, "accounts", account_id):
            raise NotFound(f"no account {account_id!r}", [Problem("accountId", "not found")])
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
            await activity.log_interactions(
                info.context.db, [to_row(input)], scope=info.context.principal.scope
            )
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
                                   description=description, variables=variables,
                                   principal=info.context.principal)  # fmt: skip
        return SavedQuery.from_data(saved)

    @strawberry.mutation(description="Delete a saved query (built-in reports cannot be deleted).")
    async def delete_saved_query(self, info: Ctx, name: str) -> DeleteResult:
        return DeleteResult(
            id=strawberry.ID(name),
            deleted=await reports.delete(info.context.db, name, principal=info.context.principal),
        )

    @strawberry.mutation(description="Mark a stakeholder DEPARTED (kept for history).")
    async def mark_departed(
        self, info: Ctx, stakeholder_id: strawberry.ID, date: dt.date | None = None
    ) -> Stakeholder:
        _check_ids(stakeholderId=stakeholder_id)
        missing = NotFound(
            f"no stakeholder {stakeholder_id!r}", [Problem("stakeholderId", "not found")]
        )
        if not await _visible(info, "stakeholders", stakeholder_id):
            raise missing
        rows = await info.context.db.write(
            "stakeholders.mark_departed", id=stakeholder_id, date=date or dt.date.today()
        )
        if not rows:
            raise missing
        return Stakeholder.from_row(rows[0]["stakeholder"])

    @strawberry.mutation(
        description="Create an API key (ADMIN); bound to a member, it sees only that "
        "member's accounts. The token is returned this once."
    )
    async def create_api_key(
        self, info: Ctx, role: Role, member_id: strawberry.ID | None = None,  # type: ignore[valid-type]
        name: str | None = None,
    ) -> NewApiKey:  # fmt: skip
        new = await keys.create_key(
            info.context.db, role=role.value, member_id=member_id, name=name
        )
        return NewApiKey(token=new.token, key=ApiKey.from_row(new.record))

    @strawberry.mutation(description="Revoke an API key by id (ADMIN); it stops working at once.")
    async def revoke_api_key(self, info: Ctx, id: strawberry.ID) -> ApiKey:
        return ApiKey.from_row(await keys.revoke_key(info.context.db, id))

    @strawberry.mutation(
        description="Erase a person (ADMIN): the stakeholder, their edges and history, and "
        "their name in the interactions they attended. Cannot be undone."
    )
    async def erase_person(self, info: Ctx, stakeholder_id: strawberry.ID) -> Erasure:
        _check_ids(stakeholderId=stakeholder_id)
        r = await privacy.erase_person(info.context, stakeholder_id)
        return Erasure(
            stakeholder_id=stakeholder_id, account_id=r["accountId"], edges_removed=r["edges"],
            history_removed=r["history"], interactions_scrubbed=r["interactions"],
            reports_unlinked=r["reports"], other_history_cleared=r["otherHistory"],
        )  # fmt: skip
